"""Flat, one-row-per-thing views of ``chronicle/1`` records, shared by CSV and Parquet.

Each table is a column list (name, Arrow type name) and a function record -> rows. Rows carry
the article's id/url/title/published/source so a row is checkable on its own.
"""
from __future__ import annotations

from typing import Callable, Iterator

ARTICLE_COLS = [("article_id", "string"), ("url", "string"), ("source", "string"),
                ("title", "string"), ("published", "string")]


def _article(record: dict) -> dict:
    a = record["article"]
    return {"article_id": a["id"], "url": a.get("url"), "source": a.get("source"),
            "title": a.get("title"), "published": a.get("published")}


def _span(span, part):
    return span.get(part) if span else None


EVENT_COLS = ARTICLE_COLS + [
    ("event_id", "string"), ("type", "string"), ("mode", "string"),
    ("actor_name", "string"), ("actor_entity", "string"), ("actor_country", "string"),
    ("actor_sector", "string"), ("target_name", "string"), ("target_entity", "string"),
    ("target_country", "string"), ("target_sector", "string"),
    ("place_id", "string"), ("place_name", "string"), ("geonameid", "int64"),
    ("lat", "float64"), ("lon", "float64"), ("place_country", "string"), ("place_feature", "string"),
    ("date", "string"), ("date_precision", "string"), ("count", "int64"),
    ("attributed_to", "string"), ("attributed_to_name", "string"), ("negated", "bool_"),
    ("confidence", "float64"), ("evidence", "string"), ("evidence_start", "int64"),
    ("evidence_end", "int64"),
]


def event_rows(record: dict) -> Iterator[dict]:
    art = _article(record)
    places = {p["id"]: p for p in record.get("places") or []}
    speakers = {a["id"]: (a.get("source") or {}).get("name") for a in record.get("attributions") or []}
    for v in record.get("events") or []:
        actor, target = v.get("actor") or {}, v.get("target") or {}
        place = places.get(v.get("place")) or {}
        ev = v.get("evidence")
        yield {**art, "event_id": v["id"], "type": v.get("type"), "mode": v.get("mode"),
               "actor_name": actor.get("name"), "actor_entity": actor.get("entity"),
               "actor_country": actor.get("country"), "actor_sector": actor.get("sector"),
               "target_name": target.get("name"), "target_entity": target.get("entity"),
               "target_country": target.get("country"), "target_sector": target.get("sector"),
               "place_id": v.get("place"), "place_name": place.get("name"),
               "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
               "place_country": place.get("country"), "place_feature": place.get("feature"),
               "date": v.get("date"), "date_precision": v.get("date_precision"), "count": v.get("count"),
               "attributed_to": v.get("attributed_to"),
               "attributed_to_name": speakers.get(v.get("attributed_to")),
               "negated": bool(v.get("negated")), "confidence": v.get("confidence"),
               "evidence": _span(ev, "text"), "evidence_start": _span(ev, "start"),
               "evidence_end": _span(ev, "end")}


ATTRIBUTION_COLS = ARTICLE_COLS + [
    ("attribution_id", "string"), ("kind", "string"), ("speaker", "string"),
    ("speaker_entity", "string"), ("content", "string"), ("content_start", "int64"),
    ("content_end", "int64"), ("cue", "string"), ("medium", "string"), ("date", "string"),
    ("reported_by", "string"), ("confidence", "float64"),
]


def attribution_rows(record: dict) -> Iterator[dict]:
    art = _article(record)
    for a in record.get("attributions") or []:
        src, content = a.get("source") or {}, a.get("content")
        yield {**art, "attribution_id": a["id"], "kind": a.get("kind"), "speaker": src.get("name"),
               "speaker_entity": src.get("entity"), "content": _span(content, "text"),
               "content_start": _span(content, "start"), "content_end": _span(content, "end"),
               "cue": _span(a.get("cue"), "text"), "medium": a.get("medium"), "date": a.get("date"),
               "reported_by": (a.get("reported_by") or {}).get("name"),
               "confidence": a.get("confidence")}


ENTITY_COLS = ARTICLE_COLS + [
    ("entity_id", "string"), ("name", "string"), ("type", "string"), ("country", "string"),
    ("sector", "string"), ("aliases", "string"), ("mentions", "int64"),
]


def entity_rows(record: dict) -> Iterator[dict]:
    art = _article(record)
    for e in record.get("entities") or []:
        yield {**art, "entity_id": e["id"], "name": e.get("name"), "type": e.get("type"),
               "country": e.get("country"), "sector": e.get("sector"),
               "aliases": "|".join(e.get("aliases") or []) or None,
               "mentions": len(e.get("mentions") or [])}


ARTICLE_TABLE_COLS = ARTICLE_COLS + [
    ("language", "string"), ("entities", "int64"), ("attributions", "int64"), ("times", "int64"),
    ("places", "int64"), ("events", "int64"), ("text", "string"),
]


def article_rows(record: dict) -> Iterator[dict]:
    a = record["article"]
    yield {**_article(record), "language": a.get("language"),
           **{k: len(record.get(k) or []) for k in ("entities", "attributions", "times", "places", "events")},
           "text": a.get("text")}


#: table name -> (columns, rows-of-a-record)
TABLES: dict[str, tuple[list[tuple[str, str]], Callable[[dict], Iterator[dict]]]] = {
    "events": (EVENT_COLS, event_rows),
    "attributions": (ATTRIBUTION_COLS, attribution_rows),
    "entities": (ENTITY_COLS, entity_rows),
    "articles": (ARTICLE_TABLE_COLS, article_rows),
}
