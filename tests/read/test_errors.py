"""InputError messages stay on one printable line whatever the file names, ids and exception texts hold."""

import pytest

from khulasa.errors import InputError, one_line, shorten


@pytest.mark.parametrize(
    ("origin", "problem"),
    [
        ("تقرير\nالثاني.txt", "malformed JSON"),
        ("feed.jsonl", "article 'أ\r\nب' has no Arabic or English text"),
        ("a\x00b.txt", "bad\x1b[31m colour"),
        ("خبر\u2028فاصل.txt", "line\u2029paragraph\x85next"),
        ("lone\udcff.txt", "surrogate \ud800 here"),
    ],
)
def test_message_is_one_line_with_control_characters_escaped(origin, problem):
    message = str(InputError(origin, problem, line=3))
    assert message.splitlines() == [message]
    assert all(c.isprintable() or c == " " for c in message)
    assert ":3: " in message


def test_newline_in_a_file_name_is_shown_escaped_and_the_raw_values_are_kept():
    error = InputError("تقرير\nالثاني.txt", "empty file")
    assert str(error) == "تقرير\\nالثاني.txt: empty file"
    assert error.origin == "تقرير\nالثاني.txt" and error.problem == "empty file"


def test_long_ids_and_values_are_cut_with_an_ellipsis():
    huge_id = "معرف" * 5000
    message = str(InputError("feed.jsonl", f"article '{huge_id}' has no Arabic or English text"))
    assert len(message) < 200
    assert "…" in message and message.endswith("has no Arabic or English text")
    assert shorten("x" * 500) == "x" * 80 + "…"


def test_one_line_keeps_arabic_and_directional_marks():
    text = "قال \u200fالمتحدث: «لا»"
    assert one_line(text) == text
