"""Cursor pagination and complete streamed downloads.

A cursor is opaque to clients (base64 JSON) and bound to the query it came from: reusing it
with other filters is an error rather than a silently wrong page. Downloads (``?format=csv`` or
``jsonl``) never cap: they walk every page of the same query and stream rows as they come, so a
download of 100,000 rows holds one page in memory, never the whole result (Media Cloud users'
top complaint was a CSV silently cut at ~950 rows).
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from typing import Callable, Iterable, Iterator, Optional

from fastapi import HTTPException
from fastapi.responses import StreamingResponse

MAX_LIMIT = 500
DOWNLOAD_PAGE = 500


def query_key(params: dict) -> str:
    canon = json.dumps({k: v for k, v in sorted(params.items()) if v not in (None, "")}, sort_keys=True)
    return hashlib.sha256(canon.encode()).hexdigest()[:12]


def encode_cursor(offset: int, params: dict) -> str:
    raw = json.dumps({"o": offset, "k": query_key(params)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: Optional[str], params: dict) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        obj = json.loads(raw)
        offset = int(obj["o"])
        key = obj["k"]
    except Exception:
        raise HTTPException(400, "[E004] malformed cursor: pass back the next_cursor of a previous page unchanged")
    if key != query_key(params) or offset < 0:
        raise HTTPException(400, "[E004] this cursor belongs to a different query: restart without ?cursor=")
    return offset


def page(fetch: Callable[[int, int], list], limit: int, cursor: Optional[str], params: dict) -> dict:
    """One page: ``fetch(limit + 1, offset)`` tells whether another page follows without a COUNT."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = decode_cursor(cursor, params)
    rows = fetch(limit + 1, offset)
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": rows, "limit": limit,
            "next_cursor": encode_cursor(offset + limit, params) if more else None}


def all_pages(fetch: Callable[[int, int], list], size: Optional[int] = None) -> Iterator:
    size = size or DOWNLOAD_PAGE
    offset = 0
    while True:
        rows = fetch(size, offset)
        yield from rows
        if len(rows) < size:
            return
        offset += size


def _flat(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_lines(rows: Iterable[dict], columns: Optional[list[str]] = None) -> Iterator[str]:
    """CSV text, header first; nested values as JSON; formula-like cells defused for spreadsheets."""
    buf = io.StringIO()
    writer = None
    for row in rows:
        if writer is None:
            cols = columns or list(row.keys())
            writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _defuse(_flat(row.get(k))) for k in writer.fieldnames})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if writer is None and columns:
        csv.DictWriter(buf, fieldnames=columns).writeheader()
        yield buf.getvalue()


def _defuse(value):
    """Cells starting with = + - @ run as formulas in spreadsheets (CSV injection); prefix a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(value):
        return "'" + value
    return value


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def jsonl_lines(rows: Iterable) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def download(rows: Iterable[dict], fmt: str, name: str, columns: Optional[list[str]] = None) -> StreamingResponse:
    if fmt == "csv":
        return StreamingResponse(csv_lines(rows, columns), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return StreamingResponse(jsonl_lines(rows), media_type="application/x-ndjson",
                             headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'})
