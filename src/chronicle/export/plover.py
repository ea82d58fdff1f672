"""``--format plover``: one PLOVER 2.0 event record per line (JSON Lines).

Field names are the PLOVER manual's ("PLOVER JSON", entity, text, citation and location objects:
``id``, ``date``/``enddate``, ``actor``/``recipient``, ``event``, ``mode``, ``context``,
``event_loc``, ``event_text``, ``quad_code``, ``event_scale``, ``text_info``, ``cite_info``,
``size``) so PLOVER tooling reads them as is. The manual lets providers add named fields: Chronicle's
provenance rides along (``article_id``, ``event_id``, evidence offsets in ``text_info``,
``attributed_to`` for reported claims, ``date_precision``, ``confidence``) because an event
record nobody can check against its article is what this project exists to avoid.

Every event is written, negated and not-happened ones included, marked with the manual's
auxiliary modes in ``context`` (``negation``, ``future``, ``hypothetical``) and, for habitual
statements, ``habitual``: filter on ``context`` to count what happened.
"""
from __future__ import annotations

import calendar
import json
from datetime import date as _date
from typing import Iterable, Iterator, Optional

from .. import __version__ as _VERSION
from .acled import admins, tables

CODEBOOK = "plover-2.0draft"

# Quad categories (manual, "Quad categories in PLOVER").
QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
        **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
        **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4)}

# Conflict-cooperation scores (manual, "PLOVER conflict--cooperation scores"): type, then
# (type, mode) where the manual scores the mode apart.
SCALE = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
         "RETREAT": 6.5, "REQUEST": 0, "ACCUSE": 3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5,
         "SANCTION": -6, "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9}
MODE_SCALE = {
    ("CONSULT", "visit"): 4, ("CONSULT", "third-party"): 1, ("CONSULT", "multilateral"): 4,
    ("CONSULT", "phone"): 1.5, ("RETREAT", "withdraw"): 8, ("RETREAT", "release"): 6.5,
    ("RETREAT", "disarm"): 10, ("RETREAT", "ceasefire"): 7.5, ("RETREAT", "access"): 6.5,
    ("RETREAT", "resign"): 4.5, ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1,
    ("REQUEST", "yield"): -1, ("REQUEST", "meet"): 0, ("ACCUSE", "disapprove"): -2,
    ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5, ("REJECT", "assist"): -1.5,
    ("REJECT", "change"): -2, ("REJECT", "yield"): -2, ("REJECT", "meet"): -2,
    ("THREATEN", "restrict"): -3, ("THREATEN", "arrest"): -3.5, ("THREATEN", "relations"): -3.5,
    ("THREATEN", "expel"): -3.5, ("THREATEN", "territory"): -4, ("THREATEN", "violence"): -3.5,
    ("PROTEST", "demo"): -5, ("PROTEST", "riot"): -7, ("PROTEST", "strike"): -5,
    ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5, ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "convict"): -6, ("SANCTION", "expel"): -5.5, ("SANCTION", "withdraw"): -6,
    ("SANCTION", "discontinue"): -6, ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5, ("MOBILIZE", "militia"): -6, ("COERCE", "seize"): -7,
    ("COERCE", "restrict"): -7, ("COERCE", "censor"): -6.5, ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7, ("COERCE", "deport"): -7,
    ("COERCE", "withhold"): -7, ("COERCE", "misinformation"): -6.5, ("COERCE", "cyber"): -7,
    ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8, ("ASSAULT", "firearms"): -9, ("ASSAULT", "explosives"): -9,
    ("ASSAULT", "suicide-attack"): -9.5, ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10,
}

# Chronicle modality -> PLOVER auxiliary mode (manual, "Auxiliary modes"); habitual has none.
AUXILIARY = {"planned": "future", "hypothetical": "hypothetical", "habitual": "habitual"}

# location "resolution": 5 sub-city, 4 city, 3 district, 2 province, 1 country.
def _resolution(feature: str) -> Optional[int]:
    if feature in ("PPLX", "PPLL") or feature.startswith(("S", "BLDG")):
        return 5
    if feature.startswith("PPL"):
        return 4
    if feature in ("ADM2", "ADM3", "ADM4", "ADMD"):
        return 3
    if feature == "ADM1":
        return 2
    if feature.startswith("PCL"):
        return 1
    return None


def _feature_class(feature: str) -> Optional[str]:
    if feature.startswith("PPL"):
        return "P"
    if feature.startswith(("ADM", "PCL", "TERR", "ZN")):
        return "A"
    if feature in ("RGN", "AREA", "CONT"):
        return "L"
    return None


def date_range(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(date, enddate) in YYYY-MM-DD for a TIMEX date value: a month, year or ISO week is the
    period's first and last day (PLOVER dates are days; the period must not look like a day)."""
    if not value:
        return None, None
    v = str(value)
    try:
        if len(v) >= 8 and v[4] == "-" and v[5] == "W":
            y, w = int(v[:4]), int(v[6:8])
            return _date.fromisocalendar(y, w, 1).isoformat(), _date.fromisocalendar(y, w, 7).isoformat()
        if len(v) >= 10:
            return v[:10], None
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            return f"{v}-01", f"{v}-{calendar.monthrange(y, m)[1]:02d}"
        if len(v) == 4:
            return f"{v}-01-01", f"{v}-12-31"
    except ValueError:
        pass
    return None, None


def _entity(role: Optional[dict], entities: dict) -> Optional[dict]:
    if not role or not any(role.get(k) for k in ("name", "entity", "country", "sector", "mention")):
        return None
    ent = entities.get(role.get("entity")) or {}
    mention = role.get("mention") or {}
    return {"code": role.get("country"), "sector": role.get("sector"),
            "entity_text": mention.get("text") or role.get("name"),
            "entity_name": ent.get("name") or role.get("name"),
            "country_name": (tables()["by_alpha3"].get(role.get("country") or "") or {}).get("country"),
            "identifier_id": None, "identifier_text": None,
            "chronicle_entity": role.get("entity"),
            "mention": {"start": mention["start"], "end": mention["end"]} if mention.get("start") is not None else None}


def _location(place: Optional[dict]) -> Optional[dict]:
    if not place:
        return None
    feature = place.get("feature") or ""
    crow = tables()["by_alpha2"].get(place.get("country") or "") or {}
    province, district, _ = admins(place)
    span = place.get("span") or {}
    return {"extracted_place": span.get("text") or place.get("name"), "resolved_place": place.get("name"),
            "geonameid": place.get("geonameid"), "lat": place.get("lat"), "lon": place.get("lon"),
            "city": place.get("name") if feature.startswith("PPL") else None,
            "district": district or None, "province": province or None,
            "country": crow.get("country"), "country_code": crow.get("alpha3"),
            "feature_class": _feature_class(feature), "feature_code": feature or None,
            "resolution": _resolution(feature),
            "chronicle_place": place.get("id"),
            "span": {"start": span["start"], "end": span["end"]} if span.get("start") is not None else None}


def event_records(record: dict) -> Iterator[dict]:
    """The PLOVER records of one ``chronicle/1`` record, one per event."""
    art = record.get("article") or {}
    entities = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    attributions = {a["id"]: a for a in record.get("attributions") or []}
    for v in record.get("events") or []:
        ptype, mode = v.get("type"), v.get("mode")
        start, end = date_range(v.get("date"))
        context = []
        if v.get("negated"):
            context.append("negation")
        if v.get("modality") in AUXILIARY:
            context.append(AUXILIARY[v["modality"]])
        ev = v.get("evidence") or {}
        evidence = v.get("evidence_all") or ([ev] if ev else [])
        actor, target = _entity(v.get("actor"), entities), _entity(v.get("target"), entities)
        size = {}
        if v.get("fatalities") is not None:
            size["dead"] = v["fatalities"]
        if v.get("count") is not None:
            size["arrested" if (ptype, mode) == ("COERCE", "arrest") else "count"] = v["count"]
        att = attributions.get(v.get("attributed_to")) if v.get("attributed_to") else None
        out = {
            "id": f"{art.get('id')}-{v.get('id')}",
            "has_event": True,
            "date": start, "enddate": end, "date_precision": v.get("date_precision"),
            "actor": [actor] if actor else [],
            "recipient": [target] if target else [],
            "event": [ptype] if ptype else [],
            "mode": [mode] if mode else [],
            "context": context,
            "event_loc": _location(places.get(v.get("place"))),
            "event_text": [s.get("text") for s in evidence],
            "quad_code": QUAD.get(ptype),
            "event_scale": MODE_SCALE.get((ptype, mode), SCALE.get(ptype)),
            "size": size or None,
            "text_info": {"start": ev.get("start"), "end": ev.get("end"),
                          "evidence_all": [{"start": s.get("start"), "end": s.get("end")} for s in evidence]},
            "cite_info": {"citation": art.get("id"), "url": art.get("url"), "title": art.get("title"),
                          "publication": art.get("source"), "published": art.get("published"),
                          "language": art.get("language"), "coder": f"chronicle {_VERSION}",
                          "codebook": CODEBOOK},
            "attributed_to": ({"id": att["id"], "name": (att.get("source") or {}).get("name"),
                               "kind": att.get("kind")} if att else None),
            "article_id": art.get("id"), "event_id": v.get("id"),
            "confidence": v.get("confidence"),
        }
        if v.get("modality"):
            out["modality"] = v["modality"]
        yield out


def write_plover(records: Iterable[dict], out, table: str = "events") -> int:
    """PLOVER JSON Lines of every event (``table`` must be ``events``)."""
    from ..errors import UsageError
    from .writers import _text

    if table != "events":
        raise UsageError(f"the plover format exports events only, not {table!r}")
    n = 0
    with _text(out) as f:
        for record in records:
            for rec in event_records(record):
                f.write(json.dumps(rec, ensure_ascii=False))
                f.write("\n")
                n += 1
    return n
