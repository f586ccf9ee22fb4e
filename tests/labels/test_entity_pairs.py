"""The labelled entity pairs: split by story and by date, each pair two distinct same-type mention
strings of its story, each labelled once by A, and `show` finds the sentence of each mention."""

from __future__ import annotations

from tests.conftest import DATA, require


def test_splits_share_no_story_article_or_day():
    from labels.entity_pairs import read_stories

    articles: dict[str, set[str]] = {}
    for story in read_stories().values():
        articles.setdefault(story["split"], set()).update(story["articles"])
    assert set(articles) == {"dev", "test"}
    assert not articles["dev"] & articles["test"]
    days = {split: {a.rsplit("-", 1)[1] for a in ids} for split, ids in articles.items()}
    assert max(days["test"]) < min(days["dev"])  # test is June 2018, dev July 2018


def test_pairs_are_distinct_strings_of_one_type_found_in_their_story():
    from labels.entity_pairs import read_pairs, read_stories

    stories = read_stories()
    pairs = read_pairs()
    assert len(pairs) >= 300 and len({p["id"] for p in pairs}) == len(pairs)
    for pair in pairs:
        story = stories[pair["story"]]
        assert story["split"] == pair["split"] and pair["a"] != pair["b"]
        found = {(text, kind) for text, kind, _, _ in story["mentions"]}
        assert (pair["a"], pair["type"]) in found and (pair["b"], pair["type"]) in found


def test_labeller_a_labelled_every_pair_once_with_a_known_label():
    from labels.agreement import read_labels
    from labels.common import read_jsonl
    from labels.entity_pairs import FOLDER, read_pairs

    rows = read_jsonl(FOLDER / "labels-a.jsonl")
    assert len(rows) == len({r["pair"] for r in rows})
    labels = read_labels(FOLDER / "labels-a.jsonl")
    assert set(labels) == {p["id"] for p in read_pairs()}
    assert set(labels.values()) <= {"same", "different", "unclear"}


def test_show_prints_the_sentence_of_each_mention(capsys):
    from labels.entity_pairs import read_pairs, show

    require(DATA / "ant-news-2018" / "articles.jsonl.xz")
    pairs = [p for p in read_pairs() if p["id"] in ("ep-test-0007", "ep-dev-0058")]
    show(pairs, context=0)  # exits naming the pair whose sentence changed since sampling
    printed = capsys.readouterr().out
    assert "«عبد الله» in: وأعرب الملك عبد الله" in printed
    assert "«الزعيم كيم» in:" in printed and "=== ep-dev-0058" in printed
