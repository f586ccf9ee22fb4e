"""Story clustering judged on the labelled same-event pairs (labels/story-pairs), one month at a time.

    python -m benchmarks.stories [--split dev|test] [--threshold T] [--join P]

Ingests the ANT articles of the split's month (dev: July 2018, test: June 2018) into a fresh
SQLite store exactly as `khulasa ingest --no-summaries` does, then scores "same story" against the
labelled pairs of that split whose two articles were both ingested: precision, recall and F1 of
"the two articles share a story" for `same_event` pairs, with bootstrap 95% CIs over pairs; plus the
number of stories, their sizes and the largest. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from datetime import UTC
from pathlib import Path

import numpy as np

from khulasa.evaluate.binary import bootstrap, precision_recall_f1
from khulasa.relate.story.train import POSITIVE, corpus_articles, read_labelled
from khulasa.store import SQLiteStore
from khulasa.stream.ingest import ingest_articles

MONTHS = {"dev": 7, "test": 6}


def run(split: str, threshold: float, join: float | None) -> dict:
    from khulasa.read.timestamps import parse_time

    month = MONTHS[split]
    articles = []
    for _, article in corpus_articles():
        when = parse_time(article.time)
        if when is not None and when.astimezone(UTC).year == 2018 and when.astimezone(UTC).month == month:
            articles.append(article)
    with tempfile.TemporaryDirectory() as folder, SQLiteStore(Path(folder) / "k.sqlite") as store:
        start = time.process_time()
        kwargs = {} if join is None else {"join_probability": join}
        ingest_articles(store, articles, threshold=threshold, **kwargs)
        seconds = time.process_time() - start
        story_of = {s.article.id: s.story_id for s in store.articles()}
        stories = store.stories()
    pairs = [p for p in read_labelled() if p["split"] == split and p["a"] in story_of and p["b"] in story_of]
    truth = np.array([p["label"] == POSITIVE for p in pairs])
    same = np.array([story_of[p["a"]] == story_of[p["b"]] for p in pairs])
    low, high = bootstrap(lambda pick: precision_recall_f1(truth[pick], same[pick]), len(pairs))
    point = precision_recall_f1(truth, same)
    sizes = Counter(min(s.article_count, 10) for s in stories)
    return {
        "split": split,
        "articles": len(articles),
        "cpu_seconds": round(seconds, 1),
        "articles_per_cpu_second": round(len(articles) / seconds, 1),
        "pairs": len(pairs),
        "same_event_pairs": int(truth.sum()),
        **{
            name: {"value": round(v, 3), "ci95": [round(a, 3), round(b, 3)]}
            for name, v, a, b in zip(("precision", "recall", "f1"), point, low, high, strict=True)
        },
        "stories": len(stories),
        "size_distribution": {("10+" if k == 10 else str(k)): v for k, v in sorted(sizes.items())},
        "largest": [[s.article_count, s.title] for s in sorted(stories, key=lambda s: -s.article_count)[:5]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=sorted(MONTHS), default="dev")
    parser.add_argument("--threshold", type=float, default=0.2, help="clusterer cosine threshold")
    parser.add_argument("--join", type=float, help="same-event probability needed to join a story")
    args = parser.parse_args()
    print(json.dumps(run(args.split, args.threshold, args.join), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
