"""Actors: actor codes, canonical entities, nominal and pronoun coreference."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chronicle.extract import actors
from chronicle.extract.actor_codes import code_phrase, code_span, country_code, known_actor
from chronicle.extract.coref import quote_regions


SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared(*parts: str) -> Path:
    """As conftest.shared (imported by path, since another conftest module may shadow it)."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared research data not found at {p}")
    return p


# -- code_phrase ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("Ukrainian security forces", ("UKR", "MIL")),
    ("North Korean military personnel", ("PRK", "MIL")),
    ("the Kremlin", ("RUS", "GOV")),
    ("Ukrainian President Volodymyr Zelenskyy", ("UKR", "GOV")),
    ("CNN", ("USA", "JRN")),
    ("paratroopers", (None, "MIL")),
    ("the Security Service of Ukraine", ("UKR", "SPY")),
    ("Ukraine's Special Operations Forces", ("UKR", "MIL")),
    ("Special Operations Forces of the Armed Forces of Ukraine", ("UKR", "MIL")),
    ("Russian troops near Kyiv", ("RUS", "MIL")),
    ("spokesman for the Ukrainian military", ("UKR", "MIL")),
    ("Russian President Vladimir Putin", ("RUS", "GOV")),
    ("a senior U.S. official", ("USA", "GOV")),
    ("police in Kharkiv", ("UKR", "COP")),
    ("Moscow's forces", ("RUS", "MIL")),
    ("Ukraine", ("UKR", None)),
    ("Moscow", ("RUS", "GOV")),  # a capital standing alone as an actor is its government
    ("Moscow residents", ("RUS", "CVL")),
    ("former Russian Defense Minister Sergei Shoigu", ("RUS", "ELI")),
    ("168 Liberians", ("LBR", "CVL")),
    ("Israeli tanks", ("ISR", "MIL")),
])
def test_code_phrase(phrase, expected):
    assert code_phrase(phrase) == expected


def test_code_phrase_blocks_non_actors_and_lowercase_names():
    assert code_phrase("military conflict") == (None, None)  # a junk entry blocks "military"
    assert code_phrase("the times of war") == (None, None)  # "The Times" only when capitalised
    assert code_phrase("") == (None, None)


def test_lookups():
    assert country_code("North Korean") == "PRK"
    assert country_code("the United States") == "USA"
    assert country_code("Kyiv") is None  # a capital is not its country
    assert known_actor("Reuters") == ("GBR", "JRN")
    assert known_actor("Nobody In Particular") is None


def test_code_span_uses_lemmas(nlp):
    doc = nlp("The sappers crossed.")
    assert code_span(doc[0:2])[1] in {"MIL", None}  # unknown words never raise
    doc = nlp("Ukrainian soldiers advanced.")
    assert code_span(doc[0:2]) == ("UKR", "MIL")


def test_quote_regions():
    text = 'He said "one two" and "three.\nNext "four'
    regions = quote_regions(text)
    assert [text[s:e] for s, e in regions] == ['"one two"', '"three.', '"four']


# -- entities ------------------------------------------------------------------------------

def _ent(document, name):
    hits = [e for e in document.entities if e.name == name]
    assert hits, f"no entity {name!r} in {[e.name for e in document.entities]}"
    return hits[0]


def _mentions(ent):
    return [m.text for m in ent.mentions]


def test_title_name_surname_and_pronoun(make_doc):
    text = ("Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow on Tuesday. "
            "Putin said the talks were frank. He added that Russia would keep supplying gas.\n\n"
            "Scholz, speaking to reporters after the meeting, was more cautious. "
            '"We have our differences," he said. The German Chancellor later flew back to Berlin.')
    d = make_doc(text, upto="actors")
    putin = _ent(d, "Vladimir Putin")
    assert (putin.type, putin.country, putin.sector) == ("PERSON", "RUS", "GOV")
    assert _mentions(putin)[:3] == ["Russian President Vladimir Putin", "Putin", "He"]
    scholz = _ent(d, "Olaf Scholz")
    assert scholz.country == "DEU"
    assert "he" in _mentions(scholz)  # pronoun after the quote goes to the last speaker
    assert "The German Chancellor" in _mentions(scholz)
    assert "He" not in _mentions(scholz)
    # every mention span is the text it claims
    for ent in d.entities:
        for m in ent.mentions:
            assert d.text[m.start:m.end] == m.text


def test_spokesman_apposition_and_organisation(make_doc):
    text = ("Kremlin spokesman Dmitry Peskov told the state news agency TASS that no deal had been signed. "
            '"Nothing is final," Peskov said. Maria Zakharova, the Russian Foreign Ministry spokeswoman, '
            "said she had no comment. The Pentagon said it was monitoring the situation.")
    d = make_doc(text, upto="actors")
    peskov = _ent(d, "Dmitry Peskov")
    assert (peskov.country, peskov.sector) == ("RUS", "GOV")
    assert _mentions(peskov)[0] == "Kremlin spokesman Dmitry Peskov"
    zak = _ent(d, "Maria Zakharova")
    assert "the Russian Foreign Ministry spokeswoman" in _mentions(zak)
    assert "she" in _mentions(zak)
    assert zak.country == "RUS"
    pentagon = _ent(d, "Pentagon")
    assert pentagon.country == "USA" and "it" in _mentions(pentagon)
    assert _ent(d, "TASS").sector == "JRN"


def test_two_people_alternating_by_gender(make_doc):
    text = ("Ms. Sarah Smith, a senior U.S. official, said Ukrainian troops had repelled an attack. "
            "Mr. John Jones disagreed. He said the attack was a feint. "
            '"They fought bravely," she said. Jones did not reply.')
    d = make_doc(text, upto="actors")
    smith, jones = _ent(d, "Sarah Smith"), _ent(d, "John Jones")
    assert "she" in _mentions(smith) and "she" not in _mentions(jones)
    assert "He" in _mentions(jones) and "He" not in _mentions(smith)
    assert "Jones" in _mentions(jones)
    assert smith.country == "USA"
    troops = d.entity_at(text.index("Ukrainian troops"), text.index("Ukrainian troops") + 16)
    assert troops is not None and (troops.country, troops.sector) == ("UKR", "MIL")


def test_pronoun_in_quote_not_linked_to_quoted_person(make_doc):
    text = ('Defence Minister Anna Berg spoke on Monday. "I met General Paul Novak and told him '
            'the plan," she said. "He agreed," she added.')
    d = make_doc(text, upto="actors")
    berg = _ent(d, "Anna Berg")
    assert _mentions(berg).count("she") == 2
    novak = _ent(d, "Paul Novak")
    assert "she" not in _mentions(novak)


def test_group_entities_are_found_by_entity_at(make_doc):
    text = "The Ukrainian military said North Korean soldiers were captured by paratroopers."
    d = make_doc(text, upto="actors")
    a = text.index("The Ukrainian military")
    mil = d.entity_at(a, a + len("The Ukrainian military"))
    assert mil is not None and (mil.type, mil.country, mil.sector) == ("GROUP", "UKR", "MIL")
    b = text.index("North Korean soldiers")
    nk = d.entity_at(b, b + len("North Korean soldiers"))
    assert (nk.country, nk.sector) == ("PRK", "MIL")
    ukraine = _ent(d, "Ukraine")  # the adjective alone makes the country entity
    assert ukraine.type == "GPE" and ukraine.country == "UKR"


def test_ids_and_json_shape(make_doc):
    d = make_doc("Reuters reported that Hungary's prime minister Viktor Orban met NATO officials.",
                 upto="actors")
    assert [e.id for e in d.entities] == [f"E{i}" for i in range(1, len(d.entities) + 1)]
    for e in d.entities:
        j = e.to_json()
        assert set(j) >= {"id", "name", "type", "country", "sector", "mentions"}
        assert j["mentions"] and all(m["text"] for m in j["mentions"])
    assert _ent(d, "Reuters").sector == "JRN"


def test_relative_pronoun_and_surname_tagged_as_noun(make_doc):
    text = ("Senator Mary Walsh, who chairs the panel, spoke first. Walsh said the bill would pass. "
            "Governor Tom Reed disagreed with Walsh, who later left.")
    d = make_doc(text, upto="actors")
    walsh = _ent(d, "Mary Walsh")
    assert _mentions(walsh).count("who") == 2
    assert "Walsh" in _mentions(walsh)
    assert _mentions(_ent(d, "Tom Reed")) == ["Governor Tom Reed"]


def test_empty_text(make_doc):
    assert make_doc("", upto="actors").entities == []


# -- the founding example ------------------------------------------------------------------

def test_seed_article(make_doc):
    text = shared("seed", "kursk-pows.txt").read_text(encoding="utf-8")
    gold = json.loads(shared("seed", "kursk-pows.gold.json").read_text(encoding="utf-8"))
    d = make_doc(text, published="2025-01-11", upto="actors")
    by_name = {e.name: e for e in d.entities}
    for g in gold["entities"]:
        assert g["name"] in by_name, g["name"]
        ent = by_name[g["name"]]
        assert ent.type == g["type"], g["name"]
        if g.get("country"):
            assert ent.country == g["country"], g["name"]
        if g.get("sector") == "MIL":
            assert ent.sector == "MIL", g["name"]
        for m in g.get("mentions", []):
            assert m in _mentions(ent), (g["name"], m)
    zel = by_name["Volodymyr Zelenskyy"]
    assert (zel.country, zel.sector) == ("UKR", "GOV")
    # every "he"/"He" in the article is Zelenskyy's
    he = {m.start() for m in re.finditer(r"\b[Hh]e\b", text)}
    assert he <= {m.start for m in zel.mentions}
    assert by_name["CNN"].country == "USA" and by_name["CNN"].sector == "JRN"
    assert by_name["Security Service of Ukraine"].sector == "SPY"
    # group actors the events stage looks up
    i = text.index("the Ukrainian security forces")
    g = d.entity_at(i, i + len("the Ukrainian security forces"))
    assert (g.country, g.sector) == ("UKR", "MIL")
    i = text.index("Russian forces")
    assert (d.entity_at(i, i + 14).country, d.entity_at(i, i + 14).sector) == ("RUS", "MIL")


def test_module_contract():
    assert actors.ASSIGNS == "entities" and actors.REQUIRES == ("parse",)
