from labels.agreement import cohen_kappa, report


def test_kappa_matches_the_textbook_example():
    # 50 items: both say yes on 20, no on 15, and disagree on 15 (Cohen 1960 style table): kappa 0.4.
    first = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    second = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    assert abs(cohen_kappa(first, second) - 0.4) < 1e-9
    assert cohen_kappa(first, first) == 1.0


def test_report_counts_only_shared_items_and_lists_disagreements():
    first = {"p1": "same_event", "p2": "same_topic", "p3": "unrelated", "p4": "unrelated"}
    second = {"p1": "same_event", "p2": "unrelated", "p3": "unrelated"}
    result = report(first, second)
    assert result["items"] == 3 and result["disagreements"] == ["p2"]
    merged = report(first, second, {"same_topic": "unrelated"})
    assert merged["kappa"] == 1.0 and merged["disagreements"] == []
