"""PostgreSQL behind the same interface, for stores shared by several ingesters or a server.

store = PostgresStore("postgresql://user@host/khulasa")   # or "host=/run/postgresql dbname=..."
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from khulasa.store.sql import SQLStore


class Row(tuple):
    """A result row readable by position (row[0]) and by column name (row["id"])."""

    names: dict[str, int]

    def __new__(cls, names: dict[str, int], values: Sequence[Any]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class PostgresStore(SQLStore):
    """A Khulasa database in PostgreSQL (psycopg 3), migrated on open."""

    def __init__(self, dsn: str) -> None:
        import psycopg

        self.path = dsn
        self.connection = psycopg.connect(dsn, autocommit=True, row_factory=_row_factory)
        self.migrate()

    def _sql(self, query: str, parameters: Sequence = ()) -> Any:
        return self.connection.execute(query.replace("?", "%s"), tuple(parameters))

    def _sql_many(self, query: str, rows: Iterable[Sequence]) -> None:
        rows = list(rows)
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(query.replace("?", "%s"), rows)

    def _transaction(self) -> AbstractContextManager:
        return self.connection.transaction()

    def _ddl(self, statement: str) -> str:
        return statement.replace(" REAL", " DOUBLE PRECISION").replace(" BLOB", " BYTEA")

    def _lock_schema(self) -> None:
        self._sql("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))

    @contextmanager
    def _writer_lock(self, wait: Callable[[str], None] | None) -> Iterator[None]:
        """A session-level advisory lock: PostgreSQL releases it when the holder's connection ends."""
        if not self._sql("SELECT pg_try_advisory_lock(?)", (_WRITER_LOCK,)).fetchone()[0]:
            if wait is not None:
                wait(f"{self.path}: another ingest is writing to this database; waiting for it to finish")
            self._sql("SELECT pg_advisory_lock(?)", (_WRITER_LOCK,))
        try:
            yield
        finally:
            self._sql("SELECT pg_advisory_unlock(?)", (_WRITER_LOCK,))


# Advisory lock keys (64-bit): fixed numbers derived from names, shared by every Khulasa process.
_SCHEMA_LOCK = zlib.crc32(b"khulasa schema")
_WRITER_LOCK = zlib.crc32(b"khulasa writer")
