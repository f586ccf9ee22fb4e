"""Photo captions: a short unpunctuated line whose words the article repeats elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize

MAX_CAPTION_WORDS = 12
MIN_REPEATED_SHARE = 0.7
_SENTENCE_END = tuple(".!?؟:\"»”'")


def _content_stems(text: str, language: str) -> list[str]:
    return [stem(t, language) for t in tokenize(text) if not is_stopword(t, language) and not t.isdigit()]


def may_be_caption(line: str) -> bool:
    """Cheap shape test: 3 to MAX_CAPTION_WORDS words and no final punctuation."""
    return 3 <= len(line.split()) <= MAX_CAPTION_WORDS and not line.rstrip().endswith(_SENTENCE_END)


def line_stem_counts(lines: Iterable[str], language: str = "ar") -> Counter[str]:
    """For each content stem, the number of lines containing it: built once per article, so testing
    every line against "the other lines" costs linear, not quadratic, time in the article's length."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(set(_content_stems(line, language)))
    return counts


def is_caption(line: str, body: Counter[str], language: str = "ar") -> bool:
    """True for a short line without final punctuation whose content words recur in the body.

    `body` counts the lines of the article (this one included) containing each content stem.
    """
    if not may_be_caption(line):
        return False
    stems = _content_stems(line, language)
    if len(stems) < 3:
        return False
    own = set(stems)
    elsewhere = sum(1 for s in stems if body[s] - (s in own) > 0)
    return elsewhere >= MIN_REPEATED_SHARE * len(stems)
