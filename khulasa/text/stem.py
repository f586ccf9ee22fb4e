"""Light stemming: Larkey's Light10 for Arabic (prefix/suffix stripping), Snowball for English.

Light10 keeps stems readable and beats root extraction for retrieval and matching (Larkey,
Ballesteros and Connell, 2007); Snowball's Arabic stemmer is offered as an alternative.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib.resources import files

import snowballstemmer

from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key, strip_marks

_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_ENGLISH = snowballstemmer.stemmer("english")
_SNOWBALL_AR = snowballstemmer.stemmer("arabic")


@lru_cache(maxsize=1)
def _waw_words() -> frozenset[str]:
    """Words whose leading و belongs to the word (data/waw-words-ar.txt, from build_waw_words)."""
    text = files("khulasa.text").joinpath("data", "waw-words-ar.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@word_cache(maxsize=200_000)
def light10(word: str) -> str:
    """Light10 on the normalized key: strip و, the article and its clitic forms, then suffixes.

    Unlike the original, a leading و is kept when the word without it is rarer than with it
    by more than one Zipf point in wordfreq (واشنطن, وزير are words; وقال is و + قال). Those
    words are precomputed (build_waw_words.py; the same decision on all 16,562 و-words of 4,000
    ANT articles), so stemming never loads wordfreq's 96 MB list.
    """
    return light10_of_key(word, normalize_key(word))


def light10_of_key(word: str, key: str) -> str:
    """`light10` of a word whose matching key (`normalize_key`) is `key`, for a caller that has it."""
    conjunction = (
        len(word) > 3
        and word.startswith("و")
        and strip_marks(unicodedata.normalize("NFKC", word)).lower() not in _waw_words()
    )
    word = key
    if conjunction:
        word = word[1:]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


@word_cache(maxsize=200_000)
def stem(word: str, language: str = "ar") -> str:
    """Stem one token for matching: Light10 for Arabic script, Porter2 for Latin script."""
    if language == "en" or word.isascii():
        return _ENGLISH.stemWord(word.lower())
    return light10(word)


def stem_of_key(word: str, key: str) -> str:
    """`stem(word)` (Arabic unless the word is ASCII) of a word whose matching key is `key`: Light10
    reads the key, which the caller has made already."""
    if word.isascii():
        return _ENGLISH.stemWord(word.lower())
    return light10_of_key(word, key)


def snowball_arabic(word: str) -> str:
    """The Snowball Arabic stemmer, more aggressive than Light10."""
    return _SNOWBALL_AR.stemWord(normalize_key(word))
