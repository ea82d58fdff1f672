"""TIMEX3 normalisers of days and weeks counted from the report or the narrative: today and
yesterday, parts of the day, weekdays, "last week", "the following month", "three years ago".

Why apart: these are the expressions whose value moves with the publication date and with the
tense of the governing verb (a weekday goes the way the verb points), and the anaphoric ones with
the last date the text named. See :mod:`.timex_normalisers` for the contract.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from . import timex_norm as tn
from .timex_context import Ctx, lexicon
from .timex_normalisers import _forward, _in_name, _year_for, _lower, _name_head_after, _number, _unit, _UNIT_GRAN
from .timex_periods import _last_quarter, _longer_period


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


def _modifies_noun(ctx: Ctx) -> bool:
    """"in the morning shows", "in the evening session": a part of the day naming a kind of thing."""
    sp = ctx.span()
    if sp is None or not len(sp) or sp.end >= len(sp.doc):
        return False
    nxt = sp.doc[sp.end]
    return nxt.pos_ == "NOUN" and sp[-1].dep_ in ("compound", "amod", "nmod") and sp[-1].head.i == nxt.i


def _modifies_later_noun(ctx: Ctx) -> bool:
    sp = ctx.span()
    return bool(sp is not None and len(sp) == 1 and sp[0].dep_ in ("amod", "compound", "nmod")
                and sp[0].head.i > sp[0].i and sp[0].head.pos_ in ("NOUN", "PROPN"))


def _outlet_name(ctx: Ctx) -> bool:
    """"Russia Today", "USA Today": a capital "Today" straight after a place or organisation name
    is the outlet's name, not the day."""
    if ctx.text[ctx.start:ctx.end] not in ("Today", "TODAY") or ctx.text[ctx.start - 1:ctx.start] != " ":
        return False
    sp = ctx.span()
    if sp is None or not len(sp) or sp[0].is_sent_start or sp[0].i == 0:
        return False
    prev = sp.doc[sp[0].i - 1]
    return prev.text[:1].isupper() and (prev.ent_type_ in ("GPE", "ORG", "NORP", "LOC") or prev.pos_ == "PROPN")


_NOUN_TOMORROW = re.compile(r"\b(?:a|an|our|their|your|my)\s+(?:[a-z]+\s+)?$")


def n_deictic_day(m, ctx):
    if _programme_name(ctx) or _outlet_name(ctx):
        return None
    if _lower(m.group(0)) == "today":
        nxt = re.match(r"['’]s\s+([A-Za-z-]+)(?:\s+([A-Za-z]+))?", ctx.text[ctx.end:ctx.end + 40])
        generic = lexicon()["GENERIC_TODAY_NOUNS"]
        if nxt and (nxt.group(1)[0].isupper() or nxt.group(1).lower() in generic
                    or (nxt.group(1).endswith(("-moving", "-paced", "ing")) and (nxt.group(2) or "").lower() in generic)):
            return "DATE", "PRESENT_REF"  # "today's world", "today's GM": the present age, not the day
    if m.group(0) == "tomorrow" and _NOUN_TOMORROW.search(ctx.text[max(0, ctx.start - 30):ctx.start]):
        return "DATE", "FUTURE_REF"  # "hoping for a brighter tomorrow", "our tomorrow": the future
    d = tn.shift(ctx.dct, _DEICTIC[_lower(m["deic"])], "D")
    pod = _pod(m["pod"]) or _pod(m["pod0"])
    if pod:
        return "TIME", f"{tn.fmt(d, 'D')}T{pod}"
    return "DATE", tn.fmt(d, "D")


def n_pod_deictic(m, ctx):
    if _programme_name(ctx) or (ctx.rule == "pod_bare" and _modifies_noun(ctx)):
        return None
    g = m.groupdict()
    if g.get("deic"):
        if _lower(g["deic"]) == "overnight" and _modifies_later_noun(ctx):
            return None  # "overnight trains", "overnight patients": a kind of thing, not a night
        if _lower(g["deic"]) == "tonight" and ctx.dct is not None and _quoted_night_before(ctx):
            return "TIME", f"{tn.fmt(ctx.dct - dt.timedelta(days=1), 'D')}TNI"
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


def _in_quotation(ctx) -> bool:
    para = ctx.text.rfind("\n", 0, ctx.start) + 1
    before = ctx.text[para:ctx.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _quoted_night_before(ctx) -> bool:
    """"What he accomplished tonight," said on the night of a debate and printed the next day: a
    quoted "tonight" is the night before the report when the story has already named that day
    ("Tuesday night's debate" in Wednesday's paper)."""
    day_before = (ctx.dct - dt.timedelta(days=1)).isoformat()
    return _in_quotation(ctx) and any(v == day_before for (d, _), v in ctx.weekdays.items() if d == ctx.dct)


def n_weekday(m, ctx):
    g = m.groupdict()
    if _in_name(ctx) or _name_head_after(ctx):
        return None
    if re.search(r"\bGood $", ctx.text[max(0, ctx.start - 5):ctx.start]):
        return None  # "Good Friday": a movable feast, not the Friday of the report
    if _quoted_title(ctx):
        return None  # "Fox News Sunday," a programme's name
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
        elif _possessive_of_a_thing(ctx):
            # "Friday's agreement may ...", "over Thursday's closing price": the day of a thing that
            # exists already, whatever the verb says of it (not "Saturday's caucus": see the else)
            direction = "past"
        else:
            direction = ctx.tense() or "past"
            if direction == "present" or (direction == "past" and _possessive_event(ctx) and _present_perfect(ctx)):
                # "has complimented the moderator of Monday night's debate": what has been done
                # by now says nothing of when the event it names falls
                direction = "nearest"
        value = tn.weekday_date(ctx.dct, wd, direction).isoformat()
        if direction == "nearest" and (ctx.dct, wd) in ctx.weekdays:
            # "The impact of Monday's debate is still small" after "since Monday's debate": the
            # present tense does not say which Monday; the story already did
            value = ctx.weekdays[(ctx.dct, wd)]
        elif not rel:
            ctx.weekdays[(ctx.dct, wd)] = value
    # a part of day makes it a TIME (TimeML 1.2 guidelines, as "this morning" and "last night");
    # TimeBank is split (mostly DATE), but fitting that only moves type, never value, scores
    if pod:
        return "TIME", f"{value}T{pod}"
    return "DATE", value


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}


def n_nth_weekday_of(m, ctx):
    """"the first Saturday in May": the year written, else the month's year around the report."""
    month = lexicon()["MONTH"][_lower(m["m"])]
    wd = lexicon()["WEEKDAY"][_lower(m["wd"])]
    n = _NTH[_lower(m["o"])]
    y = int(m["y"]) if m["y"] else (_year_for(ctx, month, 15) if ctx.dct is not None else None)
    if y is None:
        return "DATE", f"XXXX-{month:02d}"
    return "DATE", tn.nth_weekday(y, month, wd, n).isoformat()


def n_day_of(m, ctx):
    """"the first day of 2020", "the last day of March": the year or month named, its first or last day."""
    first = _lower(m["o"]) == "first"
    if m["y"]:
        return "DATE", f"{m['y']}-01-01" if first else f"{m['y']}-12-31"
    month = lexicon()["MONTH"][_lower(m["m"])]
    y = int(m["my"]) if m["my"] else (_year_for(ctx, month, 15) if ctx.dct is not None else None)
    if y is None:
        return "DATE", f"XXXX-{month:02d}"
    d = dt.date(y, month, 1) if first else tn.add_months(dt.date(y, month, 1), 1) - dt.timedelta(days=1)
    return "DATE", d.isoformat()


_TITLE_BEFORE = re.compile(r"[“\"](?:[A-Z][\w'’&.-]*[ \t]+){1,5}$")
_TITLE_AFTER = re.compile(r"[,.!?]?[”\"]")


def _quoted_title(ctx) -> bool:
    """A weekday closing a quoted run of capitalised words is the end of a title (“Fox News
    Sunday,” “Meet the Press”-style programme names), not a day."""
    return bool(_TITLE_BEFORE.search(ctx.text[max(0, ctx.start - 60):ctx.start])
                and _TITLE_AFTER.match(ctx.text, ctx.end))


def _possessive_event(ctx) -> bool:
    head = _possessed(ctx)
    return head is not None and head.lemma_.lower() in lexicon()["POSSESSIVE_EVENT_NOUNS"]


def _present_perfect(ctx) -> bool:
    verb = ctx.governing_verb()
    return verb is not None and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in verb.children)


def _possessed(ctx):
    """The noun a time owns ("Friday's agreement", "Monday's debate"), or None."""
    sp = ctx.span()
    if sp is None or not len(sp) or not re.match(r"['’]s?\b", ctx.text[ctx.end:ctx.end + 3]):
        return None
    return sp.root.head if sp.root.dep_ == "poss" else None


def _possessive_of_a_thing(ctx) -> bool:
    head = _possessed(ctx)
    lex = lexicon()
    return (head is not None and head.pos_ == "NOUN" and head.lemma_.lower() not in lex["SCHEDULED_EVENT_NOUNS"]
            and head.lemma_.lower() not in lex["POSSESSIVE_EVENT_NOUNS"])


def n_weekday_set(m, ctx):
    wd = lexicon()["WEEKDAY"][_lower(m["wd"])]
    pod = _pod(m["pod"])
    return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")


_REL_SHIFT = {"last": -1, "this past": -1, "this": 0, "the current": 0, "the present": 0, "next": 1,
              "the coming": 1, "this coming": 1, "": 0, "the": 0}
_ANAPHORIC = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "a previous": -1,
              "that": 0, "the same": 0, "that same": 0}
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
        t = ctx.tense()
        if base.isoweekday() < 6 and (t == "past" or (base.isoweekday() <= 2 and t != "future")):
            # early in the week "the weekend" is the one just gone ("THE WEEKEND'S POLLS" on a
            # Monday) unless the verb looks ahead
            base = tn.shift(base, -1, "W")
        return "DATE", tn.fmt(base, "WE")
    if rel in _ANAPHORIC:
        base, agran = ctx.anchor_date()
        order = tn.GRANS.index
        if base is None or order(agran if agran in tn.GRANS else "D") > order("Y" if gran in ("DE", "CE") else gran):
            base = ctx.dct
        return "DATE", tn.fmt(tn.shift(base, _ANAPHORIC[rel], gran), gran)
    if ctx.rule == "end_of_unit" and gran in ("M", "Y"):
        named = _named_in_sentence(ctx, _CALENDAR_NORMS | {"year"})
        if named is not None and tn.GRANS.index(named[1]) <= tn.GRANS.index(gran):
            # "demanded in early February that they withdraw by the end of the month": the month
            # the sentence named, not the report's
            return "DATE", tn.fmt(named[0], gran)
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
    same = _named_in_sentence(ctx, _CALENDAR_NORMS, ("D", "M")) if gran == "Y" and k == 1 and backwards else None
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


def _named_in_sentence(ctx: Ctx, norms: set, grans: tuple = ()):
    """``(date, granularity)`` of the time named last before the span in its own sentence, when a
    rule of ``norms`` named it (and, given ``grans``, at one of those granularities), else None:
    "Aug. 12" or "September" date a figure, a weekday or "yesterday" dates the report."""
    parsed = tn.parse_value(ctx.anchor)
    if not parsed or (grans and parsed[1] not in grans) or ctx.anchor_norm not in norms \
            or not ctx.anchor_in_sentence():
        return None
    return parsed


NORMALISERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("n_") and callable(fn)}
