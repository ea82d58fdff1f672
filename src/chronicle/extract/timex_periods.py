"""TIMEX3 normalisers of the parts of a year: quarters and halves (and of a match, which are not
times), fiscal years and periods ended, seasons and holidays.

Why apart: their year is rarely written. Financial reporting dates a quarter by the last one
completed or by the tense ("fell in the third quarter" in January is last year's), a season by
where the publication month stands in the year, a holiday by whether it lies just ahead; these
choices share helpers no calendar date needs. See :mod:`.timex_normalisers` for the contract.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from . import timex_norm as tn
from .timex_context import Ctx, lexicon
from .timex_normalisers import _lower, _month, _name_head_after, _rel_year, _sentence, _spoken_value, _year_for


_QORD = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
         "last": 4, "latter": 2}


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
            if (t == "past" and start_month > ctx.dct.month) or (t is None and start_month > ctx.dct.month + 3):
                # a quarter not yet begun cannot have been ("sales fell in the second quarter", said in
                # January); without a tense only one well ahead is last year's
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
    if rel == "last":  # TimeBank: "last spring" is the previous year's, even in the fall
        return "DATE", f"{y - 1:04d}-{code}"
    if rel == "this" and code != "WI" and ctx.dct.month > 2 and tn.SEASONS.index(code) >= _season_position(ctx.dct.month):
        # "this summer" said in April is this year's whatever the verb: the season of the report's
        # year still to come or running ("cast their votes this summer"); one gone by (or any in
        # January and February, and a winter, which straddles two years) goes by the verb ("are
        # expecting their child this summer" said in December is next year's)
        return "DATE", f"{y:04d}-{code}"
    way = "before" if rel == "this past" else "after" if rel in ("next", "this coming") else ctx.tense()
    y = tn.year_of_position(y, tn.SEASONS.index(code), _season_position(ctx.dct.month), way)
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


def _year_named_before(ctx: Ctx) -> Optional[int]:
    """The year the sentence named last before a holiday ("In 2000, by Election Day, ..."): the
    anchor, when it is a year tagged in this sentence."""
    sp = ctx.span()
    if sp is None or not len(sp):
        return None
    start = sp[0].sent.start_char
    if sp[0].sent.start > 0 and not re.search(r"\d{4}", sp[0].sent.text):
        # "Campaigning against Mitt Romney in 2012, he barely mentioned it. But soon after Election
        # Day, ...": a sentence naming no year of its own goes on in the one just named
        start = sp.doc[sp[0].sent.start - 1].sent.start_char
    if ctx.anchor_at < start:
        return None
    return int(ctx.anchor) if ctx.anchor and re.fullmatch(r"\d{4}", ctx.anchor) else None


_YEAR_OF_AFTER = re.compile(r"(?:[ \t]+[a-z]+)?[ \t]+of[ \t]+((?:1[5-9]|20)\d\d)(?!\d|,\d)")


def _object_after(ctx: Ctx) -> bool:
    nxt = re.match(r"[ \t]+([A-Za-z]+)\b", ctx.text[ctx.end:ctx.end + 20])
    return bool(nxt and nxt.group(1).lower() in lexicon()["HOLIDAY_OBJECT_NOUNS"])


def n_holiday(m, ctx):
    if re.search(r"\bFather $", ctx.text[max(0, ctx.start - 7):ctx.start]):
        return None  # "Father Christmas" is a person
    sp = ctx.span()
    if sp is not None and any(t.ent_type_ in ("WORK_OF_ART", "PRODUCT", "ORG") for t in sp):
        return None  # "Halloween" the film
    if _name_head_after(ctx):
        return None  # "the Good Friday Agreement"
    if not m["wkd"] and _object_after(ctx):
        return None  # "Christmas trees from Oregon", "Easter Island": a thing named after the day
    code = lexicon()["HOLIDAY"][_lower(m["hol"])]
    if code in ("ED", "ST", "BF", "CM") or re.fullmatch(r"\d{4}-\d\d-\d\d", code):
        if not m["hol"][0].isupper():
            return None  # "a black Monday for the markets", "on election day" in a club: no name
        if code not in ("ED", "ST", "BF", "CM"):
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
        if code == "ST":  # the first Tuesday of March (since 2012)
            return tn.nth_weekday(year, 3, 2, 1)
        if code == "EW":  # the week's Monday stands for it
            return tn.easter(year) - dt.timedelta(days=6)
        if code.startswith("E"):
            return tn.easter(year) + dt.timedelta(days=int(code[1:]))
        if code.count(":") == 2:
            n, month, weekday = (int(x) for x in code.split(":"))
            return tn.nth_weekday(year, month, weekday, n)
        return dt.date(year, int(code[:2]), int(code[3:]))

    t = ctx.tense()
    named = _year_named_before(ctx) if not rel and t in ("past", None) else None
    after = _YEAR_OF_AFTER.match(ctx.text, ctx.end) if not rel else None
    if after:  # "the Christmas truce of 1914", "Easter of 2019": the year that follows
        named = int(after.group(1))
    if named is not None and code not in ("EW",):
        # "In 2012, Obama won on Election Day", "at Christmas 2010": the year the sentence names
        d = date_in(named)
        if m["wkd"]:
            return "DATE", tn.fmt(d - dt.timedelta(days=2) if d.isoweekday() == 1 else d, "WE")
        return "DATE", d.isoformat()
    if code == "ST":
        return "DATE", date_in(_campaign_year(ctx.dct, rel, t)).isoformat()
    d = date_in(y)
    if code == "ED" and not rel and d >= ctx.dct and (t != "past" or y % 2 == 0) and not _other_year_named(ctx):
        # "between now and Election Day", "if he wins on Election Day": the coming one, months ahead
        # too (a campaign speaks of it all year); in a federal election year so under a past verb
        # ("urged people to vote for him on Election Day"), when no other year is named
        return "DATE", d.isoformat()
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


def _campaign_year(dct: dt.date, rel: str, tense) -> int:
    """The US presidential election year a "Super Tuesday" belongs to: the report's own in an
    election year, the coming one in the year before it (the primaries are campaigned for all that
    year), else the last one unless the verb or "next" looks ahead."""
    y, r = dct.year, dct.year % 4
    if r == 0:  # "last Super Tuesday" before March is the previous cycle's, "next" the coming one's
        return y + 4 if rel == "next" else y - 4 if rel == "last" and dct.month <= 3 else y
    if r == 3 and rel != "last":
        return y + 1
    return y + 4 - r if rel == "next" or (tense == "future" and rel != "last") else y - r


def n_named_day(m, ctx):
    """"after 9/11": the day of history; not in a name ("the 9/11 Commission") nor a score ("shot
    9/11 from the field" in a game report)."""
    if _name_head_after(ctx) or _game(ctx):
        return None
    return "DATE", f"{lexicon()['HISTORIC_MONTH_DAYS']['09-11'][0]}-09-11"


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
    before = re.search(r"(\w+) of $", ctx.text[max(0, ctx.start - 30):ctx.start], re.I)
    if not rel and before and before.group(1).lower() in lexicon()["TITLE_OF_THE_YEAR"]:
        return None  # "player of the year" names a title, not a time
    if not rel and m.group(0).startswith("the Year"):
        return None  # "the Year of the Woman", "Liar-of the Year": a capital mid-sentence makes a title
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


NORMALISERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
