"""`khulasa ingest --no-summaries` and `khulasa archive` on the same ANT month: wall time, CPU
time of this process (for the archive: the driver's; its Dask workers' separately), number of
stories and whether the two put every article in the same story. Asserts nothing.

    python -m benchmarks.archive [--month 6] [--partitions 8] [--scheduler processes]

The month's articles are written to a temporary JSONL file (never into the repository), and both
read it with the command line's reader, in this process, one after the other.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from datetime import UTC
from pathlib import Path


def _timed(run):
    """(result, wall seconds, CPU seconds of this process, CPU seconds of finished child processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return result, wall, cpu, workers


def main() -> None:
    from khulasa.read import read_paths
    from khulasa.read.timestamps import parse_time
    from khulasa.relate.story.train import corpus_articles
    from khulasa.store import SQLiteStore
    from khulasa.stream.distributed import cluster_archive
    from khulasa.stream.ingest import ingest_articles

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--month", type=int, default=6, help="month of 2018 (default 6, June)")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--scheduler", default="processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "month.jsonl"
        count = 0
        with feed.open("w", encoding="utf-8") as handle:
            for month, article in corpus_articles():
                when = parse_time(article.time)
                if month == args.month and when is not None and when.astimezone(UTC).year == 2018:
                    record = {"id": article.id, "title": article.title, "text": article.text}
                    handle.write(json.dumps({**record, "source": article.source, "time": article.time}) + "\n")
                    count += 1

        def ingest() -> dict[int, set[str]]:
            with SQLiteStore(Path(folder) / "k.sqlite") as store:
                ingest_articles(store, read_paths([feed]))
                groups: dict[int, set[str]] = {}
                for stored in store.articles():
                    groups.setdefault(stored.story_id or 0, set()).add(stored.article.id)
            return groups

        groups, *ingest_times = _timed(ingest)
        stories, *archive_times = _timed(
            lambda: cluster_archive(read_paths([feed]), args.partitions, scheduler=args.scheduler)[0]
        )
        ingested = {frozenset(g) for g in groups.values()}
        archived = {frozenset(s["articles"]) for s in stories}
    print(
        json.dumps(
            {
                "month": args.month,
                "articles": count,
                "ingest": {
                    "wall_s": round(ingest_times[0], 1),
                    "cpu_s": round(ingest_times[1], 1),
                    "stories": len(ingested),
                },
                "archive": {
                    "wall_s": round(archive_times[0], 1),
                    "driver_cpu_s": round(archive_times[1], 1),
                    "worker_cpu_s": round(archive_times[2], 1),
                    "stories": len(archived),
                    "partitions": args.partitions,
                    "scheduler": args.scheduler,
                },
                "same_stories": ingested == archived,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
