"""Ingest + near-duplicate detection + story clustering on the ANT news corpus (31,523 articles,
5 outlets, 2018), at growing sizes. Prints articles/second, peak memory, the story size
distribution and a sample of multi-outlet stories. Asserts nothing.

    python -m benchmarks.stream [--sizes 5000 10000 20000 31523] [--sample 10] [--stream]

Each size runs in a fresh process on a fresh SQLite file so peak memory is per run. By default the
run reads the whole corpus into memory and ingest sorts the chosen articles (a list) whole. With
--stream the chosen articles are first written in time order to a temporary JSONL file and the run
reads them from it one at a time, as a feed: ingest's reorder buffer holds a day of news, so
memory follows the open window, not the corpus. Both give the same stories. A feed's run also reports
articles per CPU-second for each 5,000 articles in feed order (`segments`): a cost per article that
grows with the corpus would show as falling rates.
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


def chosen(size: int) -> list:
    """The corpus is grouped by outlet; take an even spread so every size mixes all five."""
    from khulasa.evaluate.datasets import ant_articles

    articles = list(ant_articles(CORPUS))
    step = max(1, len(articles) // size)
    return articles[::step][:size]


def write_feed(size: int, path: Path) -> None:
    """The chosen articles in publication order (stable, as ingest sorts them), one JSON a line."""
    from khulasa.read.timestamps import parse_time

    articles = chosen(size)
    times = [parse_time(a.time) for a in articles]
    order = sorted(range(len(articles)), key=lambda i: times[i].timestamp() if times[i] else float("inf"))
    with path.open("w", encoding="utf-8") as handle:
        for i in order:
            a = articles[i]
            record = {"id": a.id, "text": a.text, "title": a.title, "source": a.source, "url": a.url, "time": a.time}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_feed(path: Path):
    """The feed's articles one at a time (a generator: nothing is held but the current line)."""
    from khulasa.model import Article

    with path.open(encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            yield Article(r["id"], r["text"], r["title"], r["source"], r["url"], r["time"], str(path))


SEGMENT = 5000  # articles of a feed whose CPU time is reported together (is the cost per article flat?)


def marked(articles, marks: list[float], every: int = SEGMENT):
    """Pass a feed through, noting the CPU time as each `every`-th article is read (ingest reads a
    day ahead and commits 500 at a time, so a segment's time is that of its articles to within that;
    the caller notes the end of the last segment when ingest has placed every article)."""
    for i, article in enumerate(articles):
        if i % every == 0:
            marks.append(time.process_time())
        yield article


def segments(marks: list[float], total: int, every: int = SEGMENT) -> list[dict]:
    """Articles per CPU-second of each `every` articles of the feed, in feed order."""
    rows = []
    for k in range(len(marks) - 1):
        first, last = k * every, min((k + 1) * every, total)
        rows.append(
            {
                "articles": f"{first}-{last}",
                "articles_per_cpu_second": round((last - first) / (marks[k + 1] - marks[k]), 1),
            }
        )
    return rows


def run_one(size: int, sample: int, feed: Path | None = None) -> dict:
    from khulasa.store import SQLiteStore
    from khulasa.stream.evaluation import pair_scores, read_pairs
    from khulasa.stream.ingest import ingest_articles

    marks: list[float] = []
    articles = marked(read_feed(feed), marks) if feed else chosen(size)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        cpu = time.process_time()
        with SQLiteStore(Path(folder) / "k.sqlite") as store:
            report = ingest_articles(store, articles)
            marks.append(time.process_time())
            cpu = time.process_time() - cpu
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
        "articles": report.read,
        "input": "feed read one article at a time" if feed else "list of the whole input",
        "added": report.added,
        "duplicates": report.duplicates,
        "seconds": round(seconds, 1),
        "articles_per_second": round(report.read / seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(report.read / cpu, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stories": len(stories),
        "size_distribution": {("10+" if k == 10 else str(k)): v for k, v in sorted(sizes.items())},
        "stories_with_3plus_outlets": len(multi),
        "sample": shown,
        "labelled_pairs": {"precision": pairs.precision, "recall": pairs.recall, "f1": pairs.f1, "pairs": pairs.pairs},
        **({"segments": segments(marks, report.read)} if feed else {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=[5000, 10000, 20000, 31523])
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--stream", action="store_true", help="read a time-ordered feed one article at a time")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--feed", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.sample, args.feed), ensure_ascii=False))
        return
    results = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            command = [sys.executable, "-m", "benchmarks.stream", "--one", str(size), "--sample", str(args.sample)]
            if args.stream:
                feed = Path(folder) / "feed.jsonl"
                write_feed(size, feed)
                command += ["--feed", str(feed)]
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        r = results[-1]
        print(
            f"{r['articles']:>6} articles: {r['seconds']:>6} s, {r['articles_per_second']:>6} articles/s "
            f"({r['articles_per_cpu_second']} per CPU-second), "
            f"peak {r['peak_mb']} MB, {r['duplicates']} duplicates, {r['stories']} stories, "
            f"{r['stories_with_3plus_outlets']} with 3+ outlets, sizes {r['size_distribution']}, "
            f"labelled pairs {r['labelled_pairs']}",
            flush=True,
        )
        if "segments" in r:
            rates = ", ".join(f"{s['articles']}: {s['articles_per_cpu_second']}" for s in r["segments"])
            print(f"        per CPU-second by segment of the feed: {rates}", flush=True)
    base = results[0]
    for r in results[1:]:
        print(f"x{r['articles'] / base['articles']:.1f} articles -> x{r['seconds'] / base['seconds']:.1f} time")
    print("\nsample of multi-outlet stories (largest run):")
    for story in results[-1]["sample"]:
        print(f"  #{story['id']} {story['articles']} articles [{', '.join(story['outlets'])}] {story['title']}")
    out = Path(__file__).resolve().parent / "results" / ("stream-feed.json" if args.stream else "stream.json")
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
