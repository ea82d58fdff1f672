"""A ``chronicle/1`` record projected onto the store's tables.

Kept apart from the Store so that bulk loaders (Parquet shards, migrations) project records the
same way as single upserts do. Missing optional fields are tolerated (records from older or
partial pipelines still load); only ``article.id`` and ``article.text`` are required.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from .countries import alpha3


def dumps(record: dict) -> str:
    """The stored form: key order kept, so ``get`` returns exactly what was given. The article
    text is left out (it is in ``articles.text`` already; see ``loads``)."""
    art = record["article"]
    slim = {**record, "article": {**art, "text": None}} if "text" in art else record
    return json.dumps(slim, ensure_ascii=False, separators=(",", ":"))


def loads(raw: str, text: str) -> dict:
    """The record from its stored form and the article text."""
    record = json.loads(raw)
    if record.get("article", {}).get("text") is None:
        record["article"]["text"] = text
    return record


def record_hash(record: dict) -> str:
    """Identity of a record's content, independent of key order (re-ingest detection)."""
    canon = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def _span(span: dict | None) -> tuple:
    if not span:
        return None, None, None
    return span.get("start"), span.get("end"), span.get("text")


def _lower(s: str | None) -> str | None:
    return s.casefold() if isinstance(s, str) else None


def name_keys(name: str | None, aliases) -> list[str]:
    """The lookup keys of an entity: its name and aliases, casefolded, without repeats. A lone
    string as ``aliases`` (a hand-written record) is one alias, not a list of letters."""
    if isinstance(aliases, str):
        aliases = [aliases]
    keys = [_lower(n) for n in [name, *(aliases or [])]]
    return list(dict.fromkeys(k for k in keys if k))


def article_row(record: dict, digest: str | None = None) -> dict:
    art = record["article"]
    return {
        "id": art["id"],
        "url": art.get("url"),
        "source": art.get("source"),
        "title": art.get("title"),
        "published": art.get("published"),
        "language": art.get("language"),
        "text": art.get("text") or "",
        "record": dumps(record),
        "record_hash": digest or record_hash(record),
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "schema": record.get("schema") or "chronicle/1",
    }


def child_rows(record: dict) -> dict[str, list[dict]]:
    """Rows for every child table, keyed by table name."""
    aid = record["article"]["id"]
    out: dict[str, list[dict]] = {k: [] for k in ("entities", "entity_names", "mentions", "attributions", "times",
                                                  "places", "events")}
    for e in record.get("entities") or []:
        aliases = e.get("aliases")
        out["entities"].append({
            "article_id": aid, "id": e["id"], "name": e.get("name") or "",
            "name_lower": _lower(e.get("name")) or "", "type": e.get("type"),
            "country": e.get("country"), "sector": e.get("sector"),
            "aliases": json.dumps(aliases, ensure_ascii=False) if aliases else None,
        })
        out["entity_names"].extend({"article_id": aid, "entity_id": e["id"], "name_lower": k}
                                   for k in name_keys(e.get("name"), aliases))
        for m in e.get("mentions") or []:
            out["mentions"].append({"article_id": aid, "entity_id": e["id"], "start": m["start"],
                                    "end": m["end"], "text": m.get("text")})
    for a in record.get("attributions") or []:
        cs, ce, ct = _span(a.get("content"))
        src = a.get("source") or {}
        rep = a.get("reported_by") or {}
        out["attributions"].append({
            "article_id": aid, "id": a["id"], "kind": a.get("kind"),
            "content_start": cs, "content_end": ce, "content_text": ct,
            "cue": _span(a.get("cue"))[2], "source_entity": src.get("entity"),
            "source_name": src.get("name"), "source_name_lower": _lower(src.get("name")),
            "medium": a.get("medium"), "date": a.get("date"),
            "reported_by_name": rep.get("name"), "confidence": a.get("confidence"),
        })
    for t in record.get("times") or []:
        s, e_, tx = _span(t.get("span"))
        out["times"].append({"article_id": aid, "id": t["id"], "type": t.get("type"),
                             "value": t.get("value"), "start": s, "end": e_, "text": tx})
    for p in record.get("places") or []:
        s, e_, tx = _span(p.get("span"))
        out["places"].append({
            "article_id": aid, "id": p["id"], "name": p.get("name"), "geonameid": p.get("geonameid"),
            "lat": p.get("lat"), "lon": p.get("lon"), "country": p.get("country"),
            "country3": alpha3(p.get("country")),
            "feature": p.get("feature"), "start": s, "end": e_, "text": tx,
        })
    for v in record.get("events") or []:
        actor = v.get("actor") or {}
        target = v.get("target") or {}
        s, e_, tx = _span(v.get("evidence"))
        out["events"].append({
            "article_id": aid, "id": v["id"], "type": v.get("type"), "mode": v.get("mode"),
            "actor_name": actor.get("name"), "actor_name_lower": _lower(actor.get("name")),
            "actor_country": actor.get("country"), "actor_sector": actor.get("sector"),
            "actor_entity": actor.get("entity"),
            "target_name": target.get("name"), "target_name_lower": _lower(target.get("name")),
            "target_country": target.get("country"), "target_sector": target.get("sector"),
            "target_entity": target.get("entity"),
            "place_id": v.get("place"), "date": v.get("date"),
            "date_precision": v.get("date_precision"), "count": v.get("count"),
            "attributed_to": v.get("attributed_to"), "negated": bool(v.get("negated")),
            "confidence": v.get("confidence"),
            "evidence_text": tx, "evidence_start": s, "evidence_end": e_,
        })
    return out
