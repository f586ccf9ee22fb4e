"""Latency of summarizing the example story: cold CLI start, warm in-process call, and sumy's
LexRank on the same three files in the same run. Prints figures and ratios; asserts nothing.

    python -m benchmarks.latency [--repeat 5] [--clusters-only]

The per-cluster table includes DUC 2006 at 250 words (25 documents a topic), where the ILP
searches longest: its max is the worst case of the solver's deterministic node limit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "story-iran-2014"


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def cold_cli(align: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "khulasa.cli.main", "summarize", str(EXAMPLE), "--align", align],
        check=True,
        capture_output=True,
    )


def sumy_lexrank(text: str) -> None:
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    document = PlaintextParser.from_string(text, Tokenizer("arabic")).document
    LexRankSummarizer()(document, 4)


def cluster_latency(name: str, limit: int | None = None, align: str = "lexical") -> tuple[float, float, float, int]:
    """Warm time to clean, split and summarize each cluster of a set (default method), one core."""
    from khulasa.evaluate.datasets import DATASETS
    from khulasa.pipeline import summarize_articles

    dataset = DATASETS[name]
    data = EXAMPLE.parents[1] / "data"
    times = []
    for cluster in dataset.clusters(data, limit):
        articles = list(cluster.articles)
        summarize_articles(articles, words=dataset.words, language=dataset.language, align=align)
        start = time.perf_counter()
        summarize_articles(articles, words=dataset.words, language=dataset.language, align=align)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], times[-1], len(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clusters-only", action="store_true", help="only the warm time per cluster")
    args = parser.parse_args()
    if not args.clusters_only:
        example_latency(args.repeat)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print("\nwarm time per cluster, default method (ilp), pinned to one core")
    print(f"{'set':12} {'align':9} {'clusters':>8} {'median s':>9} {'p90 s':>8} {'max s':>8}")
    for name, align in (("duc2004", "lexical"), ("ar-mds", "lexical"), ("duc2006", "lexical"), ("duc2004", "semantic")):
        median, p90, worst, count = cluster_latency(name, align=align)
        print(f"{name:12} {align:9} {count:8} {median:9.3f} {p90:8.3f} {worst:8.3f}", flush=True)


def example_latency(repeat: int) -> None:
    """Cold CLI, warm calls and sumy's LexRank on the example story."""
    from khulasa.pipeline import summarize_articles
    from khulasa.read import read_paths

    articles = read_paths([EXAMPLE])
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt")))
    rows = []
    for align in ("lexical", "semantic"):
        rows.append((f"khulasa CLI, cold start (align={align})", timed(lambda a=align: cold_cli(a), repeat)))
    for method in ("ilp", "lexrank"):
        for align in ("lexical", "semantic"):
            summarize_articles(articles, method=method, align=align)  # warm caches and models
            rows.append(
                (
                    f"khulasa {method}, warm call (align={align})",
                    timed(lambda m=method, a=align: summarize_articles(articles, method=m, align=a), repeat),
                )
            )
    sumy_lexrank(text)
    rows.append(("sumy LexRank, warm call (same 3 files)", timed(lambda: sumy_lexrank(text), repeat)))
    reference = statistics.median(rows[-1][1])
    print(f"example story: {EXAMPLE} ({len(articles)} articles), {repeat} runs each, median seconds")
    print(f"{'what':58} {'median s':>9} {'min s':>8} {'x sumy':>8}")
    for name, times in rows:
        median = statistics.median(times)
        print(f"{name:58} {median:9.3f} {min(times):8.3f} {median / reference:8.1f}")


if __name__ == "__main__":
    main()
