"""Nominal coreference: descriptions ("the 45-year-old", "the nurse", "the former minister")
that stand for a person named earlier, and the sources of attributions that use them."""
from __future__ import annotations

import pytest

BRIEF = ('Maria Gonzalez, a nurse from Valencia, was arrested on Monday.\n\n'
         '"I did nothing wrong," the 45-year-old told reporters.\n\n'
         'The president of the clinic, Juan Perez, said the arrest was a mistake. '
         'The director added that staff were shocked.')


def _doc(make_doc, text):
    return make_doc(text, published="2024-05-08")


def _att(d, content_start):
    return next(a for a in d.attributions if a.content.text.startswith(content_start))


def _mention_entity(d, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(phrase, start + 1)
    return d.entity_at(start, start + len(phrase))


@pytest.fixture(scope="module")
def brief(make_doc):
    return _doc(make_doc, BRIEF)


def test_age_description_is_the_salient_person(brief):
    a = _att(brief, "I did nothing wrong")
    assert a.source.mention is not None and a.source.mention.text == "the 45-year-old"
    assert a.source.name == "Maria Gonzalez"
    assert brief.entity(a.source.entity).name == "Maria Gonzalez"
    assert _mention_entity(brief, "the 45-year-old").name == "Maria Gonzalez"


def test_title_of_phrase_with_apposed_name(brief):
    a = _att(brief, "the arrest was a mistake")
    assert a.source.name == "Juan Perez"
    assert brief.entity(a.source.entity).name == "Juan Perez"
    assert a.source.mention.text == "The president of the clinic, Juan Perez"
    assert _mention_entity(brief, "The president of the clinic").name == "Juan Perez"


def test_role_without_antecedent_stays_unresolved(brief):
    a = _att(brief, "staff were shocked")
    assert a.source.entity is None
    assert a.source.mention.text == "The director"


def test_apposition_role_and_later_title(make_doc):
    d = _doc(make_doc, BRIEF + " The nurse later said she would appeal. The president said he agreed.")
    assert _att(d, "she would appeal").source.name == "Maria Gonzalez"
    assert _att(d, "he agreed").source.name == "Juan Perez"
    assert _mention_entity(d, "The nurse").name == "Maria Gonzalez"


def test_former_minister(make_doc):
    d = _doc(make_doc, "Former Health Minister Ana Lopez resigned on Friday. Critics had blamed her "
                       "for the delays. The former minister said she had been treated unfairly.")
    a = _att(d, "she had been treated unfairly")
    assert a.source.name == "Ana Lopez"
    assert a.source.mention.text == "The former minister"


def test_spokeswoman_needs_matching_gender(make_doc):
    d = _doc(make_doc, "Laura Kim, a spokeswoman for the ministry, declined to comment on Tuesday. "
                       "Officials met in the evening. The spokeswoman said later that talks would resume.")
    assert _att(d, "talks would resume").source.name == "Laura Kim"
    d = _doc(make_doc, "John Smith, a spokesman for the ministry, declined to comment on Tuesday. "
                       "The spokeswoman said later that talks would resume.")
    assert _att(d, "talks would resume").source.entity is None


def test_stated_age_picks_among_several(make_doc):
    d = _doc(make_doc, 'Peter Hall, 52, and Anna Berg, 45, were detained. "We are innocent," the 45-year-old said.')
    assert _mention_entity(d, "the 45-year-old").name == "Anna Berg"


def test_age_description_ambiguous_between_equals(make_doc):
    d = _doc(make_doc, 'Peter Hall and Anna Berg were detained on Monday. "We are innocent," the 45-year-old said.')
    assert _mention_entity(d, "the 45-year-old") is None
    assert _att(d, "We are innocent").source.entity is None


def test_age_of_a_thing_is_not_a_person(make_doc):
    d = _doc(make_doc, "Peter Hall met reporters. The 45-year-old law was repealed, he said.")
    assert _mention_entity(d, "The 45-year-old") is None
