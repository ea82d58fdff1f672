"""TIMEX3 value arithmetic shared by the tagger and by later stages.

Why a module of its own: events and attributions need a schema date (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``) and an ACLED-like precision from a TIMEX3 value, without importing the tagger.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_COARSE = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")


def week_monday(year: int, week: int) -> _dt.date:
    """Monday of ISO week ``year-Wweek``."""
    return _dt.date.fromisocalendar(year, week, 1)


def date_and_precision(value: Optional[str], dct: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """A schema date and a precision (``day|month|year``) for a TIMEX3 value, or ``(None, None)``.

    The date never claims more than the value says:

    - ``2024-12-22`` and times of day (``2024-12-22T14:30``, ``2024-12-22TMO``) -> that day, ``day``;
    - ``2024-08`` -> ``2024-08``, ``month``; ``2016`` -> ``2016``, ``year``;
    - weeks (``2025-W02``, ``2025-W02-WE``) -> the month holding the week's Thursday (the ISO rule
      for which month/year a week belongs to), precision ``month``: a week is finer than a month but
      the schema has no week precision, and the Monday as a ``day`` would overclaim;
    - quarters, halves and seasons (``2024-Q3``, ``2024-H1``, ``2024-SU``) -> the year, ``year``;
    - ``PRESENT_REF`` -> ``dct`` at ``day`` precision when a publication date is given;
    - decades/centuries (``199``, ``19``), ``PAST_REF``/``FUTURE_REF``, underspecified values
      (``XXXX-08``), durations and sets -> ``(None, None)``: there is no date a person could check.
    """
    if not value:
        return None, None
    v = value.strip()
    if v == "PRESENT_REF" and dct:
        m = _DAY.match(dct)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
        return None, None
    m = _DAY.match(v)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        try:
            _dt.date(y, mo, d)
        except ValueError:
            return None, None
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "day"
    m = _MONTH.match(v)
    if m and 1 <= int(m.group(2)) <= 12:
        return v, "month"
    if _YEAR.match(v):
        return v, "year"
    m = _WEEK.match(v)
    if m:
        try:
            thursday = week_monday(int(m.group(1)), int(m.group(2))) + _dt.timedelta(days=3)
        except ValueError:
            return None, None
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    m = _COARSE.match(v)
    if m:
        return m.group(1), "year"
    return None, None
