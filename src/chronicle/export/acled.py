"""``--format acled``: Chronicle events as rows in ACLED's column layout.

Why a mapping and not a pass-through: ACLED researchers have tooling that expects ACLED's own
categories (event/sub-event types, inter codes, geo/time precision codes). The choices are data,
documented line by line: ``data/acled_plover_map.tsv`` (PLOVER type/mode -> ACLED type),
``data/acled_inter.tsv`` (PLOVER sector -> inter code and ACLED-style actor name),
``data/acled_countries.tsv`` and ``data/acled_event_types.tsv`` (built by
``scripts/build_acled_tables.py``).

What is left out, because ACLED would not code it: events whose PLOVER type/mode has no ACLED
counterpart (see the map), negated events, planned/hypothetical/habitual ones (``modality``), and
events the pipeline left undated though their article has a date (``date_source`` ``none``: wished,
refused or waited for, not done).
Events without a located place are kept with empty location columns: dropping them would make
the export silently incomplete.
"""
from __future__ import annotations

import csv
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

DATA = Path(__file__).resolve().parents[1] / "data"

COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp"]

# Chronicle date_precision -> ACLED time_precision (1 actual day, 2 week, 3 month or coarser).
# No precision means the date is the publication date standing as an upper bound: coded 2 and
# tagged, as the happening is usually within days of the report but not on a known day.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, None: 2}
CIVILIAN_TARGETING = "Civilian targeting"


def _rows(name: str) -> list[dict]:
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def tables() -> dict:
    """The mapping tables, loaded once."""
    countries = _rows("acled_countries.tsv")
    inter = _rows("acled_inter.tsv")
    return {
        "by_alpha2": {r["alpha2"]: r for r in countries},
        "by_alpha3": {r["alpha3"]: r for r in countries},
        "types": {(r["type"], r["mode"], r["party"]): r for r in _rows("acled_plover_map.tsv")},
        "disorder": {(r["event_type"], r["sub_event_type"]): r["disorder_type"]
                     for r in _rows("acled_event_types.tsv")},
        "inter": {r["sector"]: (i, r) for i, r in enumerate(inter)},
    }


# ------------------------------------------------------------------------------------------
# actors


def _sector_row(sector: Optional[str]) -> Optional[dict]:
    """The inter row of a (possibly compound, "GOVMIL") sector: the earliest listed code wins."""
    if not sector:
        return None
    inter = tables()["inter"]
    hits = [inter[sector[i:i + 3]] for i in range(0, len(sector), 3) if sector[i:i + 3] in inter]
    return min(hits, key=lambda h: h[0])[1] if hits else None


def _country_name(alpha3: Optional[str]) -> Optional[str]:
    row = tables()["by_alpha3"].get(alpha3 or "")
    return row["country"] if row else None


def coded(role: Optional[dict]) -> bool:
    """Whether a role names an actor ACLED could list: a country or a sector (an entity with
    neither, "swathes of territory", is a thing acted on, not an actor)."""
    return bool(role) and bool(role.get("country") or role.get("sector"))


def code_actor(role: Optional[dict], event_country: Optional[str], override: Optional[int] = None
               ) -> tuple[str, str, Optional[int]]:
    """(actor name, associated actor, inter code) of a PLOVER role, ACLED-style.

    The ACLED name is the generic one ("Military Forces of Ukraine"); Chronicle's own name goes
    to the associated-actor column when it says more than that."""
    if not coded(role):
        return "", "", None
    name = role.get("name") or ""
    code = role.get("country")
    country = _country_name(code) or event_country or ""
    row = _sector_row(role.get("sector"))
    if override in (5, 6):
        label = "Rioters" if override == 5 else "Protesters"
        acled = f"{label} ({country})" if country else label
        inter = override
    elif code and code not in tables()["by_alpha3"]:
        acled, inter = name, 8  # an IGO or other non-state code
    elif row is None:
        if code:
            acled, inter = f"Military Forces of {country}", 1
        else:
            acled, inter = name, 8
    else:
        inter = int(row["inter"])
        template = row["name"]
        if "{country}" in template and not country:
            template = template.replace(" ({country})", "").replace(" of {country}", "")
        acled = template.format(country=country, name=name) or name
    assoc = name if name and name.lower() not in acled.lower() else ""
    return acled, assoc, inter


def interaction(inter1: Optional[int], inter2: Optional[int]) -> Optional[int]:
    """ACLED's two-digit interaction: lower code first; a sole actor is ``inter1 * 10``."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _party(actor_inter: Optional[int], target_inter: Optional[int], has_target: bool) -> str:
    """Who is on the receiving end, in the terms of ``acled_plover_map.tsv``."""
    if has_target:
        return "civilian" if target_inter == 7 else "combatant"
    return "mob" if actor_inter in (5, 6, 7) else "none"


def acled_type(ptype: Optional[str], mode: Optional[str], party: str) -> Optional[tuple[str, str]]:
    """(event_type, sub_event_type) of a PLOVER type/mode against ``party``; None when ACLED
    does not code it."""
    types = tables()["types"]
    for key in ((ptype, mode, party), (ptype, mode, "*"), (ptype, "*", party), (ptype, "*", "*")):
        row = types.get(key)
        if row:
            return None if row["event_type"] == "-" else (row["event_type"], row["sub_event_type"])
    return None


# ------------------------------------------------------------------------------------------
# places


@lru_cache(maxsize=1)
def _gazetteer():
    """The already built gazetteer, or None: an export must not trigger a build."""
    try:
        from ..extract import gazetteer
        path = gazetteer.default_path()
        return gazetteer.Gazetteer(path) if path.exists() else None
    except Exception:  # noqa: BLE001 - admin names are a nicety; the row is complete without
        return None


def admins(place: dict) -> tuple[str, str, str]:
    """(admin1, admin2, admin3) names of a place: its own name at its level, the containing
    units from the gazetteer for a town."""
    feature = place.get("feature") or ""
    name = place.get("name") or ""
    a1 = name if feature == "ADM1" else ""
    a2 = name if feature == "ADM2" else ""
    a3 = name if feature == "ADM3" else ""
    gid = place.get("geonameid")
    gaz = _gazetteer() if gid and feature not in ("ADM1",) and not feature.startswith("PCL") else None
    if gaz is not None:
        try:
            entry = gaz.get(int(gid))
            if entry is not None:
                if not a1 and entry.admin1 and "." in entry.admin1:
                    adm1 = gaz.admin1(entry.admin1)
                    a1 = adm1.name if adm1 and adm1.geonameid != entry.geonameid else a1
                if not a2 and entry.admin2:
                    adm2 = gaz.get(entry.admin2)
                    a2 = adm2.name if adm2 and adm2.geonameid != entry.geonameid else a2
        except Exception:  # noqa: BLE001 - see _gazetteer
            pass
    return a1, a2, a3


def geo_precision(place: dict) -> Optional[int]:
    """ACLED geo_precision: 1 a particular town, 2 a part of a region or near a town (districts,
    sites), 3 a larger portion of a region (provinces, countries, wider regions)."""
    if place.get("lat") is None:
        return None
    feature = place.get("feature") or ""
    if feature.startswith("PPL") or (place.get("geonameid") is None and place.get("near")):
        return 1
    if feature.startswith("PCL") or feature in ("ADM1", "RGN", "CONT", "ZN", "OCN", "ADM1H"):
        return 3
    return 2


# ------------------------------------------------------------------------------------------
# rows


def _fatalities(v: dict, disorder: str):
    """Stated fatalities; 0 for non-violent categories (nobody is killed in an arrest record
    by definition of the category); empty for violence whose toll is not stated, because ACLED's
    0 would claim nobody died."""
    f = v.get("fatalities")
    if isinstance(f, (int, float)) and not isinstance(f, bool):
        return int(f)
    return 0 if "Political violence" not in disorder else ""


def _date(value: Optional[str]) -> tuple[str, str]:
    """(event_date as YYYY-MM-DD, year): the first day of a month/year/week period."""
    if not value:
        return "", ""
    v = str(value)
    if len(v) >= 8 and v[4] == "-" and v[5] == "W" and v[6:8].isdigit():
        from datetime import date
        try:
            return date.fromisocalendar(int(v[:4]), int(v[6:8]), 1).isoformat(), v[:4]
        except ValueError:
            return "", v[:4]
    if len(v) >= 10 and v[:4].isdigit():
        return v[:10], v[:4]
    if len(v) == 7 and v[:4].isdigit():
        return v + "-01", v[:4]
    if len(v) == 4 and v.isdigit():
        return v + "-01-01", v
    return "", v[:4] if v[:4].isdigit() else ""


def event_rows(record: dict, timestamp: Optional[int] = None) -> Iterator[dict]:
    """The ACLED rows of one record (one per exportable event)."""
    t = tables()
    art = record.get("article") or {}
    places = {p["id"]: p for p in record.get("places") or []}
    speakers = {a["id"]: (a.get("source") or {}).get("name") for a in record.get("attributions") or []}
    stamp = int(time.time()) if timestamp is None else timestamp
    for v in record.get("events") or []:
        if v.get("negated") or v.get("modality") or (v.get("date_source") == "none" and art.get("published")):
            continue  # not happened, or not yet: wished, refused, waited for ("hope the army withdraws")
        ptype, mode = v.get("type"), v.get("mode")
        place = places.get(v.get("place")) or {}
        crow = t["by_alpha2"].get(place.get("country") or "") or {}
        country = crow.get("country", "")
        actor_role, target_role = v.get("actor") or None, v.get("target") or None
        override = None
        if ptype == "PROTEST":
            override = 5 if mode in ("riot", "vandalize") else 6
        a1, assoc1, inter1 = code_actor(actor_role, country or None, override)
        a2, assoc2, inter2 = code_actor(target_role, country or None)
        kinds = acled_type(ptype, mode, _party(inter1, inter2, coded(target_role)))
        if kinds is None:
            continue
        event_type, sub_event_type = kinds
        if event_type == "Protests" and sub_event_type == "Peaceful protest":
            a2, assoc2, inter2 = "", "", None  # the protested-against party is no actor of a protest
        disorder = t["disorder"].get(kinds, "")
        civ = CIVILIAN_TARGETING if inter2 == 7 and "Political violence" in disorder else ""
        date, year = _date(v.get("date"))
        precision = v.get("date_precision")
        a_1, a_2, a_3 = admins(place) if place else ("", "", "")
        attributed = speakers.get(v.get("attributed_to")) if v.get("attributed_to") else None
        ev = v.get("evidence") or {}
        notes = (ev.get("text") or "").strip()
        if attributed:
            notes = f"{notes} (attributed to {attributed})"
        tags = [f"plover={ptype}" + (f"/{mode}" if mode else "")]
        if v.get("count") is not None:
            tags.append(("crowd size=" if ptype == "PROTEST" else "count=") + str(v["count"]))
        if precision is None and date:
            tags.append("date=publication date (upper bound)")
        if attributed:
            tags.append(f"claim of {attributed}")
        tags.append(f"chronicle={art.get('id')}#{v.get('id')}"
                    + (f"@{ev['start']}-{ev['end']}" if ev.get("start") is not None else ""))
        yield {
            "event_id_cnty": f"{crow.get('alpha3') or 'XXX'}-{art.get('id')}-{v.get('id')}",
            "event_date": date, "year": year,
            "time_precision": TIME_PRECISION.get(precision, 3) if date else "",
            "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": a1, "assoc_actor_1": assoc1, "inter1": inter1 if inter1 is not None else "",
            "actor2": a2, "assoc_actor_2": assoc2, "inter2": inter2 if inter2 is not None else "",
            "interaction": interaction(inter1, inter2) or "",
            "civilian_targeting": civ, "iso": crow.get("iso", ""), "region": crow.get("region", ""),
            "country": country, "admin1": a_1, "admin2": a_2, "admin3": a_3,
            "location": place.get("name") or "",
            "latitude": place.get("lat") if place.get("lat") is not None else "",
            "longitude": place.get("lon") if place.get("lon") is not None else "",
            "geo_precision": (geo_precision(place) or "") if place else "",
            "source": art.get("source") or "", "source_scale": "",
            "notes": notes, "fatalities": _fatalities(v, disorder), "tags": "; ".join(tags),
            "timestamp": stamp,
        }


def write_acled(records: Iterable[dict], out, table: str = "events") -> int:
    """ACLED-layout CSV of the exportable events (``table`` must be ``events``)."""
    from ..errors import UsageError
    from .writers import _text

    if table != "events":
        raise UsageError(f"the acled format exports events only, not {table!r}")
    n = 0
    stamp = int(time.time())
    with _text(out) as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\r\n")
        w.writeheader()
        for record in records:
            for row in event_rows(record, stamp):
                w.writerow(row)
                n += 1
    return n
