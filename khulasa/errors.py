"""Errors raised for bad input: each names the file (or stream) and the problem in one line.

Origins and problems come from the input itself (file names, record ids, exception texts), so
they may hold newlines, other control characters or megabytes of text: every message is
rendered on one printable line, with such characters escaped and long values cut.
"""

from __future__ import annotations

import unicodedata

MAX_VALUE_CHARS = 80
MAX_ORIGIN_CHARS = 200
MAX_PROBLEM_CHARS = 400
_BREAKING = frozenset({"Cc", "Cs", "Zl", "Zp"})  # controls, lone surrogates, line/paragraph separators
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """`text` with newlines, control characters, separators and lone surrogates escaped
    (repr-style, e.g. `\\n`, `\\x00`, `\\u2028`), so it prints as one line on any terminal."""
    text = str(text)
    return "".join(_escape(c) if unicodedata.category(c) in _BREAKING else c for c in text)


def cut(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[:limit] + "…"


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """A value (id, field, file name) fit to quote in a message: one line, at most `limit` characters."""
    return cut(one_line(value), limit)


def _cut_long_words(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """Cut every run of more than `limit` non-space characters (a huge id or token in a message)."""
    return " ".join(cut(word, limit) for word in text.split(" "))


class KhulasaError(Exception):
    """Base class for errors the command line reports as one line, exit code 2."""


class InputError(KhulasaError):
    """A file or record Khulasa cannot use, with where it came from and why.

    `origin` and `problem` keep the raw values; the message renders them on one line."""

    def __init__(self, origin: str, problem: str, line: int | None = None) -> None:
        self.origin = origin
        self.problem = problem
        self.line = line
        where = one_line(origin)
        if len(where) > MAX_ORIGIN_CHARS:  # keep the end: the file name says the most
            where = "…" + where[-MAX_ORIGIN_CHARS:]
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {cut(_cut_long_words(one_line(problem)), MAX_PROBLEM_CHARS)}")
