"""Storage of articles, stories and summaries: SQLite by default (one file, WAL, no server)."""

from khulasa.store.sql import SQLStore, StoredArticle, StoredStory, content_hash
from khulasa.store.sqlite import SQLiteStore


def open_store(target: str) -> SQLStore:
    """A PostgreSQL store for a postgresql:// address, else a SQLite store in that file."""
    if target.startswith(("postgresql://", "postgres://")):
        from khulasa.store.postgres import PostgresStore

        return PostgresStore(target)
    return SQLiteStore(target)


__all__ = ["SQLStore", "SQLiteStore", "StoredArticle", "StoredStory", "content_hash", "open_store"]
