"""The NER splits are contiguous blocks: no sentence in two splits, no interleaving."""

import pytest

from khulasa.analyze.ner import splits


def _sentence(word: str, length: int) -> list[tuple[str, str]]:
    return [(word, "O")] * length


def test_blocks_are_contiguous_disjoint_and_cover_the_corpus():
    sentences = [_sentence(f"كلمة{i}", 1 + i % 7) for i in range(200)]
    parts = {name: splits.block_split(sentences, name) for name in splits.SPLITS}
    assert sum(map(len, parts.values())) == len(sentences)
    assert parts["train"] + parts["dev"] + parts["test"] == sentences
    tokens = {name: sum(map(len, part)) for name, part in parts.items()}
    total = sum(tokens.values())
    assert 0.65 < tokens["train"] / total < 0.75 and 0.10 < tokens["test"] / total < 0.20


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="unknown split"):
        splits.block_split([_sentence("قرية", 3)], "heldout")


@pytest.mark.skipif(not (splits.DEFAULT_DATA / "ner" / "anercorp-train.txt").exists(), reason="needs ../shared")
def test_anercorp_test_block_is_its_last_fifteen_percent():
    test = splits.anercorp("test")
    train = splits.anercorp("train")
    assert 16_000 < sum(map(len, test)) < 22_000
    everything = splits.read_anercorp(splits.DEFAULT_DATA / "ner" / "anercorp-train.txt")
    assert train[0] == everything[0] and test[-1] == everything[-1]
