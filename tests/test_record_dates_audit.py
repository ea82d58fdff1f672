"""Dating rules found on the second tuning sample of the dates audit (``bench/dates_audit.py``,
split ``tuning2``): each with sentences written for the test."""
from __future__ import annotations

import pytest

from chronicle.extract.event_dates import unrealised


def _tok(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word", [
    ("Analysts believe the president will try to delay the vote.", "delay"),
    ("The ministry is working to bring back 300 citizens from abroad.", "bring"),
    ("Families are trying to repatriate their relatives.", "repatriate"),
    ("Officials need to close the schools to contain the virus.", "contain"),
    ("Lawmakers filed a bill to fund the schools.", "fund"),
    ("Critics point to his record of working to undermine the unions.", "undermine"),
    ("The agency was focused on providing shelter to the refugees.", "providing"),
])
def test_an_aim_or_a_future_is_not_yet_done(nlp, text, word):
    assert unrealised(_tok(nlp, text, word))


@pytest.mark.parametrize("text, word", [
    ("More than 500 migrants have attempted to cross the border.", "cross"),
    ("Dozens of patients were hospitalized to receive treatment.", "receive"),
    ("Donors around the world gave money to help the villages.", "help"),
    ("The army shelled the town and arrested the mayor.", "arrested"),
])
def test_a_done_deed_stays_realised(nlp, text, word):
    assert not unrealised(_tok(nlp, text, word))


def test_an_undated_attempt_under_way_gets_no_publication_date(make_doc):
    document = make_doc("The rebels are trying to seize the airport. Police arrested the mayor.",
                        published="2025-01-13")
    by_type = {v.type: v for v in document.events}
    assert {"ASSAULT", "COERCE"} <= set(by_type)
    assert (by_type["ASSAULT"].date, by_type["ASSAULT"].extra["date_source"]) == (None, "none")
    assert (by_type["COERCE"].date, by_type["COERCE"].extra["date_source"]) == ("2025-01-13", "published")


def test_a_threat_in_the_future_tense_was_made(make_doc):
    document = make_doc("The rebels will attack the airport.", published="2025-01-13")
    (v,) = [v for v in document.events if v.type == "THREATEN"]
    assert (v.date, v.extra["date_source"]) == ("2025-01-13", "published")


def test_what_a_law_lays_down_has_no_date(make_doc):
    document = make_doc("Another law prohibits the use of drones by the police. Police arrested the mayor.",
                        published="2025-01-13")
    by_trigger = {v.extra["trigger"]["text"]: (v.date, v.extra["date_source"]) for v in document.events}
    assert by_trigger == {"prohibits": (None, "none"), "arrested": ("2025-01-13", "published")}


def test_a_rule_or_a_habit_said_on_no_day(make_doc):
    document = make_doc("The mandate requires that insurers cover vaccines. The minister said that the mandate "
                        "would stay.", published="2025-01-16", upto="attributions")
    got = sorted((a.cue.text, a.date, a.extra["date_source"]) for a in document.attributions)
    assert got == [("requires", None, "none"), ("said", "2025-01-16", "published")]


def test_a_quote_in_two_parts_leaves_the_cues_time_to_the_saying(make_doc):
    document = make_doc("“The border will reopen,” the minister said at a briefing on Monday. “We are ready for it.”",
                        published="2025-01-16", upto="attributions")
    (a,) = [a for a in document.attributions if a.cue is not None and a.cue.text == "said"]
    assert a.content.start < a.cue.start < a.content.end  # one record, its quote on both sides of the cue
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == ("2025-01-13", "day", "text")


def test_a_time_inside_a_quote_in_two_parts_stays_what_was_said(make_doc):
    document = make_doc("“The border reopened on Monday,” the minister said. “We are ready for it.”",
                        published="2025-01-16", upto="attributions")
    (a,) = [a for a in document.attributions if a.cue is not None and a.cue.text == "said"]
    assert (a.date, a.extra["date_source"]) == ("2025-01-16", "published")


def test_a_name_given_is_nobodys_saying(make_doc):
    document = make_doc("Lawyers represent members of a new group called Open Schools Now. "
                        "The mayor said that the schools would reopen.", published="2025-01-16", upto="attributions")
    called = [a for a in document.attributions if a.cue is not None and a.cue.text == "called"]
    said = [a for a in document.attributions if a.cue is not None and a.cue.text == "said"]
    assert [(a.date, a.extra["date_source"]) for a in said] == [("2025-01-16", "published")]
    assert [(a.date, a.extra["date_source"]) for a in called] == [(None, "none")]


def test_a_simple_past_goes_on_in_the_time_the_sentence_before_opened_with(make_doc):
    document = make_doc("But on March 3, the border defences failed. Rebel fighters attacked the airport.",
                        published="2025-04-20")
    (v,) = [v for v in document.events if v.extra["trigger"]["text"] == "attacked"]
    assert (v.date, v.date_precision, v.extra["date_source"]) == ("2025-03-03", "day", "text")


@pytest.mark.parametrize("text", [
    # a new paragraph starts a new frame
    "But on March 3, the border defences failed.\nRebel fighters attacked the airport.",
    # the time closes the sentence: it dates that sentence, it does not open a frame
    "The border defences failed on March 3. Rebel fighters attacked the airport.",
    # a perfect spans the time up to now
    "But on March 3, the border defences failed. Rebel fighters have attacked the airport.",
])
def test_no_carry_across_paragraphs_from_a_closing_time_or_to_a_perfect(make_doc, text):
    document = make_doc(text, published="2025-04-20")
    (v,) = [v for v in document.events if v.extra["trigger"]["text"] == "attacked"]
    assert (v.date, v.extra["date_source"]) == ("2025-04-20", "published")


def test_a_role_taking_up_the_speaker_before_goes_on_on_that_day(make_doc):
    document = make_doc("“We will not give up,” Maria Lopez said on Tuesday. The former senator also accused the "
                        "governor of lying about the budget.", published="2025-01-16", upto="attributions")
    (a,) = [a for a in document.attributions if a.cue is not None and a.cue.text == "accused"]
    assert a.source.entity is None  # the role is not linked to the name: the date carries all the same
    assert (a.date, a.extra["date_precision"], a.extra["date_source"]) == ("2025-01-14", "day", "text")


@pytest.mark.parametrize("second", [
    "The court filing also accused the governor of lying about the budget.",  # not a person's role
    "The senator accused the governor of lying about the budget.",  # no "also": may be someone else
])
def test_no_role_carry_to_a_document_or_without_also(make_doc, second):
    document = make_doc("“We will not give up,” Maria Lopez said on Tuesday. " + second,
                        published="2025-01-16", upto="attributions")
    (a,) = [a for a in document.attributions if a.cue is not None and a.cue.text == "accused"]
    assert (a.date, a.extra["date_source"]) == ("2025-01-16", "published")


@pytest.mark.parametrize("text, word", [
    ("“I can’t give you another example,” she said.", "give"),  # a curly n’t parsed as an adverb
    ("He wrote that he hopes the court strikes down the law.", "strikes"),  # "hopes" lemmatised "hop"
])
def test_negation_and_wishes_the_parser_mislabels(nlp, text, word):
    assert unrealised(_tok(nlp, text, word))


@pytest.mark.parametrize("text, word, refused", [
    ("We cannot accept this plan.", "accept", True),
    ("“We can’t accept this plan,” he said.", "accept", True),
    ("The council did not approve the budget.", "approve", True),
    ("The council may not approve the budget.", "approve", False),  # doubt, not a refusal
    ("Police did not arrest the protesters.", "arrest", False),  # not done, not a refusal
    ("They hope the council will not approve the budget.", "approve", False),  # a wish
])
def test_a_plain_no_to_accepting_is_a_refusal_made(nlp, text, word, refused):
    from chronicle.extract.event_dates import refusal

    assert refusal(_tok(nlp, text, word)) is refused


def test_a_refusal_is_dated_by_the_report(make_doc):
    document = make_doc("The union cannot accept the new contract. Police did not arrest the protesters.",
                        published="2025-01-13")
    by_trigger = {v.extra["trigger"]["text"]: (v.date, v.extra["date_source"]) for v in document.events}
    assert by_trigger["accept"] == ("2025-01-13", "published")
    assert by_trigger["arrest"] == (None, "none")
