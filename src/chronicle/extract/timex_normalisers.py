"""TIMEX3 normalisers: ``(match, ctx) -> (type, value) | None``; None rejects the match.

Each rule of :mod:`chronicle.extract.timex_rules` names one of these (``n_<name>``), or one of the
duration/set/clock normalisers of :mod:`chronicle.extract.timex_durations`. They do the
calendar arithmetic of :mod:`chronicle.extract.timex_norm` on the match groups, against the
publication date and the narrative anchor in :class:`chronicle.extract.timex_context.Ctx`.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from . import timex_norm as tn
from .timex_context import _NUM_TENS, _NUM_UNITS, Ctx, lexicon

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


def _year_for(ctx: Ctx, month: int, day: int = 1) -> Optional[int]:
    """The year of a month (and day) written without one: around the DCT, in the verb's direction."""
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
    delta = (d - ctx.dct).days
    if t == "past" and delta > 60:
        return y - 1
    if t == "future" and delta < -60:
        return y + 1
    if (t is None and delta > 90) or (t == "present" and delta > 200):
        return y - 1
    if t in (None, "present") and delta < -240:
        return y + 1
    return y


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


def n_md(m, ctx):
    if _name_head_after(ctx):
        return None
    mo, day = _month(m["m"]), _daynum(m["d"])
    if not day or day > 31:
        return None
    if _lower(m["m"]) in ("may", "march") and not m["m"][0].isupper():
        return None
    return day_value(_year_for(ctx, mo, day), mo, day)


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
    y, cur = ctx.dct.year, ctx.dct.month
    if rel == "this":
        pass  # "this September" is in the year of the report, whatever the verb (TimeML, HeidelTime)
    elif rel in ("last", "this past", "past"):
        y = y if mo < cur else y - 1
    elif rel in ("next", "this coming", "coming"):
        y = y if mo > cur else y + 1
    else:
        t = ctx.tense()
        if t == "past" and mo > cur:
            y -= 1
        elif t == "future" and mo < cur:
            y += 1
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
    plain_next = nxt is None or nxt.tag_ not in ("NNS", "NNPS") and nxt.lower_ not in lexicon()["COUNT_NOUNS_AFTER"]
    if tok.ent_iob_ != "B" or (nxt is not None and nxt.ent_iob_ == "I"):
        return _year_range_entity(tok) and plain_next  # "between 2000 and 2002" labelled one number
    prev = doc[tok.i - 1] if tok.i else None
    if after_prep:
        return True
    if not plain_next or prev is None or any(a.lemma_ in _CHANGE_VERBS for a in tok.ancestors):
        return False  # "climbed from 1900 to 2000": index levels, not years
    if prev.lower_ in ("from", "for", "towards", "between") and "1800" <= tok.text <= "2099":
        return True
    if prev.lower_ in ("and", "or", "to") and tok.i >= 2 and _yearish(doc[tok.i - 2]):
        return True  # "between now and 2024", "2011 or 2012"
    if prev is None or nxt is None or prev.lower_ not in _YEAR_DETERMINERS or not "1800" <= tok.text <= "2099":
        return False
    return nxt.tag_ in (("NN", "NNP") if prev.lower_ in ("a", "an") else ("JJ", "NN", "NNP")) and plain_next


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
_YEAR_DETERMINERS = ("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "'s", "’s")


_YEAR_PREPOSITIONS = ("in", "since", "by", "until", "till", "during", "after", "before", "of", "through", "early",
                      "late", "mid")


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
    if re.match(r"\s*(?:%|percent|per cent|[-–]\d)", after, re.I):
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


_QORD = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
         "last": 4, "latter": 2}


def _sentence(ctx: Ctx) -> str:
    sp = ctx.span()
    if sp is not None and len(sp):
        return sp[0].sent.text
    return ctx.text[max(0, ctx.start - 150):ctx.end + 150]


@lru_cache(maxsize=1)
def _game_words() -> re.Pattern:
    words = sorted(lexicon()["GAME_WORDS"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _game(ctx: Ctx) -> bool:
    """A half or quarter of a match ("scored in the second half"), not of a year. A match report
    names the game in the sentence before as often as in the same one ("... reached half-time
    level. The Blues began the second half with more urgency")."""
    if _game_words().search(_sentence(ctx)):
        return True
    sp = ctx.span()
    if sp is not None and len(sp) and sp[0].sent.start > 0:
        return bool(_game_words().search(sp.doc[sp[0].sent.start - 1].sent.text))
    return False


def n_quarter(m, ctx):
    g = m.groupdict()
    half = _lower(g["qu"]) == "half"
    if not any(g.get(k) for k in ("y0", "y1", "y2", "yposs", "yrel", "ythe")) and _game(ctx):
        return None
    q = _QORD[_lower(g["q"])]
    if half and _lower(g["q"]) == "last":
        q = 2
    if half and q > 2:
        return None
    y = g.get("y0") or g.get("y1") or g.get("y2")
    if y and not y[:1].isdigit():
        y = _spoken_value(y)
    if not y:
        rel = g.get("yposs") or g.get("yrel")
        if g.get("ythe") and tn.parse_value(ctx.anchor):  # "the second half of the year": the narrative's year
            return "DATE", f"{tn.parse_value(ctx.anchor)[0].year:04d}-{'H' if half else 'Q'}{q}"
        if ctx.dct is None:
            return "DATE", f"XXXX-{'H' if half else 'Q'}{q}"
        y = _rel_year(rel, ctx) if rel else ctx.dct.year
        if not rel:
            start_month = (q - 1) * (6 if half else 3) + 1
            t = ctx.tense()
            if start_month > ctx.dct.month + 3 and t in ("past", None):
                y -= 1
            elif start_month + (5 if half else 2) + 6 <= ctx.dct.month and t == "future":
                # "will reopen in the first quarter", said in November; a quarter just ended is
                # still reported on ("will report third-quarter results", said in October)
                y += 1
    return "DATE", f"{int(y):04d}-{'H' if half else 'Q'}{q}"


def n_half_abbrev(m, ctx):
    """"H1 2008": the first half of 2008."""
    return "DATE", f"{m['y2']}-H{m['h']}"


def n_month_quarter(m, ctx):
    """"the September quarter": the calendar quarter that month closes, in the month's year."""
    mo = _month(m["m"])
    y = int(m["y"]) if m.groupdict().get("y") else _year_for(ctx, mo, 28)
    q = (mo - 1) // 3 + 1
    return "DATE", f"{y:04d}-Q{q}" if y else f"XXXX-Q{q}"


def _last_quarter(ctx: Ctx) -> Optional[dt.date]:
    parsed = tn.parse_value(ctx.anchor)
    if parsed and parsed[1] == "Q":
        return parsed[0]
    return None


_LONGER_PERIOD = re.compile(r"\b(?:nine|six|9|6) months\b|\bfirst half\b|\bhalf-year\b|\byear[- ]to[- ]date\b", re.I)


def _longer_period(ctx: Ctx) -> bool:
    """The sentence reports a nine-month, half-year or year-to-date figure: its "a year earlier"
    compares with that period of the year before, not with the quarter in the narrative."""
    return bool(_LONGER_PERIOD.search(_sentence(ctx)))


_ENDED = re.compile(r"\s+end(?:ed|ing)\s+(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>\d{4}))?")


def _quarter_ended(ctx: Ctx) -> Optional[str]:
    """"the quarter ended July 31": the three months up to that day, named by the calendar quarter
    holding most of them (May-July is Q2), as TimeBank does for fiscal quarters."""
    mo = _ENDED.match(ctx.text[ctx.end:ctx.end + 40])
    if not mo or _lower(mo["m"]) not in lexicon()["MONTH"]:
        return None
    month = _month(mo["m"])
    y = int(mo["y"]) if mo["y"] else _year_for(ctx, month, int(mo["d"]))
    if y is None:
        return None
    mid = tn.add_months(dt.date(y, month, 1), -1)
    return tn.fmt(mid, "Q")


def _current_quarter(ctx: Ctx) -> Optional[dt.date]:
    """The last quarter mentioned if it is the one being reported on (within about half a year of
    the DCT): "year-ago" counts back from the current period, and a quarter of a past year
    ("the 1988 period") already is the year-ago one."""
    q = _last_quarter(ctx)
    if q is not None and ctx.dct is not None and (ctx.dct - q).days > 200:
        return None
    if q is not None and _longer_period(ctx):
        return None
    return q


def n_quarter_rel(m, ctx):
    g = m.groupdict()
    rel = _lower(g.get("qrel"))
    qu = _lower(g["qu"])
    gran = "H" if qu == "half" else "Q"
    if qu == "period" and rel not in ("latest", "most recent", "year-ago", "year-earlier", "comparable",
                                      "prior-year", "year-before", "same"):
        return None
    if ctx.dct is None:
        return "DATE", tn.fmt(None, gran)
    if rel in ("current", "this"):
        return "DATE", tn.fmt(ctx.dct, gran)
    if rel in ("next", "coming"):
        return "DATE", tn.fmt(tn.shift(ctx.dct, 1, gran), gran)
    if rel in ("year-ago", "year-earlier", "comparable", "prior-year", "year-before", "same"):
        base = (_last_quarter(ctx) if rel == "same" else _current_quarter(ctx)) or tn.shift(ctx.dct, -1, gran)
        if rel == "same":
            return "DATE", tn.fmt(base, gran)
        return "DATE", tn.fmt(tn.shift(base, -1, "Y"), gran)
    # latest / past / previous / last / recent / bare "the quarter": the last one reported on
    if gran == "Q" and rel in ("", "latest", "most recent"):
        ended = _quarter_ended(ctx)
        if ended:
            return "DATE", ended
    anchor = _last_quarter(ctx)
    if rel == "" and anchor is not None:
        return "DATE", tn.fmt(anchor, gran)
    return "DATE", tn.fmt(tn.shift(ctx.dct, -1, gran), gran)


def n_year_ago_adj(m, ctx):
    base = _current_quarter(ctx)
    if base is not None:
        return "DATE", tn.fmt(tn.shift(base, -1, "Y"), "Q")
    if ctx.dct is None:
        return "DATE", "XXXX"
    return "DATE", str(ctx.dct.year - 1)


def _season_position(month: int) -> int:
    """Where a month stands among the seasons of its calendar year: January and February belong to
    the winter that began the year before, so in them every season of the year still lies ahead
    ("next spring" in January is this year's, "this past fall" last year's)."""
    return -1 if month <= 2 else tn.season_index(month)


def n_season(m, ctx):
    g = m.groupdict()
    code = lexicon()["SEASON"][_lower(g["s"])]
    if g.get("ya"):  # "the summer of '97"
        ref = ctx.dct.year if ctx.dct is not None else 2099
        y2 = int(g["ya"])
        return "DATE", f"{2000 + y2 if 2000 + y2 <= ref else 1900 + y2}-{code}"
    if g.get("y"):
        y = g["y"] if g["y"][:1].isdigit() else _spoken_value(g["y"])
        return "DATE", f"{y}-{code}"
    rel = _lower(g.get("rel")).strip()
    if rel in ("the past", "the coming"):
        return None
    nxt = re.match(r"[\s-]*([A-Za-z]+)", ctx.text[ctx.end:ctx.end + 20])
    if code == "FA" and rel in ("the", "") and _lower(g["s"]) == "fall":
        if nxt and nxt.group(1).lower() in lexicon()["NOT_A_SEASON_AFTER_FALL"]:
            return None  # "the fall in profits", "the fall of the Wall", "the fall out": a drop, not autumn
    if g["s"][:1].isupper() and nxt and nxt.group(1).lower() in lexicon()["NOT_A_SEASON_AFTER_SEASON"]:
        return None  # "the Winter Olympics", "the Summer Games": the name of an event
    if rel in ("the following", "the next", "the previous", "that"):
        # anaphoric: from the date the narrative is at ("In March 1999 ... the following spring")
        base, _ = ctx.anchor_date()
        if base is None:
            return "DATE", f"XXXX-{code}"
        cur, idx, y = _season_position(base.month), tn.SEASONS.index(code), base.year
        if rel in ("the following", "the next"):
            y = y if idx > cur else y + 1
        elif rel == "the previous":
            y = y if idx < cur else y - 1
        return "DATE", f"{y:04d}-{code}"
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}"
    y = ctx.dct.year
    cur, idx = _season_position(ctx.dct.month), tn.SEASONS.index(code)
    if rel == "last":  # TimeBank: "last spring" is the previous year's, even in the fall
        y -= 1
    elif rel == "this past":
        y = y if idx < cur else y - 1
    elif rel in ("next", "this coming"):
        y = y if idx > cur else y + 1
    else:
        t = ctx.tense()
        if t == "past" and idx > cur:
            y -= 1
        elif t == "future" and idx < cur:
            y += 1
    return "DATE", f"{y:04d}-{code}"


HOLIDAY_AHEAD_DAYS = 10
_OTHER_YEAR = re.compile(r"\b(?:last|previous|past) (?:year|years)\b|\byears? (?:ago|earlier|before)\b|\b(?:1[5-9]|20)\d\d\b",
                         re.I)


def _other_year_named(ctx: Ctx) -> bool:
    """The sentence names another year ("Last year 400 died over Thanksgiving")."""
    sp = ctx.span()
    if sp is None or not len(sp):
        return True
    return bool(_OTHER_YEAR.search(sp[0].sent.text))


def n_holiday(m, ctx):
    if re.search(r"\bFather $", ctx.text[max(0, ctx.start - 7):ctx.start]):
        return None  # "Father Christmas" is a person
    sp = ctx.span()
    if sp is not None and any(t.ent_type_ in ("WORK_OF_ART", "PRODUCT", "ORG") for t in sp):
        return None  # "Halloween" the film
    if _name_head_after(ctx):
        return None  # "the Good Friday Agreement"
    code = lexicon()["HOLIDAY"][_lower(m["hol"])]
    if code in ("ED", "BF", "CM") or re.fullmatch(r"\d{4}-\d\d-\d\d", code):
        if not m["hol"][0].isupper():
            return None  # "a black Monday for the markets", "on election day" in a club: no name
        if code not in ("ED", "BF", "CM"):
            return "DATE", code  # a named day of history ("Black Monday" is 1987-10-19)
    fixed = re.fullmatch(r"\d\d-\d\d", code)
    if ctx.dct is None:
        return "DATE", f"XXXX-{code}" if fixed else "XXXX-XX-XX"
    rel = _lower(m["rel"])
    y = ctx.dct.year

    def date_in(year):
        if code in ("TG", "BF", "CM"):
            return tn.nth_weekday(year, 11, 4, 4) + dt.timedelta(days={"TG": 0, "BF": 1, "CM": 4}[code])
        if code == "MD":
            return tn.nth_weekday(year, 5, 1, -1)
        if code == "LD":
            return tn.nth_weekday(year, 9, 1, 1)
        if code == "ED":  # the Tuesday after the first Monday of November
            return tn.nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
        if code == "EW":  # the week's Monday stands for it
            return tn.easter(year) - dt.timedelta(days=6)
        if code.startswith("E"):
            return tn.easter(year) + dt.timedelta(days=int(code[1:]))
        if code.count(":") == 2:
            n, month, weekday = (int(x) for x in code.split(":"))
            return tn.nth_weekday(year, month, weekday, n)
        return dt.date(year, int(code[:2]), int(code[3:]))

    d = date_in(y)
    t = ctx.tense()
    if rel == "last" or (not rel and t != "future"):
        # a holiday a few days ahead is this year's even in a past-tense sentence ("were expected to
        # travel over the Thanksgiving weekend" the day before): last year's would say "last"
        ahead = 0 if rel else 60 if t != "past" else 0 if _other_year_named(ctx) else HOLIDAY_AHEAD_DAYS
        if d > ctx.dct + dt.timedelta(days=ahead):
            d = date_in(y - 1)
    elif rel == "next" or (not rel and t == "future"):
        if d < ctx.dct:
            d = date_in(y + 1)
    if m["wkd"]:  # a Monday holiday's weekend is the one before it, any other day's the one after
        return "DATE", tn.fmt(d - dt.timedelta(days=2) if d.isoweekday() == 1 else d, "WE")
    return "DATE", tn.fmt(d, "W") if code == "EW" else d.isoformat()


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
            "tonight": 0, "overnight": 0, "last night": -1, "this morning": 0, "this afternoon": 0, "this evening": 0}


def _pod(word: Optional[str]) -> Optional[str]:
    if not word:
        return None
    return lexicon()["PART_OF_DAY"].get(_lower(word).rstrip("s"))


def _programme_name(ctx: Ctx) -> bool:
    """"BBC Radio 4's Today programme", "ITV1's This Morning": a title-case show name, not a time."""
    text = ctx.text[ctx.start:ctx.end]
    if not text[:1].isupper() or not all(w[:1].isupper() for w in text.split()):
        return False
    before = ctx.text[max(0, ctx.start - 4):ctx.start]
    nxt = re.match(r"\s+([a-z]+)", ctx.text[ctx.end:ctx.end + 12])
    return bool(re.search(r"['’]s $", before) or (nxt and nxt.group(1) in lexicon()["PROGRAMME_WORDS"]))


def n_deictic_day(m, ctx):
    if _programme_name(ctx):
        return None
    if _lower(m.group(0)) == "today":
        nxt = re.match(r"['’]s\s+([A-Za-z-]+)(?:\s+([A-Za-z]+))?", ctx.text[ctx.end:ctx.end + 40])
        generic = lexicon()["GENERIC_TODAY_NOUNS"]
        if nxt and (nxt.group(1)[0].isupper() or nxt.group(1).lower() in generic
                    or (nxt.group(1).endswith(("-moving", "-paced", "ing")) and (nxt.group(2) or "").lower() in generic)):
            return "DATE", "PRESENT_REF"  # "today's world", "today's GM": the present age, not the day
    d = tn.shift(ctx.dct, _DEICTIC[_lower(m["deic"])], "D")
    pod = _pod(m["pod"]) or _pod(m["pod0"])
    if pod:
        return "TIME", f"{tn.fmt(d, 'D')}T{pod}"
    return "DATE", tn.fmt(d, "D")


def n_pod_deictic(m, ctx):
    if _programme_name(ctx):
        return None
    g = m.groupdict()
    if g.get("deic"):
        return "TIME", f"{tn.fmt(ctx.dct, 'D')}TNI"
    rel = _lower(g.get("rel") or g.get("rel2")).strip()
    pod = _pod(g.get("pod") or g.get("pod2"))
    if rel == "this":
        d = ctx.dct
    else:
        base, gran = ctx.anchor_date()
        if gran != "D":
            base = ctx.dct
        d = tn.shift(base, {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0), "D")
    return "TIME", f"{tn.fmt(d, 'D')}T{pod}"


_FORWARD_SIGNAL = re.compile(r"\b(?:until|till|effective|as soon as|as early as|as late as|no later than|"
                             r"starting|beginning)\s+$",
                             re.I)


def _forward(ctx: Ctx) -> bool:
    """A signal that the time bounds something still running ("until Friday", "effective Feb. 1"),
    unless a past perfect puts the whole clause before the report ("until Thursday they had not")."""
    return bool(_FORWARD_SIGNAL.search(ctx.text[max(0, ctx.start - 16):ctx.start])) and not ctx.past_perfect()


def _name_head_after(ctx: Ctx) -> bool:
    """"the Good Friday Agreement", "the Tuesday Group", "the March 1 Movement": a name, not a time."""
    nxt = re.match(r"\s+([A-Z][a-z]+)", ctx.text[ctx.end:ctx.end + 20])
    return bool(nxt and nxt.group(1).lower() in lexicon()["NAME_HEADS_AFTER"])


def n_weekday(m, ctx):
    g = m.groupdict()
    if _in_name(ctx) or _name_head_after(ctx):
        return None
    if re.search(r"\bGood $", ctx.text[max(0, ctx.start - 5):ctx.start]):
        return None  # "Good Friday": a movable feast, not the Friday of the report
    wd = lexicon()["WEEKDAY"][_lower(g["wd"])]
    rel = _lower(g.get("rel"))
    pod = _pod(g.get("pod"))
    if rel.startswith("the "):  # "the following Monday": counted from the day the narrative is at
        base, agran = ctx.anchor_date()
        if base is None:
            value = f"XXXX-WXX-{wd}"
        else:
            if agran != "D":
                base = ctx.dct
            value = tn.weekday_date(base, wd, "next" if rel in ("the following", "the next") else "last").isoformat()
        return ("TIME", f"{value}T{pod}") if pod else ("DATE", value)
    if ctx.dct is None:
        value = f"XXXX-WXX-{wd}"
    else:
        if rel in ("last", "this past", "past"):
            direction = "last"
        elif rel in ("next",):
            direction = "next"
        elif rel in ("this coming", "coming"):
            direction = "future"
        elif _forward(ctx):
            direction = "future"
        else:
            direction = ctx.tense() or "past"
            if direction == "present":
                direction = "nearest"
        value = tn.weekday_date(ctx.dct, wd, direction).isoformat()
    # a part of day makes it a TIME (TimeML 1.2 guidelines, as "this morning" and "last night");
    # TimeBank is split (mostly DATE), but fitting that only moves type, never value, scores
    if pod:
        return "TIME", f"{value}T{pod}"
    return "DATE", value


def n_weekday_set(m, ctx):
    wd = lexicon()["WEEKDAY"][_lower(m["wd"])]
    pod = _pod(m["pod"])
    return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")


_REL_SHIFT = {"last": -1, "this past": -1, "this": 0, "the current": 0, "the present": 0, "next": 1,
              "the coming": 1, "this coming": 1, "": 0, "the": 0}
_ANAPHORIC = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "a previous": -1,
              "that": 0, "the same": 0}
_UNIT_GRAN_WORD = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}
_DUR_UNIT = {"W": "P1W", "WE": "P2D", "M": "P1M", "Y": "P1Y", "DE": "P10Y", "CE": "P100Y"}


def _week_base(d: Optional[dt.date], gran: str) -> Optional[dt.date]:
    """The date whose ISO week "this week" means. Kept as a hook: TimeBank annotators are split on
    whether a Sunday publication date starts the next week (tried on train: it does not pay)."""
    return d


def n_rel_unit(m, ctx):
    rel = _lower(m["rel"]).strip()
    unit = _lower(m["u"]).strip()
    whole = _lower(m.group(0))
    if whole.startswith("the end of the day") and re.search(r"\bat\s+$", ctx.text[max(0, ctx.start - 5):ctx.start],
                                                            re.I):
        return None  # "at the end of the day": when all is said and done, an idiom and no time
    if unit in ("day", "night"):
        if rel in _ANAPHORIC:
            base, agran = ctx.anchor_date()
            if agran != "D":
                base = ctx.dct
            d = tn.shift(base, _ANAPHORIC[rel], "D")
        elif rel == "last" and unit == "night":
            d = tn.shift(ctx.dct, -1, "D")
        elif rel in ("", "this") :
            d = ctx.dct
        else:
            return None
        if unit == "night":
            return "TIME", f"{tn.fmt(d, 'D')}TNI"
        return "DATE", tn.fmt(d, "D")
    gran = _UNIT_GRAN_WORD[unit]
    if rel in ("the past", "the last") and not re.match(r"(?:the )?(?:early|late|end|beginning|start|middle|mid)",
                                                        whole):
        return "DURATION", _DUR_UNIT[gran]
    if gran == "WE" and rel in ("", "the", "this"):
        if ctx.dct is None:
            return "DATE", "XXXX-WXX-WE"
        base = _week_base(ctx.dct, gran)
        if base.isoweekday() < 6 and ctx.tense() == "past":
            base = tn.shift(base, -1, "W")
        return "DATE", tn.fmt(base, "WE")
    if rel in _ANAPHORIC:
        base, agran = ctx.anchor_date()
        order = tn.GRANS.index
        if base is None or order(agran if agran in tn.GRANS else "D") > order("Y" if gran in ("DE", "CE") else gran):
            base = ctx.dct
        return "DATE", tn.fmt(tn.shift(base, _ANAPHORIC[rel], gran), gran)
    return "DATE", tn.fmt(tn.shift(_week_base(ctx.dct, gran), _REL_SHIFT.get(rel, 0), gran), gran)


def n_ago(m, ctx):
    g = m.groupdict()
    u = _unit(g["u"])
    d = _lower(g["dir"])
    if d.endswith("time"):  # "in two years' time"
        d = "from now"
    backwards = d in ("ago", "earlier", "before that")
    vague = not g.get("n") or _number(g["n"]) is None
    if vague:
        return "DATE", "PAST_REF" if backwards else "FUTURE_REF"
    n = _number(g["n"])
    if u == "2W":
        n, u = 2 * n, "W"
    gran = _UNIT_GRAN.get(u)
    if gran is None:  # hours, minutes: the day it happened
        return "DATE", tn.fmt(ctx.dct, "D")
    k = int(round(n)) if n >= 1 else 1
    sign = -1 if backwards else 1
    same = _dated_in_sentence(ctx) if gran == "Y" and k == 1 and backwards else None
    if same is not None:
        # "down 32% in September from a year ago", "for the six months ended Aug. 12, against
        # $2 million a year earlier": the counterpart of the date the sentence reports on
        return "DATE", tn.fmt(tn.shift(same[0], -k, gran), same[1])
    if d in ("ago", "from now", "hence"):
        base, out_gran = _week_base(ctx.dct, gran), gran
        q = _last_quarter(ctx)
        if gran == "Y" and d == "ago" and q is not None and ctx.dct is not None and q.year == ctx.dct.year \
                and not _longer_period(ctx):
            base, out_gran = q, "Q"
    else:
        base, agran = ctx.anchor_date()
        out_gran = gran
        if agran == "Q" and gran in ("Y", "Q") and not (gran == "Y" and _longer_period(ctx)):
            out_gran = "Q"  # "a year earlier" than "the third quarter"
        elif base is None or tn.GRANS.index(agran) > tn.GRANS.index(gran if gran != "WE" else "W"):
            base = ctx.dct
    if gran == "DE":
        return "DATE", tn.fmt(tn.shift(base, sign * k, "DE"), "DE")
    return "DATE", tn.fmt(tn.shift(base, sign * k, gran), out_gran)


_CALENDAR_NORMS = {"ymd", "md", "ym", "month_rel", "month_alone"}


def _dated_in_sentence(ctx: Ctx):
    """``(date, granularity)`` of a calendar day or month ("Aug. 12", "September") named earlier in
    the same sentence, else None; a weekday or "yesterday" dates the report, not the figure."""
    parsed = tn.parse_value(ctx.anchor)
    if not parsed or parsed[1] not in ("D", "M") or ctx.anchor_at < 0 or ctx.anchor_norm not in _CALENDAR_NORMS:
        return None
    sp = ctx.span()
    if sp is None or not len(sp) or ctx.anchor_at < sp[0].sent.start_char:
        return None
    return parsed


def n_year_period(m, ctx):
    g = m.groupdict()
    if g.get("q"):
        return "DATE", f"{g['y']}-Q{_QORD[_lower(g['q'])]}"
    q = _last_quarter(ctx)
    if q is not None and "period" in _lower(m.group(0)) and not _longer_period(ctx):
        return "DATE", f"{g['y']}-Q{(q.month - 1) // 3 + 1}"
    return "DATE", g["y"]


def n_fiscal_year(m, ctx):
    rel = _lower(m["rel"]).strip()
    before = re.search(r"(\w+) of $", ctx.text[max(0, ctx.start - 30):ctx.start])
    if not rel and before and before.group(1).lower() in lexicon()["TITLE_OF_THE_YEAR"]:
        return None  # "player of the year" names a title, not a time
    if m["ended"] is not None:
        return "DURATION", "P1Y"
    if ctx.dct is None:
        return "DATE", "XXXX"
    if rel == "previous":  # anaphoric (TimeML): the year before the one the narrative is at
        base, _ = ctx.anchor_date()
        return "DATE", str((base or ctx.dct).year - 1)
    if rel == "" and tn.parse_value(ctx.anchor):  # bare "the year": the year the narrative is at
        return "DATE", str(tn.parse_value(ctx.anchor)[0].year)
    shift = {"latest": -1, "last": -1, "next": 1}.get(rel, 0)
    return "DATE", str(ctx.dct.year + shift)


_PERIOD = {"quarter": "P3M", "nine months": "P9M", "first nine months": "P9M", "six months": "P6M",
           "three months": "P3M", "half": "P6M", "first half": "P6M", "month": "P1M", "week": "P1W",
           "12 months": "P12M", "twelve months": "P12M"}


def n_period_ended(m, ctx):
    what = _lower(m["what"])
    if what == "period":
        return None
    return "DURATION", _PERIOD[what]


# the normalisers of durations, sets, references and clock times are in timex_durations
NORMALISERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
