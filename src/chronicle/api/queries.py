"""Read-side queries the API and pages need beyond the Store's own methods.

The Store keeps query-friendly projections of every record (``chronicle.store.tables``) and one
shared article filter (``chronicle.store.filters``); the queries here read those tables through
the Store's engine, so listing events, facets or an entity profile never parses a stored JSON
record. Every list query takes ``(limit, offset)`` so the cursor pager and the complete
downloads (:mod:`chronicle.api.paging`) share one code path.
"""
from __future__ import annotations

import json
import threading
import time
from collections import Counter, OrderedDict
from typing import Optional
from urllib.parse import urlencode

from sqlalchemy import and_, desc, func, or_, select, text, tuple_

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


def _rows(store, stmt) -> list[dict]:
    with engine_of(store).connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


# --- articles -----------------------------------------------------------------------------------

def list_articles(store, params: dict, limit: int, offset: int, markers=None) -> list[dict]:
    """Search hits (FTS rank + snippet) when there is a query, newest articles otherwise."""
    return store.search(params.get("q") or "", limit=limit, offset=offset, markers=markers,
                        **article_filters(params))


# --- facets -------------------------------------------------------------------------------------

_FACET_CACHE: "OrderedDict[tuple, tuple[float, dict]]" = OrderedDict()
_FACET_CACHE_SIZE = 256
_FACET_TTL_S = 30.0
_FACET_LOCK = threading.Lock()


def data_version(store) -> tuple:
    """Changes when articles are added or deleted (count and max pk are index-only lookups).

    A replacement of the newest article can keep both, which is why cached facets also expire
    after ``_FACET_TTL_S`` and writes through this app clear the cache (:func:`forget_facets`).
    """
    with engine_of(store).connect() as conn:
        return tuple(conn.execute(select(func.count(), func.max(A.pk)).select_from(T.articles)).one())


def forget_facets() -> None:
    with _FACET_LOCK:
        _FACET_CACHE.clear()


def _copy_facets(out: dict) -> dict:
    """Callers may change what they get; facets are lists of flat dicts, so this is a deep copy
    (``copy.deepcopy`` of a year of days cost milliseconds per page)."""
    return {k: [dict(d) for d in v] if isinstance(v, list) else v for k, v in out.items()}


def facets(store, params: dict, top: int = 15) -> dict:
    """The Store's facet counts (source, day, event type, country, speaker) plus the total.

    Facets cost several grouped queries over the whole match set, so results are cached per
    (query, filters, data version) for a short time: paging through results, going back to a
    search or clicking a facet reuse them, and writes invalidate them.
    """
    key = (id(store), data_version(store), top,
           tuple(sorted((k, v) for k, v in params.items() if v not in (None, ""))))
    now = time.monotonic()
    with _FACET_LOCK:
        hit = _FACET_CACHE.get(key)
        if hit is not None and now - hit[0] < _FACET_TTL_S:
            _FACET_CACHE.move_to_end(key)
            return _copy_facets(hit[1])
    out = store.facets(params.get("q"), limit=top, total=True, **article_filters(params))
    with _FACET_LOCK:
        _FACET_CACHE[key] = (now, _copy_facets(out))
        while len(_FACET_CACHE) > _FACET_CACHE_SIZE:
            _FACET_CACHE.popitem(last=False)
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
        place_codes = [place.c.country == c] + ([place.c.country3 == c] if "country3" in place.c else [])
        conds.append(or_(V.actor_country == c, V.target_country == c, *place_codes))
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
    return F.entity_role(V.article_id, role_entity_col, name)


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
            select(E.article_id, E.id, E.name, E.type, E.country, E.sector, E.aliases, A.published)
            .select_from(T.entities.join(T.articles, A.id == E.article_id)).where(match))]
        if not ents:
            return None
        article_ids = sorted({e["article_id"] for e in ents})
        names = Counter(e["name"] for e in ents)
        types = Counter(e["type"] for e in ents if e["type"])
        countries = Counter(e["country"] for e in ents if e["country"])
        sectors = Counter(e["sector"] for e in ents if e["sector"])
        aliases = Counter()
        for e in ents:
            if e["aliases"]:
                aliases.update(json.loads(e["aliases"]))
        # Mentions of the newest articles first. The article_id IN list is what lets SQLite use the
        # mentions index: a row-value IN over a VALUES list alone scans the whole table.
        # (within an article: record order, E2 before E10, whatever order the index gave them)
        ents.sort(key=lambda e: (len(e["id"]), e["id"]))
        ents.sort(key=lambda e: (e["published"] or "", e["article_id"]), reverse=True)
        pairs = [(e["article_id"], e["id"]) for e in ents]
        top = pairs[:mentions_limit]
        mention_rows = [dict(r._mapping) for r in conn.execute(
            select(M.article_id, M.entity_id, M.start, M.end, M.text)
            .where(M.article_id.in_(sorted({a for a, _ in top})), tuple_(M.article_id, M.entity_id).in_(top)))]
        order = {p: i for i, p in enumerate(pairs)}
        mention_rows.sort(key=lambda r: (order[(r["article_id"], r["entity_id"])], r["start"]))
        mention_rows = mention_rows[:mentions_limit]
        # Counted in SQL: a frequent entity has thousands of mentions and co-occurring names.
        keys = F.entity_keys(name)
        n = func.count().label("n")
        forms = conn.execute(select(M.text, n).where(tuple_(M.article_id, M.entity_id).in_(keys))
                             .group_by(M.text).order_by(n.desc(), M.text).limit(20)).all()
        shown = sorted({r["article_id"] for r in mention_rows})
        info = {r.id: r for r in conn.execute(select(A.id, A.title, A.published, A.text).where(A.id.in_(shown)))}
        for r in mention_rows:
            art = info[r["article_id"]]
            r["title"], r["published"] = art.title, art.published
            r["before"] = " ".join(art.text[max(0, r["start"] - 70):r["start"]].split())
            r["after"] = " ".join(art.text[r["end"]:r["end"] + 70].split())
        own = sorted({n.casefold() for n in names})
        n = func.count(E.article_id.distinct()).label("n")
        cooccurring = [{"name": nm, "articles": c} for nm, c in conn.execute(
            select(E.name, n).where(E.article_id.in_(keys.with_only_columns(T.entity_names.c.article_id)),
                                    E.name_lower.not_in(own))
            .group_by(E.name).order_by(n.desc(), E.name).limit(20))]
        n_articles = len(article_ids)
    said = list_attributions(store, {"speaker": name}, list_limit, 0)
    did = _role_events(store, name, "actor", list_limit)
    done_to = _role_events(store, name, "target", list_limit)
    timeline = _timeline(said, did, done_to, mention_rows)
    return {
        "name": names.most_common(1)[0][0], "query": name, "articles": n_articles,
        "names": [n for n, _ in names.most_common()], "aliases": [a for a, _ in aliases.most_common()],
        "mention_forms": [{"text": t, "count": c} for t, c in forms],
        "type": types.most_common(1)[0][0] if types else None, "types": dict(types),
        "country": countries.most_common(1)[0][0] if countries else None, "countries": dict(countries),
        "sector": sectors.most_common(1)[0][0] if sectors else None,
        "mentions": mention_rows, "attributions": said, "events_as_actor": did, "events_as_target": done_to,
        "cooccurring": cooccurring, "timeline": timeline,
        # lists above are cut at list_limit for the page; these give the complete lists, paginated
        "truncated": {"attributions": len(said) >= list_limit, "events_as_actor": len(did) >= list_limit,
                      "events_as_target": len(done_to) >= list_limit, "mentions": len(mention_rows) >= mentions_limit},
        "links": {"attributions": "/api/attributions?" + urlencode({"speaker": name}),
                  "events": "/api/events?" + urlencode({"entity": name}),
                  "articles": "/api/articles?" + urlencode({"entity": name})},
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
