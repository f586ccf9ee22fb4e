"""Binary decisions against labels: precision, recall and F1, with bootstrap confidence intervals
over the labelled items (resampled with replacement, a fixed seed so figures repeat)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def precision_recall_f1(truth: np.ndarray, decided: np.ndarray) -> tuple[float, float, float]:
    """Of the items decided positive, the share truly positive; of the true ones, the share
    decided; their harmonic mean (0 when both are 0)."""
    tp = float(np.sum(decided & truth))
    precision = tp / max(1.0, float(np.sum(decided)))
    recall = tp / max(1.0, float(np.sum(truth)))
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def bootstrap(
    statistic: Callable[[np.ndarray], tuple[float, ...]], items: int, rounds: int = 2000, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile intervals (low, high arrays) of a statistic computed on resampled item indexes."""
    rng = np.random.default_rng(seed)
    samples = np.array([statistic(rng.integers(0, items, items)) for _ in range(rounds)], dtype=float)
    low, high = np.nanpercentile(samples, [2.5, 97.5], axis=0)
    return low, high


def roc_auc(truth: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC by ranks (ties averaged); NaN when only one class is present."""
    from scipy.stats import rankdata

    positives = int(truth.sum())
    negatives = len(truth) - positives
    if not positives or not negatives:
        return float("nan")
    ranks = rankdata(scores)
    return float((ranks[truth].sum() - positives * (positives + 1) / 2) / (positives * negatives))
