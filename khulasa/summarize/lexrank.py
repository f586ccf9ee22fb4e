"""LexRank (Erkan and Radev, 2004): sentence centrality by PageRank over a cosine graph."""

from __future__ import annotations

import numpy as np

from khulasa.represent.story import Story
from khulasa.summarize.base import Budget, greedy_fill


def lexrank_scores(
    similarity: np.ndarray, threshold: float = 0.1, damping: float = 0.85, iterations: int = 100
) -> np.ndarray:
    """Stationary distribution of the thresholded, row-normalized similarity graph."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    graph = np.where(similarity >= threshold, similarity, 0.0)
    np.fill_diagonal(graph, 1.0)
    graph = graph / graph.sum(axis=1, keepdims=True)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = (1 - damping) / n + damping * (graph.T @ scores)
        if np.abs(updated - scores).sum() < 1e-8:
            return updated
        scores = updated
    return scores


class LexRankSummarizer:
    """Continuous LexRank with a 0.1 edge threshold, then greedy non-redundant selection."""

    name = "lexrank"

    def __init__(self, threshold: float = 0.1, damping: float = 0.85) -> None:
        self.threshold = threshold
        self.damping = damping

    def select(self, story: Story, budget: Budget) -> list[int]:
        scores = lexrank_scores(story.similarity, self.threshold, self.damping)
        return greedy_fill(story, list(np.argsort(-scores, kind="stable")), budget)
