"""``--format plover``: PLOVER 2.0 JSON Lines from hand-made records."""
from __future__ import annotations

import io
import json

import pytest

from chronicle.errors import UsageError
from chronicle.export import export
from chronicle.export.plover import date_range, event_records
from chronicle.store import Store
from store_records import corpus, make_record


@pytest.fixture
def store(tmp_path):
    recs = corpus()
    recs[0]["places"][0]["feature"] = "ADM1"
    v = recs[0]["events"][0]
    v.update(mode="abduct", count=2, attributed_to="A1")
    v["evidence_all"] = [v["evidence"], dict(v["evidence"])]
    s = Store(str(tmp_path / "p.db"))
    s.upsert_many(recs)
    yield s
    s.close()


def _export(store, **kw):
    out = io.StringIO()
    n = export(store, "plover", out, **kw)
    lines = out.getvalue().splitlines()
    assert n == len(lines)
    return [json.loads(line) for line in lines]


def test_one_record_per_event_with_plover_fields(store):
    recs = _export(store)
    assert len(recs) == 4  # every event, AGREE and CONSULT included
    r = next(x for x in recs if x["id"] == "kursk-V1")
    assert (r["date"], r["enddate"], r["event"], r["mode"]) == ("2025-01-11", None, ["ASSAULT"], ["abduct"])
    assert (r["quad_code"], r["event_scale"], r["context"]) == (4, -8.5, [])
    actor, = r["actor"]
    assert (actor["code"], actor["sector"], actor["entity_text"], actor["chronicle_entity"]) == (
        "UKR", "MIL", "Tactical Group No. 84", "E2")
    assert actor["country_name"] == "Ukraine"
    assert [(x["code"], x["sector"]) for x in r["recipient"]] == [("PRK", "MIL")]
    loc = r["event_loc"]
    assert (loc["resolved_place"], loc["geonameid"], loc["lat"], loc["lon"]) == ("Kursk Oblast", 538555, 51.66, 36.49)
    assert (loc["country"], loc["country_code"], loc["feature_class"], loc["feature_code"], loc["resolution"]) == (
        "Russia", "RUS", "A", "ADM1", 2)
    assert loc["province"] == "Kursk Oblast"
    assert r["event_text"] == ["Tactical Group No. 84 captured two North Korean soldiers"] * 2
    assert r["size"] == {"count": 2}
    assert r["attributed_to"] == {"id": "A1", "name": "Volodymyr Zelenskyy", "kind": "indirect"}
    assert (r["article_id"], r["event_id"]) == ("kursk", "V1")
    assert r["cite_info"]["url"] == "https://example.invalid/kursk"
    assert r["cite_info"]["publication"] == "CNN" and r["cite_info"]["codebook"] == "plover-2.0draft"
    text = store.get("kursk")["article"]["text"]
    ti = r["text_info"]
    assert text[ti["start"]:ti["end"]] == r["event_text"][0]
    assert len(ti["evidence_all"]) == 2


def test_unlocated_event_and_recipientless(store):
    recs = {r["id"]: r for r in _export(store)}
    assert recs["moscow-V2"]["event_loc"] is None and recs["moscow-V2"]["quad_code"] == 1
    assert recs["kyiv-V1"]["recipient"] == [] and recs["kyiv-V1"]["event"] == ["PROTEST"]
    assert recs["kyiv-V1"]["event_loc"]["city"] == "Kyiv" and recs["kyiv-V1"]["event_loc"]["resolution"] == 4


def test_filters_are_honoured(store):
    assert [r["id"] for r in _export(store, event_type="AGREE")] == ["moscow-V1"]
    assert {r["article_id"] for r in _export(store, source="CNN")} == {"kursk", "moscow"}
    assert _export(store, date_to="2000-01-01") == []


def test_negated_and_modal_events_are_marked():
    text = "Troops did not attack Avdiivka. They may attack Pokrovsk. Police arrested 12 people."
    rec = make_record("m", text, published="2025-01-11",
                      events=[("ASSAULT", ("Troops", "RUS", "MIL", None), None, None, "Troops did not attack"),
                              ("ASSAULT", ("They", "RUS", "MIL", None), None, None, "They may attack"),
                              ("COERCE", ("Police", None, "COP", None), None, None, "Police arrested 12 people")])
    rec["events"][0]["negated"] = True
    rec["events"][1]["modality"] = "planned"
    rec["events"][2].update(mode="arrest", count=12, date="2024-08", date_precision="month")
    out = list(event_records(rec))
    assert [r["context"] for r in out] == [["negation"], ["future"], []]
    assert out[1]["modality"] == "planned"
    assert out[2]["size"] == {"arrested": 12}
    assert (out[2]["date"], out[2]["enddate"], out[2]["date_precision"]) == ("2024-08-01", "2024-08-31", "month")


def test_date_ranges():
    assert date_range("2024") == ("2024-01-01", "2024-12-31")
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2025-W02") == ("2025-01-06", "2025-01-12")
    assert date_range("P3D") == (None, None) and date_range(None) == (None, None)


def test_events_only_and_binary_stream(store):
    with pytest.raises(UsageError, match="events only"):
        export(store, "plover", io.StringIO(), table="articles")
    buf = io.BytesIO()
    assert export(store, "plover", buf) == 4
    assert json.loads(buf.getvalue().decode("utf-8").splitlines()[0])["id"].endswith("-V1")


def test_empty_roles_are_left_out():
    rec = make_record("e", "Doctors treated the soldiers.", published="2025-01-11",
                      events=[("AID", ("", None, None, None), ("the soldiers", "PRK", "MIL", None), None,
                               "Doctors treated the soldiers")])
    r, = event_records(rec)
    assert r["actor"] == [] and [x["code"] for x in r["recipient"]] == ["PRK"]
