"""The JSON API in-process (TestClient) over a temporary store of hand-made records."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from chronicle.api import paging
from chronicle.api.app import create_app
from chronicle.store import Store

import web_records as W

N_BULK = 60


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"
    store = Store(url)
    for rec in W.all_records() + W.bulk_records(N_BULK):
        store.upsert(rec)
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db_url):
    with TestClient(create_app(db_url)) as c:
        yield c


def test_article_is_the_stored_record(client):
    r = client.get("/api/articles/harbour-1")
    assert r.status_code == 200
    assert r.json() == W.harbour_record()


def test_unknown_article_is_404_with_error_code(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404
    assert "E003" in r.json()["detail"]


def test_search_returns_hit_with_highlighted_snippet(client):
    r = client.get("/api/articles", params={"q": "smuggling"})
    items = r.json()["items"]
    assert [i["id"] for i in items] == ["harbour-1"]
    assert "[smuggling]" in items[0]["snippet"]


def test_filters_narrow_articles(client):
    ids = lambda **p: {i["id"] for i in client.get("/api/articles", params={**p, "limit": 500}).json()["items"]}  # noqa: E731
    assert ids(entity="minister marsh") == {"harbour-1"}  # alias, any case
    assert ids(type="ASSAULT") == {"xss-1"}
    assert ids(country="US") == {"flood-1"}
    assert ids(**{"from": "2025-03-01", "to": "2025-03-04"}) == {"harbour-1"}
    assert len(ids(source="Lighthouse Log")) == N_BULK


def test_cursor_walks_every_row_once(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"source": "Lighthouse Log", "limit": 7}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/articles", params=params).json()
        seen += [i["id"] for i in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(f"bulk-{i:04d}" for i in range(N_BULK))
    assert pages == -(-N_BULK // 7)


def test_cursor_is_bound_to_its_query(client):
    cur = client.get("/api/articles", params={"source": "Lighthouse Log", "limit": 5}).json()["next_cursor"]
    assert cur
    r = client.get("/api/articles", params={"source": "Avalon Daily", "limit": 5, "cursor": cur})
    assert r.status_code == 400 and "different query" in r.json()["detail"]
    assert client.get("/api/articles", params={"cursor": "!!garbage"}).status_code == 400


def test_csv_download_is_complete_across_pages(client, monkeypatch):
    monkeypatch.setattr(paging, "DOWNLOAD_PAGE", 9)  # force many internal pages
    r = client.get("/api/articles", params={"source": "Lighthouse Log", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == N_BULK
    assert {row["id"] for row in rows} == {f"bulk-{i:04d}" for i in range(N_BULK)}


def test_jsonl_download_is_complete(client, monkeypatch):
    monkeypatch.setattr(paging, "DOWNLOAD_PAGE", 11)
    r = client.get("/api/articles", params={"format": "jsonl"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == N_BULK + 3


def test_unknown_format_is_rejected(client):
    assert client.get("/api/articles", params={"format": "xml"}).status_code == 400


def test_csv_cells_cannot_become_spreadsheet_formulas():
    out = "".join(paging.csv_lines([{"a": "=HYPERLINK(\"x\")", "b": "-3", "c": "+cmd"}]))
    row = next(csv.DictReader(io.StringIO(out)))
    assert row == {"a": "'=HYPERLINK(\"x\")", "b": "-3", "c": "'+cmd"}


def test_events_geojson_has_located_event_with_source(client):
    fc = client.get("/api/events", params={"format": "geojson"}).json()
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 1
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [35.3, 51.7]}
    assert f["properties"]["type"] == "COERCE" and f["properties"]["article_id"] == "harbour-1"
    assert f["properties"]["source"] == "Avalon Daily" and f["properties"]["place_name"] == "Port Avalon"


def test_events_filter_on_the_event_itself(client):
    get = lambda **p: [(e["article_id"], e["id"]) for e in client.get("/api/events", params=p).json()["items"]]  # noqa: E731
    assert get() == [("xss-1", "V1"), ("harbour-1", "V1")]
    assert get(type="assault") == [("xss-1", "V1")]
    assert get(country="UA") == [("harbour-1", "V1")]  # place country
    assert get(entity="Avalon Coastguard") == [("harbour-1", "V1")]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert len(rows) == 2 and "evidence_text" in rows[0]


def test_entity_profile(client):
    e = client.get("/api/entities/Elena Marsh").json()
    assert e["name"] == "Elena Marsh" and e["type"] == "PERSON"
    assert "Minister Marsh" in e["aliases"]
    assert {a["id"] for a in e["attributions"]} == {"A1", "A2"}
    assert any(m["text"] == "Harbour Minister Elena Marsh" and m["after"].startswith("on Tuesday") for m in e["mentions"])
    assert {"name": "Avalon Coastguard", "articles": 1} in e["cooccurring"]
    assert e["timeline"] and e["timeline"][0]["day"] == "2025-03-04"
    coast = client.get("/api/entities/avalon coastguard").json()
    assert [v["id"] for v in coast["events_as_actor"]] == ["V1"] and coast["events_as_target"] == []
    # the complete (paginated, downloadable) lists behind the profile's capped ones
    assert len(client.get(e["links"]["attributions"]).json()["items"]) == 2
    assert [v["id"] for v in client.get(coast["links"]["events"]).json()["items"]] == ["V1"]
    assert client.get("/api/entities/Nobody Here").status_code == 404


def test_attributions_by_speaker(client):
    items = client.get("/api/attributions", params={"speaker": "Ana Ruiz"}).json()["items"]
    assert [(a["article_id"], a["content"]) for a in items] == [("flood-1", "The barrier did its job,")]
    hits = client.get("/api/attributions", params={"q": "dawn"}).json()["items"]
    assert [h["speaker"] for h in hits] == ["Elena Marsh"]


def test_facets(client):
    f = client.get("/api/facets").json()
    assert {"value": "Lighthouse Log", "count": N_BULK} in f["source"]
    assert {x["value"] for x in f["event_type"]} == {"ASSAULT", "COERCE"}
    assert f["total"] == N_BULK + 3
    assert client.get("/api/facets", params={"q": "barrier"}).json()["total"] == 1


def test_security_headers_and_strict_csp(client):
    for path in ("/api/articles", "/", "/articles/harbour-1"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "style-src 'self'" in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/facets", "/api/attributions"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    html = client.get("/docs").text
    assert "<script>" not in html  # no inline script: every script has a src
    assert "cdn" not in html.lower()


def test_read_only_server_refuses_writes(client):
    r = client.post("/api/articles", content=b"Some text.", headers={"content-type": "text/plain"})
    assert r.status_code == 403


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('api-w') / 'w.db'}"
    with TestClient(create_app(url, token="s3cret", max_body=64 * 1024)) as c:
        yield c


def test_writes_need_the_right_token(writable):
    body = {"content": b"Some text.", "headers": {"content-type": "text/plain"}}
    assert writable.post("/api/articles", **body).status_code == 401
    r = writable.post("/api/articles", content=body["content"],
                      headers={**body["headers"], "authorization": "Bearer wrong"})
    assert r.status_code == 401


def test_request_size_limit(writable):
    r = writable.post("/api/articles", content=b"x" * (65 * 1024),
                      headers={"content-type": "text/plain", "authorization": "Bearer s3cret"})
    assert r.status_code == 413


def test_unsupported_content_type(writable):
    r = writable.post("/api/articles", content=b"%PDF", headers={"content-type": "application/pdf",
                                                                   "authorization": "Bearer s3cret"})
    assert r.status_code == 415


INGEST_TEXT = (
    "Port Commissioner Dara Quinn said on Monday that customs officers had arrested three men in Rotterdam.\n\n"
    "\"We will not let the port become a smuggling route,\" Quinn told reporters."
)


def test_ingest_through_the_real_pipeline(writable):
    before = writable.get("/api/facets").json()["total"]
    r = writable.post("/api/articles", json={"id": "quinn-1", "text": INGEST_TEXT, "title": "Three arrested",
                                             "published": "2025-04-07", "source": "Harbour Wire"},
                      headers={"authorization": "Bearer s3cret"})
    assert r.status_code == 201, r.text
    assert r.json()["stored"][0]["id"] == "quinn-1"
    rec = writable.get("/api/articles/quinn-1").json()
    assert rec["article"]["text"] == INGEST_TEXT and rec["article"]["source"] == "Harbour Wire"
    names = {e["name"] for e in rec["entities"]}
    assert any("Quinn" in n for n in names), names
    page = writable.get("/articles/quinn-1")
    assert page.status_code == 200 and "hl-ent" in page.text
    assert writable.get("/api/articles", params={"q": "smuggling route"}).json()["items"][0]["id"] == "quinn-1"
    assert writable.get("/api/facets").json()["total"] == before + 1  # cached facets see the write


def test_entity_profile_counts_forms_and_companions_across_articles():
    """Mention forms and co-occurring names are counted over every article of the entity (by
    name or alias), companions once per article, the entity's own names left out."""
    from chronicle.api import queries
    from store_records import make_record

    recs = []
    for i in range(3):
        text = f"Mayor Ana Lind met Port Board staff. Lind spoke. Ana Lind left. Item {i}."
        ents = [("Ana Lind", "PERSON", None, None, ["Mayor Ana Lind", "Lind", "Ana Lind"], ["Mayor Lind"] if i else None),
                ("Port Board", "ORG", None, None, ["Port Board"], None)]
        if i == 2:  # the same person under her alias only, as a second entity row
            ents.append(("MAYOR LIND", "PERSON", None, None, ["Mayor"], None))
        recs.append(make_record(f"lind-{i}", text, published=f"2025-05-0{i + 1}", entities=ents))
    recs.append(make_record("other", "Port Board met. Item x.", entities=[("Port Board", "ORG", None, None, ["Port Board"], None)]))
    with Store("sqlite://") as s:
        s.upsert_many(recs)
        p = queries.entity_profile(s, "mayor lind")
        assert p["articles"] == 2 and p["name"] in ("Ana Lind", "MAYOR LIND")
        forms = {f["text"]: f["count"] for f in p["mention_forms"]}
        assert forms == {"Mayor Ana Lind": 2, "Lind": 2, "Ana Lind": 2, "Mayor": 1}
        assert p["cooccurring"] == [{"name": "Port Board", "articles": 2}]
        assert [m["article_id"] for m in p["mentions"]][:3] == ["lind-2"] * 3  # newest first
        assert queries.entity_profile(s, "ana lind")["articles"] == 3
