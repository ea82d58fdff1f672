"""Jinja2 rendering with autoescape forced on for every template, whatever its file name.

``select_autoescape`` decides by extension, which one mis-named template would defeat; here
autoescape is unconditional, and no filter that marks text safe is registered.
"""
from __future__ import annotations

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


def histogram(days: list[dict], width: int = 720, height: int = 90, max_bars: int = 120) -> dict:
    """Bar geometry for a date histogram (SVG attributes, no inline style), by day or by month
    when the range has too many days to show one bar each."""
    days = [d for d in days if d.get("value")]
    if not days:
        return {"bars": [], "width": width, "height": height, "unit": "day"}
    unit = "day"
    counts: dict[str, int] = {}
    if len(days) > max_bars:
        unit = "month"
        for d in days:
            counts[d["value"][:7]] = counts.get(d["value"][:7], 0) + d["count"]
    else:
        counts = {d["value"]: d["count"] for d in days}
    if len(counts) > max_bars:
        unit = "year"
        years: dict[str, int] = {}
        for k, c in counts.items():
            years[k[:4]] = years.get(k[:4], 0) + c
        counts = years
    items = sorted(counts.items())
    peak = max(c for _, c in items) or 1
    bw = width / len(items)
    bars = []
    for i, (label, c) in enumerate(items):
        h = max(1.0, (height - 14) * c / peak)
        lo, hi = (label, label) if unit == "day" else \
            (f"{label}-01", f"{label}-31") if unit == "month" else (f"{label}-01-01", f"{label}-12-31")
        bars.append({"label": label, "count": c, "from": lo, "to": hi,
                     "x": round(i * bw, 2), "w": round(max(bw - 1, 1), 2),
                     "y": round(height - 14 - h, 2), "h": round(h, 2)})
    return {"bars": bars, "width": width, "height": height, "unit": unit,
            "first": items[0][0], "last": items[-1][0], "peak": peak}
