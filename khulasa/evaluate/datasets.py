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
    group: str | None = None
    """The unit of resampling: a single-document item names the cluster it came from (its own id
    when None), so a story's documents count as one unit in a bootstrap."""


@dataclass(frozen=True)
class Dataset:
    """How to read one evaluation set and score it (language, budget, ROUGE side)."""

    name: str
    path: str
    language: str
    words: int
    measure: str  # "recall" (DUC convention) or "f"
    focused: bool = False
    single: bool = False
    """Each document of each cluster is summarized alone against the cluster's references."""
    part: str | None = None
    """The long Arabic set (built from ids, see long_set.py): "all", "tune" or "confirm"."""

    def records(self, data_dir: Path) -> Iterator[dict]:
        """The set's raw cluster records, in file order."""
        if self.part is not None:
            from khulasa.evaluate.long_set import load_records

            yield from load_records(data_dir, self.part)
            return
        with open(data_dir / self.path, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def clusters(self, data_dir: Path, limit: int | None = None) -> Iterator[EvalCluster]:
        """The first `limit` clusters (all when None) that have references; a single-document set
        yields each of their documents as its own item."""
        for number, record in enumerate(self.records(data_dir), start=1):
            if limit is not None and number > limit:
                return
            cluster = _cluster(record, self.focused, number, self.path)
            if not cluster.references:  # DUC 2007: 22 of 45 topics have no summaries
                continue
            if not self.single:
                yield cluster
                continue
            for article in cluster.articles:
                yield EvalCluster(f"{cluster.id}/{article.id}", (article,), cluster.references, group=cluster.id)


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
    "duc2007": Dataset("duc2007", "duc2006-2007/duc2007_main.jsonl", "en", 250, "recall"),
    "ar-mds": Dataset("ar-mds", "ar-mds/dev.jsonl", "ar", 30, "f"),
    "ar-mds-100": Dataset("ar-mds-100", "ar-mds/dev-100.jsonl", "ar", 100, "f"),
    "ar-long": Dataset("ar-long", "ant-news-2018/articles.jsonl.xz", "ar", 250, "f", part="all"),
    "ar-long-tune": Dataset("ar-long-tune", "ant-news-2018/articles.jsonl.xz", "ar", 250, "f", part="tune"),
    "ar-long-confirm": Dataset("ar-long-confirm", "ant-news-2018/articles.jsonl.xz", "ar", 250, "f", part="confirm"),
    # Single articles. At 30 words: BBC Arabic articles against their editor's summary line (a
    # paraphrase written for the article, not its lead). At 100 words: each document of the 100
    # ar-mds clusters alone against the first 120 words of the BBC report of the story, a human
    # account written by another newsroom (an article's own opening would reward copying it).
    "bbc-arabic": Dataset("bbc-arabic", "ant-bbc-arabic/dev.jsonl", "ar", 30, "f"),
    "single-100": Dataset("single-100", "ar-mds/dev-100.jsonl", "ar", 100, "f", single=True),
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
