"""The relational layout of stored records (dialect-neutral SQLAlchemy Core).

The full ``chronicle/1`` record is kept verbatim in ``articles.record`` (Text, not JSON/JSONB:
JSONB reorders keys, and ``Store.get`` must give back exactly what was stored), except for the
article text, which lives once, in ``articles.text`` (``rows.dumps``/``rows.loads``). The other tables
are derived, query-friendly projections of that record; they can always be rebuilt from it,
which is what migrations do.

``articles.pk`` is an integer surrogate key because SQLite full-text tables address rows by an
integer rowid that must survive VACUUM; ``articles.id`` (the record's own id) is unique.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text)

SCHEMA_VERSION = 2

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


meta = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("url", Text),
    Column("source", String),
    Column("title", Text),
    Column("published", String(10)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("record_hash", String(64), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("schema", String(32), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_source", "source"),
)

entities = Table(
    "entities", metadata,
    _article_fk(),
    Column("id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("name_lower", Text, nullable=False),
    Column("type", String),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("aliases", Text),  # JSON list of alternative names, or NULL
    Index("ix_entities_name_lower", "name_lower"),
    Index("ix_entities_country", "country"),
    Index("ix_entities_article", "article_id", "id", unique=True),
    # v2: the country facet reads (article, country) of matched articles from the index alone
    Index("ix_entities_article_country", "article_id", "country"),
)

#: Every name an entity goes by (its name and its aliases), casefolded, one row each (v2). The
#: cross-article "same actor" rule is "same name or alias, case-insensitive"; without this table
#: the alias half of it was a ``LIKE`` scan over every entity's JSON alias list.
entity_names = Table(
    "entity_names", metadata,
    _article_fk(),
    Column("entity_id", String, nullable=False),
    Column("name_lower", Text, nullable=False),
    Index("ix_entity_names_name", "name_lower", "article_id", "entity_id"),
    Index("ix_entity_names_article", "article_id", "entity_id", "name_lower", unique=True),
)

mentions = Table(
    "mentions", metadata,
    _article_fk(),
    Column("entity_id", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text),
    Index("ix_mentions_article", "article_id", "entity_id"),
)

attributions = Table(
    "attributions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("id", String, nullable=False),
    Column("kind", String(16)),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("content_text", Text),
    Column("cue", Text),
    Column("source_entity", String),
    Column("source_name", Text),
    Column("source_name_lower", Text),
    Column("medium", String),
    Column("date", String(10)),
    Column("reported_by_name", Text),
    Column("confidence", Float),
    Index("ix_attributions_article", "article_id", "id", unique=True),
    Index("ix_attributions_source_name", "source_name_lower"),
)

times = Table(
    "times", metadata,
    _article_fk(),
    Column("id", String, nullable=False),
    Column("type", String(16)),
    Column("value", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Index("ix_times_article", "article_id", "id", unique=True),
)

places = Table(
    "places", metadata,
    _article_fk(),
    Column("id", String, nullable=False),
    Column("name", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("country3", String(3)),  # alpha-3 of ``country``, to match actor codes
    Column("feature", String(10)),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
    Index("ix_places_article", "article_id", "id", unique=True),
    Index("ix_places_country", "country"),
    Index("ix_places_country3", "country3"),
    Index("ix_places_geonameid", "geonameid"),
)

events = Table(
    "events", metadata,
    _article_fk(),
    Column("id", String, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String),
    Column("actor_name", Text),
    Column("actor_name_lower", Text),
    Column("actor_country", String(3)),
    Column("actor_sector", String(8)),
    Column("actor_entity", String),
    Column("target_name", Text),
    Column("target_name_lower", Text),
    Column("target_country", String(3)),
    Column("target_sector", String(8)),
    Column("target_entity", String),
    Column("place_id", String),
    Column("date", String(10)),
    Column("date_precision", String(8)),
    Column("count", Integer),
    Column("attributed_to", String),
    Column("negated", Boolean),
    Column("confidence", Float),
    Column("evidence_text", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Index("ix_events_article", "article_id", "id", unique=True),
    Index("ix_events_type", "type"),
    Index("ix_events_actor_country", "actor_country"),
    Index("ix_events_target_country", "target_country"),
    Index("ix_events_actor_name", "actor_name_lower"),
    Index("ix_events_target_name", "target_name_lower"),
)

#: Child tables, in the order their rows are written (and the reverse of deletion).
CHILDREN = (entities, entity_names, mentions, attributions, times, places, events)
