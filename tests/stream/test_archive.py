"""`khulasa archive` makes the stories `khulasa ingest` makes, on real ANT articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.stream.conftest import stories_of

CLI = [sys.executable, "-m", "khulasa.cli.main"]


def _run(*args: str) -> str:
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _partition(groups) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


def test_archive_makes_the_stories_of_ingest(tmp_path: Path, ant_days):
    """Two days of all five outlets (406 articles) cut into four time partitions: every
    article is in the same story as with ingest (the partition boundaries fall inside open stories).
    The centroid-only merge across partition boundaries had made 222 stories where ingest made 283
    (28 of them, with 173 articles, not ingest's)."""
    path, records = ant_days
    db = tmp_path / "ingest.sqlite"
    _run("ingest", str(path), "--db", str(db), "--no-summaries")
    ingested = stories_of(db)["articles"]
    by_story: dict[int, list[str]] = {}
    for article, (story, _) in ingested.items():
        by_story.setdefault(story, []).append(article)
    out = tmp_path / "stories.jsonl"
    _run("archive", str(path), "--out", str(out), "--partitions", "4")
    archived = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(s["articles"]) for s in archived) == len(records)
    assert _partition(s["articles"] for s in archived) == _partition(by_story.values())
