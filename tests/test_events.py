"""Event coding on texts written for these tests, and on the founding seed article."""
from __future__ import annotations

import pytest

from datapaths import shared

PUB = "2025-03-10"


def events(make_doc, text, published=PUB):
    return make_doc(text, published=published).events


def one(make_doc, text, etype):
    found = [e for e in events(make_doc, text) if e.type == etype]
    assert found, f"no {etype} event in {text!r}: {[e.to_json() for e in events(make_doc, text)]}"
    return found[0]


def test_assault_actor_target_codes_place(make_doc):
    e = one(make_doc, "Russian forces shelled Kharkiv on Monday.", "ASSAULT")
    assert (e.actor.country, e.actor.sector) == ("RUS", "MIL")
    assert e.target is not None and e.target.mention.text == "Kharkiv"
    assert "shelled" in e.evidence.text


def test_mobilize_with_count(make_doc):
    e = one(make_doc, "Russia deployed 5,000 troops to the border with Finland.", "MOBILIZE")
    assert e.actor.country == "RUS"
    assert e.count == 5000


def test_aid(make_doc):
    e = one(make_doc, "Germany sent humanitarian aid to Ukraine.", "AID")
    assert e.actor.country == "DEU"


def test_coerce_arrest_place_and_count(make_doc):
    document = make_doc("Police arrested three protesters in Minsk.", published=PUB)
    e = [v for v in document.events if v.type == "COERCE"][0]
    assert e.mode == "arrest"
    assert e.actor.sector == "COP"
    assert e.count == 3
    assert e.place is not None and document.place(e.place).name == "Minsk"


def test_request_governs_embedded_act(make_doc):
    evs = events(make_doc, "The European Union urged Serbia to release the prisoners.")
    assert [e.type for e in evs] == ["REQUEST"]  # the release is asked for, not done
    assert evs[0].target.country == "SRB"


def test_accuse(make_doc):
    e = one(make_doc, "China accused the United States of espionage.", "ACCUSE")
    assert e.actor.country == "CHN" and e.target.country == "USA"


def test_passive_agent_is_actor(make_doc):
    e = one(make_doc, "Two journalists were detained by Iranian police in Tehran.", "COERCE")
    assert (e.actor.country, e.actor.sector) == ("IRN", "COP")
    assert e.target.sector == "JRN"
    assert e.count == 2


def test_negation(make_doc):
    assert one(make_doc, "The army did not attack the village.", "ASSAULT").negated is True
    evs = events(make_doc, "Israel denied attacking the convoy.")
    assert [(e.type, e.negated) for e in evs] == [("ASSAULT", True)]


def test_threat_is_not_an_assault(make_doc):
    evs = events(make_doc, "North Korea threatened to attack South Korea.")
    assert [e.type for e in evs] == ["THREATEN"]
    assert evs[0].actor.country == "PRK"


def test_planned_act_is_marked(make_doc):
    e = one(make_doc, "Russia plans to deploy more troops to Belarus.", "MOBILIZE")
    assert e.extra.get("modality") == "planned"


def test_event_in_quote_is_attributed(make_doc):
    document = make_doc('"Our forces destroyed three Russian tanks near Bakhmut," the Ukrainian defence minister '
                        'said on Tuesday.', published=PUB)
    e = [v for v in document.events if v.type == "ASSAULT"][0]
    assert e.attributed_to is not None
    attr = next(a for a in document.attributions if a.id == e.attributed_to)
    assert attr.content.contains(document.span(e.extra["trigger"]["start"], e.extra["trigger"]["end"]))
    assert e.count == 3
    assert e.actor.sector == "MIL"


def test_unattributed_event_has_no_source(make_doc):
    e = one(make_doc, "Police arrested three protesters in Minsk.", "COERCE")
    assert e.attributed_to is None


def test_repeated_mentions_merge(make_doc):
    evs = events(make_doc, "Turkish police detained 12 students in Istanbul on Friday. "
                           "The students were detained after a march.")
    coerce = [e for e in evs if e.type == "COERCE"]
    assert len(coerce) == 1
    assert len(coerce[0].evidence_all) == 2
    assert coerce[0].count == 12


def test_date_from_sentence_else_publication(make_doc):
    e = one(make_doc, "Russian and Chinese officials held talks in Beijing on March 3, 2025.", "CONSULT")
    assert (e.date, e.date_precision) == ("2025-03-03", "day")
    assert e.target is None  # a date is not a participant
    e = one(make_doc, "Germany sent humanitarian aid to Ukraine.", "AID")
    assert (e.date, e.date_precision) == (PUB, None)  # not stated: publication date as a bound


def test_records_validate_and_spans_match(make_doc):
    document = make_doc('"Our forces destroyed three Russian tanks near Bakhmut," the Ukrainian defence minister '
                        'said on Tuesday. Police arrested three protesters in Minsk.', published=PUB)
    text = document.text
    for e in document.events:
        j = e.to_json()
        assert j["id"].startswith("V")
        assert text[j["evidence"]["start"]:j["evidence"]["end"]] == j["evidence"]["text"]
        for role in (j["actor"], j["target"]):
            if role and role["mention"]:
                m = role["mention"]
                assert text[m["start"]:m["end"]] == m["text"]
    from chronicle.record import to_record, validate

    assert validate(to_record(document)) == []


@pytest.fixture(scope="module")
def seed(make_doc):
    path = shared("seed", "kursk-pows.txt")
    return make_doc(path.read_text(encoding="utf-8"), published="2025-01-11")


def _place_name(document, pid):
    p = document.place(pid)
    return p.name if p else None


def test_seed_capture(seed):
    caps = [e for e in seed.events if e.type == "ASSAULT" and e.mode == "abduct"]
    assert len(caps) == 1, [e.to_json() for e in caps]  # one capture, however often it is mentioned
    e = caps[0]
    assert (e.actor.country, e.actor.sector) == ("UKR", "MIL")
    assert (e.target.country, e.target.sector) == ("PRK", "MIL")
    assert _place_name(seed, e.place) == "Kursk Oblast"
    assert e.count == 2
    assert "captured" in e.evidence.text
    assert len(e.evidence_all) >= 2


def test_seed_mobilize_attributed(seed):
    mob = [e for e in seed.events if e.type == "MOBILIZE"]
    assert len(mob) == 1
    e = mob[0]
    assert (e.actor.country, e.actor.sector) == ("PRK", "MIL")
    assert _place_name(seed, e.place) == "Kursk Oblast"
    assert e.count == 11000
    attr = next(a for a in seed.attributions if a.id == e.attributed_to)
    assert "assessments" in (attr.source.name or "")
    # "August 2024" dates the incursion in the relative clause, not the deployment
    assert e.date_precision is None


def test_seed_incursion(seed):
    inc = [e for e in seed.events if e.type in ("ASSAULT", "MOBILIZE") and "incursion" in e.extra["trigger"]["text"]]
    assert len(inc) == 1
    e = inc[0]
    assert (e.actor.country, e.actor.sector) == ("UKR", "MIL")
    assert _place_name(seed, e.place) == "Kursk Oblast"
    assert (e.date, e.date_precision) == ("2024-08", "month")


def test_seed_threat_free_and_no_stitching(seed):
    # every event's place, roles and evidence come from one sentence
    for e in seed.events:
        ev = e.evidence
        for role in (e.actor, e.target):
            if role is not None and role.mention is not None:
                assert ev.contains(role.mention), e.to_json()
        if e.place:
            assert ev.contains(seed.place(e.place).span), e.to_json()


def test_reported_obligation_is_a_request(make_doc):
    evs = events(make_doc, "Russia says Israel must end its strikes on Syria.")
    req = [e for e in evs if e.type == "REQUEST"]
    assert req and req[0].actor.country == "RUS" and req[0].target.country == "ISR"


def test_refusal_and_promise(make_doc):
    assert one(make_doc, "France will not lift the ban on British beef.", "REJECT").negated is False
    e = one(make_doc, "The rebels said they will release the two hostages.", "AGREE")
    assert e.extra.get("modality") == "planned"


def test_sports_report_is_not_an_assault(make_doc):
    evs = events(make_doc, "Kenyan athlete Bernard Lagat beat Nate Brannen in the mile race at the indoor "
                           "championships in Boston, the best result of his season in athletics.")
    assert not [e for e in evs if e.type == "ASSAULT"]
    # the same verb in a war report is coded
    assert one(make_doc, "Russian troops attacked the Ukrainian town of Kupiansk.", "ASSAULT").actor.country == "RUS"
