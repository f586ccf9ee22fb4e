"""Do matching keys gain from splitting glued words? The same runs with and without it, one process each.

    python -m benchmarks.glued_keys [--limit N]

`keys` feeds every matching key through the strict splitter of labels/glued_splitter.py (sentence
stems and concepts, character n-grams, story clustering terms, same-event features: the tokenizer
of khulasa.represent.terms, khulasa.stream.clustering and khulasa.relate.story.features); `plain`
is the pipeline as shipped, which splits nothing. The text is the same in both. Prints, per mode,
ROUGE of `ilp` on ar-mds (30 words, F) and BBC Arabic (30 words, F), "same story" on the labelled
pairs of the clustering dev month (July 2018, as `python -m benchmarks.stories --split dev`), and
the CPU seconds of each, and how many glued tokens the keys mode split (repeats counted: a
sentence is tokenized more than once). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MODES = ("plain", "keys")
SPLIT_TOKENS: list[int] = [0]
"""Glued tokens the keys mode split, counted with repeats (shows the patch took effect)."""


def _split_keys() -> None:
    """Make every matching tokenizer of the pipeline split glued words (this process only)."""
    import khulasa.relate.story.features as features
    import khulasa.represent.terms as terms
    import khulasa.stream.clustering as clustering
    from khulasa.text.tokenize import tokenize
    from labels.glued_splitter import key_tokens

    def unglued(text: str) -> list[str]:
        tokens = tokenize(text)
        keys = key_tokens(tokens)
        SPLIT_TOKENS[0] += len(keys) - len(tokens)
        return keys

    for module in (terms, clustering, features):
        module.tokenize = unglued


def run_mode(mode: str, limit: int | None) -> dict:
    import numpy as np

    from benchmarks.stories import run as stories
    from khulasa.evaluate.datasets import DATASETS
    from khulasa.evaluate.rouge import RougeConfig
    from khulasa.evaluate.runner import evaluate_system, khulasa_system

    if mode == "keys":
        _split_keys()
    np.seterr(all="ignore")
    figures: dict = {"mode": mode}
    for name in ("ar-mds", "bbc-arabic"):
        dataset = DATASETS[name]
        config = RougeConfig(language=dataset.language, stem=True, word_limit=dataset.words)
        start = time.process_time()
        result = evaluate_system(khulasa_system("ilp"), dataset.clusters(DATA, limit), dataset.words, config)
        side = dataset.measure
        figures[name] = {
            "clusters": result.clusters,
            "rouge1": result.scores["rouge1"][side],
            "rouge2": result.scores["rouge2"][side],
            "cpu_s": round(time.process_time() - start, 1),
        }
    clustered = stories("dev", 0.2, None)
    figures["stories-dev"] = {
        key: clustered[key] for key in ("articles", "pairs", "precision", "recall", "f1", "stories", "cpu_seconds")
    }
    figures["glued_tokens_split"] = SPLIT_TOKENS[0]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="clusters per ROUGE set (default: all)")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.limit), ensure_ascii=False))
        return
    for mode in MODES:
        command = [sys.executable, "-m", "benchmarks.glued_keys", "--mode", mode]
        if args.limit:
            command += ["--limit", str(args.limit)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
