"""Evaluation sets from ../shared/data as clusters with references (read-only, never copied)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from khulasa.model import Article
from khulasa.read.jsonl import article_from_record, cluster_from_record


@dataclass(frozen=True)
class EvalCluster:
    """Documents to summarize, the human references, and an optional focus query."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]
    query: str | None = None


@dataclass(frozen=True)
class Dataset:
    """How to read one evaluation set and score it (language, budget, ROUGE side)."""

    name: str
    path: str
    language: str
    words: int
    measure: str  # "recall" (DUC convention) or "f"
    focused: bool = False

    def clusters(self, data_dir: Path, limit: int | None = None) -> Iterator[EvalCluster]:
        with open(data_dir / self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if limit is not None and number > limit:
                    return
                yield _cluster(json.loads(line), self.focused, number, self.path)


def _cluster(record: dict, focused: bool, number: int, origin: str) -> EvalCluster:
    """Documents read exactly as `khulasa batch` reads them, plus the references and topic."""
    if "docs" not in record:  # single-document set: the article is the cluster
        article = article_from_record(record, f"{origin}:{number}", origin)
        return EvalCluster(article.id, (article,), (record["abstract"],))
    cluster = cluster_from_record(record, number, origin)
    references = record.get("refs") or record.get("refs_from_pyramid") or []
    topic = record.get("topic")
    query = f"{topic['title']}. {topic['narr']}" if focused and topic else None
    return EvalCluster(cluster.id, cluster.articles, tuple(references), query)


DATASETS = {
    "duc2004": Dataset("duc2004", "duc2004/dev.jsonl", "en", 100, "recall"),
    "duc2006": Dataset("duc2006", "duc2006-2007/duc2006.jsonl", "en", 250, "recall"),
    "duc2006-focused": Dataset("duc2006-focused", "duc2006-2007/duc2006.jsonl", "en", 250, "recall", focused=True),
    "ar-mds": Dataset("ar-mds", "ar-mds/dev.jsonl", "ar", 30, "f"),
    "bbc-arabic": Dataset("bbc-arabic", "ant-bbc-arabic/dev.jsonl", "ar", 30, "f"),
}


def ant_records(ids: set[str], path: Path) -> dict[str, dict]:
    """The raw records (id, src, time, url, title, text) of the ANT articles with these ids, read
    in one pass over the corpus file; labelling tools and benchmarks look texts up by id."""
    import lzma

    records = {}
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                records[record["id"]] = record
    return records


def ant_articles(path: Path) -> Iterator[Article]:
    """Every article of the ANT news corpus (articles.jsonl.xz: id, src, time, url, title, text),
    in file order, with its origin set to the corpus file."""
    import lzma

    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            yield Article(
                record["id"],
                record["text"],
                record.get("title"),
                record["src"],
                record.get("url"),
                record.get("time"),
                str(path),
            )
