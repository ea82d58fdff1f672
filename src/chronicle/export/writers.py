"""One writer per format: ``write(records, out, table) -> rows written``.

Writers consume an iterator of records and write as they go: nothing is held in memory but one
record (Parquet: one row group), and nothing is capped.
"""
from __future__ import annotations

import csv
import io
import json
from contextlib import contextmanager
from typing import BinaryIO, Iterable, TextIO

from ..errors import UsageError
from .flat import TABLES, event_rows

PARQUET_ROW_GROUP = 10_000


@contextmanager
def _text(out):
    """A text stream over ``out`` (binary streams are wrapped, and left open afterwards)."""
    if isinstance(out, io.TextIOBase) or (hasattr(out, "encoding") and not isinstance(out, (io.BufferedIOBase, io.RawIOBase))):
        yield out
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def _binary(out):
    if isinstance(out, io.TextIOBase):
        if hasattr(out, "buffer"):
            out.flush()
            return out.buffer
        raise UsageError("parquet is a binary format: write it to a file or a binary stream")
    return out


def _table(table: str):
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}; choose one of: {', '.join(TABLES)}")
    return TABLES[table]


def write_jsonl(records: Iterable[dict], out: TextIO | BinaryIO, table: str = "events") -> int:
    """Full records, one per line (``table`` is ignored: a record is the whole article)."""
    n = 0
    with _text(out) as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")
            n += 1
    return n


def write_csv(records: Iterable[dict], out: TextIO | BinaryIO, table: str = "events") -> int:
    """One row per item of ``table`` (events by default), header first, RFC 4180 quoting."""
    cols, rows_of = _table(table)
    n = 0
    with _text(out) as f:
        w = csv.DictWriter(f, fieldnames=[c for c, _ in cols], lineterminator="\r\n")
        w.writeheader()
        for record in records:
            for row in rows_of(record):
                w.writerow(row)
                n += 1
    return n


def write_geojson(records: Iterable[dict], out: TextIO | BinaryIO, table: str = "events") -> int:
    """A FeatureCollection of events whose place has coordinates (Point [lon, lat]); properties
    are the CSV event columns. Events without a located place are left out (they have no
    geometry to draw); export csv to get them all."""
    n = 0
    with _text(out) as f:
        f.write('{"type":"FeatureCollection","features":[')
        for record in records:
            for row in event_rows(record):
                if row["lat"] is None or row["lon"] is None:
                    continue
                feature = {"type": "Feature", "id": f"{row['article_id']}#{row['event_id']}",
                           "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                           "properties": row}
                f.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
                n += 1
        f.write("\n]}\n")
    return n


def write_parquet(records: Iterable[dict], out: BinaryIO | TextIO, table: str = "events") -> int:
    """``table`` (events by default) as Parquet, written in row groups of ``PARQUET_ROW_GROUP``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols, rows_of = _table(table)
    schema = pa.schema([(name, getattr(pa, typ)()) for name, typ in cols])
    n = 0
    buf: list[dict] = []
    with pq.ParquetWriter(_binary(out), schema) as writer:
        def flush():
            if buf:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf.clear()
        for record in records:
            for row in rows_of(record):
                buf.append(row)
                n += 1
                if len(buf) >= PARQUET_ROW_GROUP:
                    flush()
        flush()
    return n


from .acled import write_acled  # noqa: E402 - these import ``_text`` from here at call time
from .plover import write_plover  # noqa: E402

WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "parquet": write_parquet,
           "acled": write_acled, "plover": write_plover}
