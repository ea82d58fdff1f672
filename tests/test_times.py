"""Times: each rule family on sentences written for these tests, the helper for later stages,
the TimeML reader and scorer, and the seed article's three dates."""
from __future__ import annotations

import json

import pytest

from chronicle.extract import times
from chronicle.extract.times import date_and_precision
from chronicle.model import Article, Document

from datapaths import shared
from timex_cases import tagged, tagger

SAT = "2025-01-11"  # a Saturday


@pytest.fixture(scope="module")
def run(nlp):
    return tagger(nlp, SAT)


@pytest.mark.parametrize("text,span,type_,value", [
    # absolute dates
    ("Earlier on December 22, 2024, the army said so.", "December 22, 2024", "DATE", "2024-12-22"),
    ("The incursions began back in August 2024.", "August 2024", "DATE", "2024-08"),
    ("The law was passed in 2016.", "2016", "DATE", "2016"),
    ("In the year 2050 the birth rate will fall.", "the year 2050", "DATE", "2050"),
    ("It was signed on 3 March 2023 in Paris.", "3 March 2023", "DATE", "2023-03-03"),
    ("The deadline is 2024-05-01.", "2024-05-01", "DATE", "2024-05-01"),
    ("Prices rose in the 1990s.", "the 1990s", "DATE", "199"),
    ("It dates from the 19th century.", "the 19th century", "DATE", "18"),
    ("The plant opened in mid-2019.", "mid-2019", "DATE", "2019"),
    # month and day without a year: the publication year, moved by tense
    ("He was arrested on Jan. 3.", "Jan. 3", "DATE", "2025-01-03"),
    ("The vote was held on November 5.", "November 5", "DATE", "2024-11-05"),
    # deictic
    ("The minister resigned yesterday.", "yesterday", "DATE", "2025-01-10"),
    ("The talks resume tomorrow.", "tomorrow", "DATE", "2025-01-12"),
    ("The strike started last week.", "last week", "DATE", "2025-W01"),
    ("The summit is next month.", "next month", "DATE", "2025-02"),
    ("Sales fell last year.", "last year", "DATE", "2024"),
    ("Inflation is high this year.", "this year", "DATE", "2025"),
    ("Troops were killed last night.", "last night", "TIME", "2025-01-10TNI"),
    ("He spoke this morning.", "this morning", "TIME", "2025-01-11TMO"),
    ("The talks ended on Thursday evening.", "Thursday evening", "TIME", "2025-01-09TEV"),
    # quarters and seasons
    ("Profit rose in the third quarter.", "the third quarter", "DATE", "2024-Q3"),
    ("Third-quarter profit rose.", "Third-quarter", "DATE", "2024-Q3"),
    ("Revenue jumped in the latest quarter.", "the latest quarter", "DATE", "2024-Q4"),
    ("Growth slowed in the first half of 2024.", "the first half of 2024", "DATE", "2024-H1"),
    ("The offensive began last summer.", "last summer", "DATE", "2024-SU"),
    # references
    ("They are now in Kyiv.", "now", "DATE", "PRESENT_REF"),
    ("The plant is currently closed.", "currently", "DATE", "PRESENT_REF"),
    ("He recently moved to Berlin.", "recently", "DATE", "PAST_REF"),
    ("Nobody knows what the future holds.", "the future", "DATE", "FUTURE_REF"),
    # ago / earlier
    ("The bridge collapsed three days ago.", "three days ago", "DATE", "2025-01-08"),
    ("The war started two years ago.", "two years ago", "DATE", "2023"),
    # durations: extents keep "the past", modifiers
    ("The fighting lasted three days.", "three days", "DURATION", "P3D"),
    ("Prices doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("The siege lasted nearly two weeks.", "nearly two weeks", "DURATION", "P2W"),
    ("He waited for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("It was a 10-year plan.", "10-year", "DURATION", "P10Y"),
    ("The meeting took 90 minutes.", "90 minutes", "DURATION", "PT90M"),
    ("Talks went on for several months.", "several months", "DURATION", "PXM"),
    # sets
    ("The committee meets every week.", "every week", "SET", "P1W"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("They earn $5,000 a year.", "a year", "SET", "P1Y"),
    ("The market opens on Mondays.", "Mondays", "SET", "XXXX-WXX-1"),
    # times of day
    ("The blast happened at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2025-01-08T22:00"),
    ("The shops close at noon.", "noon", "TIME", "2025-01-11T12:00"),
    ("Trading halted at 14:30 UTC.", "14:30 UTC", "TIME", "2025-01-11T14:30Z"),
    ("The convoy left at 4 in the morning.", "4 in the morning", "TIME", "2025-01-11T04:00"),
    ("They met at 7 in the evening.", "7 in the evening", "TIME", "2025-01-11T19:00"),
    # a part of day alone is on the day the narrative is at
    ("By late afternoon the fire was out.", "late afternoon", "TIME", "2025-01-11TAF"),
    ("Troops moved in the evening.", "the evening", "TIME", "2025-01-11TEV"),
    # bare plural units after "in (just)" are durations of unknown length
    ("The index lost the gains in just minutes.", "minutes", "DURATION", "PTXM"),
    # stock reports: the trading day, and its start
    ("For the day, the index closed down 2%.", "the day", "DATE", "2025-01-11"),
    ("After a fall at the start of the day, shares rose.", "the start of the day", "DATE", "2025-01-11"),
    # the year-ago counterpart is one expression
    ("Sales rose 5% from the same period last year.", "the same period last year", "DATE", "2024"),
    ("Sales rose 5% from the same period a year earlier.", "the same period a year earlier", "DATE", "2024"),
    # abbreviated years after a preposition, and abbreviated decades
    ("The index is at its lowest level since '82.", "'82", "DATE", "1982"),
    ("The song was a hit in the '80s.", "the '80s", "DATE", "198"),
    ("The chief at the time was Smith.", "the time", "DATE", "PAST_REF"),
    ("For the week, the index rose 2%.", "the week", "DATE", "2025-W02"),
    ("It was the week's most active issue.", "the week", "DATE", "2025-W02"),
    ("We are there to stay for a while.", "a while", "DURATION", "PXX"),
    ("He waited for a fairly lengthy period.", "a fairly lengthy period", "DURATION", "PXX"),
    ("Prices will rise in the short term.", "the short term", "DATE", "FUTURE_REF"),
    ("The lenders held their Autumn meetings.", "Autumn", "DATE", "2024-FA"),
    ("Profit fell in the current financial year.", "the current financial year", "DATE", "2025"),
    ("Profit fell in the 2023 fiscal year.", "the 2023 fiscal year", "DATE", "2023"),
    ("Sales fell in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"),
    ("The meeting lasted half an hour.", "half an hour", "DURATION", "PT30M"),
])
def test_rule_families(run, text, span, type_, value):
    assert tagged(run(text), span)[1:] == (type_, value)


def test_weekday_direction_follows_tense(run):
    # published on a Wednesday
    wed = "2025-01-08"
    assert tagged(run("The president spoke on Monday.", wed), "Monday")[2] == "2025-01-06"
    assert tagged(run("The president will speak on Monday.", wed), "Monday")[2] == "2025-01-13"
    assert tagged(run("The president stated on Saturday that talks failed.", SAT), "Saturday")[2] == SAT
    # "next Friday" is the first Friday after publication (HeidelTime and TimeBank read it so)
    assert tagged(run("The president will travel next Friday.", wed), "next Friday")[2] == "2025-01-10"
    assert tagged(run("The president will travel next Saturday.", SAT), "next Saturday")[2] == "2025-01-18"
    assert tagged(run("Officials met last Tuesday.", wed), "last Tuesday")[2] == "2025-01-07"
    # "could" is the past of "can" as often as a possibility: the nearest Tuesday (yesterday)
    assert tagged(run("He could not be reached Tuesday.", wed), "Tuesday")[2] == "2025-01-07"
    # a past perfect keeps a forward-looking "until" or "due to" in the past
    assert tagged(run("Until Monday, police had not named a suspect.", wed), "Monday")[2] == "2025-01-06"
    assert tagged(run("The offer had been due to expire Friday.", "2025-01-13"), "Friday")[2] == "2025-01-10"
    assert tagged(run("The offer will run until Friday.", wed), "Friday")[2] == "2025-01-10"
    # "effective" bounds something still to come; a date after "the decision to ..." usually
    # dates the decision (PP attachment), so plan nouns do not turn the tense
    assert tagged(run("The board made the decision to restate its accounts on 28 December.", "2025-03-16"),
               "28 December")[2] == "2024-12-28"
    assert tagged(run("The new chairman takes over, effective Feb. 1.", "2024-11-02"), "Feb. 1")[2] == "2025-02-01"
    assert tagged(run("Sales fell in March.", "2024-11-02"), "March")[2] == "2024-03"
    # "be to" looks ahead; "this September" is in the year of the report whatever the verb
    fri = "2025-01-10"
    assert tagged(run("The stock is to resume trading in Paris Tuesday.", fri), "Tuesday")[2] == "2025-01-14"
    assert tagged(run("With the election due this September, the figures could not have come at a worse time.",
                   "2025-02-05"), "this September")[2] == "2025-09"
    assert tagged(run("He could have left Tuesday.", wed), "Tuesday")[2] == "2025-01-07"
    assert "morning" not in " ".join(f[0] for f in run("She hosts a morning talk show."))


def test_anaphoric_dates_follow_the_last_mentioned_date(run):
    found = run("The ceasefire was signed on March 3, 2022. The following day, shelling resumed.")
    assert tagged(found, "The following day")[2] == "2022-03-04"
    found = run("Profit rose 5% in the third quarter from $1 million a year earlier.", "1989-11-02")
    assert tagged(found, "a year earlier")[2] == "1988-Q3"


def test_previous_year_follows_the_narrative(run):
    found = run("Ford lost $2.7 billion in 2007, against a loss of $12.6 billion the previous year.")
    assert tagged(found, "the previous year")[1:] == ("DATE", "2006")
    assert tagged(run("Revenue was higher than in the previous year."), "the previous year")[2] == "2024"


def test_year_ago_counts_back_from_the_current_period(run):
    text = ("Net rose in the third quarter. A year-ago quarter was weak. "
            "In the first nine months, net rose from the 2023 period. The year-ago results included a charge.")
    found = run(text, "2024-11-02")
    assert tagged(found, "year-ago quarter")[2] == "2023-Q3"
    # "the 2023 period" already is the year-ago one: not 2022-Q3
    assert tagged(found, "year-ago")[2] == "2023"


def test_no_publication_date_leaves_values_underspecified(run):
    found = run("He left yesterday and returns next week; the deal was signed on May 5.", None)
    assert tagged(found, "yesterday")[2] == "XXXX-XX-XX"
    assert tagged(found, "next week")[2] == "XXXX-WXX"
    assert tagged(found, "May 5")[2] == "XXXX-05-05"


def test_vetoes(run):
    assert run("England lost in the quarter-finals.") == []
    assert run("Henman was named player of the year.") == []
    assert run("The song mentions Father Christmas and sleigh bells.") == []
    assert run("A survey of 16 to 20-year-olds was published.") == []
    # "start" is part of the extent only as "the start of"
    assert tagged(run("I'd love to start next year by winning."), "next year")[2] == "2026"
    assert run("Officials said this may be the worst disaster.") == []
    found = run("The 6-year-old boy read the Sunday Times. You may go. The March for Life was held.")
    spans = {f[0] for f in found}
    assert "6-year-old" not in spans
    assert not any("Sunday" in s for s in spans)
    assert "may" not in {s.lower() for s in spans}
    assert run("He spoke against the now-cancelled deal.") == []
    assert run("Their fall was steep.") == []
    assert run("At the time Howes was captured, at the time of the raid.") == []
    # a title ending in a weekday, then the dateline: two expressions, not one across the break
    spans = [f[0] for f in run("Markets to stay closed until Friday\nSeptember 18, 2008\nTrading halted.")]
    assert spans == ["Friday", "September 18, 2008"]
    assert run("The team won 3-1 in '82-83 and scored 80s.") == []


def test_records_are_well_formed(nlp):
    text = "On Saturday, three days after the attack, officials met."
    document = Document(article=Article(text=text, published=SAT), doc=nlp(text))
    recs = times.extract(document)
    assert [t.id for t in recs] == [f"T{i}" for i in range(1, len(recs) + 1)]
    for t in recs:
        assert text[t.span.start:t.span.end] == t.span.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
    assert times.ASSIGNS == "times" and times.REQUIRES == ("parse",)


@pytest.mark.parametrize("value,expected", [
    ("2024-12-22", ("2024-12-22", "day")),
    ("2024-12-22T14:30", ("2024-12-22", "day")),
    ("2024-08", ("2024-08", "month")),
    ("2016", ("2016", "year")),
    ("2025-W01", ("2025-01", "month")),
    ("2024-Q3", ("2024", "year")),
    ("199", (None, None)),
    ("P3D", (None, None)),
    ("PRESENT_REF", (None, None)),
    ("XXXX-XX-XX", (None, None)),
    ("2024-02-30", (None, None)),
])
def test_date_and_precision(value, expected):
    assert date_and_precision(value) == expected


def test_date_for_span_prefers_the_sentence_date(nlp):
    from chronicle.extract.times import date_for_span

    text = "Shelling hit Kharkiv on Monday. Talks are planned. The army said in August 2024 it advanced."
    document = Document(article=Article(text=text, published=SAT), doc=nlp(text))
    document.times = times.extract(document)
    i = text.index("Shelling")
    assert date_for_span(document, i, i + 8)[:2] == ("2025-01-06", "day")
    j = text.index("Talks")
    assert date_for_span(document, j, j + 5) == (SAT, "day", "published")
    k = text.index("advanced")
    assert date_for_span(document, k, k + 8)[:2] == ("2024-08", "month")


def test_date_and_precision_present_ref_uses_dct():
    assert date_and_precision("PRESENT_REF", "2025-01-11") == ("2025-01-11", "day")


def test_timeml_reader_and_scorer(tmp_path):
    from chronicle.evaluate.timeml import read
    from chronicle.evaluate.times import match, score

    tml = tmp_path / "x.tml"
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>'
        '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after '
        '<TIMEX3 tid="t2" type="DURATION" value="P3D">three &amp; days</TIMEX3>.</TEXT></TimeML>')
    gd = read(tml)
    assert gd.dct == "1998-01-08"
    assert [gd.text[t.start:t.end] for t in gd.timexes] == ["yesterday", "three & days"]

    class S:
        def __init__(self, start, end, type_, value):
            self.start, self.end, self.type, self.value, self.text = start, end, type_, value, gd.text[start:end]

    g0, g1 = gd.timexes
    sys = [S(g0.start, g0.end, "DATE", "1998-01-07"), S(g1.start + 6, g1.end, "DURATION", "P2D")]
    assert match(gd.timexes, sys) == [(0, 0), (1, 1)] or sorted(match(gd.timexes, sys)) == [(0, 0), (1, 1)]
    m = score([(gd, sys)], errors=False)
    assert m["strict"]["f1"] == 50.0 and m["relaxed"]["f1"] == 100.0
    assert m["value"]["f1"] == 50.0 and m["type"]["f1"] == 100.0


def test_seed_article_dates(run):
    seed = shared("seed", "kursk-pows.txt")
    gold = json.loads(shared("seed", "kursk-pows.gold.json").read_text())
    found = run(seed.read_text(encoding="utf-8"), gold["article"]["published"])
    for g in gold["times"]:
        accepted = [g["text"]] + g.get("acceptable_text", [])
        hits = [f for f in found if f[0] in accepted]
        assert hits, f"{g['text']!r} not found in {found}"
        assert hits[0][2] == g["value"]


@pytest.mark.slow
def test_meantime_reader_rebuilds_text():
    from chronicle.evaluate.timeml import read_all

    docs = list(read_all([shared("time", "meantime", "intra-doc_annotation", "corpus_airbus")]))
    assert len(docs) == 30
    for d in docs:
        for t in d.timexes:
            assert d.text[t.start:t.end].strip() == d.text[t.start:t.end]
