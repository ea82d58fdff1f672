"""Read-side queries the API and pages need beyond the Store's own methods.

The Store keeps query-friendly projections of every record (``chronicle.store.tables``) and one
shared article filter (``chronicle.store.filters``); the queries here read those tables through
the Store's engine, so listing events, facets or an entity profile never parses a stored JSON
record. Every list query takes ``(limit, offset)`` so the cursor pager and the complete
downloads (:mod:`chronicle.api.paging`) share one code path.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Optional

from sqlalchemy import and_, desc, exists, func, or_, select, text

from ..store import filters as F
from ..store import tables as T

A, E, M, AT, V, P = T.articles.c, T.entities.c, T.mentions.c, T.attributions.c, T.events.c, T.places.c

ARTICLE_FILTERS = ("date_from", "date_to", "source", "entity", "event_type", "country")


def engine_of(store):
    for name in ("engine", "_engine"):
        eng = getattr(store, name, None)
        if eng is not None:
            return eng
    raise AttributeError("store exposes no SQLAlchemy engine")


def article_filters(params: dict) -> dict:
    return {k: params.get(k) for k in ARTICLE_FILTERS if params.get(k) not in (None, "")}


def fts_condition(store, q: Optional[str]):
    """Articles matching a full-text query, as a condition usable beside the article filters."""
    if not q:
        return None
    from ..store.search import fts5_query

    if engine_of(store).dialect.name != "sqlite":
        return func.to_tsvector("english", func.coalesce(A.title, "") + " " + A.text).op("@@")(
            func.websearch_to_tsquery("english", q))
    match = fts5_query(q)
    if match is None:
        return and_(False)
    return A.pk.in_(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fq").bindparams(fq=match))


def _article_where(store, params: dict):
    conds = [F.where(**article_filters(params))]
    fts = fts_condition(store, params.get("q"))
    if fts is not None:
        conds.append(fts)
    return and_(*conds)


def _rows(store, stmt) -> list[dict]:
    with engine_of(store).connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


# --- articles -----------------------------------------------------------------------------------

def list_articles(store, params: dict, limit: int, offset: int, markers=None) -> list[dict]:
    """Search hits (FTS rank + snippet) when there is a query, newest articles otherwise."""
    return store.search(params.get("q") or "", limit=limit, offset=offset, markers=markers,
                        **article_filters(params))


# --- facets -------------------------------------------------------------------------------------

def facets(store, params: dict, top: int = 15) -> dict:
    """The Store's facet counts plus the total number of matching articles."""
    out = store.facets(params.get("q"), limit=top, **article_filters(params))
    with engine_of(store).connect() as conn:
        out["total"] = conn.execute(select(func.count()).select_from(T.articles)
                                    .where(_article_where(store, params))).scalar_one()
    return out


# --- events -------------------------------------------------------------------------------------

EVENT_COLUMNS = ["article_id", "id", "type", "mode", "actor_name", "actor_country", "actor_sector",
                 "target_name", "target_country", "target_sector", "date", "date_precision", "count",
                 "negated", "confidence", "attributed_to", "place_id", "place_name", "place_country",
                 "lat", "lon", "evidence_text", "evidence_start", "evidence_end",
                 "published", "source", "title", "url"]


def _event_select():
    place = T.places.alias("pl")
    return (select(V.article_id, V.id, V.type, V.mode, V.actor_name, V.actor_country, V.actor_sector,
                   V.target_name, V.target_country, V.target_sector, V.date, V.date_precision, V.count,
                   V.negated, V.confidence, V.attributed_to, V.place_id,
                   place.c.name.label("place_name"), place.c.country.label("place_country"),
                   place.c.lat, place.c.lon, V.evidence_text, V.evidence_start, V.evidence_end,
                   A.published, A.source, A.title, A.url)
            .select_from(T.events.join(T.articles, A.id == V.article_id)
                         .outerjoin(place, and_(place.c.article_id == V.article_id, place.c.id == V.place_id)))), place


def list_events_stmt(store, params: dict, stmt, place, located: bool = False):
    """The event query with filters; ``type``/``country``/``entity`` narrow the events themselves
    (ACLED-style: the event's own type, actor/target/place country, actor or target name)."""
    art = {k: v for k, v in article_filters(params).items() if k in ("date_from", "date_to", "source")}
    conds = [F.where(**art)]
    fts = fts_condition(store, params.get("q"))
    if fts is not None:
        conds.append(fts)
    if params.get("event_type"):
        conds.append(V.type == str(params["event_type"]).upper())
    if params.get("country"):
        c = str(params["country"]).upper()
        conds.append(or_(V.actor_country == c, V.target_country == c, place.c.country == c))
    if params.get("entity"):
        key = str(params["entity"]).casefold()
        conds.append(or_(V.actor_name_lower == key, V.target_name_lower == key,
                         _role_is(V.actor_entity, params["entity"]), _role_is(V.target_entity, params["entity"])))
    if located:
        conds.append(place.c.lat.is_not(None))
    return stmt.where(*conds)


def list_events(store, params: dict, limit: int, offset: int, located: bool = False) -> list[dict]:
    """Events, newest first (event date, else publication date)."""
    stmt, place = _event_select()
    stmt = list_events_stmt(store, params, stmt, place, located)
    stmt = stmt.order_by(desc(func.coalesce(V.date, A.published)), V.article_id, V.id)
    return _rows(store, stmt.limit(limit).offset(offset))


def _role_is(role_entity_col, name: str):
    """The event role points at an in-article entity called ``name`` (or with that alias)."""
    return exists(select(1).where(E.article_id == V.article_id, E.id == role_entity_col, F.entity_match(name)))


def event_feature(row: dict) -> dict:
    props = {k: row.get(k) for k in EVENT_COLUMNS if k not in ("lat", "lon")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": props}


# --- attributions -------------------------------------------------------------------------------

def list_attributions(store, params: dict, limit: int, offset: int) -> list[dict]:
    """Attributions, optionally by speaker (name, alias or resolved entity) and full-text query."""
    art = {k: v for k, v in article_filters(params).items() if k in ("date_from", "date_to", "source")}
    return store.search_attributions(params.get("q") or "", speaker=params.get("speaker"), limit=limit,
                                     offset=offset, **art)


# --- entities -----------------------------------------------------------------------------------

def entity_profile(store, name: str, mentions_limit: int = 30, list_limit: int = 200) -> Optional[dict]:
    """Everything about one actor across the store: who it is, what it said, what it did, what
    was done to it, where it is mentioned, who it appears with, and all of that on a timeline.

    Entities are in-article records; across articles they are joined by canonical name or alias
    (case-insensitive), the same rule the ``entity`` search filter uses.
    """
    match = F.entity_match(name)
    with engine_of(store).connect() as conn:
        ents = [dict(r._mapping) for r in conn.execute(
            select(E.article_id, E.id, E.name, E.type, E.country, E.sector, E.aliases).where(match))]
        if not ents:
            return None
        n_articles = len({e["article_id"] for e in ents})
        names = Counter(e["name"] for e in ents)
        types = Counter(e["type"] for e in ents if e["type"])
        countries = Counter(e["country"] for e in ents if e["country"])
        sectors = Counter(e["sector"] for e in ents if e["sector"])
        aliases = Counter()
        for e in ents:
            if e["aliases"]:
                aliases.update(json.loads(e["aliases"]))
        mention_rows = [dict(r._mapping) for r in conn.execute(
            select(M.article_id, M.entity_id, M.start, M.end, M.text, A.title, A.published)
            .select_from(T.mentions.join(T.entities, and_(E.article_id == M.article_id, E.id == M.entity_id))
                         .join(T.articles, A.id == M.article_id))
            .where(match).order_by(desc(A.published), M.article_id, M.start).limit(mentions_limit))]
        forms = Counter(r[0] for r in conn.execute(
            select(M.text).select_from(T.mentions.join(T.entities, and_(E.article_id == M.article_id,
                                                                        E.id == M.entity_id))).where(match)))
        texts = {}
        for aid in {r["article_id"] for r in mention_rows}:
            texts[aid] = conn.execute(select(A.text).where(A.id == aid)).scalar_one()
        for r in mention_rows:
            t = texts[r["article_id"]]
            r["before"] = " ".join(t[max(0, r["start"] - 70):r["start"]].split())
            r["after"] = " ".join(t[r["end"]:r["end"] + 70].split())
        same = T.entities.alias("same")
        in_same = select(same.c.article_id).where(
            or_(same.c.name_lower == name.casefold(),
                func.lower(same.c.aliases).contains(json.dumps(name, ensure_ascii=False).lower(), autoescape=True)))
        co = conn.execute(
            select(E.name, func.count(func.distinct(E.article_id)).label("n"))
            .where(E.article_id.in_(in_same), E.name_lower.not_in({n.casefold() for n in names}))
            .group_by(E.name).order_by(desc("n")).limit(20))
        cooccurring = [{"name": n, "articles": c} for n, c in co]
    said = list_attributions(store, {"speaker": name}, list_limit, 0)
    did = _role_events(store, name, "actor", list_limit)
    done_to = _role_events(store, name, "target", list_limit)
    timeline = _timeline(said, did, done_to, mention_rows)
    return {
        "name": names.most_common(1)[0][0], "query": name, "articles": n_articles,
        "names": [n for n, _ in names.most_common()], "aliases": [a for a, _ in aliases.most_common()],
        "mention_forms": [{"text": t, "count": c} for t, c in forms.most_common(20)],
        "type": types.most_common(1)[0][0] if types else None, "types": dict(types),
        "country": countries.most_common(1)[0][0] if countries else None, "countries": dict(countries),
        "sector": sectors.most_common(1)[0][0] if sectors else None,
        "mentions": mention_rows, "attributions": said, "events_as_actor": did, "events_as_target": done_to,
        "cooccurring": cooccurring, "timeline": timeline,
    }


def _role_events(store, name: str, role: str, limit: int) -> list[dict]:
    stmt, _ = _event_select()
    name_col, ent_col = (V.actor_name_lower, V.actor_entity) if role == "actor" else (V.target_name_lower, V.target_entity)
    stmt = stmt.where(or_(name_col == name.casefold(), _role_is(ent_col, name)))
    stmt = stmt.order_by(desc(func.coalesce(V.date, A.published)), V.article_id, V.id).limit(limit)
    return _rows(store, stmt)


def _timeline(said, did, done_to, mentions) -> list[dict]:
    """Counts per day of what an entity said, did, had done to it, and mentions (for the chart)."""
    days: dict[str, Counter] = {}
    for kind, rows, key in (("said", said, "date"), ("did", did, "date"), ("done_to", done_to, "date")):
        for r in rows:
            d = r.get(key) or r.get("published")
            if d:
                days.setdefault(d[:10], Counter())[kind] += 1
    for r in mentions:
        if r.get("published"):
            days.setdefault(r["published"][:10], Counter())["mentioned"] += 1
    return [{"day": d, **dict(c)} for d, c in sorted(days.items())]


def event_days(store, params: dict) -> list[dict]:
    """Events per day (event date, else the article's publication date) for the events timeline."""
    stmt, place = _event_select()
    inner = list_events_stmt(store, params, stmt, place).subquery()
    q = select(func.substr(func.coalesce(inner.c.date, inner.c.published), 1, 10).label("value"),
               func.count().label("count")).group_by("value").order_by("value")
    return [r for r in _rows(store, q) if r["value"]]
