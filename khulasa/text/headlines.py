"""Headlines as evidence: which carry words about an event, and which only announce a format.

A headline of template words only («عاجل», «شاهد..», «بالفيديو») is shared by unrelated reports,
so it neither links two articles nor names a story; one that opens with a template word but goes
on («شاهد.. زوكربيرغ يظهر بكابيتول هيل») names its event, less cleanly than a plain headline.
The template words are the same-event model's (khulasa.relate.story.features.TEMPLATES).
"""

from __future__ import annotations

from khulasa.relate.story.features import TEMPLATES
from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize

PLAIN, TEASER, OPENS_WITH_TEMPLATE, UNINFORMATIVE = 0, 1, 2, 3  # headline kinds, best first

# A headline that asks or points instead of telling («ماذا قال الرئيس السيسي عقب مباراة مصر؟»,
# «في هذا الفندق تعقد القمة التاريخية ...»): it names its event, but a story titled by it tells
# the reader nothing (a reader's audit of June 2018 stories found two such titles in twelve).
_TEASER_OPENINGS = tuple(
    tuple(normalize_key(w) for w in phrase.split())
    for phrase in (
        "ماذا", "لماذا", "كيف", "هل", "من هو", "من هي", "من هم", "ما هو", "ما هي", "ما هذا", "ما الذي", "ما قصة",
        "في هذا", "في هذه", "هذا هو", "هذه هي", "هكذا", "تعرف على", "تعرفوا على", "إليك", "اليكم",
    )
)  # fmt: skip


@word_cache(200_000)
def _content_stem(token: str) -> str | None:
    """The token's stem when it is a content word of a headline, else None."""
    key = normalize_key(token)
    if len(key) > 1 and not key.isdigit() and key not in TEMPLATES and not is_stopword(token):
        return stem(token)
    return None


def content_stems(title: str | None) -> list[str]:
    """Stems of the headline's content words: neither template words, stop words, digits nor
    one-letter tokens. Each word's decision is cached: ingest asks of every headline twice, and
    the store of every headline of a story each time the story grows (store/titles.py)."""
    return [s for s in _content_stem.many(tokenize(title or "")) if s is not None]


def informative_title(title: str | None) -> str | None:
    """The headline, or None when it is empty or made only of template words, stop words and
    punctuation."""
    return title if content_stems(title) else None


def headline_kind(title: str | None) -> int:
    """PLAIN, TEASER (a question, or a teaser opening: «ماذا»، «في هذا»), OPENS_WITH_TEMPLATE or
    UNINFORMATIVE (empty or template words only)."""
    if not content_stems(title):
        return UNINFORMATIVE
    tokens = tokenize(title or "")
    if tokens and normalize_key(tokens[0]) in TEMPLATES:
        return OPENS_WITH_TEMPLATE
    keys = tuple(normalize_key(t) for t in tokens)
    asks = (title or "").rstrip(" .!\"'»”").endswith(("؟", "?"))
    if asks or any(keys[: len(opening)] == opening for opening in _TEASER_OPENINGS):
        return TEASER
    return PLAIN


def stand_in_title(text: str, words: int = 20) -> str | None:
    """A headline for an article given without one: the first line of its text, cut at `words`
    words (marked with …)."""
    for line in text.splitlines():
        tokens = line.split()
        if tokens:
            return " ".join(tokens[:words]) + (" …" if len(tokens) > words else "")
    return None
