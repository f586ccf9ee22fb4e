"""PostgreSQL behind the same interface, for stores shared by several ingesters or a server.

store = PostgresStore("postgresql://user@host/khulasa")   # or "host=/run/postgresql dbname=..."
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
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
        self.exact_copies = 0
        self.migrate()

    def _sql(self, query: str, parameters: Sequence = ()) -> Any:
        return self.connection.execute(query.replace("?", "%s"), tuple(parameters))

    def _transaction(self) -> AbstractContextManager:
        return self.connection.transaction()

    def _ddl(self, statement: str) -> str:
        return statement.replace(" REAL", " DOUBLE PRECISION")
