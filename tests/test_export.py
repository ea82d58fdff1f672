"""Exports: complete, streamed, in each format, from a store of hand-made records."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from chronicle.errors import UsageError
from chronicle.export import FORMATS, export, writers
from chronicle.store import Store
from store_records import corpus, make_record

N_EVENTS = sum(len(r["events"]) for r in corpus())
N_ATTRIBUTIONS = sum(len(r["attributions"]) for r in corpus())


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "e.db"))
    s.upsert_many(corpus())
    yield s
    s.close()


def _csv(store, **kw):
    out = io.StringIO()
    n = export(store, "csv", out, **kw)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return rows


def test_formats():
    assert set(FORMATS) == {"jsonl", "csv", "geojson", "parquet", "acled", "plover"}


def test_csv_has_one_row_per_event_with_article_context(store):
    rows = _csv(store)
    assert len(rows) == N_EVENTS == 4
    first = rows[0]
    assert (first["article_id"], first["event_id"], first["type"]) == ("kursk", "V1", "ASSAULT")
    assert first["url"] == "https://example.invalid/kursk" and first["published"] == "2025-01-11"
    assert first["title"] == "Ukraine captures North Korean soldiers"
    assert first["place_name"] == "Kursk Oblast" and float(first["lat"]) == 51.66
    assert first["target_country"] == "PRK"
    assert first["evidence"] == "Tactical Group No. 84 captured two North Korean soldiers"
    text = store.get("kursk")["article"]["text"]
    assert text[int(first["evidence_start"]):int(first["evidence_end"])] == first["evidence"]


def test_csv_filters_and_event_type_selects_events(store):
    assert {r["article_id"] for r in _csv(store, source="CNN")} == {"kursk", "moscow"}
    assert [r["type"] for r in _csv(store, event_type="AGREE")] == ["AGREE"]  # not CONSULT too
    assert _csv(store, date_from="2030-01-01") == []


@pytest.mark.parametrize("table, expected", [("attributions", N_ATTRIBUTIONS), ("articles", 3),
                                             ("entities", 4), ("events", N_EVENTS)])
def test_csv_tables(store, table, expected):
    rows = _csv(store, table=table)
    assert len(rows) == expected
    if table == "attributions":
        assert {r["speaker"] for r in rows} == {"Volodymyr Zelenskyy", "the mayor"}
    if table == "articles":
        assert [int(r["events"]) for r in rows] == [1, 1, 2]


def test_csv_to_a_binary_stream(store):
    out = io.BytesIO()
    assert export(store, "csv", out) == N_EVENTS
    assert out.getvalue().decode("utf-8").count("\r\n") == N_EVENTS + 1
    assert not out.closed


def test_jsonl_is_the_full_records(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 3
    assert [json.loads(line) for line in out.getvalue().splitlines()] == corpus()


def test_geojson_feature_collection_of_located_events(store):
    out = io.StringIO()
    n = export(store, "geojson", out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert n == len(doc["features"]) == 2  # Moscow has no coordinates; CONSULT has no place
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["lat"] == lat and f["properties"]["lon"] == lon
    kursk = next(f for f in doc["features"] if f["properties"]["article_id"] == "kursk")
    assert kursk["geometry"]["coordinates"] == [36.49, 51.66]


def test_geojson_empty_is_still_valid(store):
    out = io.StringIO()
    assert export(store, "geojson", out, source="Nobody") == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_events_readable(store, tmp_path):
    path = tmp_path / "events.parquet"
    with open(path, "wb") as f:
        assert export(store, "parquet", f) == N_EVENTS
    table = pq.read_table(path)
    assert table.num_rows == N_EVENTS
    assert table.column("type").to_pylist() == ["ASSAULT", "PROTEST", "AGREE", "CONSULT"]
    assert str(table.schema.field("lat").type) == "double"
    buf = io.BytesIO()
    assert export(store, "parquet", buf, table="attributions") == N_ATTRIBUTIONS
    assert pq.read_table(io.BytesIO(buf.getvalue())).num_rows == N_ATTRIBUTIONS


def test_parquet_refuses_a_text_stream_without_buffer(store):
    with pytest.raises(UsageError, match="binary"):
        export(store, "parquet", io.StringIO())


def test_unknown_format_or_table(store):
    with pytest.raises(UsageError, match="format"):
        export(store, "xlsx", io.StringIO())
    with pytest.raises(UsageError, match="table"):
        export(store, "csv", io.StringIO(), table="nope")


def test_exports_are_complete_beyond_batch_sizes(tmp_path, monkeypatch):
    """More records than one store batch (500) and more rows than one Parquet row group."""
    monkeypatch.setattr(writers, "PARQUET_ROW_GROUP", 100)
    with Store(str(tmp_path / "big.db")) as s:
        text = "Police arrested three men in Lviv. Others protested."
        recs = [make_record(f"b{i}", text + f" Report {i}.", published="2025-01-01",
                            places=[("Lviv", 702550, "UA", 49.84, 24.02)],
                            events=[("COERCE", ("Police", None, "COP", None), None, "P1", "Police arrested"),
                                    ("PROTEST", ("Others", None, None, None), None, None, "Others protested")])
                for i in range(520)]
        assert s.upsert_many(recs) == 520
        rows = list(csv.reader(io.StringIO(_dump(s, "csv"))))
        assert len(rows) == 1 + 1040
        assert len(_dump(s, "jsonl").splitlines()) == 520
        assert len(json.loads(_dump(s, "geojson"))["features"]) == 520
        buf = io.BytesIO()
        assert export(s, "parquet", buf) == 1040
        pf = pq.ParquetFile(io.BytesIO(buf.getvalue()))
        assert pf.metadata.num_rows == 1040 and pf.num_row_groups > 1


def _dump(store, fmt):
    out = io.StringIO()
    export(store, fmt, out)
    return out.getvalue()


def test_bad_filter_fails_before_writing(store):
    out = io.StringIO()
    with pytest.raises(UsageError, match="unknown filter"):
        export(store, "csv", out, colour="red")
    assert out.getvalue() == ""
