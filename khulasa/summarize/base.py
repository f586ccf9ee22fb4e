"""The one interface every summarizer implements, and helpers they share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from khulasa.represent.story import Story
from khulasa.text.calendar import WEEKDAYS

LONG_SENTENCE_FACTOR = 2.0
"""A summary may be a single sentence up to this many times the budget (when it is worth more, or
nothing shorter fits), and never more words than that."""


@dataclass(frozen=True)
class Budget:
    """A length budget in words and the shortest sentence worth quoting."""

    words: int
    min_sentence_words: int = 6
    redundancy: float = 0.5
    exclusive: frozenset[tuple[int, int]] = frozenset()
    """Pairs of sentences known to say the same thing: at most one of each may be chosen."""
    solver_iterations: int | None = None
    """Simplex iterations one selection may spend (None: the solver's own limit). The pipeline
    shares one limit among its selection rounds, so repeated rounds cannot multiply the work."""
    cut: bool = True
    """The pipeline shows a last sentence that runs over the budget cut at it (marked «…»); False
    when the user asks for whole sentences (`--allow-long`), so nothing may be chosen to be cut."""

    @property
    def allowance(self) -> int:
        """The most words any summary may have: LONG_SENTENCE_FACTOR × the budget."""
        return int(LONG_SENTENCE_FACTOR * self.words)


class Summarizer(Protocol):
    """Chooses sentence indexes of a story within a word budget (order is decided later)."""

    name: str

    def select(self, story: Story, budget: Budget) -> list[int]: ...


# Openings that lean on a previous sentence (a personal pronoun in English; in Arabic a pronoun,
# وكان, a demonstrative, «وأنه» continuing reported speech, a quotation mark, a first phrase ending
# on a demonstrative «وبموجب هذه الوثيقة», «وفي هذا السياق» (not a time: «هذا العام»), or a
# reporting verb whose speaker is the previous sentence's: «وأضاف أن», «وتابعت:», «وقال إن» —
# «وقال خامنئي إن» names its speaker and stands): out of their article such sentences lose their
# referent. On DUC 2004 the English filter moved ROUGE-1/2 from 38.38/9.49 to 38.54/9.42; a wider
# English list (this/those/but, quotes) cost up to 0.3 R2, so it stays narrow. The Arabic
# openers, each step paired against the one before (R-2 F, see the README): reporting verbs and
# demonstratives 153 of 3,128 ar-long summary sentences, -0.03 (-0.20..+0.11); «وأنه» and a
# demonstrative second word 72 more of 3,084, -0.01 (-0.10..+0.07); none left after either.
_DANGLING_EN = re.compile(r"^(he|she|they|it)\b", re.I)
_REPORTING_AR = (
    r"(?:[أا]ضاف|[أا]وضح|[أا]شار|[أا]كد|قال|تابع|لفت|ذكر|اعتبر|بين|استطرد|مضى|مضت|واصل|شدد|نوه|رأى|زعم|ختم)(?:ت)?"
)
_TIME_AR = (
    "(?:"
    + "|".join(
        ("العام", "الأسبوع", "الاسبوع", "الشهر", "اليوم", "الموسم", "الصيف", "الشتاء", "الربيع", "الخريف", *WEEKDAYS)
    )
    + ")"
)
_DANGLING_AR = re.compile(
    r"^(«|\"|“|(وهو|وهي|وهم|هو|هي|هم|وكان|وكانت|لكنه|لكنها|ولكنه|ولكنها|وهذه|وهذا|وذلك|وتلك|وهذان|وهاتان"
    r"|و[أإا]ن|و[أإا]نه|و[أإا]نها|و[أإا]نهم)(?!\w)"
    rf"|\w+\s+(?:هذه|هذا|ذلك|تلك|هؤلاء|هذين|هاتين)(?!\w)(?!\s+{_TIME_AR}(?!\w))"
    rf"|[وف]{_REPORTING_AR}\s*(?:[:،,\"«“]|(?:[أإا]ن|[أإا]نه|[أإا]نها|[أإا]نهم|ب[أا]ن|ب[أا]نه|ب[أا]نها|قائلا|قائلة)(?!\w)))"
)


def stands_alone(text: str, language: str) -> bool:
    """False for a sentence that opens on a pronoun, a conjunction or a quotation mark."""
    pattern = _DANGLING_EN if language == "en" else _DANGLING_AR
    return not pattern.match(text.strip())


def fitting_sentences(story: Story, budget: Budget) -> list[int]:
    """Sentences long enough to be worth quoting and short enough to fit the budget."""
    return [i for i, n in enumerate(story.word_counts) if budget.min_sentence_words <= n <= budget.words]


def candidates(story: Story, budget: Budget) -> list[int]:
    """Sentences long enough to stand alone, short enough to fit the budget, not headings (see
    Story.headings), and not leaning on the sentence before them (when enough others are left)."""
    fitting = [i for i in fitting_sentences(story, budget) if i not in story.headings]
    independent = [i for i in fitting if stands_alone(story.sentences[i].text, story.language)]
    return independent if len(independent) >= 3 else fitting


def greedy_fill(story: Story, ranked: Sequence[int], budget: Budget) -> list[int]:
    """Take sentences best first while they fit and repeat nothing already chosen.

    When not even one sentence fits, the best one within the allowance (twice the budget) is
    returned alone; none when every sentence is longer still.
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
    if not chosen:
        fallback = next((int(index) for index in ranked if counts[index] <= budget.allowance), None)
        chosen = [] if fallback is None else [fallback]
    return chosen


def position_prior(story: Story) -> np.ndarray:
    """1.0 for each lead sentence, decaying with the sentence's place in its article."""
    return np.array([1.0 / (1.0 + s.index) for s in story.sentences])
