"""Exports of stored records: complete (never capped) and streamed.

``export(store, fmt, out, table="events", **filters)`` writes every record matching the store
filters (``date_from``, ``date_to``, ``source``, ``entity``, ``event_type``, ``country``; see
``chronicle.store.filters``) and returns the number of rows/features/records written.

Formats:

- ``jsonl``: full ``chronicle/1`` records, one per line (text stream or binary stream).
- ``csv``: one row per item of ``table``: ``events`` (default; each row carries the article
  id/url/source/title/published, actor/target codes, place with coordinates, date, count, who it
  is attributed to, evidence text and offsets), ``attributions``, ``entities`` or ``articles``.
- ``geojson``: a FeatureCollection with one Point per event whose place has coordinates.
- ``acled``: ACLED-layout CSV of the events ACLED codes (see :mod:`.acled`).
- ``plover``: PLOVER 2.0 JSON Lines, one record per event (see :mod:`.plover`).
- ``parquet``: ``table`` as Parquet (binary stream needed; columns as in CSV, typed).

``event_type`` selects articles with such an event and, for the event tables (csv/parquet
``table="events"`` and geojson), also keeps only the events of those types; jsonl always
writes whole records.
"""
from __future__ import annotations

from typing import BinaryIO, TextIO

from ..errors import UsageError
from .flat import TABLES
from .writers import WRITERS

FORMATS = tuple(WRITERS)
BINARY_FORMATS = ("parquet",)


def export(store, fmt: str, out: TextIO | BinaryIO, table: str = "events", **filters) -> int:
    """Write the matching records of ``store`` to ``out`` as ``fmt``; the number of rows written."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    records = store.iter_records(**filters)
    types = filters.get("event_type")
    if types and fmt != "jsonl" and (table == "events" or fmt == "geojson"):
        records = _only_events(records, types)
    return WRITERS[fmt](records, out, table)


def _only_events(records, types):
    wanted = {str(t).upper() for t in ([types] if isinstance(types, str) else types)}
    for record in records:
        yield {**record, "events": [v for v in record.get("events") or [] if v.get("type") in wanted]}


__all__ = ["export", "FORMATS", "BINARY_FORMATS", "TABLES"]
