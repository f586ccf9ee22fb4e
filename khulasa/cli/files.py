"""The command line's JSONL files: an input read whole (a path or - for stdin) and an output opened
for writing, each failing as one line naming the file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from khulasa.errors import InputError
from khulasa.read.decode import decode_bytes
from khulasa.read.jsonl import json_lines

MAX_INPUT_BYTES = 2**34


def read_json_lines(path: str) -> tuple[list[str], str]:
    """The lines of a JSONL file (or stdin for "-") and the name to report them under."""
    if path == "-":
        return json_lines(decode_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=MAX_INPUT_BYTES)), "<stdin>"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from exc
    return json_lines(decode_bytes(data, path, max_bytes=MAX_INPUT_BYTES)), path


def open_output(path: str) -> TextIO:
    """A UTF-8 text file opened for writing (the caller closes it)."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from exc
