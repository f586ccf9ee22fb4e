"""Stop words: Arabic function words (no names: علي is a name, على is a preposition) and English.

The lists live in `data/stopwords-*.txt`; Arabic entries are compared after `normalize_light`,
which keeps ى apart from ي.
"""

from __future__ import annotations

from importlib.resources import files

from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_light


def _load(name: str) -> list[str]:
    text = files("khulasa.text").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


ARABIC_STOPWORDS = frozenset(normalize_light(word) for word in _load("stopwords-ar.txt"))
ENGLISH_STOPWORDS = frozenset(_load("stopwords-en.txt"))


@word_cache(maxsize=200_000)  # every token of every article asks; news repeats its words
def is_stopword(token: str, language: str = "ar") -> bool:
    """True for function words; the check uses the light key so names like علي are kept."""
    if language == "en" or token.isascii():
        return token.lower() in ENGLISH_STOPWORDS
    return normalize_light(token) in ARABIC_STOPWORDS
