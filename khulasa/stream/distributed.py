"""`khulasa archive`: the stream pipeline over an archive, with the per-article work on Dask.

The archive is put in publication order (as `khulasa ingest` does) and cut into contiguous time
partitions. What depends on an article alone — its content hash, MinHash signature, clustering
terms and same-event profile (`ingest.prepare`; 70% of ingest's CPU time in a profile of one
month) — is computed on Dask workers, one task a partition; the decisions that depend on order
(is it a copy of an earlier article, which open story does it join) are taken on the driver by
`ingest_batches`, the code path of `khulasa ingest`, into a temporary SQLite store. So the
archive's stories are exactly ingest's, story ids and titles included, wherever partition
boundaries fall. The driver takes the partitions in order as they come back, with at most
`partitions` of them computed or waiting at once: memory holds those partitions' profiles, not
the archive's.

    khulasa archive articles.jsonl.xz --out stories.jsonl --partitions 16 [--scheduler tcp://HOST:8786]

On a cluster: start `dask scheduler` on one machine and `dask worker tcp://HOST:8786` on each
worker (all with Khulasa installed), then pass that address as --scheduler.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from khulasa.model import Article
from khulasa.store import SQLiteStore, SQLStore
from khulasa.stream.ingest import (
    IngestReport,
    Item,
    Prepared,
    Timed,
    counted,
    in_publication_order,
    ingest_batches,
    prepare,
)

# A partition holds at most this many articles (their profiles, ~0.1 MB each, wait on the driver).
PARTITION_ARTICLES = 1000


def prepare_partition(articles: list[Article]) -> list[Prepared]:
    """What ingest computes of each article from the article alone (runs on a worker)."""
    return [prepare(article) for article in articles]


def _partitions(timed: list[Timed], partitions: int) -> list[list[Timed]]:
    size = max(1, min(PARTITION_ARTICLES, math.ceil(len(timed) / max(1, partitions))))
    return [timed[start : start + size] for start in range(0, len(timed), size)]


def _prepared(chunks: list[list[Timed]], scheduler: str | None, in_flight: int) -> Iterator[list[Item]]:
    """Each partition with its prepared articles, in order; at most `in_flight` partitions are
    submitted and not yet taken. `scheduler`: None or "processes" runs a local Dask cluster of
    processes, "threads" one of threads, "synchronous" everything in this process (tests), an
    address such as tcp://10.0.0.5:8786 a distributed cluster."""
    if scheduler == "synchronous":
        for chunk in chunks:
            yield _items(chunk, prepare_partition([article for article, _ in chunk]))
        return
    import logging

    from distributed import Client, LocalCluster

    if scheduler in (None, "processes", "threads"):
        cluster = LocalCluster(
            processes=scheduler != "threads",
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        cluster, client = None, Client(scheduler)
    try:
        waiting: deque = deque()
        queue = iter(chunks)
        for chunk in queue:
            waiting.append((chunk, client.submit(prepare_partition, [a for a, _ in chunk], pure=False)))
            if len(waiting) >= max(1, in_flight):
                break
        while waiting:
            chunk, future = waiting.popleft()
            prepared = future.result()
            future.release()
            following = next(queue, None)
            if following is not None:
                waiting.append((following, client.submit(prepare_partition, [a for a, _ in following], pure=False)))
            yield _items(chunk, prepared)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _items(chunk: list[Timed], prepared: list[Prepared]) -> list[Item]:
    return [(article, when, ready) for (article, when), ready in zip(chunk, prepared, strict=True)]


def cluster_archive(
    articles: Iterable[Article],
    partitions: int = 8,
    threshold: float = 0.2,
    window_days: float = 3.0,
    scheduler: str | None = None,
    clock: Callable[[], float] = time.time,
    progress: bool = False,
) -> tuple[list[dict], IngestReport]:
    """The stories of an archive, as `khulasa ingest` makes them, and what became of each article."""
    report = IngestReport()
    timed = list(counted(in_publication_order(list(articles), clock()), report))
    with tempfile.TemporaryDirectory(prefix="khulasa-archive-") as folder, SQLiteStore(Path(folder) / "a.db") as store:
        batches = _prepared(_partitions(timed, partitions), scheduler, partitions)
        ingest_batches(store, batches, report, len(timed), window_days, threshold, progress)
        stories = stories_from(store)
    return stories, report


def stories_from(store: SQLStore) -> list[dict]:
    """One record per story of the store: its title, articles in time order (undated last), outlets,
    time span and near-duplicate and exact-copy links; largest first."""
    members: dict[int, list[tuple[bool, float, int, str]]] = {}
    links: dict[int, dict[str, str]] = {}
    for position, stored in enumerate(store.articles()):
        if stored.story_id is None:
            continue
        when = stored.published
        members.setdefault(stored.story_id, []).append((when is None, when or 0.0, position, stored.article.id))
        if stored.duplicate_of is not None:
            links.setdefault(stored.story_id, {})[stored.article.id] = stored.duplicate_of
    records = []
    for story in store.stories():
        articles = [article for *_, article in sorted(members.get(story.id, []))]
        records.append(
            {
                "story": story.id,
                "title": story.title,
                "articles": articles,
                "outlets": list(story.outlets),
                "first_published": story.first_published,
                "last_published": story.last_published,
                "duplicates": links.get(story.id, {}),
            }
        )
    return sorted(records, key=lambda s: (-len(s["articles"]), s["story"]))
