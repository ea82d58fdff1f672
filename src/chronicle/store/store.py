"""The Store: ``chronicle/1`` records in a database, searchable and filterable.

One class, one engine. Writes are one transaction per record, so an interrupted batch keeps
everything committed and a rerun skips what is already there (``upsert`` is idempotent).
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import (Column, Integer, MetaData, String, Table, create_engine, event, false, func,
                        or_, select, true, union)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.schema import CreateTable

from ..errors import StoreError, UsageError
from . import filters as F
from . import migrations, rows
from . import tables as T
from .search import SearchBackend, backend_for

DEFAULT_URL = "sqlite:///chronicle.db"

#: The articles a facet request matches, computed once per request (see ``Store.facets``).
_FACET_MATCH = Table("facet_match", MetaData(), Column("pk", Integer, primary_key=True),
                     Column("id", String, unique=True), Column("source", String),
                     Column("published", String(10)), prefixes=["TEMPORARY"])
_CREATE_FACET_MATCH = CreateTable(_FACET_MATCH)  # executed, not .create(): no DDL events to run
_EVENT_COLS = [c for c in T.events.c if not c.name.endswith("_lower")]


def _sqlite_path_ok(database: str | None) -> None:
    """Fail early with a clear message instead of SQLite's 'unable to open database file'."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path} is a directory; give a database file path such as {path / 'chronicle.db'}")
        if not os.access(path, os.R_OK | os.W_OK):
            raise StoreError(f"cannot read and write the database file {path}: check its permissions")
        return
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"cannot create the database {path}: directory {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise StoreError(f"cannot create the database {path}: directory {parent} is not writable")


def normalise_url(url: str | os.PathLike) -> str:
    """A SQLAlchemy URL from a URL or a bare file path (``chronicle.db`` -> ``sqlite:///chronicle.db``)."""
    s = os.fspath(url)
    if not s.strip():
        raise StoreError("empty database URL; give a file path or a URL such as sqlite:///chronicle.db")
    if "://" not in s:
        return "sqlite:///" + str(Path(s).expanduser())
    scheme, rest = s.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; prefer psycopg 3 when that is what
        # is installed, so a plain postgresql:// URL works.
        import importlib.util

        if importlib.util.find_spec("psycopg2") is None and importlib.util.find_spec("psycopg"):
            return "postgresql+psycopg://" + rest
        return "postgresql://" + rest
    return s


def _sqlite_pragmas(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # Take transaction control from pysqlite so DDL and DML commit together (migrations).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Writers take the write lock up front: a deferred transaction that reads and then
        # writes can fail with SQLITE_BUSY at once (busy_timeout cannot help a lock upgrade).
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """Records in a database: ``Store("chronicle.db")``, ``Store("postgresql://...")``.

    Opening a store creates or migrates its schema (``migrate=False`` to only check it).
    ``markers`` are the default snippet highlight markers for searches.
    """

    def __init__(self, url: str | os.PathLike = DEFAULT_URL, *, migrate: bool = True,
                 markers: tuple[str, str] = ("[", "]"), busy_timeout_ms: int = 10_000,
                 search: SearchBackend | None = None):
        self.url = normalise_url(url)
        self.markers = tuple(markers)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(f"cannot parse database URL {self.url!r}: {exc}") from None
        if parsed.get_backend_name() == "sqlite":
            _sqlite_path_ok(parsed.database)
        kwargs = {}
        self._shared_lock = contextlib.nullcontext()
        if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
            # one shared connection, or every pooled connection would see its own empty
            # database; in-memory stores are for tests and single-threaded use
            from sqlalchemy.pool import StaticPool

            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            self._shared_lock = threading.Lock()
        try:
            self.engine = create_engine(parsed, **kwargs)
        except (NoSuchModuleError, ArgumentError) as exc:
            raise StoreError(f"unsupported database URL {self.url!r}: {exc}") from None
        except ImportError as exc:
            raise StoreError(f"the database driver for {self.url!r} is not installed ({exc}); for "
                             "PostgreSQL: pip install \"psycopg[binary]\"") from None
        self.dialect = self.engine.dialect.name
        self._writer = self.engine
        if self.dialect == "sqlite":
            _sqlite_pragmas(self.engine, busy_timeout_ms)
            self._writer = self.engine.execution_options(sqlite_immediate=True)
        self.search_backend = search or backend_for(self.dialect)
        if migrate:
            self.migrate()
        else:
            with self._connect() as conn:
                found = migrations.read_version(conn)
            if found != T.SCHEMA_VERSION:
                raise StoreError(f"the database is at schema version {found}, expected "
                                 f"{T.SCHEMA_VERSION}: open it with migrate=True")

    # -- plumbing ---------------------------------------------------------------------------

    def _connect(self):
        return _Guard(self.engine.connect(), self.url)

    def _begin(self):
        return _Guard(self._writer.begin(), self.url)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release connections (and, for SQLite, let WAL checkpoint)."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- schema -----------------------------------------------------------------------------

    def migrate(self) -> tuple[int | None, int]:
        """Create or upgrade the schema in one transaction; (version found, version now).
        Safe to call any number of times."""
        with self._begin() as conn:
            return migrations.migrate(conn, self.search_backend, self._write)

    @property
    def schema_version(self) -> int | None:
        with self._connect() as conn:
            return migrations.read_version(conn)

    # -- writing ----------------------------------------------------------------------------

    @staticmethod
    def _check(record) -> None:
        if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
            raise StoreError("not a chronicle/1 record: expected an object with an 'article' object")
        art = record["article"]
        if not isinstance(art.get("id"), str) or not art["id"]:
            raise StoreError("record has no article.id; ids come from the input or the text's sha256")
        if not isinstance(art.get("text"), str):
            raise StoreError(f"record {art['id']} has no article.text")

    def _write(self, conn: Connection, record: dict, digest: str) -> bool:
        aid = record["article"]["id"]
        old = conn.execute(select(T.articles.c.record_hash).where(T.articles.c.id == aid)).scalar()
        if old == digest:
            return False
        if old is not None:
            self._delete(conn, aid)
        conn.execute(T.articles.insert(), [rows.article_row(record, digest)])
        for name, batch in rows.child_rows(record).items():
            if batch:
                conn.execute(T.metadata.tables[name].insert(), batch)
        return True

    @staticmethod
    def _delete(conn: Connection, article_id: str) -> None:
        for t in reversed(T.CHILDREN):
            conn.execute(t.delete().where(t.c.article_id == article_id))
        conn.execute(T.articles.delete().where(T.articles.c.id == article_id))

    def upsert(self, record: dict) -> bool:
        """Store one record, keyed by ``article.id``; True if the database changed.

        The same record again (same content, any key order) is a no-op returning False. A
        different record with the same id replaces the old one and all its rows, atomically.
        """
        self._check(record)
        digest = rows.record_hash(record)
        for attempt in (1, 2):
            try:
                with self._begin() as conn:
                    return self._write(conn, record, digest)
            except StoreError as exc:
                # PostgreSQL: a concurrent writer inserted the same id first; look again
                if attempt == 2 or not isinstance(exc.__cause__, IntegrityError):
                    raise
        raise AssertionError("unreachable")

    def upsert_many(self, records: Iterable[dict],
                    on_record: Callable[[dict, bool], None] | None = None) -> int:
        """Upsert records one transaction each; the number that changed the database.

        Interrupting (Ctrl-C, a crash) keeps every record already committed; running the same
        batch again skips them cheaply. ``on_record(record, changed)`` is called after each
        commit (progress bars).
        """
        written = 0
        for record in records:
            changed = self.upsert(record)
            written += changed
            if on_record is not None:
                on_record(record, changed)
        return written

    def delete(self, article_id: str) -> bool:
        """Remove a record and its rows; True if it was there."""
        with self._begin() as conn:
            if not conn.execute(select(T.articles.c.pk).where(T.articles.c.id == article_id)).first():
                return False
            self._delete(conn, article_id)
            return True

    # -- reading ----------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether a record with this ``article.id`` is stored (cheap: for resuming ingests)."""
        with self._connect() as conn:
            return conn.execute(select(T.articles.c.pk).where(T.articles.c.id == article_id)).first() is not None

    def get(self, article_id: str) -> dict | None:
        """The stored record exactly as given to ``upsert``, or None."""
        with self._connect() as conn:
            row = conn.execute(select(T.articles.c.record, T.articles.c.text)
                               .where(T.articles.c.id == article_id)).first()
        return None if row is None else rows.loads(row[0], row[1])

    def count(self, **filters) -> int:
        """Number of stored articles matching the filters (see ``filters.conditions``)."""
        with self._connect() as conn:
            return conn.execute(select(func.count()).select_from(T.articles)
                                .where(F.where(**filters))).scalar_one()

    def iter_records(self, batch_size: int = 500, **filters) -> Iterator[dict]:
        """Every matching record, in insertion order, fetched in batches (no cap, bounded memory).

        Keyset pagination: no read transaction is held between batches, so a long export does
        not block writers, and rows written meanwhile after the cursor are included.
        """
        cond = F.where(**filters)  # eager: a bad filter fails before any output is written
        return self._iter(cond, batch_size)

    def _iter(self, cond, batch_size: int) -> Iterator[dict]:
        last = 0
        while True:
            with self._connect() as conn:
                batch = conn.execute(select(T.articles.c.pk, T.articles.c.record, T.articles.c.text)
                                     .where(cond, T.articles.c.pk > last)
                                     .order_by(T.articles.c.pk).limit(batch_size)).all()
            if not batch:
                return
            for _pk, raw, text in batch:
                yield rows.loads(raw, text)
            last = batch[-1][0]

    def ids(self, **filters) -> list[str]:
        """Article ids matching the filters, in insertion order."""
        with self._connect() as conn:
            return list(conn.execute(select(T.articles.c.id).where(F.where(**filters))
                                     .order_by(T.articles.c.pk)).scalars())

    # -- search -----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, offset: int = 0,
               markers: tuple[str, str] | None = None, order: str = "rank", **filters) -> list[dict]:
        """Articles matching ``query``, best first, as dicts with id, title, published, source,
        url, snippet (matches wrapped in ``markers``) and rank (higher is better).

        Any text is accepted: ``"quoted phrases"``, ``OR``/``NOT``, ``prefix*`` work, all other
        punctuation is taken literally (see ``search.fts5_query``). An empty query lists the
        filtered articles newest first, with the start of the text as snippet and rank None; a
        query with no searchable term (only punctuation) matches nothing. ``order``: ``rank``
        (default), ``newest`` or ``oldest`` (by published date).
        """
        if order not in ("rank", "newest", "oldest"):
            raise UsageError(f"unknown search order {order!r}; use rank, newest or oldest")
        markers = tuple(markers or self.markers)
        a = T.articles.c
        cols = [a.id, a.title, a.published, a.source, a.url]
        parts = self.search_backend.articles(query, markers)
        if parts is None and (query or "").strip():
            return []  # only punctuation/operators: nothing can match
        if parts is not None:
            return self._search_ranked(query, parts, cols, limit, offset, order, filters)
        stmt = (select(*cols, func.substr(a.text, 1, 240).label("snippet"))
                .where(F.where(**filters)).order_by(a.published.desc(), a.pk.desc()))
        if order != "rank":
            by = a.published.desc() if order == "newest" else a.published.asc()
            stmt = stmt.order_by(None).order_by(by, a.pk.desc() if order == "newest" else a.pk)
        stmt = stmt.limit(limit).offset(offset)
        with self._connect() as conn:
            out = [dict(r) for r in conn.execute(stmt).mappings()]
        for r in out:
            r["rank"] = None
        return out

    def _search_ranked(self, query, parts, cols, limit, offset, order, filters) -> list[dict]:
        """A full-text search in two steps: pick the page's articles, then make snippets for them.

        A snippet costs far more than a rank, and a single ordered query computes it for every
        match before keeping ``limit`` of them (a common word matches most of the store).
        """
        a = T.articles.c
        frm, match, rank, snip = parts
        if order == "rank" and not F.conditions(**filters):
            # no article filter: rank from the full-text index alone, without reading articles
            ifrm, imatch, irank, key = self.search_backend.ranked(query)
            page = select(key, irank).select_from(ifrm).where(imatch).order_by(irank.desc(), key)
        else:
            # (a filter goes through the join: FTS5 given "rowid IN (...)" probes row by row)
            page = select(a.pk, rank).select_from(frm).where(match, F.where(**filters))
            if order == "rank":
                page = page.order_by(rank.desc(), a.pk)
            else:
                by = a.published.desc() if order == "newest" else a.published.asc()
                page = page.order_by(by, a.pk.desc() if order == "newest" else a.pk)
        with self._connect() as conn:
            pks = [r[0] for r in conn.execute(page.limit(limit).offset(offset))]
            if not pks:
                return []
            found = {r["pk"]: dict(r) for r in conn.execute(
                select(a.pk, *cols, snip, rank).select_from(frm).where(match, a.pk.in_(pks))).mappings()}
        out = []
        for pk in pks:
            r = found.get(pk)  # absent only if deleted between the two reads
            if r is not None:
                del r["pk"]
                out.append(r)
        return out

    def search_attributions(self, query: str = "", speaker: str | None = None, limit: int = 20,
                            offset: int = 0, markers: tuple[str, str] | None = None,
                            **filters) -> list[dict]:
        """Attributions (who said what) whose content matches ``query``, best first.

        ``speaker`` keeps those whose source name contains it (case-insensitive) or whose
        resolved source entity has it as name/alias. Article filters apply to the containing
        article. Each dict: article_id, id, kind, speaker, content, snippet, cue, medium, date,
        reported_by, confidence, title, published, source, url, rank.
        """
        markers = tuple(markers or self.markers)
        t, a = T.attributions.c, T.articles.c
        cols = [t.article_id, t.id, t.kind, t.source_name.label("speaker"), t.content_text.label("content"),
                t.cue, t.medium, t.date, t.reported_by_name.label("reported_by"), t.confidence,
                a.title, a.published, a.source, a.url]
        conds = [F.where(**filters)]
        if speaker:
            key = speaker.casefold()
            conds.append(or_(t.source_name_lower.contains(key, autoescape=True),
                             F.entity_role(t.article_id, t.source_entity, speaker)))
        parts = self.search_backend.attributions(query, markers)
        if parts is None and (query or "").strip():
            return []
        if parts is None:
            stmt = (select(*cols, t.content_text.label("snippet"))
                    .select_from(T.attributions.join(T.articles, T.articles.c.id == t.article_id))
                    .where(*conds).order_by(a.published.desc(), t.pk))
        else:
            frm, match, rank, snip = parts
            stmt = (select(*cols, snip, rank)
                    .select_from(frm.join(T.articles, T.articles.c.id == t.article_id))
                    .where(match, *conds).order_by(rank.desc(), t.pk))
        stmt = stmt.limit(limit).offset(offset)
        with self._connect() as conn:
            out = [dict(r) for r in conn.execute(stmt).mappings()]
        for r in out:
            r.setdefault("rank", None)
        return out

    # -- summaries for the web UI -----------------------------------------------------------

    def entity_summary(self, name: str) -> dict | None:
        """Everything stored about an actor called ``name`` (name or alias, case-insensitive),
        across articles; None if nothing matches.

        Keys: name (the most frequent stored name), aliases (other names and aliases seen),
        types, countries, sectors (value -> count), article_ids, attributions (said by it),
        events_as_actor, events_as_target. Events/attributions match by resolved entity or, when
        unresolved, by the role/source name itself.
        """
        key = name.casefold()
        e, t, v = T.entities.c, T.attributions.c, T.events.c

        def by_entity(article_col, entity_col):
            return F.entity_role(article_col, entity_col, name)

        with self._connect() as conn:
            ents = conn.execute(select(T.entities).where(F.entity_match(name))).mappings().all()
            said = conn.execute(
                select(t.article_id, t.id, t.kind, t.content_text.label("content"), t.cue, t.medium,
                       t.date, t.reported_by_name.label("reported_by"), t.confidence,
                       t.source_name.label("speaker"))
                .where(or_(by_entity(t.article_id, t.source_entity), t.source_name_lower == key))
                .order_by(t.article_id, t.pk)).mappings().all()
            as_actor = conn.execute(
                select(*_EVENT_COLS).where(or_(by_entity(v.article_id, v.actor_entity),
                                               v.actor_name_lower == key))
                .order_by(v.article_id, v.id)).mappings().all()
            as_target = conn.execute(
                select(*_EVENT_COLS).where(or_(by_entity(v.article_id, v.target_entity),
                                               v.target_name_lower == key))
                .order_by(v.article_id, v.id)).mappings().all()
        if not (ents or said or as_actor or as_target):
            return None
        names = Counter(r["name"] for r in ents)
        canonical = names.most_common(1)[0][0] if names else name
        aliases = set(names)
        for r in ents:
            aliases.update(json.loads(r["aliases"]) if r["aliases"] else [])
        aliases.discard(canonical)
        article_ids = {r["article_id"] for r in (*ents, *said, *as_actor, *as_target)}
        return {
            "name": canonical,
            "aliases": sorted(aliases),
            "types": dict(Counter(r["type"] for r in ents if r["type"])),
            "countries": dict(Counter(r["country"] for r in ents if r["country"])),
            "sectors": dict(Counter(r["sector"] for r in ents if r["sector"])),
            "article_ids": sorted(article_ids),
            "attributions": [dict(r) for r in said],
            "events_as_actor": [dict(r) for r in as_actor],
            "events_as_target": [dict(r) for r in as_target],
        }

    def facets(self, query: str | None = None, limit: int | None = 50, *, total: bool = False,
               **filters) -> dict:
        """Counts for faceted browsing over the articles matching ``query`` and filters.

        ``{"source": [...], "day": [...], "event_type": [...], "country": [...], "speaker": [...]}``,
        each a list of ``{"value", "count"}``. source/day/country count articles (country: ISO
        alpha-3 of entities, event actors/targets and places, each article once per country);
        event_type counts events; speaker counts attributions. Lists are most-frequent first and
        cut at ``limit`` (None: all), except ``day``, which is complete and in date order.
        ``total=True`` adds ``"total"``: the number of matching articles. A query with no
        searchable term matches nothing, as in ``search``.

        The match set is computed once into a temporary table and every facet groups over it:
        running the full-text match and the filters once per facet was most of the cost.
        """
        a = T.articles.c
        cond = F.where(**filters)
        matched = select(a.pk, a.id, a.source, a.published).where(cond)
        restricted = bool(F.conditions(**filters))
        if (query or "").strip():
            parts = self.search_backend.articles(query, self.markers)
            restricted = True
            if parts is None:
                matched = matched.where(false())
            else:
                frm, match, _rank, _snip = parts
                matched = matched.select_from(frm).where(match)
        # The temporary table lives in this connection's transaction only (rolled back below).
        # An in-memory store has one connection for all threads: one facet computation at a time.
        with self._shared_lock, self._connect() as conn:
            try:
                base, stmts = T.articles, _cached_facet_statements(False, limit)
                if restricted:
                    try:
                        conn.execute(_CREATE_FACET_MATCH)
                        conn.execute(_FACET_MATCH.insert().from_select(["pk", "id", "source", "published"],
                                                                       matched))
                        base, stmts = _FACET_MATCH, _cached_facet_statements(True, limit)
                    except SQLAlchemyError:
                        # no temporary tables here (a read-only connection or replica): let each
                        # facet run the match itself, slower but the same counts
                        conn.rollback()
                        base = matched.subquery()
                        stmts = _facet_statements(base, select(base.c.id), limit)
                out = {k: [{"value": val, "count": c} for val, c in conn.execute(stmt)]
                       for k, stmt in stmts.items()}
                if total:
                    out["total"] = conn.execute(select(func.count()).select_from(base)).scalar_one()
            finally:
                conn.rollback()
        return out


def _facet_statements(base, ids, limit: int | None) -> dict:
    """The five facet queries over the articles in ``base`` (``articles`` or the matched set),
    whose ids ``ids`` selects (None: every article). The usual two shapes are built once
    (``_cached_facet_statements``): building them cost as much as running them on a small match."""
    e, v, p, t = T.entities.c, T.events.c, T.places.c, T.attributions.c

    def within(col):
        return col.in_(ids) if ids is not None else true()

    codes = union(
        select(e.article_id.label("aid"), e.country.label("code"))
        .where(e.country.is_not(None), within(e.article_id)),
        select(v.article_id, v.actor_country).where(v.actor_country.is_not(None), within(v.article_id)),
        select(v.article_id, v.target_country).where(v.target_country.is_not(None), within(v.article_id)),
        select(p.article_id, func.coalesce(p.country3, p.country))
        .where(p.country.is_not(None), within(p.article_id)),
    ).subquery()

    def grouped(col, cond, by_value=False):
        n = func.count().label("n")
        stmt = select(col.label("value"), n).where(cond, col.is_not(None)).group_by(col)
        stmt = stmt.order_by(col) if by_value else stmt.order_by(n.desc(), col)
        if limit is not None and not by_value:
            stmt = stmt.limit(limit)
        return stmt

    return {
        "source": grouped(base.c.source, true()),
        "day": grouped(base.c.published, true(), by_value=True),
        "event_type": grouped(v.type, within(v.article_id)),
        "country": grouped(codes.c.code, true()),
        "speaker": grouped(t.source_name, within(t.article_id)),
    }


@functools.lru_cache(maxsize=64)
def _cached_facet_statements(matched: bool, limit: int | None) -> dict:
    if matched:
        return _facet_statements(_FACET_MATCH, select(_FACET_MATCH.c.id), limit)
    return _facet_statements(T.articles, None, limit)


class _Guard:
    """Turns database errors inside a ``with`` block into StoreError with the URL in the message."""

    def __init__(self, cm, url: str):
        self.cm, self.url = cm, url

    def __enter__(self):
        try:
            return self.cm.__enter__()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot use the database {self.url}: {exc.__class__.__name__}: "
                             f"{getattr(exc, 'orig', None) or exc}") from exc

    def __exit__(self, et, ev, tb):
        try:
            suppressed = self.cm.__exit__(et, ev, tb)
        except SQLAlchemyError as exc:
            raise StoreError(f"database error on {self.url}: {getattr(exc, 'orig', None) or exc}") from exc
        if isinstance(ev, SQLAlchemyError):
            raise StoreError(f"database error on {self.url}: {getattr(ev, 'orig', None) or ev}") from ev
        return suppressed
