"""Hostile JSONL: deep nesting, huge integers, lone surrogates and wrong types are line errors, never crashes."""

import json

import pytest

from khulasa.errors import InputError
from khulasa.read import read_paths
from khulasa.read.jsonl import iter_clusters, json_lines

GOOD = {"id": "1", "text": "قال المتحدث باسم الخارجية إن المحادثات ستستأنف الأسبوع المقبل.", "source": "وكالة"}

HOSTILE_LINES = [
    ("[" * 100000, "nested too deeply"),
    ('{"id": "2", "text": "خبر", "x": ' + "[" * 50000 + "]" * 50000 + "}", "nested too deeply"),
    ('{"id": "2", "text": "خبر", "views": ' + "9" * 5000 + "}", "4300 digits"),
    ('{"id": ' + "1" * 4400 + ', "text": "خبر"}', "4300 digits"),
    ('{"id": "2", "text": "خبر \\ud800 مكسور"}', "invalid character"),
    ('{"id": "\\udfff", "text": "خبر"}', "invalid character"),
]


@pytest.mark.parametrize(("line", "problem"), HOSTILE_LINES)
def test_hostile_line_is_a_one_line_error_naming_file_and_line(tmp_path, line, problem):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_paths([path])
    message = str(error.value)
    assert message.startswith(f"{path}:2: ") and problem in message
    assert "\n" not in message and len(message) < 400


@pytest.mark.parametrize(("line", "problem"), HOSTILE_LINES)
def test_hostile_line_is_skipped_with_one_warning(tmp_path, line, problem):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n" + line + "\n", encoding="utf-8")
    warnings = []
    articles = read_paths([path], on_error="skip", warn=warnings.append)
    assert [a.id for a in articles] == ["1"]
    [warning] = warnings
    assert ":2: " in warning and problem in warning and warning.endswith("line skipped")


DOCS = [{"id": "a", "text": "أعلنت الحكومة خطة جديدة للنقل العام في العاصمة."}]


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"id": [1, 2], "docs": DOCS}, "'id' must be a string or a number"),
        ({"id": {"x": 1}, "docs": DOCS}, "'id' must be a string or a number"),
        ({"id": "c", "docs": DOCS, "query": ["ما"]}, "'query' must be a string"),
        ({"id": "c", "docs": {"a": 1}}, "'docs' list"),
        ({"id": "c", "docs": [{"text": ["قال"]}]}, "doc 0: missing or empty 'text'"),
        ({"id": "c", "docs": [{"text": "قال", "title": {"x": 1}}]}, "field 'title' must be a string"),
        ({"id": "c", "docs": [{"text": "قال", "file": [1]}]}, "field 'id' must be a string"),
        ({"id": "c", "docs": DOCS, "lang": ["ar"]}, "'lang' must be"),
    ],
)
def test_clusters_with_wrong_types_are_line_errors(record, problem):
    lines = [json.dumps({"id": "ok", "docs": DOCS}, ensure_ascii=False), json.dumps(record, ensure_ascii=False)]
    with pytest.raises(InputError, match=r"clusters\.jsonl:2: ") as error:
        list(iter_clusters(lines, "clusters.jsonl"))
    assert problem in str(error.value)
    warnings = []
    assert [c.id for c in iter_clusters(lines, "clusters.jsonl", "skip", warnings.append)] == ["ok"]
    assert len(warnings) == 1


def test_cluster_id_with_a_lone_surrogate_is_refused():
    line = '{"id": "c\\ud800", "docs": [{"text": "خبر عاجل من العاصمة."}]}'
    with pytest.raises(InputError, match=r"in\.jsonl:1: field 'id' holds an invalid character"):
        list(iter_clusters(json_lines(line), "in.jsonl"))


def test_deeply_nested_cluster_line_is_an_error():
    with pytest.raises(InputError, match=r"in\.jsonl:1: malformed JSON \(nested too deeply\)"):
        list(iter_clusters(['{"id": "c", "docs": ' + "[" * 100000], "in.jsonl"))
