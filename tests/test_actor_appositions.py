"""Appositions: a description joins a person only when it is punctuated as one."""
from __future__ import annotations


def _entities(make_doc, text):
    return make_doc(text, published="2025-03-10").entities


def test_clause_subject_misparsed_as_apposition_stays_its_own_actor(make_doc):
    text = ("A Zimbabwean court on Tuesday freed pastor Evan Mawarire, who had been arrested "
            "on charges of attempting to subvert the government.")
    ents = {e.name: e for e in _entities(make_doc, text)}
    person = next(e for name, e in ents.items() if "Mawarire" in name)
    assert all("court" not in m.text for m in person.mentions)
    assert person.sector != "JUD"
    assert any("court" in name for name in ents)


def test_punctuated_apposition_still_describes_the_person(make_doc):
    ents = _entities(make_doc, "Dmitry Peskov, the Kremlin spokesman, said the talks would go on.")
    peskov = next(e for e in ents if e.name == "Dmitry Peskov")
    assert "the Kremlin spokesman" in [m.text for m in peskov.mentions]
    assert (peskov.country, peskov.sector) == ("RUS", "GOV")
