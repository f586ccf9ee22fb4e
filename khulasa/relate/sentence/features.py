"""What the sentence-relation model sees of two sentences.

Each sentence is profiled once (`profile`): TF-IDF vectors over hashed character 3-5-grams of its
matching keys and over Light10 stems (the idf of the same-event model's background, built from
the ANT training months), the idf weight of each content stem, its length, and the facts of
checks.py (counts, negation, direction, dates, actors). A pair's features (`pair_features`) are
symmetric: overlap in both directions (how much of the shorter/longer sentence the other covers
— `same` needs both, `partial` one), and the explicit disagreement checks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from khulasa.relate.sentence import checks
from khulasa.relate.story.features import (
    Background,
    Vector,
    char_counts,
    cosine,
    shipped_background,
    tfidf,
    word_counts,
)
from khulasa.text.tokenize import tokenize

RARE_IDF = 6.0

# The features, in the order of `pair_features`' vector (the model's coefficients follow it).
FEATURES = (
    "char_cosine",  # cosine of character 3-5-gram TF-IDF vectors
    "word_cosine",  # cosine of stem TF-IDF vectors
    "cover_min",  # idf-weighted share of the less covered sentence's stems found in the other
    "cover_max",  # the same for the better covered sentence
    "length_ratio",  # shorter / longer, in words
    "log_min_words",
    "unshared_rare",  # log(1 + rare stems in only one of the two)
    "numbers_agree",  # Jaccard of the numbers mentioned (0 when either has none)
    "numbers_one_side",  # only one of the two mentions numbers
    "number_clash",  # the same noun counted with different values
    "negation_differs",  # one is negated, the other not
    "direction_opposed",  # opposite predicates (rose / fell, won / lost)
    "date_clash",  # different weekdays, months or years named
    "actor_clash",  # different first named actors, neither in the other sentence
    "actors_shared",  # Jaccard of named actors
)


@dataclass(frozen=True)
class SentenceProfile:
    """One sentence as the relation model sees it (computed once per sentence)."""

    chars: Vector
    words: Vector
    stem_weights: dict[int, float]  # hashed stem -> idf
    length: int
    facts: checks.SentenceFacts


def profile(text: str, background: Background | None = None) -> SentenceProfile:
    """The sentence's profile; `background` defaults to the same-event model's shipped idf."""
    background = background or shipped_background()
    counts = word_counts(text)
    return SentenceProfile(
        chars=tfidf(char_counts(text), background.char_weights),
        words=tfidf(counts, background.word_weights),
        stem_weights={b: background.word_weights[b] for b in counts},
        length=len(tokenize(text)),
        facts=checks.read_facts(text),
    )


def _cover(a: SentenceProfile, b: SentenceProfile) -> float:
    """Idf-weighted share of a's content stems that b also has (1 when a has none)."""
    total = sum(a.stem_weights.values())
    if not total:
        return 1.0
    return sum(w for s, w in a.stem_weights.items() if s in b.stem_weights) / total


def pair_features(a: SentenceProfile, b: SentenceProfile) -> np.ndarray:
    """The FEATURES of a pair of profiles, as a float vector (symmetric in a and b)."""
    cover_ab, cover_ba = _cover(a, b), _cover(b, a)
    rare_a = {s for s, w in a.stem_weights.items() if w >= RARE_IDF}
    rare_b = {s for s, w in b.stem_weights.items() if w >= RARE_IDF}
    short, long = sorted((max(1, a.length), max(1, b.length)))
    fa, fb = a.facts, b.facts
    return np.array(
        [
            cosine(a.chars, b.chars),
            cosine(a.words, b.words),
            min(cover_ab, cover_ba),
            max(cover_ab, cover_ba),
            short / long,
            math.log(short),
            math.log1p(len(rare_a ^ rare_b)),
            checks.number_agreement(fa, fb),
            float(bool(fa.numbers) != bool(fb.numbers)),
            float(checks.number_clash(fa, fb)),
            float(checks.negation_differs(fa, fb)),
            float(checks.direction_opposed(fa, fb) or checks.direction_opposed(fb, fa)),
            float(checks.date_clash(fa, fb)),
            float(checks.actor_clash(fa, fb)),
            checks.actors_shared(fa, fb),
        ],
        dtype=np.float64,
    )
