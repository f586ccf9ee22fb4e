"""Word frequencies (wordfreq's offline Zipf scale) for decisions no rule can make alone."""

from __future__ import annotations

from khulasa.text.cache import word_cache

LONGEST_LISTED = 60
"""wordfreq lists no longer word (its longest: Arabic 50, English 34 characters). Longer tokens
score 0 without a lookup, which would also leave them in wordfreq's own 100,000-entry cache."""


@word_cache(maxsize=65_536)
def zipf(word: str, language: str = "ar") -> float:
    """Zipf frequency: 0 for unseen words, about 7 for the commonest ones."""
    if len(word) > LONGEST_LISTED:
        return 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)
