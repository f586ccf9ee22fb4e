"""A slice of the ANT news corpus (read from ../shared, written to a temporary JSONL file for the
command-line tests, never into the repository)."""

from __future__ import annotations

import json
import lzma
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import DATA, require

ANT = DATA / "ant-news-2018" / "articles.jsonl.xz"


def _read_slice(start: str, end: str) -> list[dict]:
    from khulasa.read.timestamps import parse_time

    low = datetime.fromisoformat(start).replace(tzinfo=UTC)
    high = datetime.fromisoformat(end).replace(tzinfo=UTC)
    records = []
    with lzma.open(require(ANT), "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            when = parse_time(record.get("time"))
            if when is not None and low <= when.astimezone(UTC) < high:
                records.append({k: record[k] for k in ("id", "src", "time", "url", "title", "text")})
    return records


@pytest.fixture(scope="session")
def ant_days(tmp_path_factory) -> tuple[Path, list[dict]]:
    """About 450 articles of all five outlets over two days (2018-04-10 and 11), in corpus order."""
    records = _read_slice("2018-04-10", "2018-04-12")
    path = tmp_path_factory.mktemp("ant") / "two-days.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path, records


def stories_of(db: Path) -> dict:
    """Everything ingestion decided, read straight from a SQLite store: each article's story and
    duplicate link, and each story's row (count, outlets, title, time span)."""
    with sqlite3.connect(db) as connection:
        articles = {
            row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, story_id, duplicate_of FROM articles")
        }
        stories = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT id, article_count, outlets, title, first_published, last_published FROM stories"
            )
        }
    return {"articles": articles, "stories": stories}
