"""Source mentions follow the noun phrase a reader (and PolNeAR) delimits, while the name stays
the canonical entity: texts written for the purpose."""
from __future__ import annotations


def _att(make_doc, text, fragment):
    atts = make_doc(text, published="2016-03-01", upto="attributions").attributions
    hits = [a for a in atts if fragment in a.content.text]
    assert hits, [a.content.text for a in atts]
    return hits[0]


def test_apposition_is_part_of_the_mention_not_the_name(make_doc):
    a = _att(make_doc, '"We will win this county," said Jim Bennett, 57, a retired teacher from Ashton.',
             "win this county")
    assert a.source.mention.text == "Jim Bennett, 57, a retired teacher from Ashton"
    assert a.source.name == "Jim Bennett"


def test_party_label_in_parentheses_is_kept_whole(make_doc):
    a = _att(make_doc, 'Sen. Claire McCaskill (D-Mo.) said the hearing was a waste of time.', "hearing was")
    assert a.source.mention.text == "Sen. Claire McCaskill (D-Mo.)"
    assert "McCaskill" in a.source.name


def test_relative_pronoun_is_the_mention_and_the_antecedent_the_name(make_doc):
    a = _att(make_doc, "The plan was backed by Maria Lopez, who said that the city could not wait any longer.",
             "the city could not wait")
    assert a.source.mention.text == "who"
    assert a.source.name == "Maria Lopez"


def test_time_and_medium_modifiers_stay_out_of_the_mention(make_doc):
    text = ("Mayor Tom Reed spoke to reporters on Monday.\n\n"
            "11:05 a.m.\n\nTom Reed said on Twitter that the bridge would reopen next week.")
    a = _att(make_doc, text, "bridge would reopen")
    assert a.source.mention.text == "Tom Reed"


def test_continuing_quote_points_at_where_the_speaker_was_named(make_doc):
    text = ('"The budget is balanced," Governor Ann Hill said.\n\n'
            '"We did it without raising taxes. Nobody thought we could."')
    atts = make_doc(text, published="2016-03-01", upto="attributions").attributions
    later = [a for a in atts if "raising taxes" in a.content.text]
    assert later and later[0].source.name and "Hill" in later[0].source.name
    assert later[0].source.mention is not None and "Ann Hill" in later[0].source.mention.text


def test_noun_cue_with_content_clause(make_doc):
    a = _att(make_doc, "The mayor dismissed Senator Ann Hill's assertion that the new bridge was unsafe for trucks.",
             "bridge was unsafe")
    assert a.cue.text == "assertion"
    assert "Ann Hill" in a.source.mention.text
    assert a.content.text.startswith("the new bridge")
