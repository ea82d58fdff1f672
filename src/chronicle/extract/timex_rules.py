"""The TIMEX3 grammar as data: one regular expression per rule, written with lexicon macros.

Why data and not code: a rule is a pattern (what the expression looks like, its TimeML extent) plus
the name of a normaliser (how its value is computed); adding a rule or a word never touches the
engine in :mod:`chronicle.extract.times`. Macros ``{NAME}`` expand to alternations built from
``chronicle/data/timex_lexicon.json`` (see :func:`chronicle.extract.times._macros`).

Extents follow the TimeML 1.2 guidelines as TempEval-3 scores them: determiners and modifiers
that belong to the expression are inside ("the past three years", "early next year",
"nearly two weeks", "last Friday"), prepositions and signals are outside ("on", "in", "back in",
"after", "since").

Each rule: ``(name, type, normaliser, pattern)``. Matching is case-insensitive; when candidates
overlap the longest wins, then the earlier rule. ``type`` may be overridden by the normaliser
(e.g. "a year" is a SET after a count: "15 a year").
"""
from __future__ import annotations

# Shared sub-patterns (not lexicon lists).
PATTERN_MACROS = {
    "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
    "DAYNUM": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
    "PRE": r"(?:(?:the )?(?:very )?(?:early|late|(?:end|beginning|start|middle|close|turn|"
           r"rest|remainder|bulk) of) |(?:the )?(?:very )?(?:early|late) of |(?:the )?mid-? ?|early-|late-)",
    "REL": r"(?:last|this|next|this past|this coming|past|coming)",
    "HOURWORD": r"(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                r"(?: (?P<mw>fifteen|thirty|forty-five|forty five|oh five|ten|twenty|forty|fifty))?",
    "SPOKEN_YEAR": r"(?:(?:nineteen|twenty)[ -](?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                   r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
                   r"fifteen|sixteen|seventeen|eighteen|nineteen|oh[ -](?:one|two|three|four|five|six|seven|eight|nine))"
                   r"|two thousand(?:(?: and)? (?:one|two|three|four|five|six|seven|eight|nine|ten))?)",
    # a programme, not a time: "ABC's This Week", "on “This Week,”", "CBS This Morning" (a capital "This"
    # and a capital unit after a possessive, a quote (also the NYT's '') or a network's initials)
    "NOT_TITLE": r"(?!(?:(?<=['’]s\s)|(?<=[“\"])|(?<='')|(?-i:(?<=[A-Z]{3}\s)))(?-i:This\s[A-Z]))",
    # the named day a clock time is on, in either order and with its year: "3pm on 4 March 2024"
    "CLOCK_DATE": r"(?:(?P<m>{MONTH}) (?P<d>{DAYNUM})|(?P<d2>{DAYNUM}) (?P<m2>{MONTH}))(?:,? (?P<cy>{YEAR}))?",
    # zones only in capitals ("ET", not "et"), so that "1998 et al." is no clock time
    "TZ": r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|MSK|JST|KST|HKT|SGT|AWST|AC[SD]T|AE[SD]T|NZ[SD]T|IST)\b"
          r"|local time|(?-i:(?:Eastern|Central|Mountain|Pacific|Atlantic|Greenwich Mean|British Summer|Central European|"
          r"Moscow|Japan|Indian) (?:(?:Standard|Daylight|Summer) )?[Tt]ime))",
}

RULES: list[tuple[str, str, str, str]] = [
    # --- TIME of day -----------------------------------------------------------------------------
    ("clock", "TIME", "clock",
     r"(?:{MODIFIER} )?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))? ?(?P<ampm>a\.m\.?|p\.m\.?|am|pm|o'clock|in the (?:morning|afternoon|evening))"
     r"(?: (?P<tz>{TZ}))?(?:,? (?:on )?(?:(?P<wd>{WEEKDAY})|(?P<deic>today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))"
     r"|{CLOCK_DATE}))?"),
    ("clock24", "TIME", "clock",
     r"(?:{MODIFIER} )?(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d) (?P<tz>{TZ})"
     r"(?:,? (?:on )?(?:(?P<wd>{WEEKDAY})|(?P<deic>today|yesterday|tomorrow)"
     r"|{CLOCK_DATE}))?"),
    # a 24-hour clock time after "at"/"by"/"until" ("at 14:30", "by 09:15"), no zone needed
    ("clock24_at", "TIME", "clock",
     r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s))(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:.,]\d)"
     r"(?:,? (?:on )?(?:(?P<wd>{WEEKDAY})|(?P<deic>today|yesterday|tomorrow)"
     r"|{CLOCK_DATE}))?"),
    # spelled-out clock times in transcripts: "eight o'clock tonight", "ten a.m.", "six thirty this evening"
    ("clock_words", "TIME", "clock",
     r"{HOURWORD}(?: ?(?P<ampm>a\.m\.?|p\.m\.?|o'clock)(?: (?P<deic>tonight|this (?:morning|afternoon|evening)|today|yesterday|tomorrow))?)"),
    ("clock_words_pod", "TIME", "clock", r"(?<=\bat\s){HOURWORD} (?P<deic2>tonight|this (?:morning|afternoon|evening))"),
    ("noon", "TIME", "clock",
     r"(?<!high\s)(?:{MODIFIER} )?(?P<noon>noon|midnight|midday)(?: (?:on )?(?:(?P<wd>{WEEKDAY})|(?P<deic>today|yesterday|tomorrow)))?"),
    ("pod_this", "TIME", "pod_deictic",
     r"{NOT_TITLE}(?:(?:early|late|earlier|later) )?(?P<rel>this|that|the same|the next|the following|the previous) (?P<pod>{PART_OF_DAY})"),
    # "by mid-afternoon": the day the narrative is at
    ("pod_mid", "TIME", "pod_deictic", r"(?P<rel>)(?P<pod>mid-?(?:morning|afternoon))"),
    ("tonight", "TIME", "pod_deictic", r"(?:(?:early|late|earlier|later) )?(?P<deic>tonight|overnight)"),
    # a part of day on its own is the day the narrative is at ("by late afternoon", "in the
    # evening"); only after "in" or with early/late, so "morning talk show" and "a night" stay out
    ("pod_bare", "TIME", "pod_deictic",
     r"(?:early|late) (?:in )?(?P<rel>the )?(?P<pod>morning|afternoon|evening|night)(?! of| hours)"
     r"|(?<=\bin\s)(?P<rel2>the) (?P<pod2>morning|afternoon|evening|night)(?! of)"),
    # --- full dates ------------------------------------------------------------------------------
    ("iso", "DATE", "ymd", r"(?P<y>{YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?"),
    ("slash", "DATE", "ymd", r"(?P<mm>1[0-2]|0?[1-9])/(?P<dd>[0-3]?\d)/(?P<y>(?:19|20)\d\d)"),
    # "after 9/11", "the post-9/11 era": the day of history, written no other way without its year
    ("named_day", "DATE", "named_day", r"(?<![\d/.])(?P<mm>9)/(?P<dd>11)(?![\d/]|\.\d)"),
    ("m_d_y", "DATE", "ymd",
     # no "the": in "the Sept. 11, 2001, attacks" it belongs to the noun the date modifies
     r"(?:(?:{PRE})?(?P<wd>{WEEKDAY}),? )?(?P<m>{MONTH}) (?P<d>{DAYNUM}|{ORDINAL}),? (?P<y>{YEAR})"),
    ("d_m_y", "DATE", "ymd",
     r"(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<d>{DAYNUM}|{ORDINAL}) (?:of )?(?P<m>{MONTH}),? (?P<y>{YEAR})"),
    ("m_d", "DATE", "md",
     r"(?:(?:(?P<rel>this coming|this past|this|last|next) )?(?P<wd>{WEEKDAY}),? )?(?P<m>{MONTH}) (?P<d>{DAYNUM}|{ORDINAL})"),
    ("d_m", "DATE", "md", r"(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<d>{DAYNUM}|{ORDINAL}) (?:of )?(?P<m>{MONTH})"),
    # "January 20 next year", "1 March last year": one day, in the year named relative to the report
    ("m_d_rely", "DATE", "md", r"(?P<m>{MONTH}) (?P<d>{DAYNUM}|{ORDINAL}),? (?:of )?(?P<yrel>last|this|next) year"),
    ("d_m_rely", "DATE", "md", r"(?:the )?(?P<d>{DAYNUM}|{ORDINAL}) (?:of )?(?P<m>{MONTH}),? (?:of )?(?P<yrel>last|this|next) year"),
    ("week_of", "DATE", "week_of", r"the week of (?P<m>{MONTH}) (?P<d>{DAYNUM})"),
    # "the first week of March", "the last week of September 2008": the ISO week of that stretch
    ("nth_week_of", "DATE", "nth_week_of",
     r"(?:the )?(?P<o>first|second|third|fourth|last|final) week of (?P<m>{MONTHFULL})(?:,? (?P<y>{YEAR}))?"),
    # --- months, years, decades, centuries ----------------------------------------------------------
    ("m_y", "DATE", "ym", r"(?:{PRE})?(?P<m>{MONTH}),? (?:of )?(?P<y>{YEAR})"),
    ("m_rely", "DATE", "ym", r"(?:{PRE})?(?P<m>{MONTH}),? (?:of )?(?P<yrel>last|this|next) year"),
    ("rel_m", "DATE", "month_rel", r"(?:(?:early|late|mid-?) ?)?(?P<rel>{REL}) (?P<m>{MONTHFULL})"),
    ("m", "DATE", "month_alone", r"(?:{PRE})?(?P<m>{MONTHFULL})"),
    ("year", "DATE", "year",
     r"(?:{PRE})?(?:(?:the )?(?:fiscal|calendar|model|school|financial)(?: year)? |the (?:full )?year |FY ?|the (?={YEAR} (?:fiscal|financial) year))?(?P<y>{YEAR})"
     r"(?: and beyond| (?:fiscal|financial) year)?"),
    # an abbreviated year only after a preposition ("since '82", "in '99"): a bare "'82" may be a score
    ("year_apos", "DATE", "year_apos", r"(?:(?<=since\s)|(?<=in\s)|(?<=of\s)|(?<=until\s))['’](?P<y2>\d\d)(?!\d|s\b|-)"),
    ("spoken_year", "DATE", "spoken_year", r"(?:the year )?(?P<sy>{SPOKEN_YEAR})"),
    # broadcast transcripts spell years out: "January nineteen ninety-seven", "March eighth, nineteen ninety-two"
    ("m_d_sy", "DATE", "spoken_ymd", r"(?P<m>{MONTHFULL}) (?P<d>{DAYNUM}|{ORDINAL}),? (?P<sy>{SPOKEN_YEAR})"),
    ("m_sy", "DATE", "spoken_ym", r"(?P<m>{MONTHFULL}),? (?:of )?(?P<sy>{SPOKEN_YEAR})"),
    ("decade", "DATE", "decade",
     r"(?:the )?(?:{PRE})?(?:(?P<c>1[5-9]|20)(?P<dd>\d)0['’]?s|['’](?P<dd2>\d)0s)"),
    # "the mid-90s", "the early 80s": a decade of the 1900s without its apostrophe, only after "the"
    ("decade_short", "DATE", "decade", r"the (?:{PRE})?(?P<dd2>[2-9])0s(?! (?:degrees|percent|per cent|mph)\b)"),
    ("decade_word", "DATE", "decade", r"the (?:{PRE})?(?:(?P<dc>nineteen|twenty) )?(?P<dw>{DECADE_WORD})"),
    ("century", "DATE", "century", r"(?:the )?(?:{PRE})?(?P<o>{ORDINAL}|\d{1,2}(?:st|nd|rd|th))[- ]century"),
    # --- quarters and halves ------------------------------------------------------------------
    ("quarter_adj", "DATE", "quarter",
     r"(?:(?P<yposs>this|last|next) year's |(?P<y0>{YEAR})'s )?(?:(?P<y1>{YEAR}) )?(?:fiscal-)?"
     r"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)-(?P<qu>quarter|half)(?! of)"),
    ("quarter", "DATE", "quarter",
     r"(?:{PRE})?(?:the |a |(?P<yposs>this|last|next) year's |(?P<y0>{YEAR})'s )?(?:(?:fiscal )?(?P<y1>{YEAR}) )?(?:fiscal[- ])?"
     r"(?:(?:flat|strong|weak|disappointing|difficult|tough|record|sluggish|slow|lackluster) )?"
     r"(?P<q>first|second|third|fourth|final|last|latter|1st|2nd|3rd|4th) (?:fiscal )?(?P<qu>quarter|half)"
     r"(?: of (?:(?:fiscal )?(?P<y2>{YEAR}|{SPOKEN_YEAR})|(?:the )?(?P<yrel>this|last|next) (?:fiscal |financial )?year"
     r"|the (?:fiscal |financial )?(?P<ythe>year)))?"),
    # a quarter named by its last month ("the September quarter", "the December quarter")
    ("month_quarter", "DATE", "month_quarter", r"the (?P<m>{MONTHFULL}) (?:(?P<y>{YEAR}) )?quarter"),
    ("q_abbrev", "DATE", "quarter", r"(?P<q>Q[1-4])(?P<qu>)(?: (?P<y2>{YEAR}))?"),
    # "H1 2008": a half of the year, in capitals and with its year ("H2" alone may be hydrogen)
    ("h_abbrev", "DATE", "half_abbrev", r"(?-i:H(?P<h>[12])) (?P<y2>{YEAR})"),
    ("quarter_rel", "DATE", "quarter_rel",
     r"(?:{PRE})?(?:the )?(?P<qrel>latest|current|past|previous|last|next|coming|recent|most recent|same|year-ago|year-earlier|"
     r"comparable|prior-year|year-before)(?: fiscal)? (?P<qu>quarter|half|period)"),
    # not a share ("the quarter of voters") nor a compound ("the quarter-century-old brigade")
    ("quarter_bare", "DATE", "quarter_rel", r"the (?P<qu>quarter)(?! of\b|-)"),
    ("year_ago_adj", "DATE", "year_ago_adj",
     r"(?:the )?year-(?:ago|earlier|before|previous) (?:(?:first|second|third|fourth) )?(?:quarter|period)"
     r"|year-(?:ago|earlier|before|previous)"),
    ("year_quarter", "DATE", "year_period", r"the (?P<y>{YEAR}) (?:(?P<q>first|second|third|fourth) )?(?:quarter|period)"),
    ("part_of_year", "DATE", "year", r"a (?:good|large|big|major) part of (?P<y>{YEAR})"),
    ("fiscal_year", "DATE", "fiscal_year",
     r"the (?P<rel>latest |current |full |previous |last |next |)(?:fiscal |financial )?year(?!(?:\s+|-)(?:ago|earlier|end|before|later)\b)"
     r"(?P<ended>(?=\s+end(?:ed|ing)))?"),
    ("period_ended", "DURATION", "period_ended",
     r"the (?P<what>quarter|nine months|six months|three months|half|first half|period|month|week|12 months|"
     r"twelve months|first nine months)(?=\s+end(?:ed|ing))"),
    # --- seasons, holidays ------------------------------------------------------------------------
    ("season", "DATE", "season",
     r"(?:(?P<rel>this|last|next|this past|this coming|the|early|late|mid-?|the past|the coming|the following|the next|"
     r"the previous|that) ?)(?P<s>{SEASON})"
     r"(?:,? (?:of )?(?:(?P<y>{YEAR}|{SPOKEN_YEAR})|['’](?P<ya>\d\d)\b))?"),
    # a season after a possessive ("their Autumn meetings"); not "fall", which is mostly a drop
    ("season_poss", "DATE", "season",
     r"(?:(?<=their\s)|(?<=its\s)|(?<=his\s)|(?<=her\s)|(?<=our\s))(?P<s>spring|summer|autumn|winter)"),
    ("season_y", "DATE", "season", r"(?P<s>{SEASON}),? (?:of )?(?P<y>{YEAR})"),
    # "the Memorial Day weekend" is the weekend next to the holiday
    ("holiday", "DATE", "holiday", r"(?:(?P<rel>last|this|next) |(?P<the>the) (?={HOLIDAY} weekend))?(?P<hol>{HOLIDAY})(?P<wkd> weekend)?"),
    # --- deictic days, weeks, months, years ---------------------------------------------------------
    ("deictic_day", "DATE", "deictic_day",
     r"(?:(?:early|late|earlier|later|mid) |(?P<pod0>{PART_OF_DAY}) )?(?P<deic>the day before yesterday|the day after tomorrow|"
     r"today|yesterday|tomorrow)(?: (?P<pod>{PART_OF_DAY}))?"),
    # "early Tuesday", "late Monday": the modifier is part of the expression (TimeML mod START/END)
    ("weekday", "DATE", "weekday",
     r"(?:(?:early|late) )?(?:(?P<rel>last|this|next|this coming|this past|coming|past|the following|the next|the previous|the preceding) )?"
     r"(?P<wd>{WEEKDAY})(?:,? (?P<pod>{PART_OF_DAY}))?"),
    # "the first Saturday in May", "the last Monday of August 2019": a day counted in its month
    ("nth_weekday_of", "DATE", "nth_weekday_of",
     r"(?:the )?(?P<o>first|second|third|fourth|last|1st|2nd|3rd|4th) (?P<wd>{WEEKDAY}) (?:in|of) (?P<m>{MONTHFULL})"
     r"(?:,? (?P<y>{YEAR}))?"),
    # "the first day of 2020", "the last day of March": one day, counted in its year or month
    ("day_of", "DATE", "day_of",
     r"(?:the )?(?P<o>first|last|final) day of (?:(?P<m>{MONTHFULL})(?:,? (?P<my>{YEAR}))?|(?P<y>{YEAR}))"),
    ("weekday_pl", "SET", "weekday_set", r"(?P<wd>{WEEKDAY})s(?: (?P<pod>mornings|afternoons|evenings|nights))?"),
    ("rel_unit", "DATE", "rel_unit",
     r"{NOT_TITLE}(?:(?:{PRE}|earlier |later |as early as |as late as )?)"
     r"(?P<rel>last|this|next|the past|the last|the previous|the following|the coming|the current|the same|that same|that|"
     r"this past|this coming|the next|the present|the prior|a previous)(?: fiscal| calendar| financial)? "
     r"(?P<u>week|weekend|month|year|decade|century|day|night)"),
    ("in_the_unit", "DATE", "rel_unit",
     r"(?:earlier|later|early|late) (?P<rel>)in the (?P<u>week|month|year)"),
    ("ahead", "DURATION", "duration", r"the (?:(?P<n>few|coming|next few) )?(?P<u>days|weeks|months|years) ahead"),
    ("end_of_unit", "DATE", "rel_unit",
     r"(?:the )?(?P<pre>end|beginning|start|middle|turn) of the (?P<rel>)(?P<u>day|week|month|year|decade|century)"),
    # stock reports: "For the day, the Nikkei closed ...", "the week's most active issue" are the
    # trading day/week of the report
    ("for_the_day", "DATE", "rel_unit",
     r"(?:(?<=for\s)|(?<=ended\s)|(?<=finished\s))(?P<rel>)the (?P<u>day|week)(?! of| before| after| when| that| on)"),
    ("week_poss", "DATE", "rel_unit", r"(?P<rel>)the (?P<u>week)(?='s)"),
    # "the same period last year" is one expression (the year-ago counterpart), not a period and a year
    ("same_last_year", "DATE", "rel_unit",
     r"(?:the same (?:period|quarter|month|week|time|day)|this time) (?:of |in )?(?P<rel>last|the previous) (?P<u>year)"),
    ("same_year_ago", "DATE", "ago",
     r"the same (?:period|quarter|month|week|time|day) (?P<n>a|one) (?P<u>year) (?P<dir>ago|earlier)"),
    ("year_end", "DATE", "rel_unit", r"(?:around )?(?P<rel>)(?P<u>year)[- ]end"),
    ("weekend", "DATE", "rel_unit", r"(?P<rel>the)(?P<u> weekend)"),
    # "for a second consecutive day", "the third straight session": the day of the report, one in
    # a run (MEANTIME, TimeML: a DATE, not a duration); the count of a run ("six straight days") is
    # a DURATION (rule dur)
    ("nth_in_row", "DATE", "nth_in_row",
     r"(?:an?|the) (?P<o>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|\d+(?:st|nd|rd|th)) "
     r"(?:consecutive|straight|successive) (?:(?P<trading>trading) )?(?P<u>day|session|week|month|year|quarter)"),
    # the second day of "April 24 and 25", "Dec. 6-9" (a poll's field dates): the month is the one just named
    ("day_and", "DATE", "day_and", r"(?:(?<=\d\sand\s)|(?<=\d[-–]))(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?(?![\d,.]\d|\w| ?%| (?:percent|per cent|million|billion|thousand))"),
    # the first day of "between 15 and 17 October", "15 or 16 May": the month is the one named after
    ("day_and_dm", "DATE", "day_and_dm",
     r"(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?(?=(?: (?:and|or|to) |[-–])(?:[12]?\d|3[01])(?:st|nd|rd|th)? (?P<m>{MONTHFULL})\b"
     r"(?:,? (?P<y>{YEAR}))?)"),
    # "on the 12th": a day of the month the narrative is at (the report's, else); an ordinal before a
    # noun ("on the 12th floor") is no day
    ("day_ordinal", "DATE", "day_ordinal",
     r"(?<=\bon\s)the (?P<d>(?:[12]?\d|3[01])(?:st|nd|rd|th))"
     r"(?=[^\S\n]*(?:[,.;:!?)]|$)|[^\S\n]+(?:when|after|before|at|in|as|while|with|by|but|the|a|an|he|she|they|it|we)\b)"),
    # --- ago / earlier / later --------------------------------------------------------------------------
    ("ago", "DATE", "ago",
     r"(?:{MODIFIER} )?(?P<n>{NUM}|{VAGUE_NUMBER})(?: more)? (?P<u>{UNIT})(?: and a half)?(?: or so)? "
     r"(?P<dir>ago|earlier|from now|hence|before that)"),
    ("ago_bare", "DATE", "ago", r"(?P<u>years|months|weeks|days|decades) (?P<dir>ago)"),
    # British "in two years' time", "in a week's time": that long after the report, as "from now"
    ("in_time", "DATE", "ago",
     r"(?<=\bin\s)(?:{MODIFIER} )?(?P<n>{NUM}|{VAGUE_NUMBER}) (?P<u>{UNIT})(?P<dir>['’]s? time)"),
    # --- durations ----------------------------------------------------------------------------------
    ("dur_rel", "DURATION", "duration",
     r"(?:the |{MODIFIER} )?(?P<rel>past|last|next|first|coming|previous|following|final|latest|remaining|initial|"
     r"ensuing|preceding|recent|better part of the|rest of the)(?: (?P<n>{NUM}|{VAGUE_NUMBER}))? "
     r"(?:(?:more|additional|full|straight|consecutive|long|trading|business|working) )?(?P<u>{UNIT})(?: or so)?"),
    ("dur_range", "DURATION", "duration",
     r"(?:{MODIFIER} |the (?:(?P<rel>next|past|last|coming|first) )?)?(?P<n>{NUM}) (?:to|or|and) (?P<n2>{NUM})(?: more)? (?P<u>{UNIT})"),
    ("dur", "DURATION", "duration",
     r"(?:{MODIFIER} |the )?(?P<n>{NUM}|{VAGUE_NUMBER})(?: (?:more|additional|full|straight|consecutive|long|trading|"
     r"business|working|calendar|extra))? (?P<u>{UNIT})(?P<half> and a half)?(?: or so)?"),
    ("half_unit", "DURATION", "half_unit",
     r"(?:{MODIFIER} )?half[ -](?:an? )?(?P<u>hour|day|week|month|year|decade|century|minute)"
     r"|(?:{MODIFIER} )?(?P<qtr2>a quarter of|three quarters of) an? (?P<u2>hour|year|century)"),
    ("dur_adj", "DURATION", "duration", r"(?P<n>\d+(?:\.\d+)?|{NUMWORD}|several|many|few)-(?P<u>{UNITSG})(?:-(?:old|long))?"),
    # "a months-long inquiry", "the decades-long conflict", "a year-long probe"
    ("dur_long", "DURATION", "duration", r"(?P<u>{UNIT})-long"),
    ("dur_bare", "DURATION", "duration",
     r"(?:(?<=for\s)|(?<=in\s)|(?<=in\sjust\s)|(?<=in\sonly\s))"
     r"(?P<u>years|months|weeks|decades|hours|days|minutes|seconds|centuries)"),
    # --- sets ---------------------------------------------------------------------------------------
    ("every", "SET", "set_every",
     r"(?:every|each)(?: other| single)? (?:(?P<n>{NUM}|{VAGUE_NUMBER}) (?P<un>{UNIT})|(?P<u>{UNITSG}|{WEEKDAY}|{MONTHFULL}|{SEASON}|morning|afternoon|evening|night))"),
    ("freq", "SET", "set_every", r"(?P<f>once|twice|three times|four times|\d+ times) (?:a|per|each|every) (?P<u>{UNITSG})"),
    # "24 hours a day", "three days per week": a time in every unit (TimeML SET, value the period)
    ("dur_per", "SET", "set_every", r"(?P<f>{NUM}) {UNIT} (?:a|per|each) (?P<u>{UNITSG})"),
    ("set_adv", "SET", "set_adverb", r"(?:(?:once|twice|three times|four times|\d+ times) )?(?P<adv>{SET_ADVERB})"),
    # --- references ---------------------------------------------------------------------------------
    # "the now-cancelled deal": a hyphenated compound is no reference to the present
    ("present_ref", "DATE", "ref", r"(?P<ref>{PRESENT_REF})(?!-)"),
    ("past_ref", "DATE", "ref", r"(?P<ref>{PAST_REF})"),
    ("future_ref", "DATE", "ref", r"(?P<ref>{FUTURE_REF})"),
    # durations of unstated length, only as the object of "for" ("for a while", "for some time")
    ("vague_dur", "DURATION", "vague_dur",
     r"(?<=for\s)(?:quite )?(?:a while|some time|a (?:(?:fairly|very|relatively) )?(?:long|lengthy|short|brief) "
     r"(?:time|while|period)(?: of time)?)(?! (?:to|before|after|when|that)\b)"),
    # "for the time being": the present, as long as it lasts (MEANTIME, TimeML PRESENT_REF)
    ("time_being", "DATE", "time_being", r"(?<=for\s)the time being"),
    ("term", "DATE", "term", r"(?<=in\s)the (?:short|near|long|medium|longer|shorter) term"),
    # British "in future" (no article): from now on (FUTURE_REF), not "in future years" (rule checks)
    ("in_future", "DATE", "in_future", r"(?<=\bin\s)future"),
    # "at the time" (TimeBank: PAST_REF) set off or before the verb ("X at the time was ...");
    # "at the time Howes was captured" is a relative clause, "at the time of ..." a pointer elsewhere
    ("at_the_time", "DATE", "time_then",
     r"(?<=at\s)(?:the|that) time(?=\s*[,.;:!?)\"'”]|\s+(?:was|were|had|is|are|did)\b)"),
]

# Cheap first pass: every rule names the trigger class (words any of its matches must contain);
# a rule only runs on windows around hits of its class, so the tagger stays a few percent of the
# parse time however many rules there are. ``{NAME}`` takes every entry of a lexicon list (the last
# word of a phrase). Digits, years and clock times are found by the engine itself.
TRIGGER_WORDS: dict[str, list[str]] = {
    "clock": ["utc", "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt", "bst", "cet", "clock", "et", "pt",
              "ct", "mt", "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt", "sgt", "awst", "acst", "acdt",
              "aest", "aedt", "nzst", "nzdt", "ist"],
    "noon": ["noon", "midnight", "midday"],
    "pod": ["{PART_OF_DAY}", "tonight", "overnight", "mornings", "afternoons", "evenings", "nights"],
    "month": ["{MONTH}"],
    "spoken": ["nineteen", "twenty", "thousand"],
    "decade": ["{DECADE_WORD}", "century", "centuries"],
    "quarter": ["quarter", "quarters", "half", "period"],
    "yearish": ["year", "years"],
    "season": ["{SEASON}"],
    "holiday": ["{HOLIDAY}"],
    "deictic": ["today", "yesterday", "tomorrow"],
    "weekday": ["{WEEKDAY}", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"],
    "unit": ["{UNIT}"],
    "every": ["every", "each", "once", "twice", "times"],
    "set_adv": ["{SET_ADVERB}"],
    "ref": ["{PRESENT_REF}", "{PAST_REF}", "{FUTURE_REF}"],
    "time": ["time"],
    "in_row": ["consecutive", "straight", "successive"],
    "vague": ["while", "time", "period", "term"],
}

NEEDS: dict[str, str] = {
    "clock": "clock", "clock24": "clock", "clock24_at": "clock", "clock_words": "clock", "clock_words_pod": "pod", "pod_mid": "pod", "noon": "noon", "pod_this": "pod", "tonight": "pod", "pod_bare": "pod",
    "iso": "digits", "slash": "digits", "named_day": "digits",
    "m_d_y": "month", "d_m_y": "month", "m_d": "month", "d_m": "month", "m_d_rely": "month", "d_m_rely": "month", "week_of": "month", "nth_week_of": "month", "m_y": "month",
    "m_rely": "month", "rel_m": "month", "m": "month",
    "year": "year", "spoken_year": "spoken", "m_d_sy": "spoken", "m_sy": "spoken", "year_apos": "digits", "decade": "year", "decade_short": "digits", "decade_word": "decade", "century": "decade",
    "month_quarter": "quarter", "quarter_adj": "quarter", "quarter": "quarter", "quarter_rel": "quarter", "quarter_bare": "quarter",
    "year_ago_adj": "yearish", "year_quarter": "year", "part_of_year": "year", "fiscal_year": "yearish",
    "period_ended": "unit", "season": "season", "season_y": "season", "season_poss": "season", "holiday": "holiday",
    "deictic_day": "deictic", "weekday": "weekday", "nth_weekday_of": "weekday", "day_of": "unit", "weekday_pl": "weekday",
    "rel_unit": "unit", "in_the_unit": "unit", "ahead": "unit", "end_of_unit": "unit", "year_end": "yearish",
    "for_the_day": "unit", "week_poss": "unit", "same_last_year": "unit", "same_year_ago": "unit",
    "weekend": "unit", "ago": "unit", "ago_bare": "unit", "in_time": "unit", "dur_rel": "unit", "dur_range": "unit", "dur": "unit",
    "dur_adj": "unit", "dur_long": "unit", "half_unit": "unit", "q_abbrev": "digits", "h_abbrev": "digits", "dur_bare": "unit", "every": "every", "freq": "every", "dur_per": "unit", "set_adv": "set_adv",
    "nth_in_row": "in_row", "day_and": "digits", "day_and_dm": "digits", "day_ordinal": "digits", "time_being": "time",
    "present_ref": "ref", "past_ref": "ref", "future_ref": "ref", "at_the_time": "time", "vague_dur": "vague", "term": "vague", "in_future": "ref",
}
