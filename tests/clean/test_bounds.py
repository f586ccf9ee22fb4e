"""Cleaning costs time linear in the text and keeps no long keys in its caches (hostile input)."""

import hashlib

import khulasa.clean.caption as caption
from khulasa.clean import clean_article
from khulasa.model import Article
from khulasa.text.frequency import zipf
from khulasa.text.stem import light10, stem

# 40 copies of two glued words make a 600-letter run that is no word at all.
LONG_RUN = "الولاياتالمتحدة" * 40


def test_word_caches_keep_no_long_keys():
    long_word = "و" + LONG_RUN
    for function in (stem, light10, zipf):
        before = function.cache_info().currsize
        function(long_word)
        function(long_word[1:])
        assert function.cache_info().currsize == before
    assert zipf(long_word) == 0.0


def test_captions_are_found_with_one_pass_over_the_article(monkeypatch):
    calls: list[str] = []
    content_stems = caption._content_stems

    def counting(text: str, language: str) -> list[str]:
        calls.append(text)
        return content_stems(text, language)

    monkeypatch.setattr(caption, "_content_stems", counting)
    places = ["بغداد", "دمشق", "القاهرة", "عمان", "بيروت", "الرياض", "تونس", "الجزائر", "الرباط", "صنعاء"]
    days = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "صباحا", "مساء", "ليلا"]
    short_lines = [
        f"زار الرئيس المستشفى في {place} يوم {day} {hour}" for place in places for day in days for hour in days
    ]
    body = [f"{line} وقال الرئيس إن المستشفى جديد." for line in short_lines]
    lines = [line for pair in zip(body, short_lines, strict=True) for line in pair]
    text = "\n".join(lines)
    clean = clean_article(Article(id="x", text=text, title="الرئيس يزور المستشفى"), "ar")
    # each line's stems once for the body, and once more for each line shaped like a caption
    assert len(clean.paragraphs) == len(body)
    assert [r.reason for r in clean.removed] == ["photo caption"] * len(short_lines)
    assert len(calls) <= 2 * len(lines)  # was once per caption-shaped line per other line: 2,000,000


def test_example_story_cleans_to_the_same_text(example_articles):
    text = "\n\n".join("\n".join(clean_article(a).paragraphs) for a in example_articles)
    # the text cleaning has produced since the glued-word splitter was bounded (no word of the example is glued)
    assert (
        hashlib.sha256(text.encode()).hexdigest() == "31093d94a18d120bf56e1a988fe57df7afe26cb2037e204a8d320898b2adf9ee"
    )
