"""The strict glued-word splitter measured for issue 12 (labels/glued_splitter.py, labels/glued-splits).

The former splitter rewrote cleaned text and cut single words: stem + pronoun (خلافهما → خلاف هما),
article or conjunction + word (والمغلق → وال مغلق), and transliterated names. This one must not,
must still cut two words that lost their space, and must be the splitter its labels describe.
"""

from __future__ import annotations

import pytest

import labels.glued_splitter as splitter
from khulasa.text.frequency import zipf
from labels.glued_splits import LABELS, SPLITS, rate, read_jsonl
from labels.glued_splitter import key_tokens, split_glued

ONE_WORD = [
    # the audit (issue 12) and the rewritten sentence pairs: stem + pronoun / clitics
    "خلافهما",
    "والمغلق",
    "الاحالة",
    "حصولهما",
    "مرافقيهم",
    "بالتونسي",
    "محاميهما",
    "مستوياتهما",
    "اعترافاتهم",
    "يشارفون",
    # names that read as two common words
    "تشارليستون",
    "نيوزنايت",
    "أندروميديا",
    "باركلاند",
    "فوكسكون",
    "ميتالست",
    "هانيبين",
    "ماهيلا",
    "وأبوالبشر",
]
LOST_SPACE = {  # (wordfreq lists الولاياتالمتحدة itself, at Zipf 1.2, so that one counts as a word)
    "الحدودالأميركية": ("الحدود", "الأميركية"),
    "المديرالفني": ("المدير", "الفني"),
    "إلىاتفاق": ("إلى", "اتفاق"),
    "طهرانفي": ("طهران", "في"),
    "مباراةله": ("مباراة", "له"),
    "أوبطاقات": ("أو", "بطاقات"),
}


@pytest.mark.parametrize("word", ONE_WORD)
def test_one_word_is_never_split(word):
    assert split_glued(word) is None


@pytest.mark.parametrize("glued", sorted(LOST_SPACE))
def test_two_words_that_lost_their_space_are_split(glued):
    assert split_glued(glued) == LOST_SPACE[glued]


def test_key_tokens_replace_only_glued_tokens():
    tokens = ["قال", "المديرالفني", "إن", "خلافهما", "انتهى"]
    assert key_tokens(tokens) == ["قال", "المدير", "الفني", "إن", "خلافهما", "انتهى"]


def test_labels_describe_this_splitter():
    rows = read_jsonl(SPLITS)
    assert len(rows) == 346
    for row in rows:  # a changed splitter must be sampled and labelled again
        assert " ".join(split_glued(row["token"]) or ()) == row["split"], row["item"]
    result = rate(rows, read_jsonl(LABELS))
    assert result["unlabelled"] == 0 and result["wrong"] == 6
    assert result["false_split_rate"] < 0.02


def test_a_run_of_hundreds_of_letters_is_not_tried(monkeypatch):
    looked_up: list[str] = []
    monkeypatch.setattr(splitter, "zipf", lambda word, language="ar": looked_up.append(word) or zipf(word, language))
    run = "الولاياتالمتحدة" * 40
    assert key_tokens([run, run[3:], "و" + run]) == [run, run[3:], "و" + run]
    assert looked_up == []  # every cut of a 600-letter run would be looked up: quadratic work
