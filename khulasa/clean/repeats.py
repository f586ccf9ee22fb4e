"""Repeated paragraphs: scraped pages often carry a body (or a block of it) twice."""

from __future__ import annotations

from khulasa.text.keys import matching_keys


def paragraph_key(line: str) -> str:
    """A key equal for the same paragraph across spacing, punctuation and spelling variants."""
    return " ".join(matching_keys(line))


def repeated_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that repeat an earlier line of the same article (first one kept)."""
    seen: set[str] = set()
    repeats = set()
    for index, line in enumerate(lines):
        key = paragraph_key(line)
        if not key:
            continue
        if key in seen:
            repeats.add(index)
        seen.add(key)
    return repeats
