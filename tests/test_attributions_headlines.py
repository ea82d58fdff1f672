"""Speaker-colon lines (headlines, transcripts) on texts written for the purpose."""
from __future__ import annotations


def _atts(make_doc, text):
    return make_doc(text, published="2016-03-01", upto="attributions").attributions


def test_headline_colon_names_the_speaker(make_doc):
    text = ("Rubio: I Still Believe Trump Cannot Be Trusted With Nuclear Codes\n\n"
            "Senator Marco Rubio spoke in Miami on Monday.")
    hits = [a for a in _atts(make_doc, text) if "Trusted" in a.content.text]
    assert hits
    assert hits[0].source.mention.text == "Rubio"
    assert hits[0].cue.text == ":"
    assert hits[0].content.text.startswith("I Still Believe")


def test_transcript_speaker_labels(make_doc):
    text = ("TAPPER: Do you think the governor has campaigned as a healer?\n\n"
            "FALLIN: Well, I think the whole state needs to work together on this.")
    atts = _atts(make_doc, text)
    by_src = {a.source.mention.text: a for a in atts if a.source.mention}
    assert "FALLIN" in by_src and "whole state" in by_src["FALLIN"].content.text
    assert "TAPPER" in by_src


def test_datelines_and_labels_are_not_speakers(make_doc):
    text = ("WASHINGTON: The Senate voted on the budget bill late on Friday night.\n\n"
            "UPDATE: The vote was delayed until Saturday morning by a procedural motion.")
    atts = _atts(make_doc, text)
    assert not [a for a in atts if a.cue is not None and a.cue.text == ":"]
