"""Times: TIMEX3 tagging and normalisation (DATE, TIME, DURATION, SET) against the publication date.

Why rules: TimeML values are compositional calendar arithmetic ("last week" is the ISO week
before the publication date), and the best open taggers (HeidelTime, SUTime) are rule systems
too. The grammar lives as data (:mod:`chronicle.extract.timex_rules` patterns over the word lists
of ``chronicle/data/timex_lexicon.json``); this module only compiles it, resolves overlapping
matches (longest wins) and calls the normaliser each rule names. spaCy is used for what a regex
cannot know: the tense of the governing verb ("on Monday" said -> the previous Monday, will ->
the next) and parts of speech/entities that veto a match ("May" the modal, "Sunday Times").

Relative expressions resolve against the publication date (DCT); anaphoric ones ("the
following day", "that year", "a year earlier") against the last resolved date in the text, as
TimeML annotators do. Without a publication date the values stay underspecified
(``XXXX-XX-XX``, ``XXXX-WXX``) at the granularity the expression has.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..model import Time
from . import timex_norm as tn
from .timex_context import _NUM_TENS, _NUM_UNITS, Ctx, lexicon, tense  # noqa: F401  (tense: public)
from . import timex_durations, timex_normalisers, timex_periods, timex_relative
from .timex_normalisers import _VETO_ENTS, _lower
from .timex_rules import NEEDS, PATTERN_MACROS, RULES, TRIGGER_WORDS
from .timex_values import date_and_precision  # noqa: F401  (public helper for events/attributions)

NORMALISERS = {**timex_normalisers.NORMALISERS, **timex_periods.NORMALISERS, **timex_relative.NORMALISERS,
               **timex_durations.NORMALISERS}

ASSIGNS = "times"
REQUIRES = ("parse",)

__all__ = ["extract", "date_and_precision", "date_for_span", "tag"]


# ---------------------------------------------------------------------------------------------
# Compiling the grammar

_ABBREV_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
def _alt(words, suffix: str = "") -> str:
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") + suffix for w in words) + ")"


def _macros() -> dict[str, str]:
    lex = lexicon()
    months = lex["MONTH"]
    month_alt = "(?:" + "|".join(
        re.escape(w) + (r"\.?" if w in _ABBREV_MONTHS else "") for w in sorted(months, key=lambda w: -len(w))) + ")"
    units = lex["UNIT"]
    numword = ("(?:(?:" + "|".join(_NUM_TENS) + ")(?:[- ](?:" + "|".join(_NUM_UNITS) + "))?|"
               + _alt(w for w in lex["NUMBER"] if " " not in w and w not in ("a", "an"))[3:-1] + ")")
    num = (r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?: 1/2| ?½)?|" + numword + r"(?:[- ]and[- ]a[- ]half)?|"
           + _alt(w for w in lex["NUMBER"] if " " in w or w in ("a", "an"))[3:-1] + ")")
    m = {
        "MONTH": month_alt,
        "MONTHFULL": _alt(w for w in months if w not in _ABBREV_MONTHS),
        "WEEKDAY": _alt(lex["WEEKDAY"]),
        "UNIT": _alt(units),
        "UNITSG": _alt(w for w in units if not w.endswith("s") and w not in ("fortnight",)),
        "NUMWORD": numword,
        "NUM": num,
        "VAGUE_NUMBER": _alt(lex["VAGUE_NUMBER"]),
        "ORDINAL": _alt(lex["ORDINAL"]),
        "PART_OF_DAY": _alt(lex["PART_OF_DAY"]),
        "SEASON": _alt(lex["SEASON"]),
        "DECADE_WORD": _alt(lex["DECADE_WORD"]),
        "HOLIDAY": _alt(lex["HOLIDAY"]),
        "PRESENT_REF": _alt(lex["PRESENT_REF"]),
        "PAST_REF": _alt(lex["PAST_REF"]),
        "FUTURE_REF": _alt(lex["FUTURE_REF"]),
        "SET_ADVERB": _alt(lex["SET_ADVERB"]),
        "MODIFIER": _alt(lex["MODIFIER"]),
    }
    m.update(PATTERN_MACROS)
    return m


_MACRO = re.compile(r"\{([A-Z_]+)\}")


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(4):  # macros may use macros
        new = _MACRO.sub(lambda mo: macros.get(mo.group(1), mo.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    return _spaces(pattern)


def _spaces(pattern: str) -> str:
    """A space in a rule is any run of blanks (``" ?"`` an optional one), but never a line break:
    a line break ends a title, a dateline or a paragraph. Inside ``[...]`` a space is one blank."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            out.append(" \t\u00a0" if ch == " " else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":  # a literal "]" first in the class
                out.append("]")
                i += 1
        elif ch == " " and pattern[i + 1:i + 2] == "?":
            out.append(r"[^\S\n]*")
            i += 1
        elif ch == " ":
            out.append(r"[^\S\n]+")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# a match never ends inside a word or a compound that is no time ("the quarter-finals", "the
# quarter-to-quarter comparison", "day-to-day running": a pair of units is a manner, not a time;
# "year-on-year growth", "a year-over-year comparison" a comparison; "three second-half goals" an ordinal)
@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, str, str, re.Pattern]]:
    macros = _macros()
    out = []
    for name, type_, norm, pat in RULES:
        rx = re.compile(r"(?<![\w$£€.\-/])" + _body(pat, macros), re.IGNORECASE)
        out.append((name, type_, norm, rx))
    return out


def _body(pat: str, macros: dict[str, str]) -> str:
    return r"(?:" + _expand(pat, macros) + r")(?!\w|-final|-to-(?!date)|-on-|-over-|-half)"


@lru_cache(maxsize=1)
def _bare() -> list[re.Pattern]:
    """The rules without their left boundary, tried only where a dashed range has its second end
    ("10 p.m.-6 a.m.", "July-August 2022", "July 23-August 8"): there a hyphen is no compound."""
    macros = _macros()
    return [re.compile(_body(pat, macros), re.IGNORECASE) for _n, _t, _no, pat in RULES]


@lru_cache(maxsize=1)
def _range_second() -> re.Pattern:
    return re.compile(r"[-–](?=\d|" + _macros()["MONTHFULL"] + r"\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _DAY_MONTH_AFTER() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)? " + _macros()["MONTHFULL"] + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _MONTH_DAY_BEFORE() -> re.Pattern:  # noqa: N802 (a compiled constant)
    return re.compile(r"\b" + _macros()["MONTH"] + r" (?:[12]?\d|3[01])$", re.IGNORECASE)


_YEAR_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–](?:1[89]|20)\d\d(?!\d)")  # "2009-2013": the year rule decides
_RANGE_FIRST = re.compile(r"(?:[ap]\.m\.|\d ?[ap]m|\d|(?:uary|arch|april|may|june|july|ugust|mber|ober))$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _trigger() -> tuple[dict[str, tuple[str, ...]], dict[str, list[int]]]:
    """Word -> trigger classes, and the rules each class wakes up."""
    missing = {name for name, *_ in RULES} - set(NEEDS)
    if missing:
        raise ValueError(f"E040 timex rules without a trigger class in NEEDS: {sorted(missing)}")
    lex = lexicon()
    words: dict[str, set[str]] = {}
    for cls, entries in TRIGGER_WORDS.items():
        for entry in entries:
            items = lex[entry[1:-1]] if entry.startswith("{") else [entry]
            for item in items:
                last = re.findall(r"[a-z']+", item.lower())[-1]
                words.setdefault(last.strip("'"), set()).add(cls)
    by_class: dict[str, list[int]] = {cls: [] for cls in list(TRIGGER_WORDS) + ["digits", "year"]}
    for idx, (name, *_rest) in enumerate(RULES):
        by_class[NEEDS[name]].append(idx)
    return {w: tuple(sorted(c)) for w, c in words.items()}, by_class


_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = re.compile(r"\d+(?:(?<=0)s)?")
_CLOCK = re.compile(r"\d ?(?:[ap]\.?m\b|[AP]\.?M\b)|\d:\d\d|\d in the (?:morning|afternoon|evening)\b|\b[ap]\.m\.")


# ---------------------------------------------------------------------------------------------
# The tagger

_WINDOW = 70  # characters around a trigger a match may reach (longest rules are ~60)


def _hits(text: str):
    """``(start, end, class)`` for every trigger in the text."""
    words, _ = _trigger()
    for mo in _WORD.finditer(text):
        classes = words.get(mo.group().lower())
        if classes:
            for cls in classes:
                yield mo.start(), mo.end(), cls
    for mo in _DIGITS.finditer(text):
        yield mo.start(), mo.end(), "digits"
        tok = mo.group()
        if tok.endswith("0s") or (len(tok) == 4 and "1500" <= tok <= "2099"):
            yield mo.start(), mo.end(), "year"
    for mo in _CLOCK.finditer(text):
        yield mo.start(), mo.end(), "clock"


def _candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    rules = compiled()
    _, by_class = _trigger()
    windows: dict[str, list[list[int]]] = {}
    for start, end, cls in sorted(_hits(text)):
        s, e = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
        ws = windows.setdefault(cls, [])
        if ws and s <= ws[-1][1]:
            ws[-1][1] = e
        else:
            ws.append([s, e])
    out = []
    for cls, ws in windows.items():
        for idx in by_class[cls]:
            rx = rules[idx][3]
            for w0, w1 in ws:
                for mo in rx.finditer(text, w0, w1):
                    if mo.end() > mo.start():
                        out.append((mo.start(), mo.end(), idx, mo))
    for dash in _range_second().finditer(text):
        first = _RANGE_FIRST.search(text, max(0, dash.start() - 6), dash.start())
        if first is None:
            continue
        pos = dash.end()
        if (first.group(0)[-1:].isdigit() and text[pos:pos + 1].isdigit() and not _DAY_MONTH_AFTER().match(text, pos)
                and not _MONTH_DAY_BEFORE().search(text, max(0, dash.start() - 16), dash.start())
                and not _YEAR_YEAR.match(text, dash.start() - 4)):
            continue  # "3-2", "1900-2000"; a clock time, a month, a day-and-month ("4-6 March") or a
            # month-day before ("Dec. 6-9") opens a second end
        for idx, rx in enumerate(_bare()):
            mo = rx.match(text, pos)
            if mo and mo.end() > pos:
                out.append((mo.start(), mo.end(), idx, mo))
    return out


def tag(text: str, dct: Optional[str] = None, doc=None) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, type, value, rule)`` for every time expression in ``text``."""
    rules = compiled()
    cands = _candidates(text)
    # Longest first, then rule order; a rejected candidate frees its characters for shorter ones.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    ctx = Ctx(doc, text, tn.parse_date(dct) if dct else None)
    report_dct = ctx.dct
    tweets = _tweets(text)
    taken: list[tuple[int, int]] = []
    chosen = []
    seen = set()
    for start, end, idx, mo in cands:
        if (start, end, idx) in seen or any(start < e and s < end for s, e in taken):
            continue
        seen.add((start, end, idx))
        chosen.append((start, end, idx, mo))
        taken.append((start, end))
    chosen.sort()
    out = []
    rejected = []
    for start, end, idx, mo in chosen:
        name, type_, norm, _ = rules[idx]
        ctx.start, ctx.end, ctx.rule, ctx._span = start, end, name, None
        ctx.dct = next((d for s0, e0, d in tweets if s0 <= start < e0), report_dct)
        res = NORMALISERS[norm](mo, ctx)
        if res is None:
            rejected.append((start, end))
            continue
        rtype, value = res
        if _vetoed(ctx, text):
            continue
        out.append((start, end, rtype or type_, value, name))
        if norm in ANCHORING and rtype in ("DATE", "TIME") and value[:1].isdigit() and len(value) >= 4:
            if not (norm == "quarter_rel" and "year" in _lower(mo.group(0))):
                ctx.anchor, ctx.anchor_at, ctx.anchor_norm = value, start, norm
    ctx.dct = report_dct
    if rejected:
        out = _refill(text, out, rejected, cands, ctx)
    return out


# an embedded tweet as pages print it: its text, then "— Name (@handle) January 2, 2020" on a line
# of its own; "today" in the tweet is the day it was posted, not the article's
_TWEET_SIGNATURE = re.compile(r"^[—–-]+ ?[^\n(]{1,80}\(@\w{1,30}\) (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})[ \t]*$",
                              re.MULTILINE)


def _tweets(text: str) -> list[tuple[int, int, object]]:
    """``(start, end, date)`` of the line before each tweet signature and the date it was posted."""
    if "(@" not in text:
        return []
    out = []
    for mo in _TWEET_SIGNATURE.finditer(text):
        posted = tn.parse_date(_month_day_year(mo["date"]))
        if posted is None:
            continue
        line_start = text.rfind("\n", 0, max(0, mo.start() - 1)) + 1
        out.append((line_start, mo.start(), posted))
    return out


def _month_day_year(s: str) -> str:
    month, day, year = s.replace(",", "").split()
    mo = lexicon()["MONTH"].get(month.lower())
    return f"{year}-{mo:02d}-{int(day):02d}" if mo else ""


# Expressions that name a calendar time themselves; anaphora ("a year earlier") never re-anchor,
# or "a year earlier" after "a year ago" would drift a further year back.
ANCHORING = {"ymd", "md", "ym", "month_rel", "month_alone", "year", "spoken_year", "quarter", "quarter_rel",
             "season", "holiday", "deictic_day", "weekday", "clock", "year_period"}

# one-word times that are often a word of a name: "the Daily Beast", "Palo Alto Weekly", "Liberty Now
# PAC", "Last Week Tonight"
_NAME_PRONE_RULES = {"set_adv", "present_ref", "tonight"}


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.text[1:].islower()


_OPEN_QUOTE = re.compile(r"(?:''|[“\"])$")
_CLOSE_QUOTE = re.compile(r"[,.]?(?:''|[”\"])")


def _in_capitalised_name(sp, rule: str) -> bool:
    """A capitalised one-word time between capitalised words of a sentence that is no title-case
    headline ("Donald Trump Is Now Calling ..." keeps its "Now"), or alone in quotes (NBC's
    “Today”, the ''Today'' show: a programme)."""
    if rule not in _NAME_PRONE_RULES | {"deictic_day"} or len(sp) != 1 or not _capitalised(sp[0]):
        return False
    text = sp.doc.text
    if _OPEN_QUOTE.search(text, max(0, sp.start_char - 2), sp.start_char) and _CLOSE_QUOTE.match(text, sp.end_char):
        return True
    if rule not in _NAME_PRONE_RULES or sp[0].is_sent_start:
        return False
    doc, i = sp.doc, sp[0].i
    words = [t for t in sp[0].sent if t.is_alpha and len(t) > 3]
    if words and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words):
        return False
    prev = doc[i - 1] if i else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return ((prev is not None and not prev.is_sent_start and _capitalised(prev) and prev.pos_ == "PROPN")
            or (nxt is not None and _capitalised(nxt) and nxt.pos_ == "PROPN"))


def _vetoed(ctx: Ctx, text: str) -> bool:
    """Names that contain a time word ("the Sunday Times", "Black Monday Fund")."""
    sp = ctx.span()
    if sp is not None and len(sp) and _in_capitalised_name(sp, ctx.rule):
        return True
    if sp is not None and len(sp):
        ents = {t.ent_type_ for t in sp}
        if ents and ents <= _VETO_ENTS and all(t.ent_iob_ in ("I", "B") for t in sp):
            first = sp[0]
            if first.ent_iob_ == "I" or (sp.end < len(sp.doc) and sp.doc[sp.end].ent_iob_ == "I"):
                return True
    return False


def _refill(text, out, rejected, cands, ctx):
    """Shorter candidates inside a rejected span get their chance ("May" vetoed, "2016" kept)."""
    rules = compiled()
    taken = [(s, e) for s, e, *_ in out]
    extra = []
    for start, end, idx, mo in cands:
        if not any(rs <= start and end <= re_ for rs, re_ in rejected):
            continue
        if any(start < e and s < end for s, e in taken) or any(rs == start and re_ == end for rs, re_ in rejected):
            continue
        name, type_, norm, _ = rules[idx]
        ctx.start, ctx.end, ctx.rule, ctx._span = start, end, name, None
        res = NORMALISERS[norm](mo, ctx)
        if res is None:
            continue
        extra.append((start, end, res[0] or type_, res[1], name))
        taken.append((start, end))
    return sorted(out + extra)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,.;:" and not text[start:end].lower().endswith(
            ("a.m.", "p.m.", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.")):
        end -= 1
    return start, end


def extract(document) -> list[Time]:
    text = document.article.text
    published = document.article.published
    dct = published[:10] if published else None
    times = []
    for start, end, type_, value, rule in tag(text, dct, document.doc):
        start, end = _trim(text, start, end)
        times.append(Time(id=f"T{len(times) + 1}", span=document.span(start, end), type=type_, value=value,
                          extra={"rule": rule}))
    return times


def date_for_span(document, start: int, end: int) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """``(date, precision, source)`` for an event or quote at ``[start, end)``.

    For the events and attributions stages (ACLED-style time precision): the DATE/TIME of the same
    sentence nearest to the span that gives a checkable date (see :func:`date_and_precision`),
    ``source`` being its ``T`` id; else the publication date at ``day`` precision with
    ``source="published"``, so a consumer can tell a reported date from a stated one; else
    ``(None, None, None)``.
    """
    dct = (document.article.published or "")[:10] or None
    sent_start, sent_end = start, end
    doc = document.doc
    if doc is not None:
        sp = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
        if sp is not None and len(sp):
            sent_start = sp[0].sent.start_char
            sent_end = sp[-1].sent.end_char
    best = None
    for t in document.times:
        if t.type not in ("DATE", "TIME") or t.span.end <= sent_start or t.span.start >= sent_end:
            continue
        date, precision = date_and_precision(t.value, dct)
        if date is None:
            continue
        dist = 0 if t.span.start < end and start < t.span.end else min(abs(t.span.start - end),
                                                                        abs(start - t.span.end))
        if best is None or dist < best[0]:
            best = (dist, date, precision, t.id)
    if best is not None:
        return best[1], best[2], best[3]
    if dct and date_and_precision(dct)[0]:
        return dct, "day", "published"
    return None, None, None
