"""Ingestion keeps its promises under kill -9, concurrent writers and reruns: the stories (and
summaries) are exactly those of one uninterrupted, serial run, on real ANT articles."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from khulasa.model import Article
from khulasa.store import SQLiteStore
from khulasa.stream.ingest import ingest_articles
from tests.stream.conftest import stories_of

INGEST = [sys.executable, "-m", "khulasa.cli.main", "ingest"]


def _ingest(db: Path, *paths: Path, summaries: bool = False, batch: int = 25, window: float = 3.0) -> subprocess.Popen:
    flags = ["--window-days", str(window)] + ([] if summaries else ["--no-summaries"])
    return subprocess.Popen(
        [*INGEST, *map(str, paths), "--db", str(db), "--batch-size", str(batch), *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen) -> str:
    """Wait for a run to succeed; what it printed (stdout, then stderr)."""
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return out + err


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _kill_when(process: subprocess.Popen, db: Path, table: str, at_least: int) -> bool:
    """SIGKILL the process once `table` holds `at_least` rows; False if it finished first."""
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if _count(db, table) >= at_least:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.02)
    process.communicate()
    return False


def test_killed_and_resumed_ingest_makes_the_stories_of_an_uninterrupted_one(tmp_path, ant_days):
    """kill -9 at random moments (seeded), rerun, and compare every article's story and every
    story row with one uninterrupted run: the clustering state is checkpointed with each batch.
    Stories stay open half a day here, so the two days span several windows (rebuilding only the
    last window on restart, as ingest once did, changed the stories of 89-214 of these articles)."""
    path, records = ant_days
    _finish(_ingest(tmp_path / "whole.sqlite", path, window=0.5))
    expected = stories_of(tmp_path / "whole.sqlite")
    assert len(expected["articles"]) == len(records)
    assert sum(1 for s in expected["stories"].values() if s[0] > 1) > 20
    rng = random.Random(7)
    killed = 0
    for trial in range(3):
        db = tmp_path / f"killed-{trial}.sqlite"
        if _kill_when(_ingest(db, path, window=0.5), db, "articles", rng.randrange(30, len(records) - 60)):
            killed += 1
            assert _count(db, "articles") < len(records)
        _finish(_ingest(db, path, window=0.5))
        assert stories_of(db) == expected
    assert killed >= 2  # the kills landed mid-run, not after it


def test_a_rerun_finishes_the_summaries_a_killed_run_left(tmp_path, ant_days):
    _, records = ant_days
    morning = tmp_path / "morning.jsonl"
    # Six hours of news: few enough multi-article stories to summarize in a test.
    early = [r for r in records if re.search(r" 10 Apr 2018 0[0-5]:", r["time"])]
    morning.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in early), encoding="utf-8")
    whole = tmp_path / "whole.sqlite"
    _finish(_ingest(whole, morning, summaries=True))
    with SQLiteStore(whole) as store:
        expected = {s.id: store.summary(s.id) for s in store.stories(min_articles=2)}
    assert len(expected) >= 2 and all(expected.values())
    db = tmp_path / "killed.sqlite"
    assert _kill_when(_ingest(db, morning, summaries=True), db, "summaries", 1)
    assert _count(db, "summaries") < len(expected)
    _finish(_ingest(db, morning, summaries=True))
    with SQLiteStore(db) as store:
        assert store.stale_summaries() == []
        resumed = {s.id: store.summary(s.id) for s in store.stories(min_articles=2)}
    assert {k: v[1]["sentences"] for k, v in resumed.items()} == {k: v[1]["sentences"] for k, v in expected.items()}


def _halves(tmp_path: Path, records: list[dict]) -> tuple[Path, Path]:
    """Two files of interleaved articles (even and odd lines): each writer's news spans the other's."""
    paths = (tmp_path / "even.jsonl", tmp_path / "odd.jsonl")
    for parity, path in enumerate(paths):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[parity::2]), encoding="utf-8")
    return paths


def _first_ingested(db: Path, ids: set[str]) -> float:
    with sqlite3.connect(db) as connection:
        return min(t for i, t in connection.execute("SELECT id, ingested_at FROM articles") if i in ids)


def test_concurrent_ingests_make_the_stories_of_a_serial_run(tmp_path, ant_days):
    """Two `khulasa ingest` at once on one database: the second waits for the first, and the
    result is the serial run in the order they got the database (no story mixes the two by id)."""
    _, records = ant_days
    even, odd = _halves(tmp_path, records)
    db = tmp_path / "both.sqlite"
    SQLiteStore(db).close()  # created beforehand, so both start on an existing file
    runs = [_ingest(db, even, batch=20), _ingest(db, odd, batch=20)]
    messages = [_finish(r) for r in runs]
    order = sorted(
        [(even, records[0::2]), (odd, records[1::2])],
        key=lambda item: _first_ingested(db, {r["id"] for r in item[1]}),
    )
    serial = tmp_path / "serial.sqlite"
    for path, _ in order:
        _finish(_ingest(serial, path, batch=20))
    assert stories_of(db) == stories_of(serial)
    assert len(stories_of(db)["articles"]) == len(records)
    if any("waiting for it to finish" in m for m in messages):  # the usual case: they overlapped
        assert sum("another ingest is writing" in m for m in messages) == 1


def test_parallel_api_ingests_make_the_stories_of_a_serial_run(tmp_path, ant_days):
    """Eight parallel POST /api/articles of ten articles each, against a real server."""
    import httpx

    from khulasa.serve.app import create_app
    from khulasa.serve.protocol import server_config
    from tests.serve.conftest import free_port, running

    _, records = ant_days
    rng = random.Random(3)
    chosen = rng.sample(records, 80)  # mostly unrelated articles over two days
    requests = [chosen[i::8] for i in range(8)]
    db = tmp_path / "api.sqlite"
    SQLiteStore(db).close()
    answers: list = [None] * 8

    def post(base: str, i: int) -> None:
        docs = [
            {"id": r["id"], "title": r["title"], "text": r["text"], "source": r["src"], "time": r["time"]}
            for r in requests[i]
        ]
        answers[i] = httpx.post(
            base + "/api/articles", json=docs, headers={"Authorization": "Bearer t0ken"}, timeout=120
        )

    config = server_config(create_app(str(db), "t0ken"), "127.0.0.1", free_port(), log_level="warning")
    with running(config) as base:
        threads = [threading.Thread(target=post, args=(base, i)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [a.status_code for a in answers] == [200] * 8
    assert len(stories_of(db)["articles"]) == 80  # nothing lost
    order = sorted(range(8), key=lambda i: _first_ingested(db, {r["id"] for r in requests[i]}))
    serial = tmp_path / "serial.sqlite"
    with SQLiteStore(serial) as store:
        for i in order:
            ingest_articles(
                store,
                [Article(r["id"], r["text"], r["title"], r["src"], None, r["time"], "<request>") for r in requests[i]],
            )
    assert stories_of(db) == stories_of(serial)


def test_a_killed_writer_releases_the_database(tmp_path):
    db = tmp_path / "k.sqlite"
    SQLiteStore(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from khulasa.store import SQLiteStore\nimport time\n"
            f"s = SQLiteStore({str(db)!r})\nwith s.writer():\n    print('held', flush=True)\n    time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    told: list[str] = []
    with SQLiteStore(db) as store, store.writer(told.append):
        pass
    assert told == []


def test_the_same_file_ingested_twice_at_once_is_stored_once(tmp_path, ant_days):
    """Check-then-insert under one writer at a time: no IntegrityError, and the second run finds
    everything already stored."""
    path, records = ant_days
    db = tmp_path / "twice.sqlite"
    SQLiteStore(db).close()
    runs = [_ingest(db, path, batch=50), _ingest(db, path, batch=50)]
    outputs = [_finish(run) for run in runs]
    single = tmp_path / "single.sqlite"
    _finish(_ingest(single, path, batch=50))
    assert stories_of(db) == stories_of(single)
    assert len(stories_of(db)["articles"]) == len(records)
    assert any(f"{len(records)} already stored" in out for out in outputs)


def test_document_frequencies_are_checkpointed_apart_as_changes(tmp_path, ant_days, monkeypatch):
    """The clusterer's document frequencies, which grow with the vocabulary of the whole feed, are
    not pickled with the state each batch: a batch saves the counts it changed, and a full copy only
    once the changes saved since the last would hold as many counts. A state loaded from a full
    copy and its changes has the counts of one saved whole (one batch)."""
    import pickle

    from khulasa.stream.ingest import FREQUENCY_STATE, STATE_NAME, load_state

    _, records = ant_days
    articles = [Article(r["id"], r["text"], r["title"], r["src"], r["url"], r["time"]) for r in records[:300]]
    written: list[tuple[str, int]] = []
    real = SQLiteStore.save_state

    def save_state(self, name, state):
        if name.startswith(FREQUENCY_STATE):
            written.append((name, len(pickle.loads(state))))
        return real(self, name, state)

    monkeypatch.setattr(SQLiteStore, "save_state", save_state)
    with SQLiteStore(tmp_path / "batches.sqlite") as store:
        ingest_articles(store, articles, batch_size=20)
        batches = load_state(store, 3.0, 0.2)
        main = pickle.loads(store.load_state(STATE_NAME))
        rows = [name for name, _ in store.load_states(FREQUENCY_STATE)]
    written_in_batches = list(written)
    with SQLiteStore(tmp_path / "whole.sqlite") as store:
        ingest_articles(store, articles, batch_size=1000)
        whole = load_state(store, 3.0, 0.2)
    assert main.clusterer.document_frequency is None
    assert batches.clusterer.document_frequency == whole.clusterer.document_frequency
    assert len(whole.clusterer.document_frequency) > 2000
    full = [n for name, n in written_in_batches if name == FREQUENCY_STATE]
    changes = [n for name, n in written_in_batches if name != FREQUENCY_STATE]
    assert len(written_in_batches) == 15 and 1 < len(full) < 15 and changes
    assert max(changes) < len(whole.clusterer.document_frequency) / 2
    assert rows[0] == FREQUENCY_STATE and len(rows) == 1 + main.frequency_logs
