"""Times: detection fixes from reading dated US political news (PolNeAR train) with every tag
bracketed: what was missed, what was tagged that is no time, and extents. Every sentence is written
for these tests; publication date a Tuesday, 2016-05-10, unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

DCT = "2016-05-10"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, DCT)


def _absent(found, span):
    return not [f for f in found if f[0] == span]


@pytest.mark.parametrize("text,first,second,value", [
    # a poll's field dates: the second day takes the month of the first
    ("The poll surveyed 1,000 adults Dec. 6-9 with a margin of error of 3 points.", "Dec. 6", "9", "2015-12-09"),
    ("Delegates gather in Philadelphia July 25-28 for the convention.", "July 25", "28", "2016-07-28"),
    ("Monmouth conducted its survey March 17–20 by phone.", "March 17", "20", "2016-03-20"),
])
def test_second_day_of_a_dashed_range(run, text, first, second, value):
    found = run(text)
    assert tagged(found, first)[1] == "DATE"
    assert tagged(found, second)[1:] == ("DATE", value)


@pytest.mark.parametrize("text", [
    "The Warriors won the game 3-2 in March.",
    "Children aged 6-9 were given the vaccine in March.",
])
def test_a_dash_between_numbers_without_a_month_day_stays_a_score(run, text):
    found = run(text)
    assert [f[0] for f in found] == ["March"], found


@pytest.mark.parametrize("text,span", [
    ("Riyadh has denied any role in the Sept. 11, 2001, attacks.", "Sept. 11, 2001"),
    ("The museum opened after the September 11, 2011 ceremony.", "September 11, 2011"),
])
def test_the_determiner_of_the_noun_is_outside_a_full_date(run, text, span):
    found = run(text)
    assert tagged(found, span)[1] == "DATE"
    assert _absent(found, "the " + span), found


def test_that_same_day_is_the_day_the_narrative_is_at(run):
    found = run("The governor vetoed the bill on May 4. The attorney general sued that same day.")
    assert tagged(found, "that same day")[1:] == ("DATE", "2016-05-04")


@pytest.mark.parametrize("text,title", [
    ("Carson went on ABC's This Week to defend his statements.", "This Week"),
    ("Speaking on ABC\u2019s \u201cThis Week,\u201d the candidate admitted the error.", "This Week"),
    ("Speaking to CBS This Morning, Rubio refrained from attacks.", "This Morning"),
])
def test_a_programme_named_this_week_is_no_time(run, text, title):
    assert _absent(run(text), title)


@pytest.mark.parametrize("text,span,value", [
    ("This week, Carson defended his statements.", "This week", "2016-W19"),
    ("Obama To Visit Cuba This Month, Officials Say", "This Month", "2016-05"),
    ("He said it this morning on CNN.", "this morning", "2016-05-10TMO"),
])
def test_this_week_in_a_sentence_or_headline_stays(run, text, span, value):
    assert tagged(run(text), span)[2] == value


@pytest.mark.parametrize("text,span,value", [
    ("\u201cIt's been seven-and-a-half years,\u201d the senator said.", "seven-and-a-half years", "P7Y6M"),
    ("The pilot survived 5 \u00bd years in a prison camp.", "5 \u00bd years", "P5Y6M"),
    ("The talks lasted two and a half days.", "two and a half days", "P2DT12H"),
])
def test_hyphenated_and_glyph_halves(run, text, span, value):
    assert tagged(run(text), span)[1:] == ("DURATION", value)


@pytest.mark.parametrize("text", [
    "It could decide the 2016 elections in the Senate.",
    "Pate has not donated to any 2016 presidential candidates so far.",
    "Both parties studied the 2012 primaries closely.",
])
def test_a_year_before_a_plural_it_names(run, text):
    assert tagged(run(text), "2016" if "2016" in text else "2012")[1:] == ("DATE", "2016" if "2016" in text else "2012")


@pytest.mark.parametrize("text", [
    "The 2000 workers at the plant went on strike.",
    "Police said the 1500 protesters dispersed peacefully.",
])
def test_a_number_before_another_plural_stays_a_count(run, text):
    found = run(text)
    assert not [f for f in found if f[0] in ("2000", "1500")], found


@pytest.mark.parametrize("text,ends", [
    ("She was secretary of state from 2009-2013, the report said.", ("2009", "2013")),
    ("Nancy Reagan was first lady of the United States, 1981-1989.", ("1981", "1989")),
])
def test_both_years_of_a_dashed_range(run, text, ends):
    found = run(text)
    for y in ends:
        assert tagged(found, y)[1:] == ("DATE", y)


def test_a_range_of_counts_is_no_pair_of_years(run):
    found = run("The index climbed 1900-2000 points in the session.")
    assert not [f for f in found if f[0] in ("1900", "2000")], found


@pytest.mark.parametrize("text,word", [
    ("He was recently profiled in the Daily Beast, which ran a long piece.", "Daily"),
    ("As one employee told Palo Alto Weekly, the manager wanted to scare them.", "Weekly"),
    ("The ad was paid for by the Liberty Now PAC, a conservative group.", "Now"),
    ("''We will see,'' he said on ABC's ''This Week.''", "This Week"),
])
def test_a_capitalised_time_word_inside_a_name_is_no_time(run, text, word):
    assert _absent(run(text), word)


@pytest.mark.parametrize("text,word,value", [
    ("Donald Trump Is Now Calling Obama The Most Ignorant President", "Now", "PRESENT_REF"),
    ("Now the Republicans worked hard to change that.", "Now", "PRESENT_REF"),
    ("The council meets Daily in the old town hall.", "Daily", "P1D"),
])
def test_a_capitalised_time_word_in_a_headline_or_sentence_start_stays(run, text, word, value):
    assert tagged(run(text), word)[2] == value


def test_a_live_blog_entry_time_is_on_the_report_day(run):
    text = ("The Latest on the primary (all times local):\n\n___.\n\n3:40 p.m.\n\n"
            "The candidate spoke in Nashua on Saturday.\n\n___.\n\n2:00 p.m.\n\nThe governor held a rally.\n")
    found = run(text)
    assert tagged(found, "Saturday")[2] == "2016-05-07"
    assert tagged(found, "2:00 p.m.")[1:] == ("TIME", "2016-05-10T14:00")


def test_a_clock_time_in_a_sentence_keeps_the_narrative_day(run):
    found = run("The polls opened on Saturday. At 2:00 p.m. the first results came in.")
    assert tagged(found, "2:00 p.m.")[2] == "2016-05-07T14:00"


@pytest.mark.parametrize("text", [
    "The senator told NBC\u2019s \u201cToday\u201d on Monday that he disagreed.",
    "Bush is joining the ''Today'' show as an anchor.",
    "Natalie Morales, another \"Today\" anchor, is moving to Los Angeles.",
])
def test_a_programme_named_today_is_no_time(run, text):
    assert _absent(run(text), "Today")


def test_a_quotation_opening_with_today_keeps_it(run):
    assert tagged(run("\u201cToday, we celebrate,\u201d the governor said."), "Today")[2] == DCT


@pytest.mark.parametrize("text,absent", [
    ("The addition of Mr. Bush is part of an upheaval in the morning shows.", "the morning"),
    ("Clinton was most combative in the evening session of the hearing.", "the evening"),
    ("Sanders did well with the quarter of caucus voters who called themselves liberal.", "the quarter"),
    ("Consider the quarter-century-old Franco-German brigade.", "the quarter"),
    ("USA TODAY's reporter looks at where each may thrive.", "each may"),
    ("Her campaign was tragic in the Year of the Woman, he wrote.", "the Year"),
    ("Time Just Announced Its Person Of The Year", "The Year"),
])
def test_kinds_shares_modals_and_titles_are_no_times(run, text, absent):
    assert _absent(run(text), absent)


@pytest.mark.parametrize("text,span,type_", [
    ("She was in Orlando in the morning and Tampa in the afternoon.", "the afternoon", "TIME"),
    ("Amazon sold $30.4 billion in goods in the quarter, up 31 percent.", "the quarter", "DATE"),
    ("The festival is held each May in Cannes.", "each May", "SET"),
    ("Sales fell in the year to March.", "the year", "DATE"),
])
def test_the_same_words_as_times_stay(run, text, span, type_):
    assert tagged(run(text), span)[1] == type_


def test_year_end_before_a_noun_is_one_expression(run):
    found = run("The sales tax revenue from the year-end rush helps to fill the coffers.")
    assert tagged(found, "year-end")[1] == "DATE"
    assert _absent(found, "the year")


def test_a_month_before_a_scheduled_event_spacy_calls_a_proper_noun(nlp):
    run = tagger(nlp, "2016-04-15")
    found = run("Trump said things should be wrapped up by Cleveland, referring to the party\u2019s July convention, "
                "where Republicans will select a nominee.")
    assert tagged(found, "July")[2] == "2016-07"
