"""The stream pipeline as a Dask job, for archives beyond one machine.

The archive is sorted by publication time and cut into contiguous time partitions; each
partition is deduplicated and clustered on a worker exactly as `khulasa ingest` does on one
machine; the driver then joins stories that straddle a partition boundary (their centroids
meet the same cosine threshold, and they are within the window of each other). With one
partition the result is the single-machine clustering.

    khulasa archive articles.jsonl.xz --out stories.jsonl --partitions 16 [--scheduler tcp://HOST:8786]

On a cluster: start `dask scheduler` on one machine and `dask worker tcp://HOST:8786` on each
worker (all with Khulasa installed), then pass that address as --scheduler.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

from khulasa.model import Article
from khulasa.stream.clustering import DAY, StoryClusterer
from khulasa.stream.dedup import DuplicateIndex

Record = tuple[float | None, str, str | None, str, str | None]  # published, id, title, text, source


@dataclass(frozen=True)
class PartitionResult:
    """Stories of one time partition: article → local story, duplicates, and story centroids."""

    index: int
    story_of: dict[str, int]
    duplicate_of: dict[str, str]
    centroids: dict[int, dict[str, float]]
    spans: dict[int, tuple[float, float]]


def cluster_partition(index: int, records: list[Record], threshold: float, window_days: float) -> PartitionResult:
    """Deduplicate and cluster one partition (runs on a worker)."""
    duplicates = DuplicateIndex()
    clusterer = StoryClusterer(threshold=threshold, window_days=window_days)
    story_of: dict[str, int] = {}
    duplicate_of: dict[str, str] = {}
    centroids: dict[int, Counter] = {}
    spans: dict[int, tuple[float, float]] = {}
    by_id = {r[1]: r for r in records}
    clusterer.fetch = lambda key: Article(key, by_id[key][3], by_id[key][2], by_id[key][4]) if key in by_id else None
    for published, article_id, title, text, source in records:
        original = duplicates.add(article_id, text)
        if original is not None:
            duplicate_of[article_id] = original
            story_of[article_id] = story_of[original]
            continue
        story = clusterer.add(title, text, published, article_id, source)
        story_of[article_id] = story
        state = clusterer.open.get(story)
        if state is not None:
            centroids[story] = Counter(state.centroid)
        when = published or 0.0
        first, last = spans.get(story, (when, when))
        spans[story] = (min(first, when), max(last, when))
    return PartitionResult(index, story_of, duplicate_of, {k: dict(v) for k, v in centroids.items()}, spans)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def merge_partitions(results: list[PartitionResult], threshold: float, window_days: float) -> dict[str, str]:
    """Global story keys ("partition:story"), joining stories across adjacent partition boundaries."""
    results = sorted(results, key=lambda r: r.index)
    alias: dict[str, str] = {}

    def root(key: str) -> str:
        while key in alias:
            key = alias[key]
        return key

    window = window_days * DAY
    for left, right in itertools.pairwise(results):
        boundary = min((first for first, _ in right.spans.values()), default=0.0)
        ending = [s for s, (_, last) in left.spans.items() if boundary - last <= window]
        starting = [s for s, (first, _) in right.spans.items() if first - boundary <= window]
        for story in starting:
            best, score = None, threshold
            for candidate in ending:
                similarity = _cosine(right.centroids.get(story, {}), left.centroids.get(candidate, {}))
                if similarity >= score:
                    best, score = candidate, similarity
            if best is not None:
                alias[f"{right.index}:{story}"] = root(f"{left.index}:{best}")
    return {
        article: root(f"{result.index}:{story}") for result in results for article, story in result.story_of.items()
    }


def cluster_archive(
    records: list[Record],
    partitions: int = 8,
    threshold: float = 0.2,
    window_days: float = 3.0,
    scheduler: str | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """Story key of every article and duplicate links, computed with Dask.

    `scheduler`: None runs Dask's local process pool; "synchronous" runs in this process (tests);
    an address such as tcp://10.0.0.5:8786 sends the partitions to a distributed cluster.
    """
    import dask.bag as bag

    ordered = sorted(records, key=lambda r: (r[0] is None, r[0] or 0.0))
    size = max(1, math.ceil(len(ordered) / max(1, partitions)))
    chunks = [(i, ordered[start : start + size]) for i, start in enumerate(range(0, len(ordered), size))]
    job = bag.from_sequence(chunks, npartitions=len(chunks) or 1).map(
        lambda chunk: cluster_partition(chunk[0], chunk[1], threshold, window_days)
    )
    if scheduler and scheduler not in ("synchronous", "processes", "threads"):
        from distributed import Client

        with Client(scheduler) as client:
            results = client.compute(job).result()
    else:
        results = job.compute(scheduler=scheduler or "processes")
    duplicates = {a: b for r in results for a, b in r.duplicate_of.items()}
    return merge_partitions(list(results), threshold, window_days), duplicates


def stories_from(story_of: dict[str, str], records: list[Record], duplicates: dict[str, str]) -> list[dict]:
    """One record per story: its articles in time order, outlets, time span and duplicate links."""
    by_id = {r[1]: r for r in records}
    members: dict[str, list[str]] = {}
    for article, key in story_of.items():
        members.setdefault(key, []).append(article)
    stories = []
    for key, articles in members.items():
        articles.sort(key=lambda a: (by_id[a][0] is None, by_id[a][0] or 0.0))
        times = [by_id[a][0] for a in articles if by_id[a][0] is not None]
        stories.append(
            {
                "story": key,
                "title": by_id[articles[0]][2],
                "articles": articles,
                "outlets": list(dict.fromkeys(by_id[a][4] for a in articles if by_id[a][4])),
                "first_published": min(times, default=None),
                "last_published": max(times, default=None),
                "duplicates": {a: duplicates[a] for a in articles if a in duplicates},
            }
        )
    return sorted(stories, key=lambda s: (-len(s["articles"]), s["story"]))
