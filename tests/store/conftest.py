"""A real PostgreSQL for the store tests: started from Debian's binaries in a temporary folder
when they are installed, skipped with a clear message when not."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

POSTGRES_BIN = next((p for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run server commands as the postgres system user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_dsn():
    if POSTGRES_BIN is None or not (POSTGRES_BIN / "initdb").exists():
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql): PostgreSQL tests skipped")
    pytest.importorskip("psycopg", reason="psycopg not installed: PostgreSQL tests skipped")
    folder = Path(tempfile.mkdtemp(prefix="khulasa-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_postgres(cmd), check=True, capture_output=True, timeout=120)  # noqa: E731
    run([str(POSTGRES_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"])
    run(
        [
            str(POSTGRES_BIN / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-w",
            "-o",
            f"-c listen_addresses='' -c unix_socket_directories={folder} -p {port}",
            "start",
        ]
    )
    try:
        yield f"host={folder} port={port} user=postgres dbname=postgres"
    finally:
        subprocess.run(
            _as_postgres([str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(request, tmp_path):
    """A fresh empty store of each backend."""
    if request.param == "sqlite":
        from khulasa.store import SQLiteStore

        yield lambda: SQLiteStore(tmp_path / "k.sqlite")
        return
    import psycopg

    from khulasa.store.postgres import PostgresStore

    dsn = request.getfixturevalue("postgres_dsn")
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute("DROP SCHEMA public CASCADE")
        admin.execute("CREATE SCHEMA public")
    yield lambda: PostgresStore(dsn)
