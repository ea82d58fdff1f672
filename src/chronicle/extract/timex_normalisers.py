"""TIMEX3 normalisers of calendar dates: days, months, years, spoken years, decades, centuries.

``(match, ctx) -> (type, value) | None``; None rejects the match. Each rule of
:mod:`chronicle.extract.timex_rules` names a normaliser (``n_<name>``) of this module, of
:mod:`.timex_periods` (quarters, halves, fiscal years, seasons, holidays), of
:mod:`.timex_relative` (days and weeks counted from the report or the narrative) or of
:mod:`.timex_durations` (durations, sets, clock times). They do the calendar arithmetic of
:mod:`chronicle.extract.timex_norm` on the match groups, against the publication date and the
narrative anchor in :class:`chronicle.extract.timex_context.Ctx`. The word helpers here are shared
by all four.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from . import timex_norm as tn
from .timex_context import _NUM_TENS, _NUM_UNITS, Ctx, _verb_above, lexicon
def _lower(s: Optional[str]) -> str:
    return re.sub(r"\s+", " ", s or "").lower()


def _month(word: str) -> int:
    return lexicon()["MONTH"][_lower(word).rstrip(".")]


def _daynum(word: str) -> Optional[int]:
    w = _lower(word)
    if w[:1].isdigit():
        return int(re.match(r"\d+", w).group())
    return lexicon()["ORDINAL"].get(w)


def _number(word: Optional[str]) -> Optional[float]:
    """A count as a number; None for vague counts ("several")."""
    w = _lower(word)
    if not w:
        return None
    if w in lexicon()["VAGUE_NUMBER"] and w not in lexicon()["NUMBER"]:
        return None
    half = 0.0
    w = w.replace("-and-a-half", " and a half").replace("½", " 1/2").replace("  1/2", " 1/2")  # "seven-and-a-half", "5 ½"
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if w.endswith(" 1/2"):
        w, half = w[:-4], 0.5
    if w[:1].isdigit():
        try:
            return float(w.replace(",", "")) + half
        except ValueError:
            return None
    nums = lexicon()["NUMBER"]
    if w in nums:
        return nums[w] + half
    parts = re.split(r"[- ]", w)
    tens = {t: 20 + 10 * i for i, t in enumerate(_NUM_TENS)}
    units = {u: i + 1 for i, u in enumerate(_NUM_UNITS)}
    if len(parts) == 2 and parts[0] in tens and parts[1] in units:
        return tens[parts[0]] + units[parts[1]] + half
    return None


def _numstr(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


_UNIT_GRAN = {"S": None, "MIN": None, "H": None, "D": "D", "2W": "W", "W": "W", "WE": "W", "M": "M", "Q": "Q",
              "Y": "Y", "DE": "DE", "CE": "CE"}


def _unit(word: str) -> str:
    return lexicon()["UNIT"][_lower(word)]


# normalisers of a date written with its year ("February 2022", "May 4, 2019"): a story told about
# such a date goes on in its year ("The war began in February 2022. On March 3, Russian forces took
# Kherson."). Not a bare year: that is as often a side mention ("since 1994", "his 1987 car"), and
# on TBAQ train it misled; nor further back than about a sentence (further, it misled too).
_WRITTEN_YEAR_NORMS = {"ymd", "ym"}
NARRATIVE_REACH = 150  # characters back to that written date


_SINCE = re.compile(r"\b(?:since|ever since)\s+$", re.I)


def _narrative_year(ctx: Ctx) -> Optional[int]:
    """The year of the last date written with its year, if it was named shortly before; or of a
    year that opens the same sentence ("In 2005, Hurricane Dennis made landfall ... on July 10")."""
    if ctx.anchor_norm == "year" and ctx.anchor_at >= 0 and _opens_sentence(ctx):
        return int(ctx.anchor)
    if ctx.anchor_norm not in _WRITTEN_YEAR_NORMS or ctx.anchor_at < 0 or ctx.start - ctx.anchor_at > NARRATIVE_REACH:
        return None
    parsed = tn.parse_value(ctx.anchor)
    return parsed[0].year if parsed else None


_EVENT_PREPS = {"in", "on", "for"}
_YEAR_OPENER = re.compile(r"(?:In|By|Back in|During|Since|Until) $")


def _opens_sentence(ctx: Ctx) -> bool:
    """The anchor year is the sentence's frame: "In 2005," at its start, in the sentence of the span."""
    if not re.fullmatch(r"\d{4}", ctx.anchor or "") or not ctx.anchor_in_sentence():
        return False
    return bool(_YEAR_OPENER.fullmatch(ctx.text[ctx.span()[0].sent.start_char:ctx.anchor_at]))


def _dates_scheduled_event(ctx: Ctx) -> bool:
    """The month (and day) dates an event set on the calendar ("the Nov. 8 election", "November's
    election", "the convention in July"), not the verb's happening: a report speaks of such events
    ahead as often as behind, whatever its tense ("was seen as an attempt ... ahead of the Nov. 8
    election")."""
    sp = ctx.span()
    if sp is None or not len(sp):
        return False
    nouns = lexicon()["SCHEDULED_EVENT_NOUNS"]
    for tok in sp:
        head = tok.head
        if head.i >= sp.start and head.i < sp.end:
            continue
        # spaCy reads "convention" a proper noun now and then ("the party's July convention")
        if tok.dep_ in ("compound", "nmod", "poss", "amod", "npadvmod", "nummod") and head.pos_ in ("NOUN", "PROPN"):
            return head.lemma_.lower() in nouns or head.lower_ in nouns
        if tok.dep_ == "pobj" and head.lower_ in _EVENT_PREPS and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head.lemma_.lower() in nouns
        return False
    return False


def _year_for(ctx: Ctx, month: int, day: int = 1) -> Optional[int]:
    """The year of a month (and day) written without one: the year the story is telling about when
    a date with its year was written just before and the verb goes the same way, else around the
    DCT, in the verb's direction."""
    if ctx.dct is None:
        parsed = tn.parse_value(ctx.anchor)
        return parsed[0].year if parsed else None
    y = ctx.dct.year
    try:
        d = dt.date(y, month, min(day, 28 if month == 2 else day))
    except ValueError:
        return y
    t = ctx.tense()
    if _forward(ctx):  # "loans through January", "effective Feb. 1": a bound ahead of the report
        t = "future"
    told = _narrative_year(ctx)
    if told is not None and ((told < y and t in ("past", None)) or (told > y and t == "future")):
        return told
    delta = (d - ctx.dct).days
    if t != "future" and not (t == "past" and delta > 240) and _dates_scheduled_event(ctx):
        # "ahead of the Nov. 8 election", "the convention in July": not the verb's time; but "the
        # November election" under a past verb in January is last year's
        t = "present"
    if delta > 0 and _SINCE.search(ctx.text[max(0, ctx.start - 12):ctx.start]):
        return y - 1  # "has said since March": what a time runs since has begun
    if t == "past" and delta > 60:
        return y - 1
    if t == "future" and delta < -60:
        return y + 1
    if (t is None and delta > 90) or (t == "present" and delta > 300):
        return y - 1
    if t in (None, "present") and delta < -240:
        return y + 1
    if t == "present" and delta < -60 and _future_in_past(ctx):
        return y + 1  # "said this week it would declare its intention by the end of March"
    if t in (None, "present") and delta < -60 and _after_a_time_ahead(ctx):
        return y + 1  # "the court term that begins next Monday and ends in June": June after it
    return y


def _future_in_past(ctx: Ctx) -> bool:
    verb = ctx.governing_verb()
    for _ in range(3):  # up an infinitive chain: "would declare its intention to break ... by March"
        if verb is None:
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if auxes & {"would", "'d"}:
            return not auxes & {"have", "'ve"}
        if "to" not in auxes:
            return False
        verb = _verb_above(verb.head)
    return False


def _after_a_time_ahead(ctx: Ctx) -> bool:
    """The sentence has just named a day ahead of the report ("begins next Monday"): a tenseless
    month after it runs on from there."""
    if not ctx.anchor or not ctx.anchor_in_sentence():
        return False
    parsed = tn.parse_value(ctx.anchor)
    return bool(parsed and parsed[1] == "D" and parsed[0] > ctx.dct)


def n_ymd(m, ctx):
    y = int(m["y"])
    mo = int(m["mm"]) if m.groupdict().get("mm") else _month(m["m"])
    day = int(m["dd"]) if m.groupdict().get("dd") else _daynum(m["d"])
    try:
        d = dt.date(y, mo, day)
    except (ValueError, TypeError):
        return None
    if m.groupdict().get("h"):
        return "TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}"
    return "DATE", d.isoformat()


def _historic_day(ctx: Ctx, month: int, day: int) -> Optional[int]:
    """The year of a month-day that names a day of history by the word after it ("the Sept. 11
    attacks" in 2016 are 2001's, not this year's September 11)."""
    named = lexicon()["HISTORIC_MONTH_DAYS"].get(f"{month:02d}-{day:02d}")
    if not named:
        return None
    nxt = re.match(r"(?:\s+(?:terrorist|terror|al-Qaeda|Islamist))?\s+([A-Za-z-]+)", ctx.text[ctx.end:ctx.end + 40])
    return named[0] if nxt and nxt.group(1).lower() in named[1] else None


def n_md(m, ctx):
    if _name_head_after(ctx):
        return None
    mo, day = _month(m["m"]), _daynum(m["d"])
    if not day or day > 31:
        return None
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper():
        return None
    if m.groupdict().get("yrel"):  # "January 20 next year"
        return day_value(_rel_year(m["yrel"], ctx), mo, day)
    return day_value(_historic_day(ctx, mo, day) or _year_for(ctx, mo, day), mo, day)


def n_day_ordinal(m, ctx):
    """"on the 12th": the day of the month the narrative is at, or of the report's month; a past verb
    with a day still ahead of the report means last month's."""
    day = _daynum(m["d"])
    base, gran = ctx.anchor_date()
    if base is None:
        return "DATE", f"XXXX-XX-{day:02d}"
    if gran in ("D", "M") and base != ctx.dct:
        return day_value(base.year, base.month, day)
    y, mo = ctx.dct.year, ctx.dct.month
    if day > ctx.dct.day and ctx.tense() == "past":
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
    elif day < ctx.dct.day and ctx.tense() == "future":
        y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
    return day_value(y, mo, day)


def day_value(y: Optional[int], month: int, day: int):
    """A day's DATE value; an unknown year stays XXXX, an impossible day is no time ("31 February")."""
    if y is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        return "DATE", dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def n_week_of(m, ctx):
    mo, day = _month(m["m"]), _daynum(m["d"])
    y = _year_for(ctx, mo, day)
    try:
        return "DATE", tn.fmt(dt.date(y, mo, day) if y else None, "W")
    except ValueError:
        return None


def n_nth_week_of(m, ctx):
    """"the first week of March": the ISO week holding the middle of that seven-day stretch."""
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper():
        return None
    mo = _month(m["m"])
    y = int(m["y"]) if m["y"] else _year_for(ctx, mo, 15)
    if y is None:
        return "DATE", f"XXXX-{mo:02d}"
    o = _lower(m["o"])
    if o in ("last", "final"):
        mid = tn.add_months(dt.date(y, mo, 1), 1) - dt.timedelta(days=4)
    else:
        mid = dt.date(y, mo, 4 + 7 * (_daynum(o) - 1))
    return "DATE", tn.fmt(mid, "W")


def _rel_year(word: Optional[str], ctx: Ctx) -> Optional[int]:
    if ctx.dct is None:
        return None
    return ctx.dct.year + {"last": -1, "this": 0, "next": 1}.get(_lower(word), 0)


def n_ym(m, ctx):
    mo = _month(m["m"])
    if m.groupdict().get("y"):
        return "DATE", f"{int(m['y']):04d}-{mo:02d}"
    y = _rel_year(m["yrel"], ctx)
    return "DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}"


def n_month_rel(m, ctx):
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper():
        return None  # "this may be the worst", "this march" the protest
    mo = _month(m["m"])
    rel = _lower(m["rel"])
    if ctx.dct is None:
        return "DATE", f"XXXX-{mo:02d}"
    if rel == "this":
        way = None  # "this September" is in the year of the report, whatever the verb (TimeML, HeidelTime)
    elif rel in ("last", "this past", "past"):
        way = "before"
    elif rel in ("next", "this coming", "coming"):
        way = "after"
    else:
        way = ctx.tense()
    y = tn.year_of_position(ctx.dct.year, mo, ctx.dct.month, way)
    return "DATE", f"{y:04d}-{mo:02d}"


_VETO_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "LAW", "NORP"}


def _in_name(ctx: Ctx) -> bool:
    sp = ctx.span()
    if sp is None:
        return False
    for tok in sp:
        if tok.ent_type_ in _VETO_ENTS:
            return True
    return False


def _generic_subject(sp) -> bool:
    """A bare month that is the subject of a present "is" ("April is a difficult time to make
    predictions") says what that month always is."""
    if sp is None or len(sp) != 1:
        return False
    tok = sp[0]
    return (tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and tok.head.tag_ == "VBZ"
            and not any(c.dep_ in ("aux", "neg") for c in tok.head.children))


def n_month_alone(m, ctx):
    word = m["m"]
    low = _lower(word)
    sp = ctx.span()
    if low in ("may", "march"):
        if not word[0].isupper():
            return None
        if sp is not None:
            tok = [t for t in sp if t.lower_ == low]
            if tok and (tok[0].tag_ in ("MD", "VB", "VBP", "VBZ", "NN") or tok[0].is_sent_start):
                return None
    if _in_name(ctx):
        return None
    named = re.match(r"\s+\d{1,2}\s+([A-Z][a-z]+)", ctx.text[ctx.end:ctx.end + 24])
    if named and named.group(1).lower() in lexicon()["NAME_HEADS_AFTER"]:
        return None  # "the March 1 Movement"
    if low == "may" and sp is not None and len(sp) and sp.start > 0:
        prev = sp.doc[sp.start - 1]
        if prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in lexicon()["MONTH"]:
            return None  # "Theresa May", a surname
    mo = _month(word)
    if _generic_subject(sp):
        return "DATE", f"XXXX-{mo:02d}"  # "April is when campaigns typically begin": any April
    ranged = _range_year().match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 50))
    if ranged:  # "between March and April 2004": the year named; "December to January 2005": the one before
        return "DATE", f"{int(ranged['y2']) - (_month(ranged['m2']) < mo):04d}-{mo:02d}"
    y = _year_for(ctx, mo, 15)
    return "DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}"


@lru_cache(maxsize=1)
def _range_year() -> re.Pattern:
    """The second month of a range with its year ("March and April 2004", "June-July 2005",
    "October to the end of December 2004"): the first month is in that year."""
    months = "|".join(sorted((w for w in lexicon()["MONTH"] if len(w) > 3 or w == "may"), key=len, reverse=True))
    return re.compile(r"[^\S\n]*(?:[-–/][^\S\n]*|(?:and|or|to|through|until|till)[^\S\n]+)(?:the[^\S\n]+)?"
                      r"(?:(?:early|late|mid)[- ]?|(?:end|start|beginning|middle) of[^\S\n]+)?"
                      rf"(?P<m2>{months}),?[^\S\n]+(?P<y2>1[5-9]\d\d|20\d\d)\b", re.I)


# spaCy calls a bare year a number now and then ("In 2021, ...", "by 2022"); after a preposition
# of time a lone number of year shape is the year, whatever its entity label
YEARISH_NUMBER_ENTS = ("CARDINAL", "MONEY")


def _lone_year(tok, after_prep: bool) -> bool:
    """A number entity of its own that reads as a year: after a preposition of time ("In 2021,",
    "reservations for 2021"), or between a determiner and a singular modifier or noun ("the 2016
    presidential election", "his 2017 campaign")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # a plural is a count ("the 2000 workers") unless it is a thing a year names ("the 2016 elections")
    year_noun = nxt is not None and nxt.lower_ in lexicon()["YEAR_MODIFIED_PLURALS"]
    plain_next = nxt is None or (nxt.tag_ not in ("NNS", "NNPS") or year_noun) and nxt.lower_ not in lexicon()["COUNT_NOUNS_AFTER"]
    if tok.ent_iob_ != "B" or (nxt is not None and nxt.ent_iob_ == "I"):
        return _year_range_entity(tok) and plain_next  # "between 2000 and 2002" labelled one number
    prev = doc[tok.i - 1] if tok.i else None
    if after_prep:
        return True
    # the second of two: "between now and 2024", "2011 or 2012"
    listed = prev is not None and prev.lower_ in ("and", "or", "to") and tok.i >= 2 and _yearish(doc[tok.i - 2])
    if listed and prev.lower_ != "to" and tok.i >= 3 and doc[tok.i - 3].lower_ in _YEAR_PREPOSITIONS and plain_next:
        return True  # "raised rates in 2022 and 2023": after a preposition of time, even under a verb of change
    if not plain_next or prev is None or any(a.lemma_ in _CHANGE_VERBS for a in tok.ancestors):
        return False  # "climbed from 1900 to 2000": index levels, not years
    if prev.lower_ in ("from", "for", "towards", "between") and "1800" <= tok.text <= "2099":
        return True
    if listed:
        return True
    if nxt is None or prev.lower_ not in _YEAR_DETERMINERS or not "1800" <= tok.text <= "2099":
        return False
    return (year_noun or nxt.tag_ in (("NN", "NNP") if prev.lower_ in ("a", "an") else ("JJ", "NN", "NNP"))) and plain_next


_CHANGE_VERBS = {"rise", "fall", "climb", "drop", "increase", "decrease", "jump", "slip", "gain", "lose", "grow", "cut",
                 "reduce", "raise", "soar", "plunge", "slide", "rally", "tumble", "sink", "surge", "edge", "close",
                 "trade", "end", "finish", "open", "range", "vary"}


def _yearish(tok) -> bool:
    return tok.lower_ in ("now", "today") or (tok.text.isdigit() and "1800" <= tok.text <= "2099")


def _year_range_entity(tok) -> bool:
    """A number entity that is only years and the words of a range ("between 2000 and 2002")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.label_ not in YEARISH_NUMBER_ENTS:
        return False
    years = [t for t in ent if t.like_num]
    return (len(years) >= 2 and all(_yearish(t) for t in years)
            and all(t.like_num or t.lower_ in ("between", "from", "and", "to", "or", "through", "-", "–") for t in ent))


# "the 2016 presidential election", "a 2016 agreement", "his 2017 campaign", "Trump's 2016 campaign"
_YEAR_DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "'s", "’s", "any", "all",
                     "these", "those")


_YEAR_PREPOSITIONS = ("in", "since", "by", "until", "till", "during", "after", "before", "of", "through", "early",
                      "late", "mid")


def _year_range_first(y: str, after: str, sp) -> bool:
    """The first year of a range spaCy reads as a date ("from 2009-2013", "1981-1989"): both ends
    are tagged, as "July-August"; a number range ("climbed 1900-2000") is no date to spaCy."""
    mo = re.match(r"[-–]((?:1[89]|20)\d\d)\b(?![-–.,]?\d)", after)
    if mo is None or not y < mo.group(1) or sp is None or not len(sp):
        return False
    doc, i = sp.doc, sp[-1].i
    after_range = doc[i + 3] if i + 3 < len(doc) and doc[i + 2].text == mo.group(1) else None
    return (all(t.ent_type_ == "DATE" for t in sp if t.text == y)
            and (after_range is None or after_range.tag_ not in ("NNS", "NNPS")))  # "1900-2000 points": a count


def n_year(m, ctx):
    y = m["y"]
    after = ctx.text[ctx.end:ctx.end + 20]
    lex = lexicon()
    nxt = re.match(r"\s+([A-Za-z]+)", after)
    prev = re.search(r"(\S+)\s+$", ctx.text[max(0, ctx.start - 20):ctx.start])
    # the word before the match or before the year itself ("in fiscal 2024", "a good part of 2024")
    before_year = re.search(r"(\S+)\s+$", ctx.text[max(0, m.start("y") - 20):m.start("y")])
    after_prep = any(p is not None and p.group(1).lower() in _YEAR_PREPOSITIONS for p in (prev, before_year))
    sp = ctx.span()
    if sp is not None:
        for tok in sp:
            if tok.text == y and tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL",
                                                   "PRODUCT", "ORG", "FAC", "LAW"):
                if not (tok.ent_type_ in YEARISH_NUMBER_ENTS and _lone_year(tok, after_prep)):
                    return None
    if re.match(r"\s*(?:%|percent|per cent|[-–]\d)", after, re.I) and not _year_range_first(y, after, sp):
        return None
    if ctx.end - ctx.start == 4 and not after_prep and nxt and nxt.group(1).lower() in lex["COUNT_NOUNS_AFTER"]:
        return None  # "2000 people", "lost 1900 points": a count ("in 2007 people ..." stays a year)
    if ctx.end - ctx.start == 4 and prev and prev.group(1).lower() in lex["NOT_A_YEAR_BEFORE"]:
        return None  # "Flight 1549", "Room 2010", "Resolution 1441": a number in a name
    return "DATE", y


def n_year_apos(m, ctx):
    """"since '82": the century is the latest one that does not put the year after the report."""
    yy = int(m["y2"])
    ref = ctx.dct.year if ctx.dct is not None else 2099
    y = 2000 + yy if 2000 + yy <= ref else 1900 + yy
    return "DATE", str(y)


_SPOKEN_TENS = {t: 20 + 10 * i for i, t in enumerate(_NUM_TENS)}
_SPOKEN_SMALL = {w: i + 1 for i, w in enumerate(_NUM_UNITS)}
_SPOKEN_SMALL.update({"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                      "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19})


def _spoken(text: str) -> int:
    return int(_spoken_value(text))


def n_spoken_ym(m, ctx):
    return "DATE", f"{_spoken(m['sy']):04d}-{_month(m['m']):02d}"


def n_spoken_ymd(m, ctx):
    try:
        return "DATE", dt.date(_spoken(m["sy"]), _month(m["m"]), _daynum(m["d"])).isoformat()
    except (ValueError, TypeError):
        return None


def n_spoken_year(m, ctx):
    sp = ctx.span()
    if sp is not None and len(sp) and sp.end < len(sp.doc):
        nxt = sp.doc[sp.end]
        if nxt.tag_ in ("NNS", "NNPS") or (_lower(m["sy"]).startswith("two thousand") and nxt.pos_ == "NOUN"):
            return None  # "two thousand people": a count; "a nineteen ninety-seven attack" stays a year
    before = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if _lower(m["sy"]).startswith("two thousand") and re.search(r"(?:than|about|some|nearly|almost|over|least)\s+$", before):
        return None  # "more than two thousand": a count
    return "DATE", _spoken_value(m["sy"])


def _spoken_value(text: str) -> str:
    words = re.split(r"[\s-]+", _lower(text))
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return str(2000 + (_SPOKEN_SMALL.get(rest[0], 0) if rest else 0))
    century = {"nineteen": 19, "twenty": 20}[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        return f"{century}00"
    if rest and rest[0] == "oh":
        return f"{century}0{_SPOKEN_SMALL.get(rest[1], 0)}"
    if rest and rest[0] in _SPOKEN_TENS:
        n = _SPOKEN_TENS[rest[0]] + (_SPOKEN_SMALL.get(rest[1], 0) if len(rest) > 1 else 0)
    else:
        n = _SPOKEN_SMALL.get(rest[0], 0) if rest else 0
    return f"{century}{n:02d}"


_TEMPERATURE = re.compile(r"\b(?:temperatures?|degrees|heat|hot|warm|cool|cold|fahrenheit|highs?|lows?)\b", re.I)


def n_decade(m, ctx):
    g = m.groupdict()
    if ctx.rule == "decade_short" and _TEMPERATURE.search(_sentence(ctx)):
        return None  # "temperatures in the mid-90s"
    if g.get("c"):
        return "DATE", f"{g['c']}{g['dd']}"
    if g.get("dd2"):
        return "DATE", f"19{g['dd2']}"
    century = "20" if _lower(g.get("dc")) == "twenty" else "19"
    return "DATE", f"{century}{lexicon()['DECADE_WORD'][_lower(g['dw'])]}"


def n_century(m, ctx):
    n = _daynum(m["o"])
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}"


def _sentence(ctx: Ctx) -> str:
    sp = ctx.span()
    if sp is not None and len(sp):
        return sp[0].sent.text
    return ctx.text[max(0, ctx.start - 150):ctx.end + 150]


_FORWARD_SIGNAL = re.compile(r"\b(?:until|till|(?:effective|starting|beginning)(?:\s+(?:on|from|in))?|as soon as|"
                             r"as early as|as late as|no later than|"
                             r"(?<!\bto )(?<!\bwill )(?<!\bnot )(?<!n't )come)\s+$",
                             re.I)


def _forward(ctx: Ctx) -> bool:
    """A signal that the time bounds something still running ("until Friday", "effective Feb. 1"),
    unless a past perfect puts the whole clause before the report ("until Thursday they had not")."""
    m = _FORWARD_SIGNAL.search(ctx.text[max(0, ctx.start - 16):ctx.start])
    if not m or ctx.past_perfect():
        return False
    # "kept going until 2 a.m. Friday", "stayed until Friday": a past act that ran up to a past
    # day; but "extended its deadline until Tuesday" sets a bound that lies ahead
    return not (m.group(0).lower().startswith(("until", "till")) and _activity_until(ctx))


def _activity_until(ctx: Ctx) -> bool:
    verb = ctx.governing_verb()
    if verb is not None and verb.dep_ == "xcomp" and verb.tag_ == "VBG":
        verb = verb.head  # "kept going until ...": the tense is the head's
    return (verb is not None and verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and verb.lemma_.lower() not in lexicon()["BOUND_SETTING_VERBS"])


def _name_head_after(ctx: Ctx) -> bool:
    """"the Good Friday Agreement", "the Tuesday Group", "the March 1 Movement": a name, not a time."""
    nxt = re.match(r"\s+([A-Z][a-z]+)", ctx.text[ctx.end:ctx.end + 20])
    return bool(nxt and nxt.group(1).lower() in lexicon()["NAME_HEADS_AFTER"])


NORMALISERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
