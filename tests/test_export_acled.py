"""``--format acled``: concrete ACLED column values from hand-made records."""
from __future__ import annotations

import csv
import io

import pytest

from chronicle.errors import UsageError
from chronicle.export import export
from chronicle.export import acled
from chronicle.store import Store
from store_records import corpus, make_record

from conftest import shared


def _kursk():
    rec = corpus()[0]
    rec["places"][0]["feature"] = "ADM1"
    rec["events"][0]["mode"] = "abduct"
    rec["events"][0]["count"] = 2
    rec["events"][0]["attributed_to"] = "A1"
    return rec


ATTACK = "Gunmen killed five villagers near Bama on Monday, police said. Troops did not shell the town."


def _bama():
    rec = make_record(
        "bama", ATTACK, published="2025-03-04", source="Punch",
        attributions=[("indirect", "Gunmen killed five villagers near Bama on Monday", "police", None, "said")],
        places=[("Bama", 2347059, "NG", 11.52, 13.69)],
        events=[("ASSAULT", ("Gunmen", "NGA", "UAF", None), ("villagers", "NGA", "CVL", None), "P1",
                 "Gunmen killed five villagers"),
                ("ASSAULT", ("Troops", "NGA", "MIL", None), None, "P1", "Troops did not shell the town")])
    rec["events"][0].update(mode="firearms", fatalities=5, date="2025-03-03", date_precision="day")
    rec["events"][1].update(mode="heavy-weapons", negated=True)
    return rec


def _rows(records, **kw):
    out = io.StringIO()
    with Store(":memory:") as s:
        s.upsert_many(records)
        n = export(s, "acled", out, **kw)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return rows


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "a.db"))
    s.upsert_many([_kursk(), *corpus()[1:], _bama()])
    yield s
    s.close()


def _export(store, **kw):
    out = io.StringIO()
    n = export(store, "acled", out, **kw)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return out.getvalue(), rows


def test_header_is_the_acled_columns(store):
    text, _ = _export(store)
    assert text.splitlines()[0].split(",") == acled.COLUMNS
    assert acled.COLUMNS[:3] == ["event_id_cnty", "event_date", "year"]


def test_capture_of_combatants_is_a_battle(store):
    _, rows = _export(store)
    row = next(r for r in rows if r["event_id_cnty"].endswith("kursk-V1"))
    assert row["event_id_cnty"] == "RUS-kursk-V1"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2025-01-11", "2025", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Battles", "Armed clash")
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (
        "Military Forces of Ukraine", "Tactical Group No. 84", "1")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Military Forces of North Korea", "1", "11")
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["region"], row["country"]) == ("643", "Europe", "Russia")
    assert (row["admin1"], row["location"]) == ("Kursk Oblast", "Kursk Oblast")
    assert (float(row["latitude"]), float(row["longitude"]), row["geo_precision"]) == (51.66, 36.49, "3")
    assert row["source"] == "CNN"
    assert row["notes"] == ("Tactical Group No. 84 captured two North Korean soldiers "
                            "(attributed to Volodymyr Zelenskyy)")
    assert row["fatalities"] == ""  # violence with no stated toll: unknown, not zero
    assert "plover=ASSAULT/abduct" in row["tags"] and "count=2" in row["tags"]
    assert "chronicle=kursk#V1@" in row["tags"]
    assert int(row["timestamp"]) > 0


def test_violence_against_civilians_with_fatalities_and_negation_skipped(store):
    _, rows = _export(store)
    bama = [r for r in rows if "-bama-" in r["event_id_cnty"]]
    assert len(bama) == 1  # the negated shelling is not exported
    row = bama[0]
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == ("Unidentified Armed Group (Nigeria)", "Gunmen", "3")
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"]) == ("Civilians (Nigeria)", "villagers", "7")
    assert row["interaction"] == "37" and row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"], row["geo_precision"]) == ("566", "Western Africa", "Nigeria", "1")
    assert row["event_date"] == "2025-03-03" and row["fatalities"] == "5"


def test_protest_and_skipped_types(store):
    _, rows = _export(store)
    ids = [r["event_id_cnty"] for r in rows]
    assert not any("moscow" in i for i in ids)  # AGREE and CONSULT: ACLED does not code them
    row = next(r for r in rows if "kyiv" in r["event_id_cnty"])
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Demonstrations", "Protests", "Peaceful protest")
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"], row["interaction"]) == (
        "Protesters (Ukraine)", "", "6", "60")
    assert row["fatalities"] == "0" and row["actor2"] == ""


def test_filters_are_honoured(store):
    assert [r["event_id_cnty"] for r in _export(store, source="BBC")[1]] == ["UKR-kyiv-V1"]
    assert [r["event_type"] for r in _export(store, event_type="PROTEST")[1]] == ["Protests"]
    assert _export(store, date_from="2030-01-01")[1] == []


def test_events_only(store):
    with pytest.raises(UsageError, match="events only"):
        export(store, "acled", io.StringIO(), table="entities")


@pytest.mark.parametrize("ptype, mode, party, expected", [
    ("ASSAULT", "abduct", "civilian", ("Violence against civilians", "Abduction/forced disappearance")),
    ("ASSAULT", "abduct", "combatant", ("Battles", "Armed clash")),
    ("ASSAULT", "drone", "civilian", ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", None, "mob", ("Riots", "Mob violence")),
    ("PROTEST", "riot", "none", ("Riots", "Violent demonstration")),
    ("PROTEST", "boycott", "none", None),
    ("MOBILIZE", "troops", "none", ("Strategic developments", "Change to group/activity")),
    ("COERCE", "arrest", "civilian", ("Strategic developments", "Arrests")),
    ("COERCE", "cyber", "none", None),
    ("RETREAT", "release", "combatant", ("Strategic developments", "Agreement")),
    ("CONSULT", None, "combatant", None),
    ("AGREE", None, "combatant", None),
])
def test_type_map(ptype, mode, party, expected):
    assert acled.acled_type(ptype, mode, party) == expected


def test_mapped_types_exist_in_acled_and_interaction_codes():
    t = acled.tables()
    for row in t["types"].values():
        if row["event_type"] != "-":
            assert (row["event_type"], row["sub_event_type"]) in t["disorder"], row
    assert acled.interaction(7, 8) == 78 and acled.interaction(2, 1) == 12 and acled.interaction(None, 6) == 60


def test_time_and_geo_precision():
    assert acled._date("2024-08") == ("2024-08-01", "2024")
    assert acled._date("2025-W02") == ("2025-01-06", "2025")
    assert acled.TIME_PRECISION["month"] == 3 and acled.TIME_PRECISION["day"] == 1
    assert acled.geo_precision({"feature": "PPLC", "lat": 1.0}) == 1
    assert acled.geo_precision({"feature": "ADM2", "lat": 1.0}) == 2
    assert acled.geo_precision({"feature": "PCLI", "lat": 1.0}) == 3
    assert acled.geo_precision({"feature": "PPL", "lat": None}) is None


def test_month_dated_unlocated_and_modal_events():
    text = "Ukrainian forces launched an incursion in August 2024. They may attack again."
    rec = make_record("inc", text, published="2025-01-11",
                      events=[("ASSAULT", ("Ukrainian forces", "UKR", "MIL", None), None, None,
                               "Ukrainian forces launched an incursion"),
                              ("ASSAULT", ("They", "UKR", "MIL", None), None, None, "They may attack again")])
    rec["events"][0].update(date="2024-08", date_precision="month")
    rec["events"][1]["modality"] = "hypothetical"
    rows = _rows([rec])
    assert len(rows) == 1
    row = rows[0]
    assert (row["event_date"], row["time_precision"]) == ("2024-08-01", "3")
    assert (row["event_type"], row["interaction"]) == ("Battles", "10")
    assert row["event_id_cnty"] == "XXX-inc-V1"
    assert (row["country"], row["location"], row["latitude"], row["geo_precision"]) == ("", "", "", "")


def test_acled_event_types_match_the_schema():
    path = shared("events", "acled_schema", "acled_event_categories.csv")
    with open(path, newline="") as f:
        schema = {(r["event_type"], r["sub_event_type"]) for r in csv.DictReader(f)}
    assert set(acled.tables()["disorder"]) == schema


def test_an_uncoded_target_is_no_actor():
    text = "Ukrainian forces occupy swathes of territory."
    rec = make_record("occ", text, published="2025-01-11",
                      places=[("Ukrainian", 690791, "UA", 49.0, 32.0)],
                      events=[("ASSAULT", ("Ukrainian forces", "UKR", "MIL", None),
                               ("swathes of territory", None, None, None), "P1", "Ukrainian forces occupy")])
    row, = _rows([rec])
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("", "", "10")
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")


def test_an_event_that_has_not_happened_is_left_out():
    # the pipeline gives no date (date_source "none") to what is only wished or refused, though the
    # article has a publication date; ACLED codes what happened
    text = "Troops shelled the village. Residents refused to let the army shell the town."
    rec = make_record("wish", text, published="2025-01-11",
                      events=[("ASSAULT", ("Troops", None, "MIL", None), None, None, "Troops shelled the village"),
                              ("ASSAULT", ("the army", None, "MIL", None), None, None, "the army shell the town")])
    rec["events"][0].update(date="2025-01-11", date_precision=None, date_source="published")
    rec["events"][1].update(date=None, date_precision=None, date_source="none")
    rows = _rows([rec])
    assert [r["event_id_cnty"] for r in rows] == ["XXX-wish-V1"]
    assert "date=publication date (upper bound)" in rows[0]["tags"]
