"""The same Store on PostgreSQL (tsvector search). Runs only when ``CHRONICLE_TEST_PG_URL``
names a scratch database (its Chronicle tables are dropped before each test) and a driver is
installed, e.g. ``CHRONICLE_TEST_PG_URL='postgresql://postgres@/scratch?host=/tmp&port=5432'``."""
from __future__ import annotations

import copy
import io
import os

import pytest

from chronicle.export import export
from chronicle.store import Store
from chronicle.store import tables as T
from store_records import corpus

URL = os.environ.get("CHRONICLE_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set CHRONICLE_TEST_PG_URL to test PostgreSQL")


@pytest.fixture
def pg():
    pytest.importorskip("psycopg")
    s = Store(URL)
    with s.engine.begin() as conn:
        T.metadata.drop_all(conn)
    s.close()
    s = Store(URL)
    for r in corpus():
        assert s.upsert(r) is True
    yield s
    s.close()


def test_pg_idempotent_replace_and_round_trip(pg):
    rec = corpus()[0]
    assert pg.upsert(rec) is False
    assert pg.get("kursk") == rec
    changed = copy.deepcopy(rec)
    changed["events"][0]["type"] = "COERCE"
    assert pg.upsert(changed) is True
    assert pg.count(event_type="ASSAULT") == 0 and pg.count(event_type="COERCE") == 1
    assert pg.schema_version == 2 and pg.migrate() == (2, 2)


def test_pg_migrates_v1_to_v2(pg):
    with pg.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE entity_names")
        conn.exec_driver_sql("DROP INDEX ix_entities_article_country")
        conn.exec_driver_sql("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    assert pg.migrate() == (1, 2)
    assert pg.count(entity="ZELENSKY") == 1 and pg.entity_summary("zelensky")["article_ids"] == ["kursk"]


def test_pg_search_highlight_filters(pg):
    hits = pg.search('"Tactical Group"')
    assert [h["id"] for h in hits] == ["kursk"] and "[Tactical] [Group]" in hits[0]["snippet"]
    for q in ['No. 84', '"', 'a:b (x', "O'Brien", 'NOT']:
        assert isinstance(pg.search(q), list)
    assert [h["id"] for h in pg.search("prisoners", source="CNN")] == ["moscow"]
    assert sorted(h["id"] for h in pg.search("prisoners OR soldiers", country="UA")) == ["kursk", "kyiv", "moscow"]
    assert [h["id"] for h in pg.search("prisoners OR soldiers", country="PRK")] == ["kursk"]
    assert [h["id"] for h in pg.search("soldiers", entity="zelensky")] == ["kursk"]
    assert [h["id"] for h in pg.search("", date_from="2025-02-01")] == ["moscow", "kyiv"]
    assert [h["id"] for h in pg.search_attributions("easy task", speaker="Zelenskyy")] == ["A2"]


def test_pg_facets_summary_export(pg):
    f = pg.facets()
    assert f["source"][0] == {"value": "CNN", "count": 2}
    g = pg.facets("prisoners", total=True, source="CNN")  # the matched set in a temporary table
    assert g["total"] == 1 and {d["value"] for d in g["event_type"]} == {"AGREE", "CONSULT"}
    assert pg.facets('"', total=True)["total"] == 0
    ranked = pg.search("prisoners OR soldiers", limit=2)
    assert len(ranked) == 2 and ranked[0]["rank"] >= ranked[1]["rank"]
    assert [h["id"] for h in pg.search("prisoners OR soldiers", limit=2, offset=2)] != [h["id"] for h in ranked]
    assert [v["type"] for v in pg.entity_summary("Russia")["events_as_actor"]] == ["AGREE", "CONSULT"]
    out = io.StringIO()
    assert export(pg, "csv", out) == 4
