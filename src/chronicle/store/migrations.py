"""Schema versions and the steps between them.

The version lives in ``meta.schema_version``. A database without ``meta`` but with an
``articles(id, record)`` table is version 0: the bare record dump that early prototypes (and
anyone loading JSONL by hand) produce. Because every derived table is a projection of the
stored records, a step may simply re-project them; the ``0 -> 1`` step does exactly that.

To change the schema: bump ``tables.SCHEMA_VERSION``, add ``MIGRATIONS[old] = step`` and a
test that builds an ``old`` database by hand and opens it.
"""
from __future__ import annotations

import json
from typing import Callable

from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection

from ..errors import StoreError
from . import rows
from . import tables as T


def read_version(conn: Connection) -> int | None:
    """The schema version of the database behind ``conn``; None for an empty database."""
    names = set(inspect(conn).get_table_names())
    if "meta" in names:
        value = conn.execute(select(T.meta.c.value).where(T.meta.c.key == "schema_version")).scalar()
        if value is None:
            raise StoreError("the database has a 'meta' table without a schema_version: it was not "
                             "made by Chronicle, or is damaged; point --db at another file")
        return int(value)
    if "articles" in names:
        return 0
    return None


def write_version(conn: Connection, version: int) -> None:
    conn.execute(T.meta.delete().where(T.meta.c.key == "schema_version"))
    conn.execute(T.meta.insert().values(key="schema_version", value=str(version)))


def create(conn: Connection, search) -> None:
    """A fresh database at the current version."""
    T.metadata.create_all(conn)
    search.setup(conn)
    write_version(conn, T.SCHEMA_VERSION)


def _v0_to_v1(conn: Connection, search, write_record: Callable) -> None:
    """Version 0 kept only ``articles(id, record)``: move it aside, create the v1 tables, and
    re-project every record into them."""
    conn.exec_driver_sql("ALTER TABLE articles RENAME TO articles_v0")
    T.metadata.create_all(conn)
    search.setup(conn)
    for (record_json,) in conn.exec_driver_sql("SELECT record FROM articles_v0 ORDER BY id").fetchall():
        record = json.loads(record_json)
        write_record(conn, record, rows.record_hash(record))
    conn.exec_driver_sql("DROP TABLE articles_v0")


def _v1_to_v2(conn: Connection, search, write_record: Callable) -> None:
    """Version 2 adds ``entity_names`` (name/alias lookup keys), projected from the ``entities``
    rows already there so a large store upgrades in seconds without re-reading its records, and
    an (article, country) index on ``entities`` for the country facet.

    Emptied first: a database coming from version 0 was just re-projected at the current
    layout and already has these rows.
    """
    T.entity_names.create(conn, checkfirst=True)
    # create_all only makes the indexes of tables it creates: add this one to the old table
    next(i for i in T.entities.indexes if i.name == "ix_entities_article_country").create(conn, checkfirst=True)
    conn.execute(T.entity_names.delete())
    e = T.entities.c
    result = conn.execute(select(e.article_id, e.id, e.name, e.aliases))
    while batch := result.fetchmany(5000):
        out = [{"article_id": aid, "entity_id": eid, "name_lower": key}
               for aid, eid, name, aliases in batch
               for key in rows.name_keys(name, json.loads(aliases) if aliases else None)]
        if out:
            conn.execute(T.entity_names.insert(), out)


#: ``MIGRATIONS[n]`` brings a database from version n to n + 1.
MIGRATIONS: dict[int, Callable] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(conn: Connection, search, write_record: Callable) -> tuple[int | None, int]:
    """Bring the database to ``SCHEMA_VERSION`` inside the caller's transaction.

    Returns (version found, version now). Idempotent: at the current version it only makes
    sure every table, index and search structure exists.
    """
    found = read_version(conn)
    if found is None:
        create(conn, search)
        return None, T.SCHEMA_VERSION
    if found > T.SCHEMA_VERSION:
        raise StoreError(f"the database is at schema version {found} but this Chronicle knows "
                         f"version {T.SCHEMA_VERSION} at most: upgrade Chronicle")
    version = found
    while version < T.SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"no migration from schema version {version}; re-ingest into a new database")
        step(conn, search, write_record)
        version += 1
        write_version(conn, version)
    T.metadata.create_all(conn)  # checkfirst: adds tables (with their indexes) added within a version
    search.setup(conn)
    return found, version
