"""Attributions: each construction on texts written for the purpose, and the seed article."""
from __future__ import annotations

import json

import pytest

from chronicle.extract.attribution_quotes import groups
from datapaths import shared


def _atts(make_doc, text, published="2025-01-11"):
    return make_doc(text, published=published, upto="attributions").attributions


def _find(atts, fragment):
    hits = [a for a in atts if fragment in a.content.text]
    assert hits, f"no attribution contains {fragment!r}: {[a.content.text for a in atts]}"
    return hits[0]


# ----------------------------------------------------------------- quote scanner (no model)

def test_quote_scanner_curly_straight_and_split():
    text = '"First part," he said, "second part."\n\n“Curly one,” she added.'
    got = [[text[s.start:s.end] for s in g.segments] for g in groups(text)]
    assert got == [["First part,"], ["second part."], ["Curly one,"]]


def test_quote_scanner_multi_paragraph_convention():
    text = '"We will go on.\n\n"And we will win," the minister said.'
    gs = groups(text)
    assert len(gs) == 1
    assert [text[s.start:s.end] for s in gs[0].segments] == ["We will go on.", "And we will win,"]


def test_quote_scanner_unbalanced_never_raises():
    for text in ['He said "never closed', '”stray closer first', '"a" "b" "', '“““', '"', "''"]:
        for g in groups(text):
            for s in g.segments:
                assert 0 <= s.start <= s.end <= len(text)


def test_quote_scanner_typewriter_pairs():
    text = "The mayor said ''we are ready,'' and left."
    (g,) = groups(text)
    assert text[g.start:g.end] == "we are ready,"


# ----------------------------------------------------------------- direct speech

def test_direct_quote_cue_after(make_doc):
    text = ('Maria Lopez runs the port authority.\n\n'
            '"The ships will sail again next week once the repairs are finished," Lopez said.')
    a = _find(_atts(make_doc, text), "The ships will sail")
    assert a.kind == "direct"
    assert a.cue.text == "said"
    assert a.source.mention.text == "Lopez"
    assert a.content.text.startswith("The ships will sail")
    assert '"' not in a.content.text


def test_direct_quote_split_around_cue_is_one_attribution(make_doc):
    text = ('Mayor John Carter spoke on Monday.\n\n'
            '"We have no money left for the bridge," he said, "and nobody in the capital will listen to us."')
    atts = _atts(make_doc, text)
    direct = [a for a in atts if a.kind == "direct"]
    assert len(direct) == 1
    a = direct[0]
    assert a.content.text.startswith("We have no money")
    assert a.content.text.endswith("will listen to us.")
    parts = [p["text"] for p in a.extra["content_parts"]]
    assert parts == ["We have no money left for the bridge", "and nobody in the capital will listen to us."]
    assert a.cue.text == "said"
    assert a.source.mention.text == "he"


def test_direct_quote_cue_before_with_colon(make_doc):
    text = 'The general told reporters: "Our troops will hold the line. Nobody is retreating from the city."'
    a = _find(_atts(make_doc, text), "Our troops will hold")
    assert a.kind == "direct"
    assert a.cue.text == "told"
    assert "Nobody is retreating" in a.content.text  # both sentences of the quote
    assert a.source.mention.text == "The general"


def test_multi_paragraph_quote(make_doc):
    text = ('The governor addressed the crowd. "We will rebuild every house that the flood destroyed.\n\n'
            '"We will not rest until the last family is home," she said.')
    atts = _atts(make_doc, text)
    a = _find(atts, "rebuild every house")
    assert a.kind == "direct"
    assert "the last family is home" in a.content.text
    assert a.cue.text == "said"


def test_unbalanced_quotes_do_not_crash(make_doc):
    text = ('The spokesman said "the talks will continue tomorrow.\n\n'
            'Another paragraph with a stray ” mark and an odd " one.\n\n'
            '"Closed quote, finally," he said.')
    atts = _atts(make_doc, text)
    a = _find(atts, "Closed quote, finally")
    assert a.kind == "direct" and a.cue.text == "said"


def test_scare_quotes_and_titles_are_not_speech(make_doc):
    text = ('The company called the plan a "restructuring" while critics spoke of "Black Friday". '
            'Viewers of "Saturday Night Live" laughed.')
    atts = _atts(make_doc, text)
    assert not [a for a in atts if a.kind == "direct"]


# ----------------------------------------------------------------- indirect and mixed speech

@pytest.mark.parametrize("verb", ["said", "stated", "confirmed", "noted", "warned"])
def test_indirect_that_clause(make_doc, verb):
    text = f"The Finnish foreign minister {verb} that the border crossings would remain closed until spring."
    (a,) = _atts(make_doc, text)
    assert a.kind == "indirect"
    assert a.cue.text == verb
    assert a.content.text == "the border crossings would remain closed until spring"
    assert a.source.mention.text == "The Finnish foreign minister"


def test_indirect_told_someone_that(make_doc):
    text = "Anna Berg told the committee that the budget had been spent by March."
    (a,) = _atts(make_doc, text)
    assert a.cue.text == "told"
    assert a.content.text == "the budget had been spent by March"
    assert a.source.mention.text == "Anna Berg"


def test_indirect_cue_after_content(make_doc):
    text = "The factory will close at the end of the year, the union said."
    (a,) = _atts(make_doc, text)
    assert a.kind == "indirect"
    assert a.content.text == "The factory will close at the end of the year"
    assert a.source.mention.text == "the union"
    assert a.source.name == "union"


def test_participial_noting_takes_main_subject(make_doc):
    text = ("Peter Novak praised the rescue teams, noting that the floods had been the worst in "
            "fifty years.")
    a = _find(_atts(make_doc, text), "the floods had been")
    assert a.cue.text == "noting"
    assert a.source.mention.text == "Peter Novak"


def test_according_to(make_doc):
    text = "According to the health ministry, some 300 people were treated in hospitals overnight."
    (a,) = _atts(make_doc, text)
    assert a.cue.text == "According to"
    assert a.content.text == "some 300 people were treated in hospitals overnight"
    assert a.source.mention.text == "the health ministry"


def test_possessive_spokesman(make_doc):
    text = "The ministry's spokesman said that no decision had been taken on the new fees."
    (a,) = _atts(make_doc, text)
    assert a.source.mention.text == "The ministry's spokesman"
    assert a.content.text == "no decision had been taken on the new fees"


def test_mixed_partial_quote(make_doc):
    text = 'The senator said the proposal was "dead on arrival" in its current form.'
    (a,) = _atts(make_doc, text)
    assert a.kind == "mixed"
    assert '"dead on arrival"' in a.content.text


def test_nested_reported_by_with_date(make_doc):
    text = ("Earlier on March 3, 2024, the Danish navy had said that two cables were cut in the Baltic, "
            "Reuters reported.")
    (a,) = _atts(make_doc, text, published="2024-03-05")
    assert a.source.mention.text == "the Danish navy"
    assert a.cue.text == "said"
    assert a.content.text == "two cables were cut in the Baltic"
    assert a.reported_by and a.reported_by["name"] == "Reuters"
    assert a.date == "2024-03-03"


def test_medium_told_and_platform(make_doc):
    atts = _atts(make_doc, "The minister told Reuters that the deal was close.")
    assert atts[0].medium == "Reuters"
    atts = _atts(make_doc, "Writing on Telegram, the governor said that power had been restored.")
    assert atts[0].medium == "Telegram"


def test_unresolved_pronoun_falls_back_to_last_speaker(make_doc):
    text = ('"We need more trucks," said Olena Kovalenko, who runs the aid depot.\n\n'
            '"The roads are blocked," she added.')
    atts = _atts(make_doc, text)
    a = _find(atts, "The roads are blocked")
    assert a.source.mention.text == "she"
    assert "Kovalenko" in a.source.name


def test_confidence_in_unit_interval(make_doc):
    text = ('"Yes," he said. According to officials, the plan stands. '
            'She warned that prices would rise, the paper reported.')
    for a in _atts(make_doc, text):
        assert 0.0 <= a.confidence <= 1.0
        assert a.content.text == text[a.content.start:a.content.end]


# ----------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed(make_doc):
    text = shared("seed", "kursk-pows.txt").read_text(encoding="utf-8")
    gold = json.loads(shared("seed", "kursk-pows.gold.json").read_text(encoding="utf-8"))
    document = make_doc(text, published=gold["article"]["published"], upto="attributions")
    return document, gold


def test_seed_direct_quotes(seed):
    document, gold = seed
    for q in [q for q in gold["quotes"] if q["kind"] == "direct"]:
        a = _find(document.attributions, q["content_starts"])
        assert a.kind == "direct"
        assert a.content.text.startswith(q["content_starts"])
        assert q["content_ends"] in a.content.text
        assert a.cue.text == q["cue"]
        assert a.source.mention.text == q["speaker_mention"]
        assert a.source.name == q["speaker"]


def test_seed_reported_statements(seed):
    document, gold = seed
    for q in [q for q in gold["quotes"] if q["kind"] == "indirect"]:
        a = _find(document.attributions, q["content_starts"])
        assert a.kind == "indirect"
        assert len(a.content.text) < len(q["content_starts"]) + 200  # the clause, not the paragraph
        assert q["cue"].split()[-1] == a.cue.text, (q["cue"], a.cue.text)
        assert a.source.name == q["speaker"]
        if "date" in q:
            assert a.date == q["date"]
        if "medium" in q:
            assert a.medium == q["medium"]
        if "reported_by" in q:
            assert a.reported_by and a.reported_by["name"] == q["reported_by"]


def test_seed_claims(seed):
    document, gold = seed
    for c in gold["claims"]:
        a = _find(document.attributions, c["content_starts"])
        assert a.content.text.startswith(c["content_starts"])
        assert a.source.name == c["source"]
        if "cue" in c:
            assert a.cue.text == c["cue"]
        if "reported_by" in c:
            assert a.reported_by["name"] == c["reported_by"]
            assert a.date == c["date"]


def test_seed_each_statement_once(seed):
    """No statement is reported twice (a quote and its cue's clause, or the nested report and
    the outer "CNN reported")."""
    document, gold = seed
    starts = {q["content_starts"] for q in gold["quotes"]} | {c["content_starts"] for c in gold["claims"]}
    for s in starts:
        hits = [a for a in document.attributions if s in a.content.text]
        assert len(hits) == 1, (s, [a.content.text for a in hits])
    assert not [a for a in document.attributions if a.cue is not None and a.cue.text == "reported"]


def test_passive_reported_by_agent(make_doc):
    (a,) = _atts(make_doc, "It was reported by the BBC that the bridge had collapsed.")
    assert a.source.mention.text == "the BBC"
    assert a.content.text == "the bridge had collapsed"


def test_medium_interview_and_video_address(make_doc):
    (a,) = _atts(make_doc, "The minister said in an interview with CNN that talks had stalled.")
    assert a.medium == "CNN"
    (a,) = _atts(make_doc, "In a video address, President Macron said that France would send more aid.")
    assert a.medium == "video address"


@pytest.mark.parametrize("text", ["'We will not give up,' she said.", "‘We will not give up,’ she said."])
def test_single_quoted_speech_is_direct(make_doc, text):
    (a,) = _atts(make_doc, text)
    assert a.kind == "direct"
    assert a.content.text == "We will not give up"


def test_conjoined_clause_and_quote_are_two_attributions(make_doc):
    text = ('The mayor said the decision was made by the police chief and said, '
            '"Who are you going to trust on security?"')
    atts = _atts(make_doc, text)
    assert [a.kind for a in atts] == ["indirect", "direct"]
    assert atts[0].content.text == "the decision was made by the police chief"


def test_the_subject_of_a_passive_cue_is_not_its_speaker(make_doc):
    # "is expected to be close", "is said to be furious": the vote and the minister are what is spoken
    # of; nobody is named as saying it, so no attribution names them as the source
    atts = _atts(make_doc, "The vote is due to be taken on Wednesday and is expected to be close. "
                           "The minister is said to be furious about the leak.")
    assert not [a for a in atts if a.source.name and a.source.name.lower() in ("vote", "the vote", "minister",
                                                                                "the minister")]
    # an agent still speaks: "was criticised by opposition leaders, who said ..."
    atts = _atts(make_doc, "The plan was criticised by opposition leaders, who said it would fail.")
    assert _find(atts, "it would fail").source.name == "opposition leaders"
