"""Per-sentence terms: content stems for similarity and stemmed bigrams as ICSISumm concepts."""

from __future__ import annotations

from dataclasses import dataclass

from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize


@dataclass(frozen=True)
class SentenceTerms:
    """What the summarizers see of a sentence: stems, content stems and bigram concepts."""

    stems: tuple[str, ...]
    content: tuple[str, ...]
    bigrams: tuple[tuple[str, str], ...]


def sentence_terms(text: str, language: str) -> SentenceTerms:
    """Stem every token; content drops stop words; bigrams skip pairs of two stop words."""
    tokens = tokenize(text)
    stops = [is_stopword(t, language) for t in tokens]
    stems = tuple(stem(t, language) for t in tokens)
    content = tuple(s for s, stop in zip(stems, stops, strict=True) if not stop)
    bigrams = tuple((stems[i], stems[i + 1]) for i in range(len(stems) - 1) if not (stops[i] and stops[i + 1]))
    return SentenceTerms(stems, content, bigrams)


Concept = tuple[str, ...]
"""A summarization concept: a stemmed bigram, or a 1-tuple content stem."""


def concepts_of(terms: SentenceTerms, unigrams: bool) -> set[Concept]:
    """A sentence's concepts: stemmed bigrams, plus content stems when `unigrams` is set."""
    found: set[Concept] = set(terms.bigrams)
    if unigrams:
        found.update((stem,) for stem in terms.content)
    return found


NGRAM = 4


def char_ngrams(text: str, language: str) -> list[str]:
    """Character 4-grams of the normalized content words, article and و stripped in Arabic:
    they catch spelling and inflection variants that stems miss (البروستات/البروستاتا)."""
    grams: list[str] = []
    for token in tokenize(text):
        grams.extend(_word_ngrams(token, language))
    return grams


@word_cache(maxsize=200_000)
def _word_ngrams(token: str, language: str) -> tuple[str, ...]:
    """One token's 4-grams (none for a stop word). Cached: a story's sentences repeat their words,
    and computing them afresh was a third of a DUC 2004 cluster's time outside the solver."""
    if is_stopword(token, language):
        return ()
    key = normalize_key(token)
    if language == "ar":
        if key.startswith("و") and len(key) > 4:
            key = key[1:]
        if key.startswith("ال") and len(key) > 4:
            key = key[2:]
    padded = f" {key} "
    return tuple(padded[i : i + NGRAM] for i in range(max(1, len(padded) - NGRAM + 1)))
