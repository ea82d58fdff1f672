"""Political parties, party members and companies get country and sector codes.

Why: British-politics news names its actors by party ("Labour accused the Tories"); uncoded, those
events looked non-political and a junk-event gate cut them.
"""
from __future__ import annotations

import pytest

from chronicle.extract import actor_codes as ac


@pytest.mark.parametrize("phrase, expected", [
    ("Labour", ("GBR", "PTY")),
    ("the Tories", ("GBR", "PTY")),
    ("the Liberal Democrats", ("GBR", "PTY")),
    ("the Lib Dems", ("GBR", "PTY")),
    ("Zanu-PF", ("ZWE", "PTY")),
    ("Labour MP", ("GBR", "LEG")),
    ("a Tory peer", ("GBR", "LEG")),
    ("Democratic senator", ("USA", "LEG")),
    ("Republican lawmakers", ("USA", "LEG")),
    ("Labour MP John Smith", ("GBR", "LEG")),
    ("BJP leader", ("IND", "PTY")),
    ("former Tory minister", ("GBR", "ELI")),
    ("Congress party", ("IND", "PTY")),
    ("Canada's Conservatives", ("CAN", "PTY")),
    ("Japan's Democratic Party", ("JPN", "PTY")),
    ("Sweden Democrats", ("SWE", "PTY")),
    ("Republican president George Bush", ("USA", "GOV")),
    ("Lockheed", ("USA", "BUS")),
    ("Airbus", (None, "BUS")),
])
def test_party_and_company_phrases(phrase, expected):
    assert ac.code_phrase(phrase) == expected


def test_ordinary_words_are_not_parties():
    assert ac.code_phrase("Labour costs")[1] != "PTY"
    assert ac.code_phrase("democratic reforms") == (None, None)
    assert ac.code_phrase("Congress")[1] == "LEG"  # the legislature, not India's party
    assert ac.code_phrase("Democratic Republic of Congo")[0] != "USA"


def test_company_suffix_and_listed_firms():
    assert ac.company("Acme Widgets Ltd") == (None, "BUS")
    assert ac.company("Rolls-Royce Holdings plc") == ("GBR", "BUS")
    assert ac.company("Gazprom") == ("RUS", "BUS")
    assert ac.company("Foreign Office") is None


def test_entities_in_a_british_politics_story(make_doc):
    text = ("Labour accused the Tories of wrecking the NHS. The Liberal Democrats backed the bill. "
            "The BJP won the vote in Delhi. Airbus signed a deal with Lockheed.")
    doc = make_doc(text, upto="actors")
    by_name = {e.name: (e.country, e.sector) for e in doc.entities}
    assert by_name["Tories"] == ("GBR", "PTY")
    assert by_name["Liberal Democrats"] == ("GBR", "PTY")  # NER's "Liberal" + "Democrats" repaired
    assert "Democrats" not in by_name
    assert by_name["BJP"] == ("IND", "PTY")
    assert by_name["NHS"] == ("GBR", "MED")
    assert by_name["Airbus"] == (None, "BUS")
    assert by_name["Lockheed"] == ("USA", "BUS")


def test_possessor_country_wins_for_a_party(make_doc):
    doc = make_doc("Canada's Conservatives won the election. Mr Harper thanked the Conservatives.",
                   upto="actors")
    party = [e for e in doc.entities if e.name == "Conservatives"]
    assert party and (party[0].country, party[0].sector) == ("CAN", "PTY")


def test_company_suffix_entity(make_doc):
    doc = make_doc("Acme Widgets Ltd sued Rolls-Royce Holdings plc on Monday.", upto="actors")
    by_name = {e.name: (e.country, e.sector) for e in doc.entities}
    assert by_name["Acme Widgets Ltd"] == (None, "BUS")
    assert by_name["Rolls-Royce Holdings plc"] == ("GBR", "BUS")
