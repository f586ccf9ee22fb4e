"""Background topic frequencies: in how many topics of a reference news collection each stemmed
concept occurs. A bigram found in most topics ("last week", "prime minister") says little about
what one story is about; the summarizer discounts it by its specificity.

Models are built by `python -m khulasa.represent.build_background` and shipped with the package
(see the README for sources). A language without a model gets no discount.
"""

from __future__ import annotations

import json
import lzma
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from khulasa.represent.terms import Concept, sentence_terms

DATA = Path(__file__).resolve().parent / "data"
PROBE = {
    "en": "The prime minister said on Tuesday that talks with the opposition parties would resume.",
    "ar": "قال رئيس الوزراء يوم الثلاثاء إن المحادثات مع أحزاب المعارضة ستستأنف.",
}


@dataclass(frozen=True)
class Background:
    """Topic counts of stemmed concepts (1-tuples for content stems, 2-tuples for bigrams)."""

    language: str
    topics: int
    counts: Mapping[Concept, int]
    fingerprint: str = ""
    """Terms of a probe sentence when the model was built: the stemmer it expects."""

    def specificity(self, concept: Concept) -> float:
        """1 for a concept no background topic has, falling to 0 for one that every topic has."""
        return 1.0 - math.log1p(self.counts.get(concept, 0)) / math.log1p(self.topics)


def probe_fingerprint(language: str) -> str:
    """The current stemmer's terms of a fixed sentence: a model built with another stemmer would
    hold keys this one never produces."""
    terms = sentence_terms(PROBE[language], language)
    return " ".join(terms.stems)


def model_path(language: str) -> Path:
    return DATA / f"background-{language}.tsv.xz"


def write_background(background: Background, path: Path, about: str) -> None:
    """One JSON header line, then `count<TAB>stem[ stem]` lines, most frequent first."""
    header = {
        "language": background.language,
        "topics": background.topics,
        "fingerprint": background.fingerprint,
        "about": about,
    }
    rows = sorted(background.counts.items(), key=lambda item: (-item[1], item[0]))
    with lzma.open(path, "wt", encoding="utf-8", preset=9) as handle:
        handle.write(json.dumps(header, ensure_ascii=False) + "\n")
        for concept, count in rows:
            handle.write(f"{count}\t{' '.join(concept)}\n")


def read_background(path: Path) -> Background:
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        counts: dict[Concept, int] = {}
        for line in handle:
            count, _, concept = line.rstrip("\n").partition("\t")
            counts[tuple(concept.split(" "))] = int(count)
    return Background(header["language"], int(header["topics"]), counts, header.get("fingerprint", ""))


@lru_cache(maxsize=4)
def load_background(language: str) -> Background | None:
    """The shipped model for a language, or None when there is none."""
    path = model_path(language)
    return read_background(path) if path.exists() else None
