import json
import subprocess
import sys

import pytest

from khulasa.cli.main import main


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "khulasa.cli.main", *args], capture_output=True, text=True, input=stdin, timeout=300
    )


def test_summarize_example_as_json(example_dir, capsys):
    assert main(["summarize", str(example_dir), "--format", "json", "--align", "lexical"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["method"] == "ilp" and record["words"] <= 100
    assert set(record["outlets"]) == {"report-a", "report-b", "report-c"}
    for sentence in record["sentences"]:
        assert sentence["sources"][0]["text"] == sentence["text"]
        assert sentence["outlets"] == list(dict.fromkeys(s["source"] for s in sentence["sources"]))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_formats_show_outlet_badges(example_dir, capsys, fmt):
    assert main(["summarize", str(example_dir), "--format", fmt, "--align", "lexical", "--words", "60"]) == 0
    out = capsys.readouterr().out
    assert "من 3 مصادر" in out


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty file"), (b"\x00\x01\x02binary", "binary file"), (b"12345 67890 ...", "no Arabic or English text")],
)
def test_bad_files_give_one_line_errors_and_exit_2(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("summarize", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "bad.txt" in result.stderr and problem in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_plain_text(example_dir):
    text = (example_dir / "report-a.txt").read_text(encoding="utf-8")
    result = run("summarize", "-", "--words", "40", "--align", "lexical", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "خامنئي" in result.stdout


def test_batch_writes_one_record_per_cluster_and_is_quiet_when_piped(tmp_path, example_dir):
    docs = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": p.stem}
        for p in sorted(example_dir.glob("*.txt"))
    ]
    clusters = tmp_path / "in.jsonl"
    clusters.write_text(
        json.dumps({"id": "iran", "docs": docs, "lang": "ar"}, ensure_ascii=False) + "\n" + "{broken\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    failed = run("batch", "--in", str(clusters), "--out", str(out))
    assert failed.returncode == 2 and "in.jsonl:2: malformed JSON" in failed.stderr
    result = run("batch", "--in", str(clusters), "--out", str(out), "--words", "50", "--on-error", "skip")
    assert result.returncode == 0
    assert "summarizing" not in result.stderr  # no progress bar when not on a terminal
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "iran" and record["summary"]
    assert all({"doc", "source", "sentence"} <= set(src) for s in record["sentences"] for src in s["sources"])


def test_batch_stays_within_the_budget_unless_long_sentences_are_allowed(tmp_path):
    from tests.conftest import DATA, require

    path = require(DATA / "ar-mds" / "dev.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(line for line in lines if json.loads(line)["id"] == "BB-sport-381-20181011")
    # the best choice for this story is one sentence of 33 words
    clusters = tmp_path / "in.jsonl"
    clusters.write_text(first + "\n", encoding="utf-8")
    records = {}
    for flag in ([], ["--allow-long"]):
        out = tmp_path / f"out{len(flag)}.jsonl"
        assert main(["batch", "--in", str(clusters), "--out", str(out), "--words", "30", *flag]) == 0
        records[bool(flag)] = json.loads(out.read_text(encoding="utf-8"))
    assert records[False]["words"] == 30 and "over_budget" not in records[False]
    [cut] = records[False]["sentences"]  # the same sentence, shown cut at the budget
    assert cut["cut"] is True and cut["text"].endswith("…")
    assert cut["sources"][0]["text"] == records[True]["sentences"][0]["text"]
    assert records[True]["words"] > 30
    assert records[True]["over_budget"] is True and records[True]["budget"] == 30


def test_reading_stored_stories_does_not_load_the_ingest_machinery():
    # `khulasa show` took 1.4 s for a stored story, half of it importing datasketch and scipy for
    # ingest; only `khulasa ingest` needs them.
    import subprocess
    import sys

    probe = "import sys, khulasa.cli.main, khulasa.cli.stories; print('datasketch' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
