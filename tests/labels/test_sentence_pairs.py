"""The labelled sentence pairs still show the sentences their labels were given on.

Each side of a pair is stored as (article id, sentence index, hash of the sentence text) and the
text is re-derived from ../shared with the pipeline's own cleaner and splitter. If cleaning rewrote
words again (the glued-word splitter turned خلافهما into «خلاف هما» in ss-dev-0024 and محاميهما
into «محامي هما» in ss-train-0097) the hashes would no longer match and the labels would describe
sentences no reader sees.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA, require

PAIRS = ["ss-dev-0024", "ss-train-0097", "ss-train-0001", "ss-dev-0001", "ss-test-0001", "ss-test-0257"]


@pytest.fixture(scope="module")
def stored():
    from labels.sentence_pairs import read_pairs

    require(DATA / "ant-news-2018" / "articles.jsonl.xz")
    return {pair["pair"]: pair for pair in read_pairs()}


def test_stored_hashes_match_the_sentences_as_published(stored):
    from labels.sentence_pairs import pair_texts

    texts = pair_texts([stored[name] for name in PAIRS])  # exits naming the pair whose sentence changed
    assert set(texts) == set(PAIRS)
    assert "خلافهما" in texts["ss-dev-0024"][0]
    assert "محاميهما" in texts["ss-train-0097"][1]


def test_every_labelled_pair_still_finds_its_sentences():
    """All 1,564 pairs (main and contrast): each sentence is found by its hash (at its stored index,
    or at a new one when cleaning dropped an earlier line); only the pairs whose own line cleaning
    now drops as page furniture are left out, each named in DROPPED_BY_CLEANING."""
    from labels.sentence_pairs import DROPPED_BY_CLEANING, all_pairs, pair_sentences

    require(DATA / "ant-news-2018" / "articles.jsonl.xz")
    pairs = all_pairs()
    found = pair_sentences(pairs)  # exits naming any other pair whose sentence changed
    assert {p["pair"] for p in pairs} - set(found) == set(DROPPED_BY_CLEANING)
    # ss-test-0079: its sentence moved from index 5 to 4 when the «قد يهمك أيضا» line above it went.
    assert found["ss-test-0079"][0][0] == 4
