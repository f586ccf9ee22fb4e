"""One reading of an article's words for everything ingest makes of them.

Ingest reads each article's words for four consumers: the matching keys of the whole text (its
content hash and MinHash shingles, `khulasa.text.keys`), the candidate terms of the headline and
the first clustering.LEAD_WORDS words (`clustering.article_terms`), and the same-event profile's
stems of the first BODY_WORDS words and grams of the headline and first LEAD_WORDS words
(`khulasa.relate.story.features.profile`). Each tokenized its own part of the text again and read
its own word cache for every token: a lead token was tokenized three times and looked up in four
dicts of 200,000 words, each lookup a few cache misses (the lookups were a fifth of ingest's time).

Here the text is split once, each part of it tokenized once (`tokenize_words`), and every token is
looked up once, in one word cache whose value holds what each consumer reads of the word
(`word_facts`): its matching key, its Arabic candidate term, its profile stem bucket and, made the
first time a lead asks for them, its profile gram buckets. Each value is computed by the very
function its consumer called, so keys, terms and profiles are the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from operator import is_not, itemgetter

from khulasa.relate.story.features import (
    BODY_WORDS,
    LEAD_WORDS,
    ProfileParts,
    _first_line,
    key_gram_bytes,
    stem_bytes,
)
from khulasa.stream.clustering import LEAD_WORDS as TERM_WORDS
from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key
from khulasa.text.stem import stem_of_key
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize, tokenize_words

KEY, TERM, STEMS, GRAMS = range(4)  # the fields of a word's facts
_key = itemgetter(KEY)
_term = itemgetter(TERM)
_stems = itemgetter(STEMS)
_grams = itemgetter(GRAMS)
_NOT_NONE = partial(is_not, None)


def _facts(token: str) -> list:
    """[matching key (`normalize_key`), Arabic candidate term (`clustering._content_term`), profile
    stem bytes (`features._token_stem_bytes`), profile gram bytes (`features._token_gram_bytes`,
    None until a lead asks: most words of a text are past its lead)].

    Made as those functions make them, with the stop-word test and the stem made once for both (the
    candidate term is the stem unless the token is a number) and Light10 reading the key made here
    (`stem_of_key`): the same values at a third of their cost, which a word's first sight pays."""
    key = normalize_key(token)
    stemmed = stem_of_key(token, key) if len(token) > 1 and not is_stopword.__wrapped__(token) else None
    return [key, None if token.isdigit() else stemmed, stem_bytes(stemmed), None]


FACT_WORDS = 300_000
"""Words whose facts are kept (emptied when full, `word_cache`). The whole ANT feed reads about
235,000 distinct words: at 200,000 the cache emptied two thirds through and the last 11,500
articles made 11-13 words' facts each instead of 4 (about 7 us a word); at 300,000 (about 100 MB)
it never empties there, and a longer feed's vocabulary still cannot grow it past the bound."""
word_facts = word_cache(FACT_WORDS)(_facts)


def _gram_bytes(facts: list[list]) -> bytes:
    """The joined profile gram bytes of these words, made for the words that lack them."""
    try:
        return b"".join(map(_grams, facts))
    except TypeError:  # a None: grams not made yet (they depend on the key alone)
        for word in facts:
            if word[GRAMS] is None:
                word[GRAMS] = key_gram_bytes(word[KEY])
        return b"".join(map(_grams, facts))


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """An article's tokens read once: the facts of its headline's tokens and of its text's, with
    where the text's first clustering.LEAD_WORDS (`terms_end`), profile LEAD_WORDS (`lead_end`) and
    BODY_WORDS (`body_end`) words end among the latter."""

    title: list[list]
    text: list[list]
    terms_end: int
    lead_end: int
    body_end: int

    def title_keys(self) -> list[str]:
        """`matching_keys` of the headline."""
        return list(map(_key, self.title))

    def text_keys(self) -> list[str]:
        """`matching_keys` of the text."""
        return list(map(_key, self.text))

    def terms(self, informative: bool) -> Counter:
        """`clustering.article_terms` of an Arabic article (the headline's terms counted twice when
        it is `informative`, then the lead's once), from the words' facts."""
        counts: Counter = Counter(filter(_NOT_NONE, map(_term, self.title))) if informative else Counter()
        for term in counts:
            counts[term] *= 2
        counts.update(filter(_NOT_NONE, map(_term, self.text[: self.terms_end])))
        return counts

    def profile_words(self, informative: bool) -> ProfileWords:
        """What the profile will read of these words, kept until the article is first compared
        (the facts of the headline, when informative, and of the first BODY_WORDS words)."""
        return ProfileWords(self.title if informative else None, self.text[: self.body_end], self.lead_end)


@dataclass(frozen=True, slots=True)
class ProfileWords:
    """The facts a same-event profile reads: of the informative headline's tokens (None: the
    profile's headline is the text's first line) and of the first BODY_WORDS words, of which the
    first `lead_end` are the first LEAD_WORDS words'."""

    title: list[list] | None
    body: list[list]
    lead_end: int

    def parts(self, title: str | None, text: str) -> ProfileParts:
        """`features.profile`'s parts of the article with this headline (as read: its profile's
        headline when informative) and text."""
        headline = (title or "").strip() if self.title is not None else ""
        facts = self.title
        if not headline or facts is None:  # no informative headline: the text's first line stands in
            headline = _first_line(text)
            facts = word_facts.many(tokenize(headline))
        lead, rest = self.body[: self.lead_end], self.body[self.lead_end :]
        return ProfileParts(
            headline,
            " ".join(text.split(None, LEAD_WORDS)[:LEAD_WORDS]),
            b"".join(map(_stems, facts)),
            b"".join(map(_stems, lead)),
            b"".join(map(_stems, rest)),
            _gram_bytes(facts),
            _gram_bytes(lead),
        )


def read_words(title: str | None, text: str) -> ArticleWords:
    """The article's words, each part tokenized once and each token looked up once."""
    words = text.split()
    bounds = sorted({0, TERM_WORDS, LEAD_WORDS, BODY_WORDS})
    tokens: list[str] = []
    ends: dict[int, int] = {}
    for start, end in zip(bounds, [*bounds[1:], None], strict=True):
        tokens += tokenize_words(words[start:end])
        if end is not None:
            ends[end] = len(tokens)
    return ArticleWords(
        word_facts.many(tokenize(title or "")),
        word_facts.many(tokens),
        ends[TERM_WORDS],
        ends[LEAD_WORDS],
        ends[BODY_WORDS],
    )
