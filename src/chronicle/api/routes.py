"""The JSON API under ``/api``: every list is cursor-paginated and downloadable in full.

Lists answer ``{"items": [...], "limit": n, "next_cursor": str|null}``; pass ``next_cursor``
back as ``?cursor=`` for the next page. ``?format=csv`` or ``?format=jsonl`` streams the
complete result of the same query instead (no cap), and ``/api/events?format=geojson`` gives a
FeatureCollection of the located events.
"""
from __future__ import annotations

import asyncio
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from . import paging, queries


def filter_params(
    q: Optional[str] = Query(None, description="full-text query (phrases in quotes, OR, NOT, prefix*)"),
    date_from: Optional[str] = Query(None, alias="from", description="published on or after (YYYY-MM-DD)"),
    date_to: Optional[str] = Query(None, alias="to", description="published on or before (YYYY-MM-DD)"),
    source: Optional[str] = Query(None, description="exact source name"),
    entity: Optional[str] = Query(None, description="an entity name or alias (case-insensitive)"),
    event_type: Optional[str] = Query(None, alias="type", description="PLOVER event type, e.g. ASSAULT"),
    country: Optional[str] = Query(None, description="country code: ISO alpha-3 (actors) or alpha-2 (places)"),
) -> dict:
    return {"q": (q or "").strip() or None, "date_from": date_from, "date_to": date_to, "source": source,
            "entity": entity, "event_type": event_type, "country": country}


def _listing(fetch, params: dict, limit: int, cursor: Optional[str], fmt: str, name: str,
             columns: Optional[list[str]] = None):
    if fmt in ("csv", "jsonl"):
        return paging.download(paging.all_pages(fetch), fmt, name, columns)
    if fmt != "json":
        raise HTTPException(400, f"[E004] unknown format {fmt!r}; use json, csv or jsonl")
    return paging.page(fetch, limit, cursor, params)


ARTICLE_COLUMNS = ["id", "title", "published", "source", "url", "snippet", "rank"]
ATTRIBUTION_COLUMNS = ["article_id", "id", "kind", "speaker", "content", "snippet", "cue", "medium", "date",
                       "reported_by", "confidence", "title", "published", "source", "url", "rank"]


def build_router(get_store, write_guard, max_body: int) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["api"])

    @r.get("/articles", summary="Search articles (FTS with highlighted snippets) and filter them")
    def articles(params: dict = Depends(filter_params), limit: int = Query(50, ge=1, le=paging.MAX_LIMIT),
                 cursor: Optional[str] = None, format: str = "json"):
        store = get_store()
        fetch = lambda lim, off: queries.list_articles(store, params, lim, off)  # noqa: E731
        return _listing(fetch, params, limit, cursor, format, "articles", ARTICLE_COLUMNS)

    @r.get("/articles/{article_id}", summary="The full chronicle/1 record of one article")
    def article(article_id: str):
        record = get_store().get(article_id)
        if record is None:
            raise HTTPException(404, f"[E003] no article with id {article_id!r}")
        return record

    @r.post("/articles", status_code=201, dependencies=[Depends(write_guard)],
            summary="Ingest text/plain, text/html, application/json or JSON Lines; needs the bearer token")
    async def ingest(request: Request, published: Optional[str] = None, source: Optional[str] = None):
        from .ingest import articles_from_body, extract_and_store

        body = await request.body()
        arts, problems = articles_from_body(body, request.headers.get("content-type"), max_body,
                                            published=published, source=source)
        if not arts:
            raise HTTPException(422, {"message": "[E002] no article could be read from the body",
                                      "problems": problems})
        stored = await asyncio.to_thread(extract_and_store, get_store(), arts)
        return {"stored": stored, "problems": problems}

    @r.get("/entities/{name:path}", summary="An entity across articles: aliases, mentions, attributions, events, co-occurrences")
    def entity(name: str):
        prof = queries.entity_profile(get_store(), name)
        if prof is None:
            raise HTTPException(404, f"[E003] no entity named {name!r}")
        return prof

    @r.get("/attributions", summary="Who said what: attributions by speaker and/or full-text query")
    def attributions(speaker: Optional[str] = None, q: Optional[str] = None,
                     date_from: Optional[str] = Query(None, alias="from"), date_to: Optional[str] = Query(None, alias="to"),
                     source: Optional[str] = None, limit: int = Query(50, ge=1, le=paging.MAX_LIMIT),
                     cursor: Optional[str] = None, format: str = "json"):
        params = {"speaker": speaker, "q": q, "date_from": date_from, "date_to": date_to, "source": source}
        store = get_store()
        fetch = lambda lim, off: queries.list_attributions(store, params, lim, off)  # noqa: E731
        return _listing(fetch, params, limit, cursor, format, "attributions", ATTRIBUTION_COLUMNS)

    @r.get("/events", summary="Events with actor, target, place, date and source; format=geojson for a map")
    def events(params: dict = Depends(filter_params), limit: int = Query(50, ge=1, le=paging.MAX_LIMIT),
               cursor: Optional[str] = None, format: str = "json"):
        store = get_store()
        if format == "geojson":
            rows = paging.all_pages(lambda lim, off: queries.list_events(store, params, lim, off, located=True))
            return StreamingResponse(_geojson(rows), media_type="application/geo+json")
        fetch = lambda lim, off: queries.list_events(store, params, lim, off)  # noqa: E731
        return _listing(fetch, params, limit, cursor, format, "events", queries.EVENT_COLUMNS)

    @r.get("/facets", summary="Counts of matching articles by source, day, event type, country and speaker")
    def facets(params: dict = Depends(filter_params)):
        return queries.facets(get_store(), params)

    return r


def _geojson(rows):
    import json

    yield '{"type":"FeatureCollection","features":['
    first = True
    for row in rows:
        yield ("" if first else ",") + json.dumps(queries.event_feature(row), ensure_ascii=False)
        first = False
    yield "]}\n"
