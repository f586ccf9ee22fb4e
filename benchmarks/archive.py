"""`khulasa ingest --no-summaries` and `khulasa archive` on the same ANT month: wall time, the
driver's CPU time, number of stories and whether the two put every article in the same story.
Asserts nothing.

    python -m benchmarks.archive [--month 6] [--partitions 8] [--scheduler processes]

The month's articles are written to a temporary JSONL file (never into the repository) and both
commands run as subprocesses on it, so reading is counted in both.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path


def _run(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and the processes it waited for) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "khulasa.cli.main", *arguments], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main() -> None:
    from khulasa.read.timestamps import parse_time
    from khulasa.relate.story.train import corpus_articles

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
        db, out = Path(folder) / "k.sqlite", Path(folder) / "stories.jsonl"
        ingest = _run(["ingest", str(feed), "--db", str(db), "--no-summaries"])
        partitions = ["--partitions", str(args.partitions), "--scheduler", args.scheduler]
        archive = _run(["archive", str(feed), "--out", str(out), *partitions])
        with sqlite3.connect(db) as connection:
            groups: dict[int, set[str]] = {}
            for article, story in connection.execute("SELECT id, story_id FROM articles"):
                groups.setdefault(story, set()).add(article)
        ingested = {frozenset(g) for g in groups.values()}
        archived = {frozenset(json.loads(line)["articles"]) for line in out.read_text("utf-8").splitlines()}
    print(
        json.dumps(
            {
                "month": args.month,
                "articles": count,
                "ingest": {"wall_s": round(ingest[0], 1), "cpu_s": round(ingest[1], 1), "stories": len(ingested)},
                "archive": {
                    "wall_s": round(archive[0], 1),
                    "cpu_s_all_processes": round(archive[1], 1),
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
