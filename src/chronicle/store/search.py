"""Full-text search, isolated behind a small backend so each database can use its own engine.

SQLite uses FTS5 (external-content tables kept in step by triggers); PostgreSQL uses
``to_tsvector``/``websearch_to_tsquery``/``ts_headline`` over an expression GIN index. The
Store only talks to a backend through ``setup``, ``articles`` and ``attributions``.

User queries are never passed to FTS5 raw: its syntax (quotes, ``:``, ``-``, ``*``, parentheses,
``NEAR``) makes ordinary input such as ``No. 84`` or a stray ``"`` a syntax error. ``fts5_query``
keeps the parts people mean (``"quoted phrases"``, ``OR``/``NOT``, ``prefix*``) and quotes
everything else as literal terms.
"""
from __future__ import annotations

import re

from sqlalchemy import column, func, literal_column, table, text
from sqlalchemy.engine import Connection

from . import tables as T

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)
_OPERATORS = {"OR", "NOT", "AND"}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(query: str) -> str | None:
    """A safe FTS5 MATCH expression for free text typed by a person, or None if it has no terms.

    ``"..."`` is a phrase (an unclosed quote runs to the end); ``OR``/``NOT``/``AND`` in capitals
    between terms are operators; ``word*`` is a prefix query; anything else is a literal term.
    Terms without a letter or digit are dropped (FTS5 would match nothing for them).
    """
    parts: list[str] = []
    for m in _TOKEN.finditer(query or ""):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            if _WORD.search(phrase):
                parts.append(_quote(phrase.strip()))
            continue
        if word in _OPERATORS:
            parts.append(word)
            continue
        word = word.replace('"', "")
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not _WORD.search(word):
            continue
        parts.append(_quote(word) + ("*" if prefix else ""))
    # operators need a term on both sides (NOT also needs a left operand in FTS5)
    while parts and parts[0] in _OPERATORS:
        parts.pop(0)
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    cleaned: list[str] = []
    for p in parts:
        if p in _OPERATORS and cleaned and cleaned[-1] in _OPERATORS:
            continue
        cleaned.append(p)
    return " ".join(cleaned) or None


class SearchBackend:
    """What the Store needs from a full-text engine."""

    def setup(self, conn: Connection) -> None:  # pragma: no cover - interface
        """Create indexes/virtual tables; must be idempotent."""

    def rebuild(self, conn: Connection) -> None:  # pragma: no cover - interface
        """Rebuild the index from the base tables (after bulk loads or migrations)."""

    def articles(self, query: str, markers: tuple[str, str]):
        """(from_clause, match_condition, rank_column, snippet_column) for an article search,
        or None when the query has no searchable terms. rank: higher is better."""
        raise NotImplementedError

    def attributions(self, query: str, markers: tuple[str, str]):
        """Same as ``articles`` over attribution content."""
        raise NotImplementedError

    def ranked(self, query: str):
        """(from_clause, match_condition, rank_column, key_column) to rank matches without
        snippets; ``key_column`` equals ``articles.pk``. The default reuses ``articles``; a
        backend may rank from its index alone, without reading the article rows."""
        parts = self.articles(query, ("", ""))
        return None if parts is None else (parts[0], parts[1], parts[2], T.articles.c.pk)


_articles_fts = table("articles_fts", column("rowid"), column("title"), column("text"))
_attr_fts = table("attributions_fts", column("rowid"), column("content_text"))

_SQLITE_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        title, text, content='articles', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.pk, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5(
        content_text, content='attributions', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS attributions_fts_ai AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text); END""",
    """CREATE TRIGGER IF NOT EXISTS attributions_fts_ad AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content_text)
        VALUES ('delete', old.pk, old.content_text); END""",
    """CREATE TRIGGER IF NOT EXISTS attributions_fts_au AFTER UPDATE ON attributions BEGIN
        INSERT INTO attributions_fts(attributions_fts, rowid, content_text)
        VALUES ('delete', old.pk, old.content_text);
        INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text); END""",
]


class SqliteFts5(SearchBackend):
    """FTS5 with porter stemming; ``title`` weighs twice ``text`` in bm25."""

    def __init__(self, snippet_tokens: int = 24):
        self.snippet_tokens = snippet_tokens

    def setup(self, conn: Connection) -> None:
        for ddl in _SQLITE_DDL:
            conn.exec_driver_sql(ddl)

    def rebuild(self, conn: Connection) -> None:
        conn.exec_driver_sql("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild')")

    def articles(self, query, markers):
        q = fts5_query(query)
        if q is None:
            return None
        frm = T.articles.join(_articles_fts, _articles_fts.c.rowid == T.articles.c.pk)
        cond = text("articles_fts MATCH :fts_q").bindparams(fts_q=q)
        rank = (-func.bm25(literal_column("articles_fts"), 2.0, 1.0)).label("rank")
        # snippet from the body: the title is shown beside it anyway
        snip = func.snippet(literal_column("articles_fts"), 1, markers[0], markers[1], "…",
                            self.snippet_tokens).label("snippet")
        return frm, cond, rank, snip

    def ranked(self, query):
        q = fts5_query(query)
        if q is None:
            return None
        cond = text("articles_fts MATCH :fts_q").bindparams(fts_q=q)
        rank = (-func.bm25(literal_column("articles_fts"), 2.0, 1.0)).label("rank")
        return _articles_fts, cond, rank, _articles_fts.c.rowid

    def attributions(self, query, markers):
        q = fts5_query(query)
        if q is None:
            return None
        frm = T.attributions.join(_attr_fts, _attr_fts.c.rowid == T.attributions.c.pk)
        cond = text("attributions_fts MATCH :fts_q").bindparams(fts_q=q)
        rank = (-func.bm25(literal_column("attributions_fts"))).label("rank")
        snip = func.snippet(literal_column("attributions_fts"), 0, markers[0], markers[1], "…",
                            self.snippet_tokens * 2).label("snippet")
        return frm, cond, rank, snip


class PostgresTsvector(SearchBackend):
    """PostgreSQL text search over expression GIN indexes.

    ``websearch_to_tsquery`` accepts any user input without syntax errors, so no escaping. The
    query repeats the index expression with literal constants (not bound parameters) so the
    planner can match it to the index.
    """

    def __init__(self, config: str = "english"):
        if not re.fullmatch(r"[a-z_]+", config):
            raise ValueError(f"bad text search configuration name {config!r}")
        self.config = config

    def _cfg(self):
        return literal_column(f"'{self.config}'::regconfig")

    def _doc(self):
        body = func.coalesce(T.articles.c.title, literal_column("''")).op("||")(
            literal_column("' '")).op("||")(T.articles.c.text)
        return func.to_tsvector(self._cfg(), body)

    def _adoc(self):
        return func.to_tsvector(self._cfg(), func.coalesce(T.attributions.c.content_text, literal_column("''")))

    def setup(self, conn: Connection) -> None:
        c = self.config
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_articles_tsv ON articles USING GIN "
            f"(to_tsvector('{c}'::regconfig, (coalesce(title, '') || ' ') || text))")
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_attributions_tsv ON attributions USING GIN "
            f"(to_tsvector('{c}'::regconfig, coalesce(content_text, '')))")

    def rebuild(self, conn: Connection) -> None:
        conn.exec_driver_sql("REINDEX TABLE articles")
        conn.exec_driver_sql("REINDEX TABLE attributions")

    def _parts(self, doc, body, query, markers):
        if not (query or "").strip():
            return None
        tsq = func.websearch_to_tsquery(self._cfg(), query)
        opts = f'StartSel="{markers[0]}", StopSel="{markers[1]}", MaxWords=35, MinWords=15'
        return (doc.op("@@")(tsq), func.ts_rank(doc, tsq).label("rank"),
                func.ts_headline(self._cfg(), body, tsq, opts).label("snippet"))

    def articles(self, query, markers):
        parts = self._parts(self._doc(), T.articles.c.text, query, markers)
        return None if parts is None else (T.articles, *parts)

    def attributions(self, query, markers):
        parts = self._parts(self._adoc(), T.attributions.c.content_text, query, markers)
        return None if parts is None else (T.attributions, *parts)


def backend_for(dialect_name: str) -> SearchBackend:
    if dialect_name == "sqlite":
        return SqliteFts5()
    if dialect_name == "postgresql":
        return PostgresTsvector()
    from ..errors import StoreError

    raise StoreError(f"no full-text search backend for the {dialect_name!r} database; "
                     "use sqlite:///FILE or postgresql://...")
