"""ROUGE-1/2/L and ROUGE-SU4 with multiple references, word-limit truncation and tokens that
suit the language.

English follows ROUGE-1.5.5 conventions as `rouge-score` reimplements them: lowercase, every
non-alphanumeric character a separator, Porter stemming of tokens longer than three letters,
stop words kept. Arabic never goes through that tokenizer (it deletes Arabic letters): tokens are
Khulasa's Unicode tokens under the normalized matching key (alef/hamza, ى/ي, ة/ه, diacritics
removed), optionally Light10-stemmed. Multiple references are pooled as ROUGE-1.5.5 `-f A`
does: hits and counts are summed over references before dividing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache

from khulasa.text.keys import matching_keys
from khulasa.text.stem import light10

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class RougeConfig:
    """Everything that changes a ROUGE number; printed next to every figure."""

    language: str = "en"
    stem: bool = True
    word_limit: int | None = None
    skip_distance: int = 4

    def describe(self) -> str:
        if self.language == "en":
            tokens = "rouge-1.5.5 tokens (lowercase, a-z0-9), Porter stems" if self.stem else "rouge-1.5.5 tokens"
        else:
            tokens = "Arabic Unicode tokens, normalized key" + (", Light10 stems" if self.stem else ", no stemming")
        limit = f"first {self.word_limit} words" if self.word_limit else "no length limit"
        return f"{tokens}; stop words kept; {limit}; multi-reference pooled (-f A); SU{self.skip_distance}"


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float
    f: float

    @classmethod
    def from_counts(cls, hits: float, reference_total: float, summary_total: float) -> Score:
        recall = hits / reference_total if reference_total else 0.0
        precision = hits / summary_total if summary_total else 0.0
        f = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        return cls(recall, precision, f)


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem import porter

    return porter.PorterStemmer("ORIGINAL_ALGORITHM")


@lru_cache(maxsize=200_000)
def _porter_stem(token: str) -> str:
    return _porter().stem(token) if len(token) > 3 else token


def truncate(text: str, word_limit: int | None) -> str:
    """The first `word_limit` whitespace-separated words, as ROUGE's -l option."""
    if not word_limit:
        return text
    return " ".join(text.split()[:word_limit])


def rouge_tokens(text: str, config: RougeConfig) -> list[str]:
    """Tokens as the configured ROUGE sees them."""
    if config.language == "en":
        tokens = [t for t in _NON_ALNUM.split(text.lower()) if t]
        return [_porter_stem(t) for t in tokens] if config.stem else tokens
    tokens = matching_keys(text)
    return [light10(t) for t in tokens] if config.stem else tokens


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def skip_bigrams(tokens: list[str], distance: int) -> Counter:
    """Skip-bigrams at most `distance` apart, plus unigrams (the 'U' of ROUGE-SU)."""
    grams: Counter = Counter()
    for i, first in enumerate(tokens):
        grams[(first,)] += 1
        for j in range(i + 1, min(len(tokens), i + distance + 2)):
            grams[(first, tokens[j])] += 1
    return grams


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, O(len(a)·len(b)))."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if token == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def _pooled(summary: Counter, references: list[Counter]) -> Score:
    hits = sum(sum((summary & reference).values()) for reference in references)
    reference_total = sum(sum(reference.values()) for reference in references)
    summary_total = sum(summary.values()) * len(references)
    return Score.from_counts(hits, reference_total, summary_total)


def rouge(summary: str, references: list[str], config: RougeConfig) -> dict[str, Score]:
    """ROUGE-1, -2, -L and -SU4 of one summary against its references."""
    tokens = rouge_tokens(truncate(summary, config.word_limit), config)
    refs = [rouge_tokens(r, config) for r in references]
    scores = {
        "rouge1": _pooled(ngrams(tokens, 1), [ngrams(r, 1) for r in refs]),
        "rouge2": _pooled(ngrams(tokens, 2), [ngrams(r, 2) for r in refs]),
        "rougeSU4": _pooled(
            skip_bigrams(tokens, config.skip_distance), [skip_bigrams(r, config.skip_distance) for r in refs]
        ),
    }
    hits = sum(lcs_length(tokens, r) for r in refs)
    scores["rougeL"] = Score.from_counts(hits, sum(len(r) for r in refs), len(tokens) * len(refs))
    return scores


def average(all_scores: list[dict[str, Score]]) -> dict[str, dict[str, float]]:
    """Macro average over summaries, in percent."""
    if not all_scores:
        return {}
    result = {}
    for metric in all_scores[0]:
        rows = [asdict(s[metric]) for s in all_scores]
        result[metric] = {k: round(100 * sum(r[k] for r in rows) / len(rows), 2) for k in rows[0]}
    return result
