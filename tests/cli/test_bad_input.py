"""Every command turns hostile input into exit 2 and exactly one `khulasa: error:` line (or, with
--on-error skip, a one-line warning and a run that goes on); never a traceback or an internal error."""

import json

import pytest

from khulasa.cli.main import main

DEEP = "[" * 100000
BIG_INT = "9" * 5000


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("khulasa: error: ") and "internal error" not in err
    return lines[0]


def write_feed(path, example_dir, bad_line: str | None = None, times=()):
    rows = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": p.stem}
        for p in sorted(example_dir.glob("*.txt"))
    ]
    for row, time in zip(rows, times, strict=False):
        row["time"] = time
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if bad_line is not None:
        lines.insert(1, bad_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HOSTILE = {
    "deep": (DEEP, "malformed JSON (nested too deeply)"),
    "bigint": ('{"id": "x", "text": "خبر", "n": ' + BIG_INT + "}", "4300 digits"),
    "surrogate": ('{"id": "x", "text": "خبر \\ud800"}', "invalid character"),
}


def reader_commands(feed, tmp_path):
    return {
        "summarize": ["summarize", str(feed), "--align", "lexical", "--words", "30"],
        "story": ["story", str(feed), "--align", "lexical", "--words", "30"],
        "ingest": ["ingest", str(feed), "--no-summaries", "--db", str(tmp_path / "x.sqlite")],
        "archive": ["archive", str(feed), "--out", str(tmp_path / "stories.jsonl"), "--partitions", "1"],
    }


@pytest.mark.parametrize(
    ("command", "kind"),
    # archive starts a Dask process pool (~10 s): one kind is enough, the reader is the same
    [(c, k) for c in ("summarize", "story", "ingest") for k in sorted(HOSTILE)] + [("archive", "deep")],
)
def test_hostile_jsonl_line_is_one_error_line_then_skipped(tmp_path, example_dir, capsys, command, kind):
    bad_line, problem = HOSTILE[kind]
    feed = write_feed(tmp_path / "feed.jsonl", example_dir, bad_line)
    args = reader_commands(feed, tmp_path)[command]
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"khulasa: error: {feed}:2: ") and problem in line
    assert main([*args, "--on-error", "skip"]) == 0
    err = capsys.readouterr().err
    assert f"khulasa: warning: {feed}:2: " in err and "line skipped" in err and "error" not in err


BATCH_HOSTILE = {
    "deep": (DEEP, "nested too deeply"),
    "bigint": ('{"id": ' + BIG_INT + ', "docs": [{"text": "خبر"}]}', "4300 digits"),
    "surrogate": ('{"id": "c\\udfff", "docs": [{"text": "خبر"}]}', "invalid character"),
    "id type": ('{"id": [[[]]], "docs": [{"text": "خبر"}]}', "'id' must be a string or a number"),
}


@pytest.mark.parametrize("kind", sorted(BATCH_HOSTILE))
def test_batch_hostile_line(tmp_path, example_dir, capsys, kind):
    bad_line, problem = BATCH_HOSTILE[kind]
    docs = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(example_dir.glob("*.txt"))]
    clusters = tmp_path / "in.jsonl"
    clusters.write_text(
        json.dumps({"id": "iran", "docs": docs}, ensure_ascii=False) + "\n" + bad_line + "\n", encoding="utf-8"
    )
    args = ["batch", "--in", str(clusters), "--out", str(tmp_path / "out.jsonl"), "--words", "30"]
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"khulasa: error: {clusters}:2: ") and problem in line
    assert main([*args, "--on-error", "skip"]) == 0
    assert "line skipped" in capsys.readouterr().err
    assert [json.loads(x)["id"] for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()] == ["iran"]


def test_batch_cluster_failing_in_the_pipeline_names_its_line_once(tmp_path, capsys):
    clusters = tmp_path / "in.jsonl"
    clusters.write_text(json.dumps({"id": "c\nd", "docs": [{"text": "12345 678"}]}), encoding="utf-8")
    args = ["batch", "--in", str(clusters), "--out", str(tmp_path / "out.jsonl")]
    assert main(args) == 2
    line = one_error_line(capsys)
    assert line == f"khulasa: error: {clusters}:1: cluster 'c\\nd': article 'c\\nd#0' has no Arabic or English text"


def test_batch_leaves_out_an_empty_document_with_a_warning_and_goes_on(tmp_path, example_dir, capsys):
    """One empty scrape among a cluster's reports stopped the whole batch (exit 2, no output for
    any cluster). It is left out with one warning naming file, line and document; a cluster with
    no text at all is still a one-line error."""
    reports = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(example_dir.glob("*.txt"))]
    clusters = tmp_path / "in.jsonl"
    lines = [{"id": "first", "docs": reports[:2]}, {"id": "second", "docs": [reports[2], {"id": "gone", "text": " "}]}]
    clusters.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", "--in", str(clusters), "--out", str(out)]) == 0
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["first", "second"] and all(r["summary"] for r in records)
    assert {s["doc"] for x in records[1]["sentences"] for s in x["sources"]} == {"report-c"}
    err = capsys.readouterr().err.splitlines()
    assert err == [f"khulasa: warning: {clusters}:2: cluster 'second': doc 1 has no text; left out"]
    clusters.write_text(json.dumps({"id": "c", "docs": [{"text": ""}, {"text": "  "}]}) + "\n", encoding="utf-8")
    assert main(["batch", "--in", str(clusters), "--out", str(out)]) == 2
    assert one_error_line(capsys).endswith(f"{clusters}:1: no doc has any text")


@pytest.mark.parametrize("which", ["summaries", "refs"])
@pytest.mark.parametrize(
    "bad_line",
    [DEEP, '{"id": "c", "summary": ' + BIG_INT + "}", '{"id": "c", "summary": 5}', '{"id": "c", "refs": 5}'],
)
def test_eval_hostile_line(tmp_path, capsys, which, bad_line):
    files = {}
    for name, good in [("summaries", {"id": "c", "summary": "قال المتحدث"}), ("refs", {"id": "c", "refs": ["قال"]})]:
        lines = [json.dumps(good, ensure_ascii=False)] + ([bad_line] if name == which else [])
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["eval", "--summaries", str(files["summaries"]), "--refs", str(files["refs"]), "--lang", "ar"]) == 2
    assert one_error_line(capsys).startswith(f"khulasa: error: {files[which]}:2: ")


def test_eval_undecodable_file_is_one_error_line(tmp_path, capsys):
    summaries = tmp_path / "summaries.jsonl"
    summaries.write_bytes(b'{"id": "c", "summary": "\xff\xfe\xfd"}\n' * 3 + bytes(range(128, 256)))
    assert main(["eval", "--summaries", str(summaries), "--refs", str(summaries), "--lang", "ar"]) == 2
    assert "summaries.jsonl: undecodable" in one_error_line(capsys)


ODD_TIMES = ["0000-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]


@pytest.mark.parametrize("command", ["summarize", "story", "ingest", "archive"])
def test_unusable_times_are_warned_once_and_the_run_goes_on(tmp_path, example_dir, capsys, command):
    feed = write_feed(tmp_path / "feed.jsonl", example_dir, times=ODD_TIMES)
    assert main(reader_commands(feed, tmp_path)[command]) == 0
    err = capsys.readouterr().err
    assert err.count("unusable time") == 1 and "(and 2 more) treated as missing" in err
    assert "error" not in err


def test_timeline_orders_offset_times_in_utc(tmp_path, example_dir, capsys):
    """report-b (11:00+04:00 = 07:00 UTC) was published before report-a (09:00 UTC): its dates come first."""
    feed = write_feed(tmp_path / "feed.jsonl", example_dir, times=["2014-09-15T09:00:00", "2014-09-15T11:00:00+04:00"])
    assert main(["story", str(feed), "--align", "lexical", "--format", "json", "--words", "30"]) == 0
    dates = json.loads(capsys.readouterr().out)["dates"]
    docs = [d["doc"] for d in dates if d["doc"] in ("report-a", "report-b")]
    assert docs and docs[0] == "report-b"


def test_all_inputs_skipped_names_the_inputs(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("12345 67890\n2014 2015", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert main(["summarize", *files, "--on-error", "skip", "--align", "lexical"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "<input>" not in "\n".join(err)
    assert err[-1] == f"khulasa: error: {files[0]}, {files[1]}: no articles left after skipping bad input"
    assert "a.txt: article 'a' has no Arabic or English text; skipped" in err[1]


def test_article_without_words_is_skipped_with_skip(tmp_path, example_dir, capsys):
    (tmp_path / "digits.txt").write_text("12345 67890\n2014 2015", encoding="utf-8")
    args = ["summarize", str(tmp_path / "digits.txt"), str(example_dir), "--align", "lexical", "--words", "30"]
    assert main(args) == 2
    assert "digits.txt: article 'digits' has no Arabic or English text" in one_error_line(capsys)
    assert main([*args, "--on-error", "skip"]) == 0
    assert capsys.readouterr().err.count("\n") == 1


def test_ids_with_newlines_stay_on_one_line(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "خبر\nمزور" * 200, "text": "12345 67890"}, ensure_ascii=False), encoding="utf-8")
    assert main(["summarize", str(feed)]) == 2
    line = one_error_line(capsys)
    assert "خبر\\nمزور" in line and "…" in line and len(line) < 300


def test_batch_unwritable_output_is_one_error_line(tmp_path, example_dir, capsys):
    docs = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(example_dir.glob("*.txt"))]
    clusters = tmp_path / "in.jsonl"
    clusters.write_text(json.dumps({"id": "iran", "docs": docs}, ensure_ascii=False), encoding="utf-8")
    assert main(["batch", "--in", str(clusters), "--out", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert "out.jsonl: cannot write" in one_error_line(capsys)


def test_archive_unwritable_output_is_one_error_line_before_any_work(tmp_path, example_dir, capsys):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, example_dir)
    assert main(["archive", str(feed), "--out", str(tmp_path / "no" / "stories.jsonl"), "--partitions", "1"]) == 2
    assert "stories.jsonl: cannot write" in one_error_line(capsys)
