"""Times: VALUE fixes from an audit of the tagger on dated US political news (2015-16), judged
against the true publication date. Every sentence is written for these tests; publication date
Wednesday 2016-08-10 unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

DCT = "2016-08-10"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, DCT)


# --- named days of politics and history -------------------------------------------------------------

@pytest.mark.parametrize("text,published,value", [
    # the primaries' big day, whatever the verb, in the election year and in the year before it
    ("Trump swept the South on Super Tuesday.", "2016-05-02", "2016-03-01"),
    ("Cruz is counting on a strong showing on Super Tuesday.", "2015-11-10", "2016-03-01"),
    ("Voters in 11 states go to the polls on Super Tuesday.", "2016-02-20", "2016-03-01"),
    ("Romney won Ohio narrowly on Super Tuesday.", "2013-05-02", "2012-03-06"),
])
def test_super_tuesday(run, text, published, value):
    assert tagged(run(text, published), "Super Tuesday")[1:] == ("DATE", value)


@pytest.mark.parametrize("text,value", [
    # the coming one, months ahead, under any verb in a federal election year
    ("Much can change for the candidates between now and Election Day.", "2016-11-08"),
    ("The group urged supporters to vote for him on Election Day.", "2016-11-08"),
    # a year the sentence names is the holiday's year
    ("In 2012, Obama won Ohio comfortably on Election Day.", "2012-11-06"),
])
def test_election_day(run, text, value):
    assert tagged(run(text), "Election Day")[2] == value


def test_a_number_is_no_year_for_a_holiday(run):
    assert tagged(run("The bank lent him 2000 dollars at Christmas."), "Christmas")[2] == "2015-12-25"


@pytest.mark.parametrize("text,span", [
    ("Airport security changed for good after 9/11.", "9/11"),
    ("The senator voted for the Patriot Act after the Sept. 11 attacks.", "Sept. 11"),
    ("The September 11 terrorist attacks killed nearly 3,000 people.", "September 11"),
])
def test_september_eleventh_is_2001(run, text, span):
    assert tagged(run(text), span)[1:] == ("DATE", "2001-09-11")


def test_september_eleventh_not_a_name_nor_a_score_nor_a_coming_day(run):
    assert not [f for f in run("The 9/11 Commission issued its final report.") if f[0] == "9/11"]
    assert not [f for f in run("He shot 9/11 from the field in the game.") if f[0] == "9/11"]
    assert tagged(run("The Senate will vote on the bill on Sept. 11."), "Sept. 11")[2] == "2016-09-11"


# --- seasons --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,published,value", [
    # "this summer" is the report's year's from March on, whatever tense the parser finds
    ("Few delegates will be locked in until they cast their votes this summer.", "2016-04-03", "2016-SU"),
    ("Rumours spread about the military exercises this summer.", "2015-12-12", "2015-SU"),
    # in January a past verb still means the summer gone by; a winter straddles two years
    ("The deal was signed this summer.", "2016-01-20", "2015-SU"),
])
def test_this_season(run, text, published, value):
    found = run(text, published)
    assert [f[2] for f in found if f[0].startswith("this ")] == [value]


def test_this_winter_said_in_march_is_the_one_ending(run):
    assert tagged(run("The storm hit this winter.", "2016-03-20"), "this winter")[2] == "2015-WI"


# --- months (and days) without a year ---------------------------------------------------------------

@pytest.mark.parametrize("text,published,span,value", [
    # an event set on the calendar is dated around the report, not by the verb's tense
    ("The ad ran ahead of the Nov. 8 election.", "2016-07-03", "Nov. 8", "2016-11-08"),
    ("Delegates stay unbound until the convention in July.", "2016-04-03", "July", "2016-07"),
    ("The party turned its attention toward November's election.", "2016-07-19", "November", "2016-11"),
    ("The March 15 primary was a disaster for Rubio.", "2016-07-19", "March 15", "2016-03-15"),
    # a present tense months ahead is this year's ("Then there's November")
    ("Florida is the biggest prize in November.", "2016-03-02", "November", "2016-11"),
    # a condition or bound in the present tense lies ahead, even under a past main verb
    ("Kaine promised reform if he and Clinton take office in January.", "2016-08-01", "January", "2017-01"),
    # "come November": when November comes
    ("Democrats will need those voters come November.", "2016-03-23", "November", "2016-11"),
])
def test_month_ahead_of_the_report(run, text, published, span, value):
    assert tagged(run(text, published), span)[2] == value


@pytest.mark.parametrize("text,published,span,value", [
    ("Trump told Bloomberg News in October that rates were too low.", "2016-04-23", "October", "2015-10"),
    ("Islamic State attackers killed 130 people in Paris in November.", "2016-03-23", "November", "2015-11"),
    ("The town council met in November to discuss it.", "2016-03-23", "November", "2015-11"),
])
def test_month_behind_the_report_stays(run, text, published, span, value):
    assert tagged(run(text, published), span)[2] == value


# --- days of the week, weekends, clock times --------------------------------------------------------

@pytest.mark.parametrize("text,published,value", [
    # Monday 2016-05-02: early in the week "the weekend" is the one just gone
    ("The weekend's polls show Trump ahead in Indiana.", "2016-05-02", "2016-W17-WE"),
    ("Talks are expected to resume after the weekend.", "2016-05-02", "2016-W18-WE"),
    ("Negotiators hope to close the deal over the weekend.", "2016-05-05", "2016-W18-WE"),
])
def test_the_weekend(run, text, published, value):
    found = run(text, published)
    assert [f[2] for f in found if f[0].lower() == "the weekend"] == [value]


@pytest.mark.parametrize("text,published,value", [
    # Sunday 2016-05-29: the day of a thing that exists, whatever the modal says of it
    ("Analysts say Friday's provisional agreement may mark a turning point.", "2016-05-29", "2016-05-27"),
    # a scheduled event keeps the verb's direction: Thursday 2016-02-18
    ("Sanders is surging ahead of Saturday's Nevada caucus.", "2016-02-18", "2016-02-20"),
])
def test_possessive_weekday(run, text, published, value):
    found = run(text, published)
    assert [f[2] for f in found if f[1] == "DATE"] == [value]


def test_this_summer_gone_by_goes_by_the_verb(run):
    found = run("The couple are expecting their second child this summer.", "2015-12-21")
    assert tagged(found, "this summer")[2] == "2016-SU"


@pytest.mark.parametrize("text,published,span,value", [
    # debates and hearings are mostly reported after they happen: the verb's tense decides
    ("He famously clashed with her at a debate in August.", "2016-03-04", "August", "2015-08"),
    ("Republicans have been restless since the Clinton hearing in November.", "2016-02-19", "November", "2015-11"),
    # an election under a past verb in January is the one just held
    ("Turnout fell sharply in the November election.", "2017-01-20", "November", "2016-11"),
])
def test_month_of_other_events_keeps_the_verb(run, text, published, span, value):
    assert tagged(run(text, published), span)[2] == value


def test_named_year_does_not_override_a_future_verb(run):
    found = run("Compared with 2012, staff will grow in the states expected to be pivotal on Election Day.",
                "2016-05-26")
    assert tagged(found, "Election Day")[2] == "2016-11-08"


@pytest.mark.parametrize("text,published,value", [
    # Tuesday 2016-06-28: a decision owned by Monday is yesterday's, whatever "will" says of it
    ("Abortion opponents said Monday's decision will make the choice starker.", "2016-06-28", "2016-06-27"),
    # Friday 2016-06-24: a final is scheduled like a vote, and keeps the verb's direction
    ("The spot will air during Sunday's final of the tournament.", "2016-06-24", "2016-06-26"),
    # Sunday 2015-11-08: a debate owned by a weekday is as often ahead as behind
    ("Jindal hopes to shine in Tuesday's undercard debate.", "2015-11-08", "2015-11-10"),
])
def test_possessive_weekday_more(run, text, published, value):
    found = run(text, published)
    assert [f[2] for f in found if f[1] == "DATE"] == [value]
