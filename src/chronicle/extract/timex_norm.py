"""Calendar arithmetic for TIMEX3 values: formatting at a granularity, shifting, resolving.

Why separate from the rules: the same few operations (format a date as a week, shift a quarter by
a year, find the Friday a past-tense verb means) serve many rules; keeping them pure and small
makes them testable without a parse. A missing reference date (no publication date) yields the
underspecified TimeML forms (``XXXX-XX-XX``, ``XXXX-WXX``) at the same granularity.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

GRANS = ("D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE")

_UNDERSPEC = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
              "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def fmt(d: Optional[dt.date], gran: str) -> str:
    if d is None:
        return _UNDERSPEC[gran]
    if gran == "D":
        return d.isoformat()
    if gran in ("W", "WE"):
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}" + ("-WE" if gran == "WE" else "")
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    if not 1 <= y <= 9999:
        return d
    return dt.date(y, m % 12 + 1, min(d.day, 28))


def shift(d: Optional[dt.date], n: int, gran: str) -> Optional[dt.date]:
    if d is None:
        return None
    try:
        if gran == "D":
            return d + dt.timedelta(days=n)
        if gran in ("W", "WE"):
            return d + dt.timedelta(weeks=n)
        if gran == "M":
            return add_months(d, n)
        if gran == "Q":
            return add_months(d, 3 * n)
        if gran == "H":
            return add_months(d, 6 * n)
        if gran == "Y":
            return add_months(d, 12 * n)
        if gran == "DE":
            return add_months(d, 120 * n)
        if gran == "CE":
            return add_months(d, 1200 * n)
    except OverflowError:
        return None
    return d


_V_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_V_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
_V_Q = re.compile(r"^(\d{4})-([QH])([1-4])$")
_V_M = re.compile(r"^(\d{4})-(\d{2})$")
_V_Y = re.compile(r"^(\d{4})$")
_V_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def parse_value(value: Optional[str]) -> Optional[tuple[dt.date, str]]:
    """A resolved TIMEX3 value as (a representative date, granularity), for anaphoric anchoring."""
    if not value:
        return None
    try:
        m = _V_DAY.match(value)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "D"
        m = _V_WEEK.match(value)
        if m:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), "W"
        m = _V_Q.match(value)
        if m:
            k = int(m.group(3))
            month = (k - 1) * 3 + 1 if m.group(2) == "Q" else (k - 1) * 6 + 1
            return dt.date(int(m.group(1)), month, 1), m.group(2)
        m = _V_M.match(value)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), 1), "M"
        m = _V_Y.match(value)
        if m:
            return dt.date(int(m.group(1)), 1, 1), "Y"
        m = _V_SEASON.match(value)
        if m:  # a season anchors its year (its first month stands for it)
            return dt.date(int(m.group(1)), _SEASON_MONTH[m.group(2)], 1), "Y"
    except ValueError:
        return None
    return None


def weekday_date(dct: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) relative to ``dct``.

    ``past``: the latest such day on or before dct; ``future``: the first on or after;
    ``last``/``next``: strictly before/after; anything else: the nearest, ties to the past
    (news reports mostly what happened).
    """
    back = (dct.isoweekday() - weekday) % 7
    fwd = (weekday - dct.isoweekday()) % 7
    if direction == "past":
        return dct - dt.timedelta(days=back)
    if direction == "future":
        return dct + dt.timedelta(days=fwd)
    if direction == "last":
        return dct - dt.timedelta(days=back or 7)
    if direction == "next":
        return dct + dt.timedelta(days=fwd or 7)
    return dct - dt.timedelta(days=back) if back <= fwd else dct + dt.timedelta(days=fwd)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def year_of_position(year: int, pos: int, cur: int, way: Optional[str]) -> int:
    """The year of a place in the year (a month, a season) seen from the current place ``cur`` of
    ``year``: ``before``/``after`` strictly ("last March", "next spring"), ``past``/``future`` not
    after/before it (a verb's tense: "rose in March", "will open in March"), None the same year."""
    if way == "before":
        return year if pos < cur else year - 1
    if way == "after":
        return year if pos > cur else year + 1
    if way == "past":
        return year - 1 if pos > cur else year
    if way == "future":
        return year + 1 if pos < cur else year
    return year


def season_index(month: int) -> int:
    """0 spring, 1 summer, 2 fall, 3 winter (meteorological, northern hemisphere)."""
    return {3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 2, 11: 2}.get(month, 3)


SEASONS = ("SP", "SU", "FA", "WI")


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian; the anonymous algorithm of Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
