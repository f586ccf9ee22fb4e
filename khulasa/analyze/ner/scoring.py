"""Exact-match span scores per sentence, micro P/R/F1 over chosen types, and sentence bootstrap CIs:
the one scorer of every NER measurement (the CRF's training script, benchmarks/ner.py, the rules audit).

Counts are kept per sentence so that a bootstrap can resample sentences (the unit the errors
cluster in) and a paired bootstrap can compare two models on the same draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from khulasa.analyze.ner.tagger import decode_bio

HEADLINE = ("PER", "LOC", "ORG")  # the headline metric; MISC is scored apart (its meaning differs by corpus)


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives per sentence for each type: arrays (sentences, 3)."""

    by_type: dict[str, np.ndarray]

    def micro(self, types: tuple[str, ...] = HEADLINE, rows: np.ndarray | None = None) -> tuple[float, float, float]:
        total = sum(self.by_type[kind] if rows is None else self.by_type[kind][rows] for kind in types)
        return prf(*np.asarray(total).reshape(-1, 3).sum(axis=0))


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def count(
    tokens: list[list[str]],
    gold: list[list[str]],
    predicted: list[list[str]],
    types: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC"),
) -> Counts:
    """Per-sentence exact span matches (start, end and type must all agree)."""
    by_type = {kind: np.zeros((len(tokens), 3), dtype=np.int32) for kind in types}
    for row, (words, g, p) in enumerate(zip(tokens, gold, predicted, strict=True)):
        gold_spans = {(s.start, s.end, s.type) for s in decode_bio(words, g)}
        predicted_spans = {(s.start, s.end, s.type) for s in decode_bio(words, p)}
        for kind in types:
            gs = {s for s in gold_spans if s[2] == kind}
            ps = {s for s in predicted_spans if s[2] == kind}
            by_type[kind][row] = (len(gs & ps), len(ps - gs), len(gs - ps))
    return Counts(by_type)


def span_scores(
    gold: list[list[str]], predicted: list[list[str]], tokens: list[list[str]]
) -> dict[str, tuple[float, float, float, int]]:
    """(P, R, F1, gold spans) of each type that occurs, and of all types together ("ALL")."""
    types = {
        label.partition("-")[2] or "MISC"  # as decode_bio names a span without a type
        for labels in (*gold, *predicted)
        for label in labels
        if label.partition("-")[0] in ("B", "I")
    }
    counts = count(tokens, gold, predicted, tuple(sorted(types)))
    totals = {kind: rows.sum(axis=0) for kind, rows in counts.by_type.items() if rows.any()}
    totals["ALL"] = sum(totals.values(), np.zeros(3, dtype=np.int64))
    return {kind: (*prf(*t.tolist()), int(t[0] + t[2])) for kind, t in totals.items()}


def bootstrap(
    counts: Counts, other: Counts | None = None, types: tuple[str, ...] = HEADLINE, draws: int = 1000, seed: int = 14
) -> dict[str, tuple[float, float]]:
    """95% CIs of P, R and F1 by resampling sentences; with `other`, also of F1(counts) - F1(other) on the
    same draws (paired)."""
    rng = np.random.default_rng(seed)
    n = len(next(iter(counts.by_type.values())))
    samples: dict[str, list[float]] = {"P": [], "R": [], "F1": [], "dF1": []}
    for _ in range(draws):
        rows = rng.integers(0, n, n)
        p, r, f = counts.micro(types, rows)
        samples["P"].append(p)
        samples["R"].append(r)
        samples["F1"].append(f)
        if other is not None:
            samples["dF1"].append(f - other.micro(types, rows)[2])
    return {key: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for key, v in samples.items() if v}
