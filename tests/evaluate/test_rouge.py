import pytest
from rouge_score import rouge_scorer

from khulasa.evaluate.rouge import RougeConfig, lcs_length, rouge, rouge_tokens, truncate

PAIRS = [
    ("The cats were sitting on the mats, waiting for dinner.", "A cat sat on the mat waiting for its dinner tonight."),
    (
        "Cambodian leader Hun Sen rejected opposition demands for talks in Beijing.",
        "Hun Sen, Cambodia's leader, rejected the opposition's demand to hold talks outside the country.",
    ),
    ("Storms hit the coast; 1,200 homes lost power.", "Thousands of homes lost power as storms hit the east coast."),
]


@pytest.mark.parametrize(("summary", "reference"), PAIRS)
def test_english_matches_rouge_score_package(summary, reference):
    ours = rouge(summary, [reference], RougeConfig(language="en", stem=True))
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True).score(reference, summary)
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert ours[metric].recall == pytest.approx(theirs[metric].recall)
        assert ours[metric].precision == pytest.approx(theirs[metric].precision)
        assert ours[metric].f == pytest.approx(theirs[metric].fmeasure)


def test_arabic_tokens_survive_and_spelling_variants_match():
    config = RougeConfig(language="ar", stem=False)
    assert rouge_tokens("رفضت إيران طلبا أميركيا", config) == ["رفضت", "ايران", "طلبا", "امريكيا"]
    scores = rouge("رفضت ايران طلبا امريكيا", ["رفضت إيران طلباً أميركياً"], config)
    assert scores["rouge1"].f == pytest.approx(1.0)
    broken = rouge_scorer.RougeScorer(["rouge1"]).score("رفضت إيران", "رفضت إيران")
    assert broken["rouge1"].fmeasure == 0.0  # why rouge-score is never used on Arabic


def test_multi_reference_pools_counts_and_truncation_applies():
    config = RougeConfig(language="en", stem=False, word_limit=2)
    scores = rouge("alpha beta gamma", ["alpha beta", "alpha delta"], config)
    # summary truncated to "alpha beta": hits 2 + 1 over reference unigrams 2 + 2
    assert scores["rouge1"].recall == pytest.approx(3 / 4)
    assert truncate("a b c d", 3) == "a b c"


def test_lcs_and_skip_bigrams():
    assert lcs_length(list("abcbdab"), list("bdcaba")) == 4
    config = RougeConfig(language="en", stem=False)
    assert rouge("police killed the gunman", ["police killed the gunman"], config)["rougeSU4"].f == pytest.approx(1.0)
    assert rouge("gunman the killed police", ["police killed the gunman"], config)["rougeSU4"].f < 0.5
