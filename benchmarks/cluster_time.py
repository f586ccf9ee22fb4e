"""Warm time to summarize one cluster with the default method, pinned to one core: p50 / p90 / max
of wall-clock and of CPU seconds (CPU time stays honest when other jobs share the machine).

    python -m benchmarks.cluster_time [--sets duc2004 ar-mds-100 ar-long] [--limit N] [--repeat 3]

DUC 2004 clusters have 10 documents (issue 13's bound: 0.5 s each); ar-mds-100 and ar-long have
2-6 Arabic reports summarized at 100 and 250 words. Each cluster is summarized once to warm the
caches and models, then timed `--repeat` more times (default 3), keeping each cluster's fastest run:
on a shared virtual machine single runs of the same cluster differ by up to half (0.58 and 0.83 s),
and the fastest is the closest to what the work itself costs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from khulasa.evaluate.datasets import DATASETS
from khulasa.pipeline import summarize_articles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def cluster_times(name: str, limit: int | None, repeat: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """(wall, cpu) seconds of the fastest of `repeat` warm runs of each cluster of a set."""
    dataset = DATASETS[name]
    wall, cpu = [], []
    for cluster in dataset.clusters(DATA, limit):
        articles = list(cluster.articles)
        summarize_articles(articles, words=dataset.words, language=dataset.language, query=cluster.query)
        runs = []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            summarize_articles(articles, words=dataset.words, language=dataset.language, query=cluster.query)
            runs.append((time.perf_counter() - start, time.process_time() - start_cpu))
        wall.append(min(run[0] for run in runs))
        cpu.append(min(run[1] for run in runs))
    return np.array(wall), np.array(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=["duc2004", "ar-mds-100", "ar-long"])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per cluster; the fastest is kept")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(f"{'set':12} {'clusters':>8} {'wall p50':>9} {'p90':>7} {'max':>7} {'cpu p50':>9} {'p90':>7} {'max':>7}")
    for name in args.sets:
        wall, cpu = cluster_times(name, args.limit, args.repeat)
        wall_p50, wall_p90, wall_max, cpu_p50, cpu_p90, cpu_max = (
            np.percentile(x, q) for x in (wall, cpu) for q in (50, 90, 100)
        )
        print(
            f"{name:12} {len(wall):8} {wall_p50:9.3f} {wall_p90:7.3f} {wall_max:7.3f} "
            f"{cpu_p50:9.3f} {cpu_p90:7.3f} {cpu_max:7.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
