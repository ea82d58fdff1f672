"""Times: fixes from a value audit of the tagger on PolNeAR dev, 2016 US political news
(bench/times_polnear_audit.py). Every sentence is written for these tests; publication date
Friday 2016-09-30 unless stated."""
from __future__ import annotations

import pytest

from timex_cases import tagged, tagger

DCT = "2016-09-30"


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, DCT)


@pytest.mark.parametrize("text,span,value", [
    # a curly apostrophe is as good as a straight one in a decade
    ("The mill closed after the collapse of the steel market of the 1970’s.", "the 1970’s", "197"),
    ("The mill closed after the collapse of the steel market of the 1970's.", "the 1970's", "197"),
    ("Prices rose sharply in the ’80s, the report said.", "the ’80s", "198"),
])
def test_decade_with_either_apostrophe(run, text, span, value):
    assert tagged(run(text), span)[1:3] == ("DATE", value)


@pytest.mark.parametrize("text", [
    "The tariffs hit Christmas trees from the northwest hardest.",
    "The expedition sailed on to Easter Island in the spring.",
    "Shops sold out of Christmas lights before the storm.",
])
def test_things_named_after_a_holiday_are_not_times(run, text):
    assert not [f for f in run(text) if f[0] in ("Christmas", "Easter")]


def test_a_holiday_before_another_noun_stays(run):
    assert tagged(run("The mall expects record crowds for Christmas shopping."), "Christmas")[1] == "DATE"


@pytest.mark.parametrize("text", [
    "The network aired Sept. 11 conspiracy theories for years.",
    "A Sept. 11 widow spoke at the hearing on Tuesday.",
])
def test_september_11_of_history(run, text):
    assert tagged(run(text), "Sept. 11")[2] == "2001-09-11"


def test_september_11_of_this_year_stays(run):
    assert tagged(run("The senator spoke at a rally on Sept. 11 in Ohio."), "Sept. 11")[2] == "2016-09-11"


@pytest.mark.parametrize("text,value", [
    # an event a weekday owns lies ahead or behind as the verb says, like "Monday's debate"
    ("Trump will probably use Monday's encounter to make some news, an adviser said.", "2016-10-03"),
    ("Monday's encounter drew a record audience.", "2016-09-26"),
    ("Supporters will gather before Tuesday's rally in Ohio.", "2016-10-04"),
])
def test_possessive_weekday_event_follows_the_verb(run, text, value):
    assert tagged(run(text), "Monday" if "Monday" in text else "Tuesday")[2] == value


def test_a_present_tense_weekday_reuses_the_storys_day(run):
    text = ("Clinton gained two points since Monday's debate. "
            "The impact of Monday's debate is still small, the pollster said.")
    found = [f for f in run(text) if f[0] == "Monday"]
    assert [f[2] for f in found] == ["2016-09-26", "2016-09-26"]


def test_a_present_tense_weekday_alone_is_the_nearest(run):
    # no earlier mention: the nearest Monday, as before (Friday's report: the coming one)
    assert tagged(run("The stakes of Monday's debate are high."), "Monday")[2] == "2016-10-03"


@pytest.mark.parametrize("text,value", [
    # the tagger took "reached" for a participle: with its own subject and no auxiliary it is a past
    ("The best hope remains a deal that the two parties reached in Rome in December to end the strike.", "2015-12"),
    ("Her proudest achievement stands to be a treaty that the delegates signed in Geneva in December.", "2015-12"),
    # a real participle clause keeps its own rule: what is scheduled lies ahead
    ("Voters will choose in the referendum scheduled for December.", "2016-12"),
])
def test_relative_clause_past_with_a_participle_tag(run, text, value):
    assert tagged(run(text), "December")[2] == value


@pytest.mark.parametrize("text,span,value", [
    # a routine's clock time belongs to no particular day, not to the last date named
    ("The vote was on Sept. 20. The show airs weekdays from 6:00 a.m. to 9:00 a.m. Eastern.", "6:00 a.m.",
     "XXXX-XX-XXT06:00"),
    ("The vote was on Sept. 20. The show airs weekdays from 6:00 a.m. to 9:00 a.m. Eastern.", "9:00 a.m.",
     "XXXX-XX-XXT09:00"),
    ("The vote was on Sept. 20. The museum opens at 10 a.m. daily.", "10 a.m.", "XXXX-XX-XXT10:00"),
    # a clock time of an event stays on the narrative's day
    ("The vote was on Sept. 20. Polls closed at 8 p.m.", "8 p.m.", "2016-09-20T20:00"),
])
def test_clock_time_of_a_routine(run, text, span, value):
    assert tagged(run(text), span)[1:3] == ("TIME", value)


@pytest.mark.parametrize("text,span,value,published", [
    # a past act that ran until a day: the day lies behind the report
    ("The crowd stayed until Friday.", "Friday", "2016-09-23", "2016-09-25"),
    ("Marchers kept going until nearly 2 a.m. Friday in defiance of the curfew.", "nearly 2 a.m. Friday",
     "2016-09-23T02:00", "2016-09-25"),
    # a past decision that sets a bound: the day lies ahead
    ("The agency extended its deadline until Tuesday.", "Tuesday", "2016-09-27", "2016-09-25"),
    ("The court postponed the hearing until Friday.", "Friday", "2016-09-30", "2016-09-25"),
])
def test_until_after_a_simple_past(run, text, span, value, published):
    assert tagged(run(text, published), span)[2].startswith(value)


def test_a_programme_title_ending_in_a_weekday(run):
    found = run("On this weekend’s broadcast of “Fox News Sunday,” the governor said the tweet was a joke.")
    assert not [f for f in found if f[0] == "Sunday"]
    assert tagged(found, "this weekend")[1] == "DATE"


@pytest.mark.parametrize("text", [
    "“We will meet again on Sunday,” the mayor said.",
    "The governor told Fox News Sunday that the tweet was a joke.",
])
def test_a_weekday_in_speech_or_after_a_name_stays(run, text):
    assert tagged(run(text), "Sunday")[1] == "DATE"


def test_a_quoted_tonight_in_the_next_days_story(run):
    text = ("The senator won Tuesday night's debate, analysts said. "
            "“What he accomplished tonight is a big step,” one commentator said.")
    assert tagged(run(text, "2016-10-05"), "tonight")[2] == "2016-10-04TNI"


@pytest.mark.parametrize("text", [
    # no day before named: the report's own night
    "“What he accomplished tonight is a big step,” one commentator said.",
    # named, but not quoted: the reporter's own tonight
    "The senator won Tuesday night's debate. He will speak again tonight in Ohio.",
])
def test_tonight_stays_on_the_report_day(run, text):
    assert tagged(run(text, "2016-10-05"), "tonight")[2] == "2016-10-05TNI"


@pytest.mark.parametrize("text,value", [
    # a present-tense month after a day ahead in the same sentence runs on from that day
    ("The court term begins next Monday and ends in June.", "2017-06"),
    ("The league's season starts next Monday and runs through May.", "2017-05"),
    # past, or no day ahead before it: as before
    ("The court term began last Monday and ended in June.", "2016-06"),
    ("The court term ends in June.", "2016-06"),
])
def test_month_after_a_day_ahead(run, text, value):
    month = "June" if "June" in text else "May"
    assert tagged(run(text, "2016-09-27"), month)[2] == value


def test_present_perfect_does_not_date_a_weekdays_event(run):
    # what has been done by now says nothing of when the debate it names falls: the nearest Monday
    text = "Trump has complimented the moderator of Monday night's first debate."
    assert tagged(run(text, "2016-09-23"), "Monday night")[2] == "2016-09-26TNI"
    # a plain past still looks back
    text = "Trump complimented the moderator after Monday night's debate."
    assert tagged(run(text, "2016-09-23"), "Monday night")[2] == "2016-09-19TNI"


@pytest.mark.parametrize("text", [
    "RT America is the American arm of Russia Today, the state-funded network.",
    "The senator told USA Today that he would vote no.",
])
def test_an_outlet_named_today(run, text):
    assert not [f for f in run(text) if f[0] == "Today"]


@pytest.mark.parametrize("text", [
    "Today, the senator said he would vote no.",
    "The senator said on Monday. Today he changed his mind.",
])
def test_today_at_a_sentence_start_stays(run, text):
    assert tagged(run(text), "Today")[2] == DCT


@pytest.mark.parametrize("text,value", [
    ("Refugees are still hoping for a brighter tomorrow, the president said.", "FUTURE_REF"),
    ("We are fighting for our tomorrow, the students said.", "FUTURE_REF"),
    ("The president will speak in Ohio tomorrow.", "2016-10-01"),
    ("He said a vote could come as soon as tomorrow.", "2016-10-01"),
])
def test_tomorrow_as_a_noun_is_the_future(run, text, value):
    assert tagged(run(text), "tomorrow")[2] == value


@pytest.mark.parametrize("text,span,value", [
    # the time of an earlier forecast the comparison looks back to
    ("Output will grow by 1.6 percent, half a point less than forecast in July.", "July", "2016-07"),
    ("Sales will rise faster than expected in August, the group says.", "August", "2016-08"),
    # without the comparison the main verb decides
    ("Output will grow by 1.6 percent in July.", "July", "2017-07"),
])
def test_than_forecast_looks_back(run, text, span, value):
    assert tagged(run(text, "2016-10-05"), span)[2] == value


@pytest.mark.parametrize("text,span,type_,value", [
    ("That may matter in the polls in the next couple days, he said.", "the next couple days", "DURATION", "P2D"),
    ("The alliance was set up a long time ago, he said.", "a long time ago", "DATE", "PAST_REF"),
    ("The treaty was signed long ago.", "long ago", "DATE", "PAST_REF"),
])
def test_missed_vague_times(run, text, span, type_, value):
    assert tagged(run(text), span)[1:3] == (type_, value)


@pytest.mark.parametrize("text,value", [
    # a sentence with no year of its own goes on in the year the sentence before named
    ("Campaigning against Romney in 2012, he barely mentioned it. But soon after Election Day, he changed course.",
     "2012-11-06"),
    # looking ahead: the coming one
    ("The senator first won in 2010. He will face the voters again on Election Day.", "2016-11-08"),
    # a year of its own in the sentence: as before
    ("He lost in 2012. In 2014, weeks before Election Day, he announced a new run.", "2014-11-04"),
])
def test_holiday_year_from_the_sentence_before(run, text, value):
    assert tagged(run(text, "2016-09-08"), "Election Day")[2] == value


@pytest.mark.parametrize("text", [
    "Play fair or don't play. Now tell us this isn't a witch hunt!",
    "Now, let's be clear about the numbers.",
])
def test_now_turning_speech_is_no_time(run, text):
    assert not [f for f in run(text) if f[0].lower() == "now"]


@pytest.mark.parametrize("text,span", [
    ("Now the senator says he will vote no.", "Now"),
    ("The senator now says he will vote no.", "now"),
])
def test_now_of_the_present_stays(run, text, span):
    assert tagged(run(text), span)[2] == "PRESENT_REF"


@pytest.mark.parametrize("text,span,found", [
    ("On a day rich in symbolism, the president opened the museum.", "a day", False),
    ("The firm will save $2 million a year in interest.", "a year", True),
    ("The talks lasted a day.", "a day", True),
])
def test_on_a_day_is_no_duration(run, text, span, found):
    assert bool([f for f in run(text) if f[0] == span]) is found


@pytest.mark.parametrize("text,span,value", [
    # a future in the past said just now: the month lies ahead of the report
    ("She said this week the country would formally declare its intention to leave by the end of March.",
     "the end of March", "2017-03"),
    ("The minister said the plant would close in April.", "April", "2017-04"),
    # the said-time itself, or a past conditional: behind
    ("The minister said in April that the plant would close.", "April", "2016-04"),
    ("The plant would have closed in April without the loan.", "April", "2016-04"),
])
def test_would_looks_ahead_of_the_report(run, text, span, value):
    assert tagged(run(text, "2016-10-05"), span)[2] == value
