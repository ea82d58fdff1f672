"""``POST /api/articles``: request bodies into Articles, Articles into stored records.

Bodies are read by the same readers as ``chronicle ingest`` (so a JSON object, JSON Lines, HTML
and plain text behave exactly as files of those kinds), picked by Content-Type. Extraction is
CPU-bound and loads the spaCy pipeline once, so it runs in a worker thread behind a lock: one
article at a time, the event loop stays free for readers.
"""
from __future__ import annotations

import json
import threading
from typing import Optional

from fastapi import HTTPException

from ..model import Article

_LOCK = threading.Lock()

KINDS = {
    "text/plain": "txt",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
}


def articles_from_body(body: bytes, content_type: Optional[str], max_bytes: int,
                       published: Optional[str] = None, source: Optional[str] = None) -> tuple[list[Article], list[str]]:
    """Articles and per-input problems (strings) from one request body."""
    from ..ingest.readers import IngestOptions, InputProblem, read_bytes

    ctype = (content_type or "text/plain").split(";")[0].strip().lower()
    kind = KINDS.get(ctype)
    if kind is None:
        raise HTTPException(415, f"[E002] unsupported Content-Type {ctype!r}; send one of {', '.join(KINDS)}")
    if kind == "json":
        try:
            obj = json.loads(body or b"null")
        except ValueError as exc:
            raise HTTPException(400, f"[E002] body is not valid JSON: {exc}")
        objs = obj if isinstance(obj, list) else [obj]
        if not objs or not all(isinstance(o, dict) for o in objs):
            raise HTTPException(400, "[E002] send a JSON object {\"text\": ..., \"url\", \"title\", \"published\", "
                                     "\"source\", \"id\"} or a list of them")
        body = "\n".join(json.dumps(o, ensure_ascii=False) for o in objs).encode("utf-8")
        kind = "jsonl"
    options = IngestOptions(published=published, max_bytes=max_bytes, source=source)
    articles, problems = [], []
    for item in read_bytes(body, "request", options, kind=kind):
        if isinstance(item, InputProblem):
            problems.append(str(item))
        else:
            articles.append(item)
    return articles, problems


def extract_and_store(store, articles: list[Article]) -> list[dict]:
    """Run the pipeline over each article and upsert its record; returns one summary per article."""
    from ..pipeline import extract_articles
    from ..record import to_record

    from .queries import forget_facets

    out = []
    with _LOCK:
        for document in extract_articles(articles):
            record = to_record(document)
            store.upsert(record)
            out.append({"id": record["article"]["id"], "title": record["article"].get("title"),
                        "entities": len(record["entities"]), "attributions": len(record["attributions"]),
                        "events": len(record["events"]), "url": f"/api/articles/{record['article']['id']}"})
    forget_facets()
    return out
