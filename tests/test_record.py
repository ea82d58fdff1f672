"""The chronicle/1 contract: serialisation and the validator that guards it."""
from __future__ import annotations

import copy

from chronicle.model import (Article, Attribution, Document, Entity, Event, Place, Role, SourceRef, Time)
from chronicle.record import to_record, validate

TEXT = "Mayor Ana Lopes said on Friday that the bridge in Porto would reopen."


def _document() -> Document:
    d = Document(article=Article(text=TEXT, published="2024-03-02"))
    ana = Entity("E1", "Ana Lopes", "PERSON", [d.span(6, 15)], country="PRT", sector="GOV")
    d.entities = [ana]
    d.times = [Time("T1", d.span(24, 30), "DATE", "2024-03-01")]
    d.places = [Place("P1", d.span(51, 56), "Porto", 2735943, "PT", "PPLA", 41.15, -8.61)]
    d.attributions = [Attribution("A1", "indirect", d.span(36, 69), SourceRef("Ana Lopes", "E1", d.span(6, 15)),
                                  cue=d.span(16, 20), date="2024-03-01", confidence=0.9)]
    d.events = [Event("V1", "COOPERATE", None, Role("Ana Lopes", "E1", d.span(6, 15), "PRT", "GOV"),
                      d.span(36, 69), place="P1", attributed_to="A1", confidence=0.5)]
    return d


def test_round_trip_is_valid():
    record = to_record(_document())
    assert record["schema"] == "chronicle/1"
    assert validate(record) == []
    assert record["attributions"][0]["content"]["text"] == "the bridge in Porto would reopen."
    assert set(record["events"][0]) >= {"id", "type", "mode", "actor", "target", "place", "date",
                                        "date_precision", "count", "evidence", "attributed_to", "negated",
                                        "confidence"}


def test_validator_catches_broken_records():
    record = to_record(_document())
    bad = copy.deepcopy(record)
    bad["places"][0]["span"]["text"] = "Lisbon"
    assert any("span text" in p for p in validate(bad))
    bad = copy.deepcopy(record)
    bad["events"][0]["place"] = "P9"
    assert any("place P9" in p for p in validate(bad))
    bad = copy.deepcopy(record)
    bad["events"][0]["type"] = "FIGHT"
    assert validate(bad)
    bad = copy.deepcopy(record)
    del bad["attributions"][0]["reported_by"]
    assert validate(bad)


def test_span_outside_text_is_refused():
    d = Document(article=Article(text="short"))
    try:
        d.span(2, 99)
    except ValueError as exc:
        assert "E010" in str(exc)
    else:
        raise AssertionError("a span past the end of the text was accepted")


def test_entity_at_prefers_tightest_mention():
    d = _document()
    assert d.entity_at(6, 15).id == "E1"
    assert d.entity_at(0, 15).id == "E1"  # falls back to a mention inside the range
    assert d.entity_at(40, 45) is None


def test_entity_at_falls_back_to_the_longest_inner_actor_not_a_country():
    text = "The soldiers of Tactical Group No. 84 of Ukraine's forces"
    d = Document(article=Article(text=text))
    ukraine = Entity("E1", "Ukraine", "GPE", [d.span(41, 48)], country="UKR")
    group = Entity("E2", "Tactical Group No. 84", "ORG", [d.span(16, 37)], country="UKR", sector="MIL")
    d.entities = [ukraine, group]
    assert d.entity_at(0, len(text)).id == "E2"
    assert d.entity_at(41, 57).id == "E1"


def test_attribution_at_finds_the_innermost_claim():
    d = _document()
    outer = d.attributions[0]
    inner = Attribution("A2", "indirect", d.span(50, 69), SourceRef("x"), confidence=0.5)
    d.attributions = [outer, inner]
    assert d.attribution_at(51, 56).id == "A2"
    assert d.attribution_at(36, 45).id == "A1"
    assert d.attribution_at(0, 5) is None
