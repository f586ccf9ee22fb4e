"""Ingest + near-duplicate detection + story clustering on the ANT news corpus (31,523 articles,
5 outlets, 2018), at growing sizes. Prints articles/second, peak memory, the story size
distribution and a sample of multi-outlet stories. Asserts nothing.

    python -m benchmarks.stream [--sizes 5000 10000 20000 31523] [--sample 10]

Each size runs in a fresh process on a fresh SQLite file so peak memory is per run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "same-story-pairs.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"


def run_one(size: int, sample: int) -> dict:
    from khulasa.evaluate.datasets import ant_articles
    from khulasa.store import SQLiteStore
    from khulasa.stream.evaluation import pair_scores, read_pairs
    from khulasa.stream.ingest import ingest_articles

    articles = list(ant_articles(CORPUS))
    # The corpus is grouped by outlet; take an even spread so every size mixes all five.
    step = max(1, len(articles) // size)
    articles = articles[::step][:size]
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        with SQLiteStore(Path(folder) / "k.sqlite") as store:
            report = ingest_articles(store, articles)
            seconds = time.perf_counter() - start
            story_of = {s.article.id: s.story_id for s in store.articles()}
            pairs = pair_scores(story_of, read_pairs(PAIRS))
            stories = store.stories()
            sizes = Counter(min(s.article_count, 10) for s in stories)
            multi = [s for s in stories if len(s.outlets) >= 3]
            shown = [
                {"id": s.id, "articles": s.article_count, "outlets": list(s.outlets), "title": s.title}
                for s in sorted(multi, key=lambda s: -s.article_count)[:sample]
            ]
    return {
        "articles": len(articles),
        "added": report.added,
        "duplicates": report.duplicates,
        "seconds": round(seconds, 1),
        "articles_per_second": round(len(articles) / seconds, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stories": len(stories),
        "size_distribution": {("10+" if k == 10 else str(k)): v for k, v in sorted(sizes.items())},
        "stories_with_3plus_outlets": len(multi),
        "sample": shown,
        "labelled_pairs": {"precision": pairs.precision, "recall": pairs.recall, "f1": pairs.f1, "pairs": pairs.pairs},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=[5000, 10000, 20000, 31523])
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.sample), ensure_ascii=False))
        return
    results = []
    for size in args.sizes:
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.stream", "--one", str(size), "--sample", str(args.sample)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        r = results[-1]
        print(
            f"{r['articles']:>6} articles: {r['seconds']:>6} s, {r['articles_per_second']:>6} articles/s, "
            f"peak {r['peak_mb']} MB, {r['duplicates']} duplicates, {r['stories']} stories, "
            f"{r['stories_with_3plus_outlets']} with 3+ outlets, sizes {r['size_distribution']}, "
            f"labelled pairs {r['labelled_pairs']}",
            flush=True,
        )
    base = results[0]
    for r in results[1:]:
        print(f"x{r['articles'] / base['articles']:.1f} articles -> x{r['seconds'] / base['seconds']:.1f} time")
    print("\nsample of multi-outlet stories (largest run):")
    for story in results[-1]["sample"]:
        print(f"  #{story['id']} {story['articles']} articles [{', '.join(story['outlets'])}] {story['title']}")
    out = Path(__file__).resolve().parent / "results" / "stream.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
