"""Storage of ``chronicle/1`` records: SQLite (FTS5) by default, PostgreSQL by URL.

``Store(url)`` is the whole public surface; see ``store.Store`` for the method contracts.
"""
from .store import DEFAULT_URL, Store, normalise_url
from .tables import SCHEMA_VERSION

__all__ = ["Store", "DEFAULT_URL", "SCHEMA_VERSION", "normalise_url"]
