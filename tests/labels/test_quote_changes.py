"""The blind audit of an extractor change (labels/quote_changes.py): items hide which version gave
what, and the score counts a change as right only where the reader found it so."""

from labels.quote_changes import items, score

BEFORE = [
    ["SK-1", 2, "إن الحركة لن تشارك في المحادثات", "الناطق باسم طالبان ذبيح الله مجاهد"],
    ["SK-1", 5, "إن الهدنة ما زالت قائمة", "مجاهد"],
    ["AL-7", 0, "إن الأسعار سترتفع", "معن قطامين"],
]
AFTER = [
    ["SK-1", 2, "إن الحركة  لن تشارك في المحادثات", "ذبيح الله مجاهد"],  # same words, other spacing
    ["SK-1", 5, "إن الهدنة ما زالت قائمة", "مجاهد"],
    ["BB-3", 4, "إن التحقيق مستمر", "الشرطة"],
]


def test_items_pair_the_versions_and_hide_which_gave_what():
    blind, key = items(BEFORE, AFTER)
    assert sorted(k["kind"] for k in key) == ["added", "removed", "speaker"]
    changed = next(b for b, k in zip(blind, key, strict=True) if k["kind"] == "speaker")
    assert {changed["X"], changed["Y"]} == {"الناطق باسم طالبان ذبيح الله مجاهد", "ذبيح الله مجاهد"}
    assert all("x" not in b and "kind" not in b for b in blind)  # the reader never sees the key
    row = next(k for k in key if k["kind"] == "speaker")
    assert (changed["X"] == "ذبيح الله مجاهد") == (row["x"] == "after")
    assert items(BEFORE, AFTER) == (blind, key)  # seeded: the same items every time


def test_score_counts_a_change_by_the_readers_verdict():
    blind, key = items(BEFORE, AFTER)
    by_kind = {k["kind"]: (b, k) for b, k in zip(blind, key, strict=True)}
    changed, row = by_kind["speaker"]
    after_is = "X" if row["x"] == "after" else "Y"
    verdicts = [
        {"id": changed["id"], "verdict": after_is},  # the new speaker is right: +1
        {"id": by_kind["added"][0]["id"], "verdict": "wrong_speaker"},  # a wrong quote added: -1
        {"id": by_kind["removed"][0]["id"], "verdict": "right"},  # a right quote lost: -1
    ]
    assert score(key, verdicts)["net"] == -1
    verdicts[0]["verdict"] = "both"
    assert score(key, verdicts)["net"] == -2


def test_items_pair_quotes_by_their_words_when_the_cleaner_moved_their_sentence():
    # A cleaner that drops a furniture line moves every later sentence up one: keyed by index, the
    # same quote with the same speaker became a "removed" and an "added" item (99 items for 39
    # real changes in session 9's audit).
    moved = [[a, i - 1 if a == "SK-1" else i, words, who] for a, i, words, who in BEFORE]
    blind, key = items(BEFORE, moved)
    assert [k["kind"] for k in key] == []
    blind, key = items(BEFORE, [*moved[:2], ["SK-1", 7, "إن الهدنة ما زالت قائمة", "مجاهد"]], prefix="r4")
    # The truce quote said twice: the second saying is new; AL-7 lost its quote.
    assert sorted(k["kind"] for k in key) == ["added", "removed"] and all(b["id"].startswith("r4-") for b in blind)
