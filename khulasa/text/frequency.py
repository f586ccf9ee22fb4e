"""Word frequencies (wordfreq's offline Zipf scale) for decisions no rule can make alone."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str = "ar") -> float:
    """Zipf frequency: 0 for unseen words, about 7 for the commonest ones."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)
