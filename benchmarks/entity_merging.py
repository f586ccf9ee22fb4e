"""Entity merging on the labelled mention pairs (labels/entity-pairs), with today's baseline.

    python -m benchmarks.entity_merging [--split dev|test] [--labels labels/entity-pairs/labels-a.jsonl]

Each story's stored mentions (the pipeline's, at sampling time) are merged by `canonicalize`; a pair
is decided `same` when both strings end in one entity. Pairs labelled `unclear` are counted and left
out. Reports precision, recall and F1 of `same` with bootstrap 95% CIs over stories (pairs of one
story are not independent: a story is resampled whole), for the shipped merging and for the
merging of commit 0e1eecd (benchmarks/entity_merging_baseline.py), with the pairs each one gets
wrong, and the seconds each takes to merge every stored story and all of them pooled (one core).
Writes benchmarks/results/entity-merging-SPLIT.json (-SPLIT-labels-b.json with B's labels).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks import entity_merging_baseline as baseline
from khulasa.analyze import entities
from khulasa.analyze.entities import Entity, Mention
from khulasa.evaluate.binary import precision_recall_f1
from labels.agreement import read_labels
from labels.entity_pairs import FOLDER, read_pairs, read_stories

RESULTS = Path(__file__).resolve().parent / "results"
Merge = Callable[[list[Mention]], list[Entity]]


def story_mentions(story: dict) -> list[Mention]:
    """The stored mentions of a story as pipeline mentions (the article id stands for its outlet)."""
    return [Mention(text, kind, doc, doc, sentence) for text, kind, doc, sentence in story["mentions"]]


def decide(merge: Merge, pairs: list[dict], stories: dict[str, dict]) -> np.ndarray:
    """For each pair, whether `merge` puts its two strings (with their type) in one entity."""
    by_story: dict[str, dict[tuple[str, str], int]] = {}
    decided = []
    for pair in pairs:
        if pair["story"] not in by_story:
            groups = merge(story_mentions(stories[pair["story"]]))
            by_story[pair["story"]] = {(m.text, m.type): i for i, e in enumerate(groups) for m in e.mentions}
        found = by_story[pair["story"]]
        a, b = found.get((pair["a"], pair["type"])), found.get((pair["b"], pair["type"]))
        decided.append(a is not None and a == b)
    return np.array(decided, dtype=bool)


def figure(value: float, low: float, high: float) -> dict:
    return {"value": round(float(value), 3), "ci95": [round(float(low), 3), round(float(high), 3)]}


def scores(truth: np.ndarray, decided: np.ndarray, story_of: np.ndarray, rounds: int = 2000) -> dict:
    """Precision, recall, F1 of `same` with 95% intervals from resampling stories."""
    names = np.unique(story_of)
    members = {name: np.flatnonzero(story_of == name) for name in names}
    rng = np.random.default_rng(0)
    samples = []
    for _ in range(rounds):
        pick = np.concatenate([members[n] for n in rng.choice(names, len(names))])
        samples.append(precision_recall_f1(truth[pick], decided[pick]))
    low, high = np.nanpercentile(np.array(samples), [2.5, 97.5], axis=0)
    point = precision_recall_f1(truth, decided)
    return {
        "positives": int(truth.sum()),
        "decided": int(decided.sum()),
        **{n: figure(v, a, b) for n, v, a, b in zip(("precision", "recall", "f1"), point, low, high, strict=True)},
    }


def errors(pairs: list[dict], truth: np.ndarray, decided: np.ndarray) -> dict:
    """The pairs merged though different (false merges) and kept apart though the same (misses)."""

    def show(pair: dict) -> str:
        return f"{pair['id']} {pair['a']} / {pair['b']}"

    return {
        "false_merges": [show(p) for p, t, d in zip(pairs, truth, decided, strict=True) if d and not t],
        "misses": [show(p) for p, t, d in zip(pairs, truth, decided, strict=True) if t and not d],
    }


def run(split: str, labels_path: Path) -> dict:
    labels = read_labels(labels_path)
    stories = read_stories()
    labelled = [p for p in read_pairs() if p["split"] == split and p["id"] in labels]
    pairs = [p for p in labelled if labels[p["id"]] != "unclear"]
    truth = np.array([labels[p["id"]] == "same" for p in pairs], dtype=bool)
    story_of = np.array([p["story"] for p in pairs])
    result: dict = {
        "split": split,
        "labels": labels_path.name,
        "pairs": len(labelled),
        "unclear": len(labelled) - len(pairs),
        "stories": len(set(story_of)),
    }
    for name, merge in (("shipped", entities.canonicalize), ("baseline_0e1eecd", baseline.canonicalize)):
        decided = decide(merge, pairs, stories)
        result[name] = {**scores(truth, decided, story_of), **errors(pairs, truth, decided)}
    return result


def timing() -> dict:
    """Seconds to merge every stored story (138) one by one, and all their mentions pooled as one
    story (about 1,150 distinct names: the pairwise steps' worst case), for both mergings."""
    import time

    stories = [story_mentions(s) for s in read_stories().values()]
    pooled = [m for mentions in stories for m in mentions]
    result = {"stories": len(stories), "pooled_mentions": len(pooled)}
    for name, merge in (("shipped", entities.canonicalize), ("baseline_0e1eecd", baseline.canonicalize)):
        start = time.perf_counter()
        for mentions in stories:
            merge(mentions)
        middle = time.perf_counter()
        merge(pooled)
        result[name] = {"all_stories_s": round(middle - start, 3), "pooled_s": round(time.perf_counter() - middle, 3)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--labels", type=Path, default=FOLDER / "labels-a.jsonl")
    args = parser.parse_args()
    result = {**run(args.split, args.labels), "timing": timing()}
    RESULTS.mkdir(exist_ok=True)
    suffix = "" if args.labels.name == "labels-a.jsonl" else f"-{args.labels.stem}"
    (RESULTS / f"entity-merging-{args.split}{suffix}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    for name in ("shipped", "baseline_0e1eecd"):
        r, seconds = result[name], result["timing"][name]
        print(
            f"{args.split} {name}: P {r['precision']['value']} {r['precision']['ci95']} "
            f"R {r['recall']['value']} {r['recall']['ci95']} F1 {r['f1']['value']} "
            f"({r['decided']} merged, {r['positives']} same, {result['pairs'] - result['unclear']} pairs); "
            f"{seconds['all_stories_s']} s for all stories, {seconds['pooled_s']} s pooled"
        )


if __name__ == "__main__":
    main()
