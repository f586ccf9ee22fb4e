"""Pairwise quality of story clustering against hand-labelled same-story pairs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    pairs: int


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    """(article id, article id, same story?) from a JSONL fixture."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["a"], r["b"], bool(r["same_story"])) for r in rows]


def pair_scores(story_of: dict[str, int], pairs: list[tuple[str, str, bool]]) -> PairScores:
    """Precision and recall of 'same story' decisions over the labelled pairs both sides of which
    were clustered."""
    tp = fp = fn = counted = 0
    for a, b, same in pairs:
        if a not in story_of or b not in story_of:
            continue
        counted += 1
        predicted = story_of[a] == story_of[b]
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(round(precision, 3), round(recall, 3), round(f1, 3), counted)
