"""Server-rendered pages and their JSON twins, in-process, over hand-made records."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from chronicle.api.app import create_app
from chronicle.store import Store
from chronicle.web import highlight
from chronicle.web.render import histogram, snippet_parts

import web_records as W


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    store = Store(url)
    for rec in W.all_records() + W.bulk_records(40):
        store.upsert(rec)
    store.close()
    with TestClient(create_app(url)) as c:
        yield c


# --- highlight segments --------------------------------------------------------------------------

def test_segments_cover_the_text_exactly():
    rec = W.harbour_record()
    segs = highlight.segments(rec)
    assert "".join(s.text for s in segs) == rec["article"]["text"]
    assert all(s.start < s.end for s in segs)


def test_overlapping_layers_are_all_kept():
    rec = W.harbour_record()
    segs = highlight.segments(rec)
    # "coastguard crews" is an entity mention inside an indirect quote and an event's evidence
    seg = next(s for s in segs if s.text == "coastguard crews")
    kinds = {layer.kind for layer in seg.layers}
    assert kinds == {"entity", "quote", "event"}
    assert "hl-ent" in seg.css and "hl-quote" in seg.css and "hl-event" in seg.css
    port = next(s for s in segs if s.text == "Port Avalon")
    assert {layer.kind for layer in port.layers} >= {"place", "quote"}


def test_one_speaker_keeps_one_colour():
    rec = W.harbour_record()
    colours = {s.css.split("spk-")[1].split()[0] for s in highlight.segments(rec) if "hl-quote" in s.css}
    assert colours == {"0"}


def test_bad_spans_are_skipped_not_fatal():
    rec = W.flood_record()
    rec["times"].append({"id": "T9", "span": {"start": 5, "end": 999, "text": "x"}, "type": "DATE", "value": "x"})
    assert "".join(s.text for s in highlight.segments(rec)) == rec["article"]["text"]


def test_snippet_parts_and_histogram():
    assert snippet_parts("a \ue000b\ue001 c") == [("a ", False), ("b", True), (" c", False)]
    h = histogram([{"value": "2025-01-01", "count": 2}, {"value": "2025-01-03", "count": 1}])
    assert h["unit"] == "day" and [b["label"] for b in h["bars"]] == ["2025-01-01", "2025-01-03"]
    assert h["bars"][0]["h"] > h["bars"][1]["h"] and h["bars"][1]["x"] > h["bars"][0]["x"]
    long = histogram([{"value": "2020-01-01", "count": 1}, {"value": "2024-06-01", "count": 1}])
    assert long["unit"] == "month" and long["first"] == "2020-01"


# --- pages --------------------------------------------------------------------------------------

def test_search_page_with_facets_histogram_and_snippet(client):
    html = client.get("/", params={"q": "smuggling"}).text
    assert 'href="/articles/harbour-1"' in html
    assert "<mark>smuggling</mark>" in html
    assert 'id="facet-source"' in html and 'id="facet-speaker"' in html
    assert "<rect class=\"bar\"" in html
    home = client.get("/").text
    assert "43 articles" in home and "Lighthouse Log" in home


def test_search_json_twin(client):
    body = client.get("/", params={"q": "smuggling", "format": "json"}).json()
    assert [i["id"] for i in body["results"]["items"]] == ["harbour-1"]
    assert "[smuggling]" in body["results"]["items"][0]["snippet"]
    assert body["facets"]["total"] == 1


def test_search_page_paginates(client):
    html = client.get("/", params={"source": "Lighthouse Log"}).text
    m = re.search(r'rel="next" href="/\?([^"]+)"', html)
    assert m
    nxt = client.get("/?" + m.group(1).replace("&amp;", "&"))
    assert nxt.status_code == 200 and nxt.text.count('class="hit"') == 15


def test_article_page_highlights_and_side_panel(client):
    html = client.get("/articles/harbour-1").text
    for cls in ("hl-quote", "spk-0", "hl-ent", "ent-PERSON", "hl-time", "hl-place", "hl-event", "hl-cue"):
        assert cls in html, cls
    for anchor in ("r-A1", "r-A2", "r-E1-0", "r-T1", "r-P1", "r-V1"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, anchor
    assert 'href="/entities/Elena%20Marsh"' in html
    assert "according to" in html  # event V1 is attributed to A2


def test_article_json_twin_is_the_record(client):
    assert client.get("/articles/harbour-1", params={"format": "json"}).json() == W.harbour_record()


def test_article_text_is_escaped_segment_by_segment(client):
    html = client.get("/articles/xss-1").text
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>Bold Source</b>" not in html
    # every <script> tag on the page loads a file: nothing inline
    assert all('src="' in tag for tag in re.findall(r"<script[^>]*>", html))


def test_xss_strings_are_escaped_on_every_page(client):
    for path in ("/", "/?q=reader", "/events", "/entities/Tom%20Vale",
                 "/entities/" + "%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path


def test_entity_page(client):
    html = client.get("/entities/Elena%20Marsh").text
    assert '<h1 class="entity-name">Elena Marsh</h1>' in html
    assert 'id="said"' in html and 'id="did"' in html and 'id="done-to"' in html
    assert "Our crews stopped both boats before dawn." in html
    assert 'href="/entities/Avalon%20Coastguard"' in html  # co-occurring
    assert client.get("/entities/Elena%20Marsh", params={"format": "json"}).json()["name"] == "Elena Marsh"


def test_events_page_table_timeline_and_map(client):
    html = client.get("/events").text
    assert 'id="events-table"' in html and "COERCE" in html and "Port Avalon" in html
    assert 'data-basemap="/static/countries-110m.geojson"' in html
    assert 'data-events="/api/events?format=geojson"' in html
    assert '<script src="/static/map.js"></script>' in html
    body = client.get("/events", params={"format": "json", "type": "COERCE"}).json()
    assert [e["id"] for e in body["events"]["items"]] == ["V1"]
    assert body["timeline"] == [{"value": "2025-03-04", "count": 1}]


def test_missing_pages_are_404(client):
    assert client.get("/articles/none").status_code == 404
    assert client.get("/entities/Nobody").status_code == 404
    assert client.get("/articles/none", params={"format": "json"}).json()["detail"].startswith("[E003]")


def test_basemap_is_bundled(client):
    r = client.get("/static/countries-110m.geojson")
    assert r.status_code == 200
    names = {f["properties"]["name"] for f in r.json()["features"]}
    assert {"Ukraine", "Russia", "United States of America"} <= names
