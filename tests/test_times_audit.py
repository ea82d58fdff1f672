"""Times: fixes from an error audit of the tagger on unannotated news (BBC 2004-05, modern US
pages). Every sentence is written for these tests; publication date a Wednesday, 2005-03-16,
unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

DCT = "2005-03-16"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, DCT)


@pytest.mark.parametrize("text,span", [
    # spaCy labels these years CARDINAL; after a preposition of time, or between "the" and a
    # singular modifier, a lone number of year shape is the year
    ("In 2021, the council nominated her for the post.", "2021"),
    ("The bill would add another 130m pounds by 2022, the report warned.", "2022"),
    ("He looked into meddling in the 2016 presidential election, officials said.", "2016"),
])
def test_years_labelled_as_numbers(run, text, span):
    assert tagged(run(text), span)[1:] == ("DATE", span)


def test_counts_after_the_stay_counts(run):
    found = run("The 2000 workers at the plant went on strike.")
    assert not [f for f in found if f[0] == "2000"], found


@pytest.mark.parametrize("text,span,value", [
    ("Sales dropped between March and April 2004.", "March", "2004-03"),
    ("The trial ran from early March to the end of April 2003.", "early March", "2003-03"),
    ("Prices rose from December to January 2001.", "December", "2000-12"),
])
def test_first_month_of_a_range_takes_the_year_named(run, text, span, value):
    assert tagged(run(text), span)[2] == value


@pytest.mark.parametrize("text,span,type_", [
    # a rate ("40 pounds a year") is a SET; a stretch with an anchor or an alternative is not
    ("Parliament failed to change the rules a year after the crash.", "a year", "DURATION"),
    ("The coach gave the players a week or 10 days off.", "a week", "DURATION"),
    ("Ward 24: A day with the night nurses.", "A day", "DURATION"),
    ("Cleaners there earn 80p an hour more than last year.", "an hour", "SET"),
    ("The licence costs 40 pounds a year.", "a year", "SET"),
])
def test_rates_and_stretches(run, text, span, type_):
    assert tagged(run(text), span)[1] == type_


@pytest.mark.parametrize("text,absent", [
    ("It is the year-on-year figures that worry the bank.", "the year"),
    ("Output grew 2% on the quarter-on-quarter measure.", "the quarter"),
    ("The visitors scored three second-half tries.", "three second"),
    ("But at the end of the day the board has to decide.", "the end of the day"),
    ("She skated at the Winter Olympics in Turin.", "the Winter"),
    ("Analysts fear the fall out from the row will hurt shares.", "the fall"),
])
def test_compounds_and_idioms_that_are_no_times(run, text, absent):
    found = run(text)
    assert not [f for f in found if f[0] == absent], found


def test_a_literal_end_of_day_and_a_half_year_stay(run):
    found = run("Shares were flat by the end of the day after second-half profits fell.")
    assert tagged(found, "the end of the day")[2] == DCT
    assert tagged(found, "second-half")[1] == "DATE"


@pytest.mark.parametrize("text,span,value", [
    ("Visitors spent less from March to May 2019.", "March", "2019-03"),
    # a holiday a few days ahead is this year's, past tense or not; another year named keeps it back
    ("Health officials urged families to cancel large Thanksgiving dinners.", "Thanksgiving", "2020-11-26"),
    ("Last year dozens died on the roads over Thanksgiving.", "Thanksgiving", "2019-11-28"),
])
def test_values_seen_in_modern_pages(nlp, text, span, value):
    assert tagged(tagger(nlp, "2020-11-23")(text), span)[2] == value


def test_the_recent_past_is_one_reference(run):
    assert tagged(run("Such attacks have grown in the recent past."), "the recent past")[2] == "PAST_REF"


@pytest.mark.parametrize("text,absent", [
    ("A year-over-year comparison is not yet possible.", "A year"),
    ("The colt has four second-place finishes.", "four second"),
])
def test_more_compounds_that_are_no_times(run, text, absent):
    found = run(text)
    assert not [f for f in found if f[0] == absent], found


@pytest.mark.parametrize("text,span", [
    ("The reform was part of his 2017 election campaign.", "2017"),
    ("She chaired the party's 2016 campaign in the state.", "2016"),
    ("Ankara threatened to tear up a 2016 agreement on refugees.", "2016"),
    ("Only a handful of bookings for 2021 have come in.", "2021"),
])
def test_years_after_determiners_and_for(nlp, text, span):
    assert tagged(tagger(nlp, "2020-11-23")(text), span)[1:] == ("DATE", span)


def test_counts_after_a_stay_counts(run):
    found = run("The army sent a 1500 strong force.")
    assert not [f for f in found if f[0] == "1500"], found


@pytest.mark.parametrize("text,span,value", [
    # the second end of a dashed range is an expression of its own
    ("A 10 p.m.-6 a.m. curfew is in force.", "6 a.m.", "2020-11-23T06:00"),
    ("Shops must close 9pm-6am until further notice.", "6am", "2020-11-23T06:00"),
    ("The championships move to July-August 2022.", "August 2022", "2022-08"),
    ("The Games will now run July 23-August 8 next year.", "August 8 next year", "2021-08-08"),
])
def test_second_end_of_a_dashed_range(nlp, text, span, value):
    assert tagged(tagger(nlp, "2020-11-23")(text), span)[2] == value


def test_dashes_that_open_no_range(run):
    # a score opens no range; days before a month do: each day of "4-6 March" is dated
    found = run("They won 3-2 and meet again on 4-6 March.")
    assert [f[:3] for f in found] == [("4", "DATE", "2005-03-04"), ("6 March", "DATE", "2005-03-06")], found
    assert run("The index moved from 1900-2000 in a week.")[0][0] != "2000"


@pytest.mark.parametrize("text,absent", [
    # a half of a match: the game is named in the sentence or the one before
    ("The hosts reached half-time level. The visitors began the second half with more urgency.", "the second half"),
    ("City kept everyone behind the ball in the first half.", "the first half"),
    ("He tired late in the second half when his side were trailing.", "the second half"),
])
def test_halves_of_a_match(run, text, absent):
    found = run(text)
    assert not [f for f in found if f[0] == absent], found


def test_a_half_of_the_year_stays(run):
    assert tagged(run("Profits rose in the first half, the retailer said."), "the first half")[1] == "DATE"


@pytest.mark.parametrize("text", [
    "Analysts put sales at $600m (£310m) a year.",
    "That adds over £1bn a year to fares.",
])
def test_rates_after_abbreviated_money(run, text):
    assert tagged(run(text), "a year")[1:] == ("SET", "P1Y")


@pytest.mark.parametrize("text,spans", [
    # spaCy reads "between 2000 and 2002" as one number; each year of the range is a DATE
    ("The payments were made between 2000 and 2002 to hide losses.", ["2000", "2002"]),
    ("Borrowing should stay high between now and 2024 (or later).", ["now", "2024"]),
])
def test_years_of_a_range_labelled_as_one_number(nlp, text, spans):
    found = tagger(nlp, "2020-11-23")(text)
    assert [f[0] for f in found][:len(spans)] == spans, found


def test_a_rate_before_of_stays_a_rate(run):
    found = run("He spends three to four hours a day of his own time on the site.")
    assert tagged(found, "a day")[1] == "SET"


def test_an_ordinal_before_a_noun_is_no_day(run):
    assert run("He lives on the 12th floor and finished on the 3rd place.") == []


def test_a_passive_infinitive_looks_ahead_as_an_active_one_does(run):
    # "is due to be taken on Wednesday" said on a Tuesday is the next day, as "is due to take" is
    found = run("The vote is due to be taken on Wednesday and is expected to be close.", "2005-02-15")
    assert tagged(found, "Wednesday")[2] == "2005-02-16"
    assert tagged(run("The talks are set to be held on Friday.", "2005-02-15"), "Friday")[2] == "2005-02-18"
    # ... and a past report of a passive keeps the past
    assert tagged(run("The prisoners were said to be released on Sunday.", "2005-02-15"), "Sunday")[2] == "2005-02-13"
