"""Photo captions: a short unpunctuated line whose words the article repeats elsewhere."""

from __future__ import annotations

from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize

MAX_CAPTION_WORDS = 12
MIN_REPEATED_SHARE = 0.7
_SENTENCE_END = tuple(".!?؟:\"»”'")


def _content_stems(text: str, language: str) -> list[str]:
    return [stem(t, language) for t in tokenize(text) if not is_stopword(t, language) and not t.isdigit()]


def is_caption(line: str, other_lines: list[str], language: str = "ar") -> bool:
    """True for a short line without final punctuation whose content words recur in the body."""
    words = line.split()
    if not 3 <= len(words) <= MAX_CAPTION_WORDS or line.rstrip().endswith(_SENTENCE_END):
        return False
    stems = _content_stems(line, language)
    if len(stems) < 3:
        return False
    body = set()
    for other in other_lines:
        body.update(_content_stems(other, language))
    return sum(1 for s in stems if s in body) >= MIN_REPEATED_SHARE * len(stems)
