"""Server-rendered pages, each with a JSON twin.

The JSON twin of any page is the same URL with ``?format=json`` (Datasette's "every page has a
JSON twin"): it returns the data the page was rendered from, so whatever a person sees can be
fetched by a script without scraping.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse

from ..api import paging, queries
from ..api.routes import filter_params
from . import highlight
from .render import MARK_CLOSE, MARK_OPEN, entity_url, histogram, render, snippet_parts

PAGE = 25
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="chronicle-facets")
KIND_LABELS = {"direct": "direct quote", "indirect": "indirect", "mixed": "mixed"}


def _html(template: str, status: int = 200, **ctx) -> HTMLResponse:
    return HTMLResponse(render(template, **ctx), status_code=status)


def _not_found(fmt: str, what: str) -> HTMLResponse | JSONResponse:
    if fmt == "json":
        return JSONResponse({"detail": f"[E003] {what}"}, status_code=404)
    return _html("error.html", 404, title="Not found", message=what)


def build_pages(get_store) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/", response_class=HTMLResponse)
    def search_page(params: dict = Depends(filter_params), cursor: Optional[str] = None, format: str = "html"):
        store = get_store()
        fetch = lambda lim, off: queries.list_articles(store, params, lim, off, markers=(MARK_OPEN, MARK_CLOSE))  # noqa: E731
        # Results and facets are independent queries: run them side by side (SQLite reads release the GIL).
        facets_future = _POOL.submit(queries.facets, store, params)
        pg = paging.page(fetch, PAGE, cursor, params)
        facets = facets_future.result()
        if format == "json":
            for item in pg["items"]:
                item["snippet"] = (item.get("snippet") or "").replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
            return JSONResponse({"params": params, "results": pg, "facets": facets})
        for item in pg["items"]:
            item["parts"] = snippet_parts(item.get("snippet"))
        return _html("search.html", params=params, page=pg, facets=facets, hist=histogram(facets.get("day", [])),
                     title="Search")

    @r.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str, format: str = "html"):
        record = get_store().get(article_id)
        if record is None:
            return _not_found(format, f"no article with id {article_id!r}")
        if format == "json":
            return JSONResponse(record)
        return _html("article.html", **article_context(record))

    @r.get("/entities/{name:path}", response_class=HTMLResponse)
    def entity_page(name: str, format: str = "html"):
        prof = queries.entity_profile(get_store(), name)
        if prof is None:
            return _not_found(format, f"no entity named {name!r}")
        if format == "json":
            return JSONResponse(prof)
        days = [{"value": t["day"], "count": sum(v for k, v in t.items() if k != "day")} for t in prof["timeline"]]
        return _html("entity.html", e=prof, hist=histogram(days), title=prof["name"])

    @r.get("/events", response_class=HTMLResponse)
    def events_page(params: dict = Depends(filter_params), cursor: Optional[str] = None, format: str = "html",
                    limit: int = Query(100, ge=1, le=paging.MAX_LIMIT)):
        store = get_store()
        fetch = lambda lim, off: queries.list_events(store, params, lim, off)  # noqa: E731
        pg = paging.page(fetch, limit, cursor, params)
        timeline = queries.event_days(store, params)
        if format == "json":
            return JSONResponse({"params": params, "events": pg, "timeline": timeline})
        geo = "/api/events" + _qs_events(params)
        return _html("events.html", params=params, page=pg, hist=histogram(timeline), geojson_url=geo,
                     title="Events")

    return r


def _qs_events(params: dict) -> str:
    from .render import qs

    return qs({"q": params.get("q"), "from": params.get("date_from"), "to": params.get("date_to"),
               "source": params.get("source"), "entity": params.get("entity"), "type": params.get("event_type"),
               "country": params.get("country")}, format="geojson")


def article_context(record: dict) -> dict:
    """What the article template needs: segments, the side panel, speaker colours."""
    art = record.get("article", {})
    segs = highlight.segments(record, entity_href=entity_url)
    colours = highlight.speaker_classes(record)
    ents = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p for p in record.get("places", [])}
    quotes = []
    for a in record.get("attributions", []):
        src = a.get("source") or {}
        speaker = src.get("name") or (ents.get(src.get("entity")) or {}).get("name") or "unknown"
        canonical = (ents.get(src.get("entity")) or {}).get("name") or src.get("name")
        quotes.append({**a, "speaker": speaker, "canonical": canonical,
                       "colour": colours.get(highlight.speaker_key(a), 0),
                       "kind_label": KIND_LABELS.get(a.get("kind"), a.get("kind"))})
    events = []
    for v in record.get("events", []):
        p = places.get(v.get("place")) or {}
        events.append({**v, "place_name": p.get("name"), "place_country": p.get("country")})
    return {"record": record, "article": art, "segments": segs, "quotes": quotes, "events": events,
            "entities": record.get("entities", []), "times": record.get("times", []),
            "places": record.get("places", []), "title": art.get("title") or art.get("id", "")[:16],
            "anchor": highlight.anchor_id}
