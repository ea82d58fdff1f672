"""TIMEX3 normalisers of durations, sets, references and clock times (and the small anaphoric
forms that go with them): ``(match, ctx) -> (type, value) | None``.

Why apart from :mod:`chronicle.extract.timex_normalisers` and its siblings: those resolve calendar
dates; these mostly build ISO 8601 durations (``P3D``, ``PT30M``), set values and reference words,
and share only the word helpers with them.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from . import timex_norm as tn
from .timex_context import Ctx, lexicon
from .timex_normalisers import day_value, _daynum, _forward, _lower, _month, _number, _numstr, _unit, _year_for
from .timex_relative import _DEICTIC, _pod


_SET_BEFORE = re.compile(r"(?:\d|\d(?:bn|m|k|tn)\)?|%|\bpercent|\bcents?|\btimes|\btwice|\bonce|\bdollars?|\bbillion|\bmillion|"
                         r"\bshares?|\bpounds|\beuros|\bhours|\bdays)\W{0,3}$", re.I)


_WAGE_BEFORE = re.compile(r"[$£€]\s?\d+(?:[.,]\d+)?\s*$|\b\d+(?:[.,]\d+)?\s?(?:dollars|pounds|euros|cents|pence|p)\s*$",
                          re.I)


# what follows "a year" when it is a stretch and no rate: "a year after the shooting", "a week or
# 10 days off", "a day in the life"
_NOT_RATE_AFTER = re.compile(r"\s*(?:after|before|later|earlier|ago|since|ahead|into|or\s+(?:\d|two|three|"
                             r"four|five|six|ten|so\b))", re.I)


def _per_unit(ctx: Ctx) -> bool:
    """ "$5 a year", "four flights a week": a rate, so a SET."""
    if ctx.text[ctx.start:ctx.start + 1].isupper() or _NOT_RATE_AFTER.match(ctx.text, ctx.end):
        return False  # a rate does not open a sentence, nor take an anchor or an alternative length
    if _SET_BEFORE.search(ctx.text[max(0, ctx.start - 30):ctx.start]):
        return True
    doc = ctx.doc
    if doc is None:
        return False
    sp = ctx.span()
    if sp is None or sp.start == 0:
        return False
    prev = doc[sp.start - 1]
    return prev.tag_ in ("CD", "NNS") or prev.lower_ in ("times", "twice", "once")


_AGE_NOUN_AFTER = re.compile(r"[ \t]+(?:male|female|man|woman|boy|girl|men|women|boys|girls)\b", re.I)


def n_duration(m, ctx):
    g = m.groupdict()
    u = _unit(g["u"])
    nword = _lower(g.get("n"))
    rel = _lower(g.get("rel"))
    plural = g["u"].lower().endswith("s")
    if g.get("rel") is not None and not nword:
        if rel in ("first", "final", "initial", "latest", "ensuing", "preceding"):
            return None  # "the first day" is not a duration
        if rel == "last" and u in ("MIN", "S") and re.search(r"\bat $", ctx.text[max(0, ctx.start - 3):ctx.start]):
            return None  # "at the last minute": late, an idiom, not a minute
        if rel in ("last", "next", "past") and not _lower(m.group(0)).startswith(("the", "over", "about", "nearly")):
            return None  # "last year" is a DATE (rule rel_unit)
    if nword in ("a", "an", "the") and u in ("S", "Q"):
        return None  # "a second time", "a quarter of"
    if nword in ("a", "an", "one") and not plural and re.search(r"(?<![\w$])[Oo]n $", ctx.text[max(0, ctx.start - 4):ctx.start]):
        return None  # "on a day rich in symbolism", "on a night like this": which day, not how long
    if u == "S" and not plural and re.match(r"-[a-z]", ctx.text[ctx.end:ctx.end + 2]):
        return None  # "four second-place finishes": an ordinal
    if u == "Q" and nword[:1].isdigit():
        return None
    if nword == "some" and not plural:
        return None  # "some day", "some time"
    if re.match(r"(?:-|\s+)olds?\b", ctx.text[ctx.end:ctx.end + 7]) or _lower(m.group(0)).endswith("-old"):
        return None  # an age, not a time (TimeBank does not tag ages)
    if u == "Y" and _AGE_NOUN_AFTER.match(ctx.text, ctx.end):
        return None  # "one 72 years male", "a 30 years woman": an age in Indian and South Asian English
    n = _number(nword) if nword else (None if plural else 1.0)
    if g.get("half") and n is not None:
        n += 0.5
    if _lower(g.get("n2")) == "a half" and n is not None:
        n += 0.5  # "three and a half days" is no range
    if nword in ("a", "an") and u == "H" and _WAGE_BEFORE.search(ctx.text[max(0, ctx.start - 20):ctx.start]):
        return "SET", "PT1H"  # "£5.60 an hour": a wage
    if nword in ("a", "an") and u not in ("S", "MIN", "H") and _per_unit(ctx):
        return "SET", _dur_value(1.0, u)
    return "DURATION", _dur_value(n, u)


_FRACTION_NEXT = {"Y": ("M", 12), "M": ("D", 30), "D": ("TH", 24), "H": ("M", 60), "MIN": ("S", 60), "W": ("D", 7)}


def _dur_value(n: Optional[float], u: str) -> str:
    if n is not None and n != int(n) and u in _FRACTION_NEXT and (n * 2) == int(n * 2):
        sub, k = _FRACTION_NEXT[u]
        whole, part = int(n), int(round((n - int(n)) * k))
        if u in ("H", "MIN"):
            return f"PT{whole}{'H' if u == 'H' else 'M'}{part}{sub}" if whole else f"PT{part}{sub}"
        if sub == "TH":
            return f"P{whole}DT{part}H" if whole else f"PT{part}H"
        return f"P{whole}{u}{part}{sub}" if whole else f"P{part}{sub}"
    if u == "2W":
        return f"P{_numstr(2 * n if n is not None else None)}W"
    if u in ("S", "MIN", "H"):
        if n is not None and u == "H" and n != int(n):
            return f"PT{int(n * 60)}M"
        return f"PT{_numstr(n)}{'M' if u == 'MIN' else u}"
    if u == "DE":  # "decades" (of unstated number) is PXY in TimeBank and MEANTIME alike, as "two decades" is P20Y
        return f"P{_numstr(10 * n) if n is not None else 'X'}Y"
    if u == "CE":
        return f"P{_numstr(100 * n) if n is not None else 'X'}{'Y' if n is not None else 'CE'}"
    return f"P{_numstr(n)}{u}"


def n_set_every(m, ctx):
    g = m.groupdict()
    lex = lexicon()
    if g.get("un"):  # "every two years"
        return "SET", _dur_value(_number(g["n"]), lex["UNIT"][_lower(g["un"])])
    word = _lower(g["u"])
    if word in ("may", "march") and not g["u"][:1].isupper():
        return None  # "where each may thrive": the modal
    if word in lex["WEEKDAY"]:
        return "SET", f"XXXX-WXX-{lex['WEEKDAY'][word]}"
    if word in lex["MONTH"]:
        return "SET", f"XXXX-{lex['MONTH'][word]:02d}"
    if word in lex["SEASON"]:
        return "SET", f"XXXX-{lex['SEASON'][word]}"
    pod = _pod(word)
    if pod and word not in lex["UNIT"]:
        return "SET", f"XXXX-XX-XXT{pod}"
    if word == "night":
        return "SET", "XXXX-XX-XXTNI"
    n = 2 if _lower(m.group(0)).startswith(("every other", "each other")) else 1
    return "SET", _dur_value(n, lex["UNIT"][word])


def n_set_adverb(m, ctx):
    return "SET", lexicon()["SET_ADVERB"][_lower(m["adv"])]


def n_nth_in_row(m, ctx):
    """"a second consecutive day": the report's day (week, month ...) as the latest of a run."""
    gran = {"day": "D", "session": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}[_lower(m["u"])]
    return "DATE", tn.fmt(ctx.dct, gran)


_MONTH_DAY_BEFORE = re.compile(r"\b(?P<m>[A-Za-z]{3,9})\.? (?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?(?: and |[-–])$")


def n_day_and(m, ctx):
    """"April 24 and 25", "Dec. 6-9": the second day takes the month (and year) of the first."""
    mo = _MONTH_DAY_BEFORE.search(ctx.text[max(0, ctx.start - 20):ctx.start])
    if not mo or _lower(mo["m"]) not in lexicon()["MONTH"]:
        return None
    month, day = _month(mo["m"]), int(m["d"])
    if day <= int(mo["d"]):
        return None
    return day_value(_year_for(ctx, month, day), month, day)


def n_day_and_dm(m, ctx):
    """"between 15 and 17 October": the first day takes the month (and year) of the second."""
    month, day = _month(m["m"]), int(m["d"])
    return day_value(int(m["y"]) if m["y"] else _year_for(ctx, month, day), month, day)


def n_time_being(m, ctx):
    return "DATE", "PRESENT_REF"


def n_time_then(m, ctx):
    """"at the time" is the narrative's past, or its future when the verb looks ahead."""
    return "DATE", "FUTURE_REF" if ctx.tense() == "future" else "PAST_REF"


def n_vague_dur(m, ctx):
    """"for a while", "for some time": a stretch of unstated length."""
    return "DURATION", "PXX"


def n_in_future(m, ctx):
    sp = ctx.span()
    if sp is not None and len(sp) and sp.end < len(sp.doc) and sp.doc[sp.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None  # "in future years", "in future contracts": an adjective
    if re.match(r"[-\w]", ctx.text[ctx.end:ctx.end + 1]):
        return None
    return "DATE", "FUTURE_REF"


def n_term(m, ctx):
    """"in the short term" looks ahead of the report (TimeBank: FUTURE_REF)."""
    return "DATE", "FUTURE_REF"


_HALF = {"hour": "PT30M", "day": "PT12H", "week": "P3.5D", "month": "P0.5M", "year": "P6M", "decade": "P5Y",
         "century": "P50Y", "minute": "PT30S"}


_QUARTER = {"hour": "PT15M", "year": "P3M", "century": "P25Y"}
_THREE_QUARTERS = {"hour": "PT45M", "year": "P9M", "century": "P75Y"}


def n_half_unit(m, ctx):
    """"half an hour" is thirty minutes, not an hour with a word before it; "a quarter of a
    century" is 25 years."""
    if m["qtr2"]:
        table = _QUARTER if _lower(m["qtr2"]).startswith("a ") else _THREE_QUARTERS
        return "DURATION", table[_lower(m["u2"])]
    return "DURATION", _HALF[_lower(m["u"])]


def n_ref(m, ctx):
    word = _lower(m["ref"])
    lex = lexicon()
    if word == "the present":
        sp = ctx.span()
        if sp is not None and len(sp) and sp.end < len(sp.doc) and sp.doc[sp.end].pos_ in ("NOUN", "ADJ", "PROPN"):
            return None  # "the present government": an adjective ("current" is tagged on its own)
    if word == "current":
        sp = ctx.span()
        if sp is not None and any(t.pos_ == "NOUN" and t.lower_ == "current" for t in sp):
            return None
        if re.match(r"\s+(?:account|accounts|assets|liabilities|ratio)\b", ctx.text[ctx.end:ctx.end + 14], re.I):
            return None  # "the current account deficit", "current assets": accounting terms
    if word.endswith(("future", "past")) and re.match(r"\s+of\b", ctx.text[ctx.end:ctx.end + 5]):
        return None  # "the future of our peoples", "the past of the party": a fate or a history, no time
    if word == "the past":
        nxt = re.match(r"\s+([A-Za-z-]+|\d+)", ctx.text[ctx.end:ctx.end + 16])
        if nxt and (nxt.group(1)[0].isdigit() or _number(nxt.group(1)) is not None
                    or nxt.group(1).lower() in lex["VAGUE_NUMBER"]):
            return None  # "the past three summers": a stretch of a count, not the past at large
    if word == "now" and _discourse_now(ctx):
        return None
    for key in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        if word in lex[key]:
            return "DATE", key
    return None


def _discourse_now(ctx) -> bool:
    """"Now tell us this isn't a witch hunt!", "Now, let's be clear": a sentence-initial "now"
    before an imperative or "let's" marks a turn in speech, not the present."""
    sp = ctx.span()
    if sp is None or len(sp) != 1 or not sp[0].is_sent_start or sp[0].i + 1 >= len(sp.doc):
        return False
    nxt = sp.doc[sp[0].i + 1]
    if nxt.is_punct and nxt.text == "," and nxt.i + 1 < len(sp.doc):
        nxt = sp.doc[nxt.i + 1]
    return nxt.lower_ in ("let", "let's") or (nxt.tag_ == "VB" and nxt.dep_ == "ROOT")


_HOUR_WORDS = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                                 "ten", "eleven", "twelve"))}
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty-five": 45, "forty five": 45, "oh five": 5, "ten": 10, "twenty": 20,
                 "forty": 40, "fifty": 50}


def _heading(ctx) -> bool:
    """The match is a line of its own (a live blog stamps each entry with its time)."""
    before = ctx.text[ctx.text.rfind("\n", 0, ctx.start) + 1:ctx.start]
    nl = ctx.text.find("\n", ctx.end)
    after = ctx.text[ctx.end:nl if nl >= 0 else len(ctx.text)]
    return not before.strip() and not after.strip(" .:\t")


def n_clock(m, ctx):
    g = dict(m.groupdict())
    if g.get("hw"):  # spelled out: numbers, and a part of the day standing in for a.m./p.m.
        g["h"] = str(_HOUR_WORDS[_lower(g["hw"])])
        g["mi"] = str(_MINUTE_WORDS[_lower(g["mw"])]) if g.get("mw") else None
        deic2 = _lower(g.get("deic2"))
        if deic2:
            g["deic"] = deic2
            if deic2 in ("tonight", "this afternoon", "this evening") and int(g["h"]) < 12:
                g["ampm"] = "pm"
            elif deic2 == "this morning":
                g["ampm"] = "am"
    if g.get("noon"):
        hh, mi = (24 if _lower(g["noon"]) == "midnight" else 12), 0
    else:
        hh, mi = int(g["h"]), int(g.get("mi") or 0)
        ap = _lower(g.get("ampm")).replace(".", "")
        if ap.startswith("in the "):  # "4 in the morning", "7 in the evening"
            ap = "am" if ap.endswith("morning") else "pm"
        if ap in ("o'clock", "") and _lower(g.get("deic")) in ("tonight", "this afternoon", "this evening"):
            ap = "pm"  # "eight o'clock tonight"
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
        if ap in ("am", "pm") and not 1 <= int(g["h"]) <= 12:
            return None
    if g.get("wd"):
        wd = lexicon()["WEEKDAY"][_lower(g["wd"])]
        t = "future" if _forward(ctx) else (ctx.tense() or "past")
        day = tn.weekday_date(ctx.dct, wd, "nearest" if t == "present" else t) if ctx.dct else None
    elif g.get("deic"):
        day = tn.shift(ctx.dct, _DEICTIC[_lower(g["deic"])], "D")
    elif g.get("m") or g.get("m2"):  # "at 3pm on March 4", "at 1500 GMT on 4 March"
        mo, dd = _month(g.get("m") or g["m2"]), _daynum(g.get("d") or g["d2"])
        y = int(g["cy"]) if g.get("cy") else _year_for(ctx, mo, dd)
        try:
            day = dt.date(y, mo, dd) if y else None
        except ValueError:
            day = None
    elif _heading(ctx):  # a live blog's entry time ("The Latest"): the report's day, not the last entry's
        day = ctx.dct
    elif _recurring(ctx):  # "airs weekdays from 6 a.m. to 9 a.m.": a slot of every such day, none in particular
        day = None
    else:  # a bare clock time is on the day the narrative is at
        day, agran = ctx.anchor_date()
        if agran != "D":
            day = ctx.dct
    z = "Z" if _lower(g.get("tz")) in ("utc", "gmt") else ""
    return "TIME", f"{tn.fmt(day, 'D') if day else 'XXXX-XX-XX'}T{hh:02d}:{mi:02d}{z}"


_EVERY = r"(?:weekdays|weeknights|weekends|daily|nightly|every (?:day|morning|night|evening|weekday)|each (?:day|morning|night|evening|weekday))"
_EVERY_BEFORE = re.compile(_EVERY + r"\b[^;!?\n]{0,30}$", re.I)
_EVERY_AFTER = re.compile(r"^(?:[ \t]+(?:to|until|and|-)[ \t]+\d{1,2}(?::\d\d)?[ \t]*[ap]\.?m\.?)?"
                          r"(?:[ \t]+(?:Eastern|Central|Pacific|ET|EST|EDT|PT|CT))?,?[ \t]+" + _EVERY + r"\b", re.I)


def _recurring(ctx) -> bool:
    """A clock time of a routine, not of an event: a word of recurrence right before it ("weekdays
    from 6 a.m.", "daily at noon") or right after ("at 7 a.m. every day")."""
    sp = ctx.span()
    lo = max(ctx.start - 40, sp[0].sent.start_char if sp is not None and len(sp) else 0)
    before = ctx.text[lo:ctx.start].replace("\xa0", " ")
    after = ctx.text[ctx.end:ctx.end + 40].replace("\xa0", " ")
    return bool(_EVERY_BEFORE.search(before) or _EVERY_AFTER.match(after))


NORMALISERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
