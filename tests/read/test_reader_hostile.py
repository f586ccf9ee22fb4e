"""The file reader with hostile content: unusable times, a missing HTML cleaner, odd file names."""

import json
import lzma
import os
import subprocess
import sys
import threading

import pytest

from khulasa.errors import InputError
from khulasa.read import read_paths
from khulasa.read.paths import read_file

TEXT = "قال المتحدث باسم الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


def test_unusable_times_are_missing_with_one_warning_per_file(tmp_path):
    path = tmp_path / "feed.jsonl"
    times = ["0000-01-01", "9999-12-31T23:59:59-14:00", 1e30, "2018-04-01T14:00:00+0400", "أمس"]
    rows = [{"id": str(i), "text": TEXT, "time": t} for i, t in enumerate(times)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    warnings = []
    articles = read_paths([path], warn=warnings.append)
    assert [a.time for a in articles] == [None, None, None, "2018-04-01T14:00:00+0400", None]
    [warning] = warnings
    assert warning.startswith(f"{path}: unusable time '0000-01-01' (and 3 more)")


def test_good_times_give_no_warning(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "1", "text": TEXT, "time": "2014-09-15"}, ensure_ascii=False), encoding="utf-8")
    warnings = []
    [article] = read_paths([path], warn=warnings.append)
    assert article.time == "2014-09-15" and warnings == []


PAGE = (
    "<html><head><title>محادثات</title></head><body><article>"
    + "".join(f"<p>{TEXT} {i}</p>" for i in range(4))
    + "</article></body></html>"
)


def test_missing_html_cleaner_is_one_line_naming_file_and_module(tmp_path):
    """lxml 6 moved lxml.html.clean to lxml_html_clean; without it trafilatura cannot be imported."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    code = (
        "import sys\n"
        "sys.modules['lxml_html_clean'] = None\n"  # lxml.html.clean then raises as it does when it is absent
        "from khulasa.cli.main import main\n"
        f"sys.exit(main(['summarize', {str(path)!r}, '--align', 'lexical']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"khulasa: error: {path}: cannot read HTML: ")
    assert "lxml_html_clean" in line


def test_missing_html_cleaner_file_is_skipped_with_skip(tmp_path, example_dir, monkeypatch):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura raises ImportError
    warnings = []
    articles = read_paths([path, example_dir / "report-a.txt"], on_error="skip", warn=warnings.append)
    assert [a.id for a in articles] == ["report-a"]
    [warning] = warnings
    assert "page.html: cannot read HTML: module 'trafilatura' is not installed; file skipped" in warning
    with pytest.raises(InputError, match="cannot read HTML"):
        read_paths([path])


def test_file_name_with_a_newline_is_named_on_one_line(tmp_path):
    path = tmp_path / "تقرير\nثاني.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as error:
        read_paths([path])
    assert "\n" not in str(error.value) and "تقرير\\nثاني.txt: empty file" in str(error.value)


def test_reading_a_stream_stops_at_the_size_limit(tmp_path):
    """A FIFO (or /dev/zero) has no size up front: the reader takes at most the limit, then refuses."""
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    written = 0

    def writer():
        nonlocal written
        try:
            with open(fifo, "wb") as handle:
                for _ in range(200):  # 13 MB offered
                    handle.write(b"x" * 65536)
                    written += 65536
        except BrokenPipeError:
            pass

    thread = threading.Thread(target=writer)
    thread.start()
    with pytest.raises(InputError, match=r"endless\.txt: file too large \(over the 1 MB limit\)"):
        read_file(fifo, max_bytes=1_000_000)
    thread.join()
    assert written < 3_000_000


def test_xz_bomb_is_refused_past_the_limit_and_concatenated_streams_are_read(tmp_path):
    bomb = tmp_path / "bomb.jsonl.xz"
    bomb.write_bytes(lzma.compress(b" " * 3_000_000))  # 3 MB of spaces in about 500 bytes
    with pytest.raises(InputError, match=r"bomb\.jsonl\.xz: file too large once decompressed"):
        read_file(bomb, max_bytes=1_000_000)
    two = tmp_path / "two.jsonl.xz"
    rows = [json.dumps({"id": str(i), "text": TEXT}, ensure_ascii=False).encode() + b"\n" for i in range(2)]
    two.write_bytes(lzma.compress(rows[0]) + lzma.compress(rows[1]))
    assert [a.id for a in read_file(two)] == ["0", "1"]
    truncated = tmp_path / "cut.jsonl.xz"
    truncated.write_bytes(lzma.compress(rows[0])[:-8])
    with pytest.raises(InputError, match=r"corrupt \.xz archive"):
        read_file(truncated)


def test_file_name_too_long_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="File name too long"):
        read_paths([tmp_path / ("خبر" * 200 + ".txt")])
