"""The junk-event gate: a business story's own disputes are no political events, a politics story
keeps its events (its parties are coded now, so they count as political participants)."""
from __future__ import annotations

from chronicle.extract import events as ev
from chronicle.model import Role

BUSINESS = ("Acme Widgets Ltd sued Brightway Toys over a patent. Brightway Toys accused Acme Widgets Ltd "
            "of copying its designs. Acme Widgets Ltd signed a deal with Northfield Retail. "
            "The toys are sold in shops across the north. Sales rose by a tenth last year.")
POLITICS = ("Labour accused the Tories of wrecking the NHS. The Liberal Democrats backed the bill. "
            "Tory MPs criticised the decision. The vote is due next week. The debate lasted six hours.")


def _types(make_doc, text, gate):
    old = ev.USE_JUNK_GATE
    ev.USE_JUNK_GATE = gate
    try:
        return [e.type for e in make_doc(text, published="2005-03-10").events]
    finally:
        ev.USE_JUNK_GATE = old


def test_business_disputes_are_dropped(make_doc):
    assert len(_types(make_doc, BUSINESS, False)) >= 3  # the coder finds them ...
    assert _types(make_doc, BUSINESS, True) == []  # ... and the gate drops them


def test_party_politics_survives(make_doc):
    ungated = _types(make_doc, POLITICS, False)
    assert len(ungated) >= 3
    assert _types(make_doc, POLITICS, True) == ungated


def test_short_reports_are_never_gated(make_doc):
    three = ". ".join(BUSINESS.split(". ")[:3]) + "."  # a report of three sentences, like a gold item
    assert len(_types(make_doc, three, True)) >= 3


def test_flags_need_a_mostly_unpolitical_article():
    firm, person = Role(name="Acme", sector="BUS"), Role(name="Jo Bloggs")
    party = Role(name="Labour", country="GBR", sector="PTY")
    assert ev.junk_flags([(firm, person)] * 3, 0.0) == [True] * 3
    assert ev.junk_flags([(firm, person)] * 3, 0.0, sentences=2) == [False] * 3
    assert ev.junk_flags([(firm, person)] * 2, 0.0) == [False] * 2  # too few events to judge
    assert ev.junk_flags([(firm, person)] * 3, 0.2) == [False] * 3  # a politics story's people
    assert ev.junk_flags([(firm, person), (firm, party), (party, None), (person, None)], 0.0) == [False] * 4
    assert ev.junk_flags([(firm, person), (firm, party), (person, None), (person, None)], 0.0) == \
        [True, False, True, True]
