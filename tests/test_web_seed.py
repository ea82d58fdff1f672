"""Acceptance path of issue 7 on the founding example: the seed article through the real
pipeline into a store, then the pages a new user clicks through after ``make demo``."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from datapaths import shared


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory):
    from chronicle.api.app import create_app
    from chronicle.model import Article
    from chronicle.pipeline import extract_article
    from chronicle.record import to_record
    from chronicle.store import Store

    text = shared("seed", "kursk-pows.txt").read_text("utf-8")
    record = to_record(extract_article(Article(text=text, id="kursk-pows", published="2025-01-11",
                                               title="Kursk prisoners", source="seed")))
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    store = Store(url)
    store.upsert(record)
    store.close()
    with TestClient(create_app(url)) as c:
        yield c


def test_search_finds_the_seed(seed_client):
    html = seed_client.get("/", params={"q": "North Korean soldiers"}).text
    assert 'href="/articles/kursk-pows"' in html


def test_article_highlights_quotes_attributed_to_zelenskyy(seed_client):
    html = seed_client.get("/articles/kursk-pows").text
    assert html.count("quote by Volodymyr Zelenskyy") >= 3
    assert 'class="speaker" href="/entities/Volodymyr%20Zelenskyy"' in html


def test_entity_page_of_zelenskyy(seed_client):
    e = seed_client.get("/api/entities/Volodymyr Zelenskyy").json()
    assert sum(1 for a in e["attributions"] if a["kind"] == "direct") >= 3
    assert seed_client.get("/entities/Volodymyr%20Zelenskyy").status_code == 200


def test_capture_event_is_on_the_map_at_kursk(seed_client):
    fc = seed_client.get("/api/events", params={"format": "geojson"}).json()
    near_kursk = [f for f in fc["features"]
                  if abs(f["geometry"]["coordinates"][1] - 51.7) < 1.5 and abs(f["geometry"]["coordinates"][0] - 36.2) < 1.5]
    assert any(f["properties"]["type"] == "ASSAULT" and "North Korean" in (f["properties"]["target_name"] or "")
               for f in near_kursk), [f["properties"] for f in fc["features"]]
