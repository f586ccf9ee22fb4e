"""Ingest reads an article's words once for all its consumers (khulasa.stream.words): the matching
keys, the candidate terms and the same-event profile made from that one reading must be those each
consumer makes by reading the text itself, bit for bit, on real Arabic articles and on the edge
cases of their parts (no or a template headline, texts shorter than each part, numbers, English)."""

from __future__ import annotations

import pickle

import numpy as np

from khulasa.model import Article
from khulasa.relate.story.features import (
    _token_gram_bytes,
    _token_stem_bytes,
    key_gram_bytes,
    profile,
    profile_of_parts,
)
from khulasa.stream.clustering import _article_profile, _content_term, article_features, article_terms
from khulasa.stream.ingest import prepare
from khulasa.stream.words import _facts, read_words
from khulasa.text.headlines import informative_title
from khulasa.text.keys import matching_keys, word_key
from khulasa.text.tokenize import tokenize, tokenize_words

EDGE_TOKENS = [
    "و",  # one letter
    "في",  # stop word
    "وفي",
    "2018",  # a number: a stem for the profile, no candidate term
    "١٤",
    "Trump",  # English: Porter2
    "the",
    "والله",  # a و that belongs to the word
    "وواشنطن",
    "وقال",
    "عمّان",  # a mark inside the word
    "مــصر",  # tatweel
    "أمريكا",  # a spelling variant the key maps
    "الأمم",
    "ب" * 40,  # longer than the word caches keep
]


def assert_same_profile(a, b) -> None:
    for name in ("char_title", "char_lead", "word_title", "word_lead", "word_body"):
        x, y = getattr(a, name), getattr(b, name)
        assert np.array_equal(x.ids, y.ids), name
        assert x.weights.tobytes() == y.weights.tobytes(), name
    for name in ("rare_lead", "numbers", "template", "time", "source"):
        assert getattr(a, name) == getattr(b, name), name


def articles(example_articles, ant_days) -> list[Article]:
    _, records = ant_days
    ant = [Article(r["id"], r["text"], r["title"], r["src"], r["url"], r["time"]) for r in records]
    text = " ".join(a.text for a in example_articles)
    words = text.split()
    made = [
        Article("no-title", text, None, "x"),
        Article("template", text, "عاجل", "x"),
        Article("template-opening", text, "شاهد.. زوكربيرغ يظهر بكابيتول هيل", "x"),
        Article("short", " ".join(words[:50]), "الأمم المتحدة تحذر", "x"),
        Article("between", " ".join(words[:90]), "الأمم المتحدة تحذر", "x"),
        Article("lead-only", " ".join(words[:150]), "الأمم المتحدة تحذر", "x"),
        Article("empty-title", text, "  ", "x"),
        Article("edges", " ".join(EDGE_TOKENS * 30), " ".join(EDGE_TOKENS), "x"),
    ]
    return [*example_articles, *ant, *made]


def test_word_facts_are_each_consumers_values(example_articles, ant_days):
    tokens = {t for a in articles(example_articles, ant_days) for t in tokenize(f"{a.title or ''} {a.text}")}
    for token in sorted(tokens | set(EDGE_TOKENS)):
        key, term, stems, grams = _facts(token)
        assert grams is None  # made when a lead asks
        assert key == word_key(token)
        assert term == _content_term(token, "ar")
        assert stems == _token_stem_bytes.__wrapped__(token)
        assert key_gram_bytes(key) == _token_gram_bytes.__wrapped__(token)


def test_tokenize_words_is_tokenize_of_the_joined_words(example_articles):
    for article in example_articles:
        words = article.text.split()
        for start, end in ((0, 80), (80, 100), (100, 400), (400, None)):
            assert tokenize_words(words[start:end]) == tokenize(" ".join(words[start:end]))


def test_one_reading_gives_keys_terms_and_profile(example_articles, ant_days):
    for article in articles(example_articles, ant_days):
        words = read_words(article.title, article.text)
        assert words.text_keys() == matching_keys(article.text)
        assert words.title_keys() == matching_keys(article.title or "")
        headline = informative_title(article.title)
        assert list(words.terms(headline is not None).items()) == list(article_terms(headline, article.text).items())
        parts = words.profile_words(headline is not None).parts(article.title, article.text)
        expected = profile(Article("", article.text, headline, article.source))
        assert_same_profile(profile_of_parts(parts, None, article.source), expected)


def test_features_prepared_from_the_words_are_those_of_the_text(example_articles, ant_days):
    for article in articles(example_articles, ant_days)[:60]:
        features = prepare(article, with_profile=True).features
        plain = article_features(article.title, article.text, article.source)
        assert list(features.terms.items()) == list(plain.terms.items())
        assert_same_profile(features.profile, plain.profile)
        lazy = prepare(article, with_profile=False).features  # the profile made later, from the words kept
        assert lazy.profile is None and lazy.words is not None
        headline = informative_title(article.title)
        assert_same_profile(
            profile_of_parts(lazy.words.parts(article.title, article.text), None, article.source),
            _article_profile(headline, article.text, article.source),
        )
        # What is pickled (archive's workers, checkpoints) does not carry the words.
        assert pickle.loads(pickle.dumps(lazy)).words is None
