"""SQLite, the default store: one file, WAL journal so readers never block the ingester."""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from khulasa.store.sql import SQLStore


class SQLiteStore(SQLStore):
    """A Khulasa database in one SQLite file (WAL mode, foreign keys on, migrated on open).

    Transactions are explicit (`BEGIN IMMEDIATE` … `COMMIT`): the connection runs in autocommit
    mode otherwise, so schema statements take part in transactions too (Python's sqlite3 would
    commit each DDL statement on its own) and a writer takes the write lock up front instead of
    failing to upgrade a read lock. The writer lock is an advisory lock (flock) on `FILE.lock`
    beside the database, which the kernel releases when the holding process dies.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self._depth = 0
        self.migrate()

    def _sql(self, query: str, parameters: Sequence = ()) -> sqlite3.Cursor:
        return self.connection.execute(query, tuple(parameters))

    def _sql_many(self, query: str, rows: Iterable[Sequence]) -> None:
        self.connection.executemany(query, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.connection.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.connection.execute("ROLLBACK")
            raise
        self._depth = 0
        self.connection.execute("COMMIT")

    @contextmanager
    def _writer_lock(self, wait: Callable[[str], None] | None) -> Iterator[None]:
        if self.path == ":memory:" or self.path.startswith("file:"):
            yield
            return
        descriptor = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if wait is not None:
                    wait(f"{self.path}: another ingest is writing to this database; waiting for it to finish")
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing the descriptor releases the lock
