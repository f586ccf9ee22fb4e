"""`khulasa serve` refuses a database that does not exist unless told to create it, and says
where it serves."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def served(monkeypatch):
    """Replace the server's run with a record of the call, so the command returns at once."""
    import uvicorn

    calls: list[object] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: calls.append(self.config))
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append(a))
    return calls


def test_serve_refuses_a_missing_database(tmp_path, capsys, served):
    from khulasa.cli.main import main

    missing = tmp_path / "nowhere.sqlite"
    assert main(["serve", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"khulasa: error: {missing}: ") and "--create" in err
    assert not served and not missing.exists()


def test_serve_creates_the_database_when_asked_and_prints_its_address(tmp_path, capsys, monkeypatch):
    import uvicorn

    from khulasa.cli.main import main

    async def no_requests(self) -> None:  # listen, announce, then shut down at once
        return None

    monkeypatch.setattr(uvicorn.Server, "main_loop", no_requests)
    db = tmp_path / "new.sqlite"
    assert main(["serve", "--db", str(db), "--create", "--port", "0"]) == 0
    assert db.exists()
    line = next(x for x in capsys.readouterr().err.splitlines() if x.startswith("khulasa: serving"))
    assert re.fullmatch(rf"khulasa: serving http://127\.0\.0\.1:[1-9][0-9]* \(db {re.escape(str(db))}\)", line)
