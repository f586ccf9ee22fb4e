import json

import pytest

from khulasa.errors import InputError
from khulasa.read import read_paths


def test_example_directory_reads_three_articles_with_headlines(example_dir):
    articles = read_paths([example_dir])
    assert [a.id for a in articles] == ["report-a", "report-b", "report-c"]
    assert articles[1].title == "خامنئي: رفضنا التعاون مع الامريكيين في العراق"
    assert articles[1].outlet == "report-b"
    assert not articles[0].text.startswith("إيران رفضت")  # headline is not body


def test_jsonl_metadata_names_the_outlet(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "1", "text": "نص الخبر الاول هنا.", "source": "BBC", "time": "2014-09-15"},
        {"id": "2", "text": "نص الخبر الثاني هنا.", "src": "CNN"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    articles = read_paths([path])
    assert [a.outlet for a in articles] == ["BBC", "CNN"]
    assert articles[0].time == "2014-09-15"


def test_malformed_jsonl_line_reports_its_line_number(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "1", "text": "خبر اول."}\n{"id": 2, "text": \n{"id": "3", "text": "خبر ثالث."}\n')
    with pytest.raises(InputError, match=r"feed.jsonl:2: malformed JSON"):
        read_paths([path])
    warnings = []
    articles = read_paths([path], on_error="skip", warn=warnings.append)
    assert [a.id for a in articles] == ["1", "3"]
    assert len(warnings) == 1 and ":2:" in warnings[0]


def test_jsonl_record_without_text_is_an_error(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "1", "title": "عنوان"}\n')
    with pytest.raises(InputError, match=r"feed\.jsonl:1: missing or empty 'text'"):
        read_paths([path])


def test_missing_file_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_paths([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="holds no"):
        read_paths([tmp_path])


def test_skip_policy_keeps_good_files_and_warns_about_bad_ones(tmp_path, example_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = example_dir / "report-a.txt"
    warnings = []
    articles = read_paths([tmp_path / "empty.txt", good], on_error="skip", warn=warnings.append)
    assert [a.id for a in articles] == ["report-a"]
    assert "empty.txt: empty file" in warnings[0]


def test_html_main_text_is_extracted(tmp_path):
    body = "".join(
        f"<p>قال المتحدث باسم الوزارة في مؤتمر صحفي إن المحادثات ستستأنف الاسبوع المقبل في العاصمة رقم {i}.</p>"
        for i in range(5)
    )
    page = (
        "<html><head><title>محادثات جديدة</title></head><body><nav>الرئيسية | أخبار | رياضة</nav>"
        f"<article><h1>محادثات جديدة</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [article] = read_paths([path])
    assert "ستستأنف الاسبوع المقبل" in article.text
    assert "الرئيسية" not in article.text


def test_html_without_text_is_reported(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div></div></body></html>")
    with pytest.raises(InputError, match=r"broken\.html: malformed or empty HTML"):
        read_paths([path])


def test_jsonl_strings_may_hold_unicode_line_separators(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"id": "1", "text": "سطر أول\u2028سطر ثان\x85 ثالث."}, {"id": "2", "text": "خبر آخر هنا."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert [a.id for a in read_paths([path])] == ["1", "2"]


@pytest.mark.parametrize("suffix", [".xz", ".XZ"])
def test_xz_files_are_read_as_what_they_compress(tmp_path, suffix):
    import lzma

    feed = tmp_path / f"feed.jsonl{suffix}"
    feed.write_bytes(lzma.compress('{"id": "7", "text": "خبر عاجل من العاصمة اليوم."}\n'.encode()))
    note = tmp_path / f"report.txt{suffix}"
    note.write_bytes(lzma.compress("عنوان الخبر\n\nنص الخبر الكامل هنا في سطر ثان.".encode()))
    assert [a.id for a in read_paths([feed])] == ["7"]
    assert [a.id for a in read_paths([note])] == ["report"]
    broken = tmp_path / f"broken.jsonl{suffix}"
    broken.write_bytes(b"not xz at all")
    with pytest.raises(InputError, match=r"corrupt \.xz archive"):
        read_paths([broken])
