"""Every tokenizer keeps a diacritized word whole (عمّان, not عم + ّ + ان) and a Latin name after an
Arabic clitic in one token (وLenovo); the NER and quote tokenizers build on the same word pattern."""

import pytest

from khulasa.analyze.entities import NER_TOKEN
from khulasa.analyze.quotes import _TOKEN as QUOTE_TOKEN
from khulasa.model import Article
from khulasa.store import content_hash
from khulasa.stream.clustering import article_terms
from khulasa.text.tokenize import tokenize

SENTENCE = "عادَ العاهل الأردني إلى عمّانَ بعد أنْ أكّد أنّ الحوار مستمرٌّ"
WORDS = ["عادَ", "العاهل", "الأردني", "إلى", "عمّانَ", "بعد", "أنْ", "أكّد", "أنّ", "الحوار", "مستمرٌّ"]


def test_tokenize_keeps_words_with_inner_diacritics_whole():
    assert tokenize(SENTENCE) == WORDS


def test_ner_tokens_keep_words_with_inner_diacritics_whole():
    assert NER_TOKEN.findall(SENTENCE + ".") == [*WORDS, "."]


def test_quote_tokens_keep_words_with_quranic_and_vowel_marks_whole():
    assert QUOTE_TOKEN.findall("قال: «إنّ الصّلاةَ خيرٌ»") == ["قال", ":", "«", "إنّ", "الصّلاةَ", "خيرٌ", "»"]


@pytest.mark.parametrize("text", ["أعلنت وLenovo عن هاتف", "قال متحدث لـ Google إن", "مــصر والأردن"])
def test_latin_after_clitic_and_tatweel_stay_in_their_word(text):
    assert NER_TOKEN.findall(text) == text.split()
    assert tokenize(text) == text.split()


def test_content_hash_ignores_diacritics_as_it_promises():
    plain = Article(id="a", text="عاد العاهل الأردني إلى عمان بعد أن أكد أن الحوار مستمر", title="عمان")
    marked = Article(id="a", text=SENTENCE, title="عمّان")
    assert content_hash(plain) == content_hash(marked)


def test_clustering_terms_ignore_diacritics():
    marked = article_terms("الملك يعود إلى عمّان", SENTENCE, entity_weight=1.0)
    plain = article_terms("الملك يعود إلى عمان", "عاد العاهل الأردني إلى عمان بعد أن أكد أن الحوار مستمر", 1.0)
    assert marked == plain


def test_letters_counted_on_bytes_match_the_regex_runs(example_articles):
    import re

    from khulasa.text.tokenize import _letters

    def runs(text: str) -> tuple[int, int]:
        return sum(map(len, re.findall(r"[\u0600-\u06FF]+", text))), sum(map(len, re.findall(r"[A-Za-z]+", text)))

    edges = "\u05ff\u0600 \u06ff\u0700 ﻻ ک ٣ ، Zürich é ẞ 😀 \ud800 ＡＢ aZ"  # block edges, forms outside it, astral, lone surrogate
    for text in [edges, *(a.text for a in example_articles), *(a.title for a in example_articles)]:
        assert _letters(text) == runs(text)
    assert _letters(edges) == (5, 7)


def test_tokenize_gives_the_patterns_tokens(example_articles):
    from khulasa.text.tokenize import _TOKEN

    tricky = (
        "snake_case و_ذلك عمّانَ مــصر Zürich O'Brien عبد-الله ‘قال’ 3.5% ١٢٣ ²³ "
        "a\u00a0b\u2003c\x1cd\u200be ٪٥٠ (CNN)-- «عاجل».. _x_ - ' ٌّ"
    )
    for text in [tricky, *(a.text for a in example_articles), *(a.title for a in example_articles)]:
        assert tokenize(text) == _TOKEN.findall(text)
    assert tokenize("snake_case") == ["snake", "case"]
