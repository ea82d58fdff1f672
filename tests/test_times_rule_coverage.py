"""Every rule of the TIMEX3 grammar is tested: one sentence per rule (written for this table), the
expression it must find, with its type and value, and the rule that must find it.

Why a table tied to the rule list: a rule added to ``timex_rules.RULES`` without an example here
fails ``test_every_rule_has_an_example``, and a rule that another rule shadows (a longer or earlier
match takes its text) fails its own row. Publication date: Saturday 2025-01-11 unless a row says
otherwise.
"""
from __future__ import annotations

import pytest

from chronicle.extract import times
from chronicle.extract.timex_rules import RULES
from chronicle.model import Article, Document

DCT = "2025-01-11"

# (rule, sentence, expression, type, value[, publication date])
CASES = [
    ('clock', 'The explosion happened at 9:30 a.m. local time.', '9:30 a.m. local time', 'TIME', '2025-01-11T09:30'),
    ('clock24', 'Trading closed at 16:30 GMT.', '16:30 GMT', 'TIME', '2025-01-11T16:30Z'),
    ('clock24_at', 'The ceremony began at 14:30.', '14:30', 'TIME', '2025-01-11T14:30'),
    ('clock_words', "The broadcast starts at eight o'clock tonight.", "eight o'clock tonight", 'TIME', '2025-01-11T20:00'),
    ('clock_words_pod', 'The address is due at nine tonight.', 'nine tonight', 'TIME', '2025-01-11T21:00'),
    ('noon', 'The deadline passed at noon on Friday.', 'noon on Friday', 'TIME', '2025-01-10T12:00'),
    ('pod_this', 'Ministers met this morning to discuss the crisis.', 'this morning', 'TIME', '2025-01-11TMO'),
    ('pod_mid', 'By mid-afternoon the crowd had grown to thousands.', 'mid-afternoon', 'TIME', '2025-01-11TAF'),
    ('tonight', 'The president will speak tonight.', 'tonight', 'TIME', '2025-01-11TNI'),
    ('pod_bare', 'The talks resumed late in the evening.', 'late in the evening', 'TIME', '2025-01-11TEV'),
    ('iso', 'The order was signed on 2024-12-22.', '2024-12-22', 'DATE', '2024-12-22'),
    ('slash', 'The contract was dated 12/22/2024.', '12/22/2024', 'DATE', '2024-12-22'),
    ('named_day', 'Airport security changed after 9/11.', '9/11', 'DATE', '2001-09-11'),
    ('m_d_y', 'The ceasefire began on December 22, 2024.', 'December 22, 2024', 'DATE', '2024-12-22'),
    ('d_m_y', 'The ceasefire began on 22 December 2024.', '22 December 2024', 'DATE', '2024-12-22'),
    ('m_d', 'The vote was held on December 22.', 'December 22', 'DATE', '2024-12-22'),
    ('d_m', 'The vote was held on 22 December.', '22 December', 'DATE', '2024-12-22'),
    ('week_of', 'Shipments resumed the week of December 9.', 'the week of December 9', 'DATE', '2024-W50'),
    ('nth_week_of', 'Talks are planned for the first week of March.', 'the first week of March', 'DATE', '2025-W10'),
    ('m_y', 'The plant opened in August 2024.', 'August 2024', 'DATE', '2024-08'),
    ('m_rely', 'The plant opened in August last year.', 'August last year', 'DATE', '2024-08'),
    ('rel_m', 'The plant opened last August.', 'last August', 'DATE', '2024-08'),
    ('m', 'The plant opened in August.', 'August', 'DATE', '2024-08'),
    ('year', 'The plant opened in 2019.', '2019', 'DATE', '2019'),
    ('year_apos', "He has lived there since '82.", "'82", 'DATE', '1982'),
    ('spoken_year', 'The law was passed in nineteen ninety-seven.', 'nineteen ninety-seven', 'DATE', '1997'),
    ('m_d_sy', 'The law was passed on March eighth, nineteen ninety-two.', 'March eighth, nineteen ninety-two', 'DATE', '1992-03-08'),
    ('m_sy', 'The law was passed in January nineteen ninety-seven.', 'January nineteen ninety-seven', 'DATE', '1997-01'),
    ('decade', 'The dam was built in the 1990s.', 'the 1990s', 'DATE', '199'),
    ('decade_short', 'The dam was built in the mid-90s.', 'the mid-90s', 'DATE', '199'),
    ('decade_word', 'The dam was built in the nineties.', 'the nineties', 'DATE', '199'),
    ('century', 'The castle dates from the 15th century.', 'the 15th century', 'DATE', '14'),
    ('quarter_adj', 'The firm reported a third-quarter loss.', 'third-quarter', 'DATE', '2024-Q3'),
    ('quarter', 'Sales fell in the third quarter of 2024.', 'the third quarter of 2024', 'DATE', '2024-Q3'),
    ('month_quarter', 'Sales fell in the September quarter.', 'the September quarter', 'DATE', '2024-Q3'),
    ('q_abbrev', 'Sales fell in Q3 2024.', 'Q3 2024', 'DATE', '2024-Q3'),
    ('h_abbrev', 'Sales fell in H1 2024.', 'H1 2024', 'DATE', '2024-H1'),
    ('quarter_rel', 'Sales fell in the latest quarter.', 'the latest quarter', 'DATE', '2024-Q4'),
    ('quarter_bare', 'Revenue rose 5% in the quarter.', 'the quarter', 'DATE', '2024-Q4'),
    ('year_ago_adj', 'Profit was below the year-earlier level.', 'year-earlier', 'DATE', '2024'),
    ('year_quarter', 'Sales exceeded the 2023 period.', 'the 2023 period', 'DATE', '2023'),
    ('part_of_year', 'Prices rose for a good part of 2024.', 'a good part of 2024', 'DATE', '2024'),
    ('fiscal_year', 'The company expects growth in the fiscal year.', 'the fiscal year', 'DATE', '2025'),
    ('period_ended', 'Profit rose 5% in the nine months ended September 30.', 'the nine months', 'DURATION', 'P9M'),
    ('season_poss', 'Ministers discussed it at their autumn meetings.', 'autumn', 'DATE', '2024-FA'),
    ('season_y', 'The bridge opened in spring 2023.', 'spring 2023', 'DATE', '2023-SP'),
    ('holiday', 'Shops were closed on Christmas Day.', 'Christmas Day', 'DATE', '2024-12-25'),
    ('deictic_day', 'The minister resigned yesterday.', 'yesterday', 'DATE', '2025-01-10'),
    ('weekday', 'The minister resigned on Tuesday.', 'Tuesday', 'DATE', '2025-01-07'),
    ('nth_weekday_of', 'The vote falls on the second Tuesday of February.', 'the second Tuesday of February', 'DATE', '2025-02-11'),
    ('day_of', 'The rules apply from the first day of 2026.', 'the first day of 2026', 'DATE', '2026-01-01'),
    ('weekday_pl', 'The market opens on Sundays.', 'Sundays', 'SET', 'XXXX-WXX-7'),
    ('rel_unit', 'The minister resigned last week.', 'last week', 'DATE', '2025-W01'),
    ('in_the_unit', 'The minister will resign later in the week.', 'later in the week', 'DATE', '2025-W02'),
    ('ahead', 'Ministers face hard choices in the months ahead.', 'the months ahead', 'DURATION', 'PXM'),
    ('end_of_unit', 'The law takes effect at the end of the month.', 'the end of the month', 'DATE', '2025-01'),
    ('for_the_day', 'For the day, the index closed 2% lower.', 'the day', 'DATE', '2025-01-11'),
    ('week_poss', "Shares were the week's biggest losers.", 'the week', 'DATE', '2025-W02'),
    ('same_last_year', 'Sales were up on the same period last year.', 'the same period last year', 'DATE', '2024'),
    ('same_year_ago', 'Sales were up on the same period a year earlier.', 'the same period a year earlier', 'DATE', '2024'),
    ('year_end', 'Rates should fall by year-end.', 'year-end', 'DATE', '2025'),
    ('weekend', 'Thousands marched at the weekend.', 'the weekend', 'DATE', '2025-W02-WE'),
    ('nth_in_row', 'Shares fell for a second consecutive day.', 'a second consecutive day', 'DATE', '2025-01-11'),
    ('day_and', 'Talks are scheduled for April 24 and 25.', '25', 'DATE', '2025-04-25'),
    ('day_and_dm', 'Talks are scheduled between 15 and 17 October.', '15', 'DATE', '2025-10-15'),
    ('ago', 'The plant closed three years ago.', 'three years ago', 'DATE', '2022'),
    ('ago_bare', 'The plant closed years ago.', 'years ago', 'DATE', 'PAST_REF'),
    ('dur_rel', 'Prices have doubled over the past three years.', 'the past three years', 'DURATION', 'P3Y'),
    ('dur_range', 'The trial could last two to three weeks.', 'two to three weeks', 'DURATION', 'P2W'),
    ('dur', 'The trial lasted three weeks.', 'three weeks', 'DURATION', 'P3W'),
    ('half_unit', 'The meeting lasted half an hour.', 'half an hour', 'DURATION', 'PT30M'),
    ('dur_adj', 'He was given a two-year sentence.', 'two-year', 'DURATION', 'P2Y'),
    ('dur_long', 'A months-long inquiry followed.', 'months-long', 'DURATION', 'PXM'),
    ('dur_bare', 'The dispute has gone on for years.', 'years', 'DURATION', 'PXY'),
    ('every', 'The committee meets every two weeks.', 'every two weeks', 'SET', 'P2W'),
    ('freq', 'The committee meets twice a month.', 'twice a month', 'SET', 'P1M'),
    ('dur_per', 'Guards watch the gate 24 hours a day.', '24 hours a day', 'SET', 'P1D'),
    ('set_adv', 'The committee meets weekly.', 'weekly', 'SET', 'P1W'),
    ('present_ref', 'The party currently holds 40 seats.', 'currently', 'DATE', 'PRESENT_REF'),
    ('past_ref', 'The party recently lost 40 seats.', 'recently', 'DATE', 'PAST_REF'),
    ('future_ref', 'The party hopes to win seats in the future.', 'the future', 'DATE', 'FUTURE_REF'),
    ('vague_dur', 'The rebels held the town for a while.', 'a while', 'DURATION', 'PXX'),
    ('time_being', 'The border stays closed for the time being.', 'the time being', 'DATE', 'PRESENT_REF'),
    ('term', 'Prices will rise in the short term.', 'the short term', 'DATE', 'FUTURE_REF'),
    ('in_future', 'Such trips will be banned in future.', 'future', 'DATE', 'FUTURE_REF'),
    ('at_the_time', 'The minister, at the time, denied the report.', 'the time', 'DATE', 'PAST_REF'),
    ("in_time", "The bridge will reopen in two years' time.", "two years' time", "DATE", "2027"),
    ("in_time", "Results are due in a week's time.", "a week's time", "DATE", "2025-W03"),
    ("in_time", "The plant may close in a few years' time.", "a few years' time", "DATE", "FUTURE_REF"),
    # a clock time on a named day is one expression, dated by that day (day-month order too)
    ("clock", "The blast happened at 3pm on 4 March 2024.", "3pm on 4 March 2024", "TIME", "2024-03-04T15:00"),
    ("clock", "The blast happened at 3pm on 4 March.", "3pm on 4 March", "TIME", "2025-03-04T15:00", "2025-03-12"),
    ("clock24", "Troops entered the town at 0400 GMT on 2 January.", "0400 GMT on 2 January", "TIME",
     "2025-01-02T04:00Z"),
    ("clock24_at", "The man was arrested at 04:30 on Sunday.", "04:30 on Sunday", "TIME", "2025-01-05T04:30"),
    # the first day of a dashed range before a month: "the night of 3-4 March"
    ("day_and_dm", "Clashes erupted on the night of 3-4 January.", "3", "DATE", "2025-01-03"),
    ("d_m", "Clashes erupted on the night of 3-4 January.", "4 January", "DATE", "2025-01-04"),
    ("day_ordinal", "The bombing took place on the 20th, police said.", "the 20th", "DATE", "2024-12-20"),
    ("day_ordinal", "The protest, held on January 3, turned violent. On the 5th, police made arrests.", "the 5th",
     "DATE", "2025-01-05"),
    # the second of two years after a preposition of time, even under a verb of change
    ("year", "The Fed raised rates in 2022 and 2023.", "2023", "DATE", "2023"),
    # what a time runs since has begun: "since March" said in January is last year's March
    ("m", "He has said since March that he would not run.", "March", "DATE", "2024-03"),
    ("m_d_rely", "The new president takes office on January 20 next year.", "January 20 next year", "DATE",
     "2026-01-20"),
    ("d_m_rely", "The law took effect on 1 March last year.", "1 March last year", "DATE", "2024-03-01"),
    # a month-day without a year goes on in the year of a date written just before it
    ("m_d", "The war began in February 2022. On March 3, Russian forces took Kherson.", "March 3", "DATE", "2022-03-03"),
    ("m_d", "The talks opened on May 4, 2019. On May 9, they collapsed.", "May 9", "DATE", "2019-05-09"),
    # ... but not after a bare year, which is as often a side mention
    ("m", "His 1987 car was found. In March, police searched the house.", "March", "DATE", "2024-03"),
    # a quarter not yet begun has not been: in January, a past second quarter is last year's
    ("quarter", "In the second quarter, sales fell 10%.", "the second quarter", "DATE", "2024-Q2"),
    ("quarter", "The firm expects a profit in the second quarter.", "the second quarter", "DATE", "2025-Q2"),
    # in January "next spring" is the coming one; in July it is the spring of the next year
    ("season", "Elections are expected next spring.", "next spring", "DATE", "2026-SP", "2025-07-01"),
    ("season", "Elections are expected next spring.", "next spring", "DATE", "2025-SP"),
    ("season", "The factory closed this past fall.", "this past fall", "DATE", "2024-FA"),
]


def test_every_rule_has_an_example():
    assert {r[0] for r in RULES} - {c[0] for c in CASES} == set()
    assert {c[0] for c in CASES} - {r[0] for r in RULES} == set()  # no row for a rule that is gone


# known failures, each with its reason; strict, so a fix that makes one pass must remove it here
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c[0]], strict=True))
                                  if c[0] in KNOWN else c for c in CASES], ids=[c[0] for c in CASES])
def test_rule_finds_its_expression(nlp, case):
    rule, text, span, type_, value = case[:5]
    published = case[5] if len(case) > 5 else DCT
    document = Document(article=Article(text=text, published=published), doc=nlp(text))
    found = [(t.span.text, t.type, t.value, t.extra.get("rule")) for t in times.extract(document)]
    assert (span, type_, value, rule) in found, found
