"""Times: fixes from a value audit of the tagger on 2020 web news (bench/times_value_audit.py).
Every sentence is written for these tests; publication date Tuesday 2020-04-28 unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

DCT = "2020-04-28"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, DCT)


@pytest.mark.parametrize("text,span,value", [
    # a bare participle has no tense: what is scheduled lies ahead unless the clause looks back,
    # and a time dating a noun under the participle goes with the clause
    ("States need money for vote-by-mail, especially for the general election scheduled for November.",
     "November", "2020-11"),
    ("The favourite will try to win from the post position drawn for Saturday's race.", "Saturday", "2020-05-02"),
    ("A rally planned for Saturday was canceled.", "Saturday", "2020-04-25"),
    ("Lawyers asked the court to lift the injunction issued Thursday.", "Thursday", "2020-04-23"),
])
def test_bare_participles_take_the_clause_tense(run, text, span, value):
    assert tagged(run(text), span)[2] == value


@pytest.mark.parametrize("text,span", [
    ("Riders of overnight buses will still be let through the terminal.", "overnight"),
    ("The clinic saw a rise in overnight admissions.", "overnight"),
    ("They booked their seats at the last minute.", "the last minute"),
])
def test_no_time_in_kinds_and_idioms(run, text, span):
    assert not [f for f in run(text) if f[0] == span]


def test_overnight_of_an_act_stays(run):
    assert tagged(run("The rebels withdrew overnight."), "overnight")[1:] == ("TIME", "2020-04-28TNI")


@pytest.mark.parametrize("text,span,value", [
    # a year written after the holiday is its year, whatever the publication date
    ("She was reading a book about the Christmas truce of 1914 on the train.", "Christmas", "1914-12-25"),
    ("Shops were shut over the Easter of 2019, the council said.", "Easter", "2019-04-21"),
])
def test_holiday_takes_the_year_after_it(run, text, span, value):
    assert tagged(run(text), span)[2] == value


@pytest.mark.parametrize("text,span,value", [
    ("Residents may leave the camp one day a week.", "one day a week", "P1W"),
    ("Now they are allowed out just three days per week.", "three days per week", "P1W"),
])
def test_a_count_per_unit_is_a_set(run, text, span, value):
    assert tagged(run(text), span)[1:] == ("SET", value)


def test_every_few_units_is_a_set(run):
    assert tagged(run("We visit the coast every few months."), "every few months")[1:] == ("SET", "PXM")


@pytest.mark.parametrize("text,span,value", [
    # a year that opens the sentence frames a day or month named later in it
    ("In 2005, a hurricane made landfall near Navarre Beach on July 10.", "July 10", "2005-07-10"),
    ("Back in 2011, the plant was closed in March after a flood.", "March", "2011-03"),
])
def test_a_year_opening_the_sentence_dates_its_days(run, text, span, value):
    assert tagged(run(text), span)[2] == value


def test_last_day_of_a_month(run):
    assert tagged(run("The permit expires on the last day of February."), "the last day of February")[2] == "2020-02-29"


def test_starting_on_a_weekday_looks_ahead(run):
    # publication Tuesday 2020-04-28; as "starting Sunday" does
    assert tagged(run("Starting on Sunday, the station will close overnight."), "Sunday")[2] == "2020-05-03"


@pytest.mark.parametrize("text,span,value", [
    # "the end of the month/year" after a month or year named in its sentence is that one's end
    ("In early February he demanded that the troops withdraw by the end of the month.", "the end of the month", "2020-02"),
    ("In 2017 the plant was closed at the end of the year.", "the end of the year", "2017"),
    ("Troops should arrive by the end of the month.", "the end of the month", "2020-04"),
])
def test_end_of_the_unit_named_in_the_sentence(run, text, span, value):
    assert tagged(run(text), span)[2] == value


def test_an_embedded_tweet_is_dated_by_its_signature(run):
    text = ("The president went to his club again.\n"
            "If anyone was still wondering, he is indeed golfing today, not just at the club.\n"
            "— A Reporter (@areporter) April 26, 2020\n"
            "The White House said today that he held meetings.")
    found = run(text)
    todays = [f for f in found if f[0] == "today"]
    assert [f[2] for f in todays] == ["2020-04-26", "2020-04-28"], found


def test_an_age_before_a_person_noun_is_no_time(run):
    assert not [f for f in run("One 72 years male from the district had been admitted.") if "years" in f[0]]


@pytest.mark.parametrize("text,value", [
    ("April is a difficult time to make predictions, forecasters say.", "XXXX-04"),
    ("The vote is in April.", "2020-04"),
])
def test_a_month_that_is_the_subject_of_is_is_any_such_month(run, text, value):
    assert tagged(run(text), "April")[2] == value
