"""Storage of articles, stories and summaries: SQLite by default (one file, WAL, no server)."""

from khulasa.store.sqlite import SQLiteStore, StoredArticle, StoredStory, content_hash

__all__ = ["SQLiteStore", "StoredArticle", "StoredStory", "content_hash"]
