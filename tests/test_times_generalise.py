"""Times: rules of the second value-F1 round (day resolution, quarters, references), each on
sentences written for these tests. Publication date a Wednesday, 2025-01-08, unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

WED = "2025-01-08"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, WED)


def _value(found, span):
    return tagged(found, span)[2]


@pytest.mark.parametrize("text,span,value", [
    # what is scheduled, set or expected for a weekday lies ahead of the report
    ("Talks are scheduled for Monday.", "Monday", "2025-01-13"),
    ("The hearing is set for Friday.", "Friday", "2025-01-10"),
    ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "2025-01-09"),
    ("A vote is expected Thursday.", "Thursday", "2025-01-09"),
    # ... but the day of a past plan, or a participle in a past sentence, keeps the past
    ("A memorial service planned for Saturday was canceled.", "Saturday", "2025-01-04"),
    ("He set the record on Sunday.", "Sunday", "2025-01-05"),
])
def test_scheduled_weekdays(run, text, span, value):
    assert _value(run(text), span) == value


def test_a_pair_of_units_is_no_time(run):
    """"the quarter-to-quarter comparison", "day-to-day running": a manner, not a time."""
    found = run("The quarter-to-quarter comparison was weak, and day-to-day running suffered.")
    assert not [f for f in found if f[0].lower() in ("the quarter", "day")], found


@pytest.mark.parametrize("text,span,value", [
    ("Talks were held between 15 and 17 October.", "15", "2024-10-15"),
    ("The festival ran from 12 to 14 September 2005.", "12", "2005-09-12"),
])
def test_first_day_of_a_day_month_pair(run, text, span, value):
    """The first day of "15 and 17 October" takes the month (and year) named after the second."""
    assert _value(run(text), span) == value


def test_numbers_before_a_month_word_that_are_no_days(run):
    found = run("He scored 3 and 4 points in May.")
    assert [f[0] for f in found] == ["May"]


@pytest.mark.parametrize("text,absent", [
    ("That is very important to the future of our peoples.", "the future"),
    ("Violence has flared for the past three summers.", "the past"),
])
def test_references_that_are_no_times(run, text, absent):
    """"the future of X" is X's fate; "the past three summers" a counted stretch, not PAST_REF."""
    assert absent not in [f[0] for f in run(text)]


def test_the_future_and_the_past_at_large(run):
    found = run("In the past, Russia made such claims; we will meet in the future.")
    assert ("the past", "DATE", "PAST_REF") in found and ("the future", "DATE", "FUTURE_REF") in found


@pytest.mark.parametrize("text,published,span,value", [
    # the aim of an agreement or a deal lies ahead of it
    ("The bank announced an agreement to acquire the Peoria company in March.", "2024-11-02", "March", "2025-03"),
    ("Thermo agreed to purchase the unit for $22 million in February.", "2024-10-30", "February", "2025-02"),
    # ... but a bare weekday after the infinitive's object goes with the reporting verb
    ("Both bidders raised their offers to acquire the vaccine maker Friday.", "2024-10-30", "Friday", "2024-10-25"),
])
def test_the_aim_of_an_agreement(run, text, published, span, value):
    assert _value(run(text, published), span) == value


def test_a_nine_month_comparison_is_with_the_year(run):
    text = ("Profit rose 5% in the third quarter. For the nine months, the company earned $2 billion, "
            "up from $1.7 billion a year earlier.")
    found = run(text, "2024-10-26")
    assert ("the third quarter", "DATE", "2024-Q3") in found
    assert _value(found, "a year earlier") == "2023"


def test_a_quarterly_comparison_stays_with_the_quarter(run):
    text = "Profit rose 5% in the third quarter. Sales were $3 billion, up from $2.8 billion a year earlier."
    assert _value(run(text, "2024-10-26"), "a year earlier") == "2023-Q3"


@pytest.mark.parametrize("text,value", [
    ("In the quarter ended July 31, the retailer lost $2 million.", "2024-Q2"),
    ("In the quarter ended Sept. 30, the airline earned $133 million.", "2024-Q3"),
])
def test_the_quarter_ended_a_day(run, text, value):
    """The three months up to that day, named by the calendar quarter holding most of them."""
    assert _value(run(text, "2024-10-30"), "the quarter") == value


@pytest.mark.parametrize("text,published,span,value", [
    ("The polls closed on Election Day.", "2024-11-07", "Election Day", "2024-11-05"),
    ("It was the worst fall since Black Monday.", "2008-10-10", "Black Monday", "1987-10-19"),
    ("Retail sales rose on Black Friday.", "2008-12-02", "Black Friday", "2008-11-28"),
])
def test_named_days(run, text, published, span, value):
    """US Election Day (the Tuesday after the first Monday of November) and days of history."""
    assert _value(run(text, published), span) == value


def test_a_black_monday_in_lower_case_is_no_name(run):
    found = run("It was a black Monday for the markets.", "2008-10-10")
    assert "black Monday" not in [f[0] for f in found]


def test_abbreviated_halves_and_runs(run):
    found = run("Growth slowed in H1 2008. The index fell for an eighth straight session.", "2008-10-08")
    assert ("H1 2008", "DATE", "2008-H1") in found
    assert ("an eighth straight session", "DATE", "2008-10-08") in found
    assert run("The H2 molecule is light.", "2008-10-08") == []


@pytest.mark.parametrize("text,span,value", [
    ("Sales in September were down 32% from a year ago.", "a year ago", "2023-09"),
    ("For the six months ended Aug. 12, profit was $3 million, against $2 million a year earlier.",
     "a year earlier", "2023-08-12"),
])
def test_a_year_ago_counterpart_of_a_calendar_date(run, text, span, value):
    """The sentence's figure is for a named day or month: "a year ago" is its counterpart."""
    assert _value(run(text, "2024-10-08"), span) == value


def test_a_year_ago_after_a_weekday_stays_a_year(run):
    found = run("The company said Thursday that it began the project two years ago.", "2024-10-08")
    assert _value(found, "two years ago") == "2022"


def test_the_full_year_with_its_year_is_one_expression(run):
    assert run("Profit for the full year 2008 will fall.", "2008-10-10") == [("the full year 2008", "DATE", "2008")]


def test_vague_decades_are_years(run):
    """TimeBank and MEANTIME write "decades" as PXY (as "two decades" is P20Y)."""
    found = run("For decades, the decades-long feud went on.", "2000-01-15")
    assert ("decades", "DURATION", "PXY") in found and ("decades-long", "DURATION", "PXY") in found


def test_this_time_last_year_is_one_expression(run):
    assert run("Prices were higher this time last year.", "2013-03-22") == [("this time last year", "DATE", "2012")]


@pytest.mark.parametrize("text,span,value", [
    ("Profits will fall this financial year.", "this financial year", "2008"),
    ("Profits fell in the first half of the fiscal year.", "the first half of the fiscal year", "2008-H1"),
])
def test_financial_and_fiscal_years(run, text, span, value):
    """"financial year" (British) is a fiscal year, and "of the fiscal year" belongs to the half."""
    assert _value(run(text, "2008-10-08"), span) == value


def test_decades_without_apostrophe(run):
    found = run("The tax was abolished in the mid-90s.", "2008-10-08")
    assert found == [("the mid-90s", "DATE", "199")]
    assert run("Temperatures were in the mid-90s.", "2008-10-08") == []


def test_spelled_out_time_zones_belong_to_the_clock_time(run):
    found = run("The keynote began at 10 a.m. Pacific time.", "2008-06-10")
    assert found == [("10 a.m. Pacific time", "TIME", "2008-06-10T10:00")]


def test_british_in_future(run):
    assert run("In future, all flights will be checked.") == [("future", "DATE", "FUTURE_REF")]
    assert run("Prices rose in future contracts.") == []


def test_the_early_morning_hours_of_a_weekday(run):
    """TimeBank tags the weekday ("the early hours of Thursday morning" -> "Thursday morning"); the
    "early morning" inside is no time of the report's day."""
    found = run("The bailout was agreed in the early morning hours of Monday.", "2013-03-22")
    assert found == [("Monday", "DATE", "2013-03-18")]
