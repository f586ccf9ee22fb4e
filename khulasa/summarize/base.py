"""The one interface every summarizer implements, and helpers they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from khulasa.represent.story import Story


@dataclass(frozen=True)
class Budget:
    """A length budget in words and the shortest sentence worth quoting."""

    words: int
    min_sentence_words: int = 6
    redundancy: float = 0.5
    exclusive: frozenset[tuple[int, int]] = frozenset()
    """Pairs of sentences known to say the same thing: at most one of each may be chosen."""


class Summarizer(Protocol):
    """Chooses sentence indexes of a story within a word budget (order is decided later)."""

    name: str

    def select(self, story: Story, budget: Budget) -> list[int]: ...


def candidates(story: Story, budget: Budget) -> list[int]:
    """Sentences long enough to stand alone and short enough to fit the budget."""
    counts = story.word_counts
    chosen = [i for i, n in enumerate(counts) if budget.min_sentence_words <= n <= budget.words]
    return chosen


def greedy_fill(story: Story, ranked: Sequence[int], budget: Budget) -> list[int]:
    """Take sentences best first while they fit and repeat nothing already chosen.

    When not even one sentence fits, the best one is returned alone (a summary is never empty).
    """
    counts = story.word_counts
    similarity = story.similarity
    chosen: list[int] = []
    used = 0
    for index in ranked:
        length = int(counts[index])
        if length < budget.min_sentence_words or used + length > budget.words:
            continue
        if chosen and float(np.max(similarity[index, chosen])) >= budget.redundancy:
            continue
        if any((min(index, c), max(index, c)) in budget.exclusive for c in chosen):
            continue
        chosen.append(index)
        used += length
    if not chosen and len(ranked):
        chosen.append(int(ranked[0]))
    return chosen


def position_prior(story: Story) -> np.ndarray:
    """1.0 for each lead sentence, decaying with the sentence's place in its article."""
    return np.array([1.0 / (1.0 + s.index) for s in story.sentences])
