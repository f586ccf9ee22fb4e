"""Cleaning never changes the words a reader sees (issue 12, item 5), on real ANT news articles.

Summaries quote cleaned sentences and promise the quote is exact, so a kept paragraph must be the
outlet's own words. A glued-word splitter that rewrote the text made 21 wrong splits in 24 on
unseen clusters (خلافهما → خلاف هما) and rewrote 34 sentences of the labelled sentence pairs.
The corpus is read from ../shared, never copied.
"""

from __future__ import annotations

import json
import lzma

import pytest

from khulasa.clean import clean_article
from khulasa.model import Article
from khulasa.text.segment import split_sentences
from khulasa.text.tokenize import tokenize
from tests.conftest import DATA, require

ANT = DATA / "ant-news-2018" / "articles.jsonl.xz"
EVERY = 60
"""Every 60th article of the corpus (about 525, all outlets and sections) for the property."""

# Words the former splitter cut wrongly (one word each: stem + pronoun, article or conjunction),
# with an article that uses each; and one it cut rightly (a lost space), kept as published too.
ONE_WORD = {
    "خلافهما": ("AL-internationalNews-1893-20180711", "خلاف هما"),
    "حصولهما": ("BB-internationalNews-950-20180810", "حصول هما"),
    "مرافقيهم": ("SK-middleEast-1990-20180527", "مرافق يهم"),
    "بالتونسي": ("AL-internationalNews-839-20180408", "بال تونسي"),
    "والمغلق": ("FR-internationalNews-2722-20180815", "وال مغلق"),
    "الاحالة": ("CN-middleEast-1000-20180522", "الا حالة"),
}
LOST_SPACE = {"ملياردولار": ("CN-economy-239-20180901", "مليار دولار")}


@pytest.fixture(scope="module")
def ant_articles() -> dict[str, Article]:
    wanted = {article_id for article_id, _ in (*ONE_WORD.values(), *LOST_SPACE.values())}
    articles = {}
    with lzma.open(require(ANT), "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            if number % EVERY == 0 or record["id"] in wanted:
                articles[record["id"]] = Article(
                    record["id"], record["text"], record.get("title"), record["src"], None, record.get("time")
                )
    assert wanted <= set(articles)
    return articles


def test_every_kept_paragraph_is_the_outlets_own_words(ant_articles):
    checked = 0
    for article in ant_articles.values():
        clean = clean_article(article, "ar")
        source = " ".join(article.text.split())
        for paragraph in clean.paragraphs:
            # a paragraph may join the soft-wrapped lines of one source paragraph with a space
            assert " ".join(paragraph.split()) in source, (article.id, paragraph[:80])
            checked += 1
        assert not any("glued" in removed.reason for removed in clean.removed), article.id
    assert checked > 4000


@pytest.mark.parametrize("word", sorted({**ONE_WORD, **LOST_SPACE}))
def test_the_audited_splits_never_reach_the_text(ant_articles, word):
    article_id, split = {**ONE_WORD, **LOST_SPACE}[word]
    article = ant_articles[article_id]
    shown = "\n".join(span.text for span in split_sentences(clean_article(article, "ar").paragraphs, "ar"))
    assert tokenize(shown).count(word) == tokenize(article.text).count(word) > 0
    assert shown.count(split) <= article.text.count(split)
