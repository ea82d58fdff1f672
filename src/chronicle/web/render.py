"""Jinja2 rendering with autoescape forced on for every template, whatever its file name.

``select_autoescape`` decides by extension, which one mis-named template would defeat; here
autoescape is unconditional, and no filter that marks text safe is registered.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use code points: never in real article text


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                    trim_blocks=True, lstrip_blocks=True)
    e.globals.update(entity_url=entity_url, article_url=article_url, qs=qs)
    return e


def render(name: str, **context) -> str:
    return env().get_template(name).render(**context)


def entity_url(name: str) -> str:
    return "/entities/" + quote(name or "", safe="")


def article_url(article_id: str, anchor: str | None = None) -> str:
    return "/articles/" + quote(article_id or "", safe="") + (f"#{anchor}" if anchor else "")


URL_NAMES = {"date_from": "from", "date_to": "to", "event_type": "type"}


def qs(params: dict, **changes) -> str:
    """A query string from the current filters (internal names) with some changed; None removes
    a key. Output uses the URL names (``from``, ``to``, ``type``)."""
    merged = {**{k: v for k, v in params.items() if v not in (None, "")}, **changes}
    return "?" + urlencode({URL_NAMES.get(k, k): v for k, v in merged.items() if v not in (None, "")})


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """``(text, is_match)`` pieces of a search snippet whose matches are wrapped in the markers."""
    out: list[tuple[str, bool]] = []
    rest = snippet or ""
    while rest:
        i = rest.find(MARK_OPEN)
        if i < 0:
            out.append((rest, False))
            break
        if i:
            out.append((rest[:i], False))
        j = rest.find(MARK_CLOSE, i + 1)
        if j < 0:
            out.append((rest[i + 1:], True))
            break
        out.append((rest[i + 1:j], True))
        rest = rest[j + 1:]
    return out


def _buckets(first: date, last: date, unit: str) -> list[str]:
    out = []
    if unit == "day":
        d = first
        while d <= last:
            out.append(d.isoformat())
            d += timedelta(days=1)
    elif unit == "month":
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [f"{y:04d}" for y in range(first.year, last.year + 1)]
    return out


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else date.fromisoformat(value[:7] + "-01")
    except ValueError:
        return None


def histogram(days: list[dict], width: int = 720, height: int = 80, max_bars: int = 120) -> dict:
    """Bar geometry for a date histogram on a continuous time axis (empty days/months shown as
    gaps), by day, month or year, whichever keeps the bar count under ``max_bars``. Geometry is
    emitted as SVG attributes: the CSP forbids inline styles."""
    parsed = [(d, _parse_day(str(d["value"]))) for d in days if d.get("value")]
    parsed = [(d, p) for d, p in parsed if p is not None]
    if not parsed:
        return {"bars": [], "width": width, "height": height, "unit": "day"}
    first, last = min(p for _, p in parsed), max(p for _, p in parsed)
    span_days = (last - first).days + 1
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    unit = "day" if span_days <= max_bars else "month" if months <= max_bars else "year"
    key = {"day": lambda p: p.isoformat(), "month": lambda p: p.isoformat()[:7], "year": lambda p: p.isoformat()[:4]}[unit]
    counts: dict[str, int] = {}
    for d, p in parsed:
        counts[key(p)] = counts.get(key(p), 0) + int(d["count"])
    labels = _buckets(first, last, unit)
    peak = max(counts.values()) or 1
    bw = width / len(labels)
    w = max(min(bw * 0.9, width / 40), 0.5)  # a lone bar stays a bar, not a slab
    bars = []
    for i, label in enumerate(labels):
        c = counts.get(label, 0)
        if not c:
            continue
        h = max(1.0, (height - 2) * c / peak)
        lo, hi = (label, label) if unit == "day" else \
            (f"{label}-01", f"{label}-31") if unit == "month" else (f"{label}-01-01", f"{label}-12-31")
        bars.append({"label": label, "count": c, "from": lo, "to": hi,
                     "x": round(i * bw + (bw - w) / 2, 2), "w": round(w, 2),
                     "y": round(height - h, 2), "h": round(h, 2)})
    return {"bars": bars, "width": width, "height": height, "unit": unit,
            "first": labels[0], "last": labels[-1], "peak": peak, "total": sum(counts.values())}
