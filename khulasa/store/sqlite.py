"""SQLite, the default store: one file, WAL journal so readers never block the ingester."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from khulasa.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """A Khulasa database in one SQLite file (WAL mode, foreign keys on, migrated on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.connection = sqlite3.connect(self.path, timeout=30)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.exact_copies = 0
        self.migrate()

    def _sql(self, query: str, parameters: Sequence = ()) -> sqlite3.Cursor:
        return self.connection.execute(query, tuple(parameters))

    def _transaction(self) -> AbstractContextManager:
        return self.connection
