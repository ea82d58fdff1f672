"""Article filters shared by search, listing, counting, facets and exports.

Every filter narrows the set of *articles*; a filter on events or entities keeps the articles
that have at least one matching row (EXISTS), so counts never multiply by joins.
"""
from __future__ import annotations

from sqlalchemy import and_, exists, or_, select, true, tuple_

from ..errors import UsageError
from . import tables as T
from .countries import both

FILTERS = ("date_from", "date_to", "source", "entity", "event_type", "country")


def _many(value) -> list:
    return list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]


def entity_keys(names):
    """``(article_id, entity_id)`` of the entities called any of ``names`` (a name or a list),
    by their name or one of their aliases, case-insensitively: an index lookup in
    ``entity_names`` (see ``rows.name_keys`` for how keys are normalised)."""
    n = T.entity_names.c
    keys = sorted({str(name).casefold() for name in _many(names)})
    return select(n.article_id, n.entity_id).where(n.name_lower.in_(keys))


def entity_match(name: str):
    """Entity rows called ``name`` (case-insensitive), by their name or one of their aliases."""
    return tuple_(T.entities.c.article_id, T.entities.c.id).in_(entity_keys(name))


def entity_role(article_col, entity_col, name: str):
    """The record pointing at (``article_col``, ``entity_col``) refers to an entity called ``name``
    (attribution sources, event actors and targets)."""
    return tuple_(article_col, entity_col).in_(entity_keys(name))


def conditions(**filters) -> list:
    """SQL conditions on ``articles`` for the given filters; None/empty values are ignored.

    - ``date_from``/``date_to``: inclusive bounds on ``article.published`` (``YYYY-MM-DD``; a
      shorter prefix such as ``2025-01`` works for ``date_from``; use ``date_to`` with a full date);
    - ``source``: exact ``article.source`` (a list means any of them);
    - ``entity``: an entity of that name or alias (case-insensitive) in the article;
    - ``event_type``: a PLOVER type (case-insensitive; list allowed) among the article's events;
    - ``country``: a country among the article's entities, event actors/targets or places, as
      ISO alpha-3 or alpha-2 (either finds both: ``UKR`` also matches places coded ``UA``);
      list allowed.
    """
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise UsageError(f"unknown filter(s) {sorted(unknown)}; known filters: {', '.join(FILTERS)}")
    a = T.articles.c
    out = []
    f = {k: v for k, v in filters.items() if v not in (None, "", [], ())}
    if "date_from" in f:
        out.append(a.published >= str(f["date_from"]))
    if "date_to" in f:
        out.append(a.published <= str(f["date_to"]))
    if "source" in f:
        out.append(a.source.in_(_many(f["source"])))
    if "entity" in f:
        out.append(a.id.in_(entity_keys(f["entity"]).with_only_columns(T.entity_names.c.article_id)))
    if "event_type" in f:
        types = [str(t).upper() for t in _many(f["event_type"])]
        out.append(exists(select(1).where(T.events.c.article_id == a.id, T.events.c.type.in_(types))))
    if "country" in f:
        codes = sorted(set().union(*(both(str(c)) for c in _many(f["country"]))))
        e, v, p = T.entities.c, T.events.c, T.places.c
        out.append(or_(
            exists(select(1).where(e.article_id == a.id, e.country.in_(codes))),
            exists(select(1).where(v.article_id == a.id,
                                   or_(v.actor_country.in_(codes), v.target_country.in_(codes)))),
            exists(select(1).where(p.article_id == a.id, p.country.in_(codes))),
        ))
    return out


def where(**filters):
    """One condition (``and_`` of ``conditions``), or ``True`` when there are none."""
    conds = conditions(**filters)
    return and_(*conds) if conds else true()
