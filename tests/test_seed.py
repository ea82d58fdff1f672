"""Acceptance: the founding article against its hand-made gold (../shared/data/seed)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.record import validate

from datapaths import shared


@pytest.fixture(scope="module")
def seed():
    path = shared("seed", "kursk-pows.txt")
    gold = json.loads(shared("seed", "kursk-pows.gold.json").read_text())
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "2025-01-11"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), gold


def _find(items, pred):
    return [x for x in items if pred(x)]


def test_record_is_valid(seed):
    record, _ = seed
    assert validate(record) == []
    assert record["article"]["published"] == "2025-01-11"


def test_direct_quotes(seed):
    record, gold = seed
    for g in [q for q in gold["quotes"] if q["kind"] == "direct"]:
        hits = _find(record["attributions"], lambda a: a["kind"] == "direct"
                     and g["content_starts"] in a["content"]["text"] and g["content_ends"] in a["content"]["text"])
        assert len(hits) == 1, f"direct quote starting {g['content_starts']!r}: {len(hits)} matches"
        a = hits[0]
        assert a["source"]["name"] == g["speaker"]
        assert a["source"]["entity"] is not None
        assert a["source"]["mention"]["text"].lower() == g["speaker_mention"].lower()
        assert a["cue"]["text"] == g["cue"]


def test_reported_statements(seed):
    record, gold = seed
    for g in [q for q in gold["quotes"] if q["kind"] == "indirect"]:
        hits = _find(record["attributions"], lambda a: a["kind"] in ("indirect", "mixed")
                     and g["content_starts"] in a["content"]["text"])
        assert hits, f"reported statement {g['content_starts']!r} not found"
        a = hits[0]
        assert g["speaker"] in a["source"]["name"], (a["source"], g["speaker"])
        assert a["cue"] and a["cue"]["text"].lower().endswith(g["cue"].split()[-1].lower())
        if g.get("date"):
            assert a["date"] == g["date"]
        if g.get("reported_by"):
            assert a["reported_by"] and a["reported_by"]["name"] == g["reported_by"]
        if g.get("medium"):
            assert a["medium"] == g["medium"]


def test_according_to_claim(seed):
    record, gold = seed
    claim = gold["claims"][0]
    hits = _find(record["attributions"], lambda a: claim["content_starts"] in a["content"]["text"])
    assert hits, "the according-to claim is missing"
    assert claim["source"] in hits[0]["source"]["name"]
    assert hits[0]["cue"]["text"].lower() == claim["cue"].lower()


def test_times(seed):
    record, gold = seed
    for g in gold["times"]:
        texts = [g["text"], *g.get("acceptable_text", [])]
        hits = _find(record["times"], lambda t: t["span"]["text"] in texts)
        assert hits, f"time {g['text']!r} not found"
        assert hits[0]["value"] == g["value"]


def test_places(seed):
    record, gold = seed
    for g in gold["places"]:
        hits = _find(record["places"], lambda p: p["span"]["text"] == g["text"])
        assert hits, f"place {g['text']!r} not found"
        assert {p["geonameid"] for p in hits} == {g["geonameid"]}
        assert hits[0]["country"] == g["country"]


def test_capture_event(seed):
    record, gold = seed
    g = gold["events"][0]
    places = {p["id"]: p for p in record["places"]}
    hits = _find(record["events"], lambda v: v["type"] in [g["plover"], *g.get("acceptable_plover", [])]
                 and g["evidence_contains"] in v["evidence"]["text"]
                 and (v.get("target") or {}).get("country") == g["target_country"])
    assert hits, "capture event not found"
    v = hits[0]
    assert (v["type"], v["mode"]) == ("ASSAULT", "abduct")
    assert (v["actor"]["country"], v["actor"]["sector"]) == (g["actor_country"], g["actor_sector"])
    assert (v["target"]["country"], v["target"]["sector"]) == (g["target_country"], g["target_sector"])
    assert places[v["place"]]["name"] == g["place"]
    assert v["count"] == g["count"]
