"""What every labelling tool here does the same way: read a JSONL file of ids and labels, pick
the items an annotator asked to see, keep the article pairs whose two outlets differ, and make an
Article of an ANT corpus record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def read_jsonl(path: Path) -> list[dict]:
    """Every JSON object of a JSONL file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def select(
    items: list[dict], key: str, ids: Iterable[str] | None, start: int, count: int, split: str | None = None
) -> list[dict]:
    """The items named by `ids` (in file order), else `count` items from `start` (of `split`)."""
    if ids:
        wanted = set(ids)
        return [item for item in items if item[key] in wanted]
    if split:
        items = [item for item in items if item["split"] == split]
    return items[start : start + count]


def cross_outlet(pairs: list[dict], corpus: Path) -> tuple[list[dict], dict[str, dict]]:
    """The article pairs (`a`, `b` ids) whose two articles come from different outlets, and the
    corpus records of all their articles."""
    from khulasa.evaluate.datasets import ant_records

    records = ant_records({p["a"] for p in pairs} | {p["b"] for p in pairs}, corpus)
    return [p for p in pairs if records[p["a"]]["src"] != records[p["b"]]["src"]], records


def record_article(record: dict):
    """The ANT corpus record as the pipeline's Article (no url: labels never need it)."""
    from khulasa.model import Article

    return Article(record["id"], record["text"], record.get("title"), record["src"], None, record.get("time"))
