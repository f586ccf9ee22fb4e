"""Rebuild the English background model from DUC 2006 and DUC 2007 (../shared/data).

    python -m khulasa.represent.build_background [--data ../shared/data] [--min-count 2]

Each topic's 25 documents are cleaned, split and stemmed exactly as the summarizer sees them;
a concept counts once per topic. Concepts in fewer than `min-count` topics are left out (they
read as unseen), which keeps the file small. DUC 2004, the dev set, is not used.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from khulasa.pipeline import prepare_story
from khulasa.read.jsonl import cluster_from_record
from khulasa.represent.background import Background, model_path, probe_fingerprint, write_background
from khulasa.represent.terms import Concept, concepts_of

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("duc2006-2007/duc2006.jsonl", "duc2006-2007/duc2007_main.jsonl")


def topic_concepts(record: dict, number: int, origin: str) -> set[Concept]:
    """Every content stem and stemmed bigram of one topic's documents, read as `khulasa batch` reads
    a cluster."""
    story, _ = prepare_story(cluster_from_record(record, number, origin).articles, "en")
    return {concept for terms in story.terms for concept in concepts_of(terms, unigrams=True)}


def build(data: Path, min_count: int, sources: tuple[str, ...] = SOURCES) -> Background:
    """Topic counts over `sources` (JSONL files of topics under `data`)."""
    counts: Counter = Counter()
    topics = 0
    for source in sources:
        with open(data / source, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                counts.update(topic_concepts(json.loads(line), number, source))
                topics += 1
    kept = {concept: count for concept, count in counts.items() if count >= min_count}
    return Background("en", topics, kept, probe_fingerprint("en"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, default=model_path("en"))
    args = parser.parse_args()
    start = time.perf_counter()
    background = build(args.data, args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    about = (
        f"topics of {' + '.join(SOURCES)} (NIST DUC, research use) containing each stemmed concept; "
        f"concepts in fewer than {args.min_count} topics omitted"
    )
    write_background(background, args.out, about)
    print(
        f"{len(background.counts)} concepts from {background.topics} topics → {args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB, {time.perf_counter() - start:.0f} s)"
    )


if __name__ == "__main__":
    main()
