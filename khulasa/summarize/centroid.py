"""Centroid (MEAD, Radev et al. 2004): closeness to the story's tf-idf centroid plus position."""

from __future__ import annotations

import numpy as np

from khulasa.represent.story import Story
from khulasa.summarize.base import Budget, greedy_fill, position_prior


class CentroidSummarizer:
    """Scores sentences by cosine to the centroid of all sentence vectors and by lead position."""

    name = "centroid"

    def __init__(self, position_weight: float = 0.3, centroid_size: int = 50) -> None:
        self.position_weight = position_weight
        self.centroid_size = centroid_size

    def select(self, story: Story, budget: Budget) -> list[int]:
        centroid = np.asarray(story.vectors.sum(axis=0)).ravel()
        if self.centroid_size and centroid.size > self.centroid_size:
            cutoff = np.partition(centroid, -self.centroid_size)[-self.centroid_size]
            centroid = np.where(centroid >= cutoff, centroid, 0.0)
        norm = np.linalg.norm(centroid)
        closeness = story.vectors @ (centroid / norm) if norm else np.zeros(len(story.sentences))
        scores = np.asarray(closeness).ravel() + self.position_weight * position_prior(story)
        return greedy_fill(story, list(np.argsort(-scores, kind="stable")), budget)
