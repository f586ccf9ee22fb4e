"""Datelines: the place and agency stamp that opens a wire story ("BRUSSELS, Belgium (AP) -",
"دبي، الإمارات العربية المتحدة (CNN) –"). It is metadata, not part of the first sentence, and
quoting it in a summary wastes words and misattributes: it is cut off the first paragraph.
"""

from __future__ import annotations

import re

_AGENCIES_AR = "رويترز|أ ف ب|ا ف ب|أ\\.ف\\.ب|د ب أ|أ ب|الأناضول|سانا|واس|وام|قنا|بترا|كونا|بي بي سي|سي إن إن"
_DASH = r"(?:--|—|–|-|_)"
_PLACE = r"(?:[^\s()\-–—_:]+[،,]?\s+){0,5}?"
_PATTERNS = (
    # Place (optional, at most six words) then an agency in parentheses, then a dash or colon.
    re.compile(rf"^{_PLACE}[^\s()\-–—_:]*\s*\((?:[A-Za-z][A-Za-z .]{{0,20}}|{_AGENCIES_AR})\)\s*(?:{_DASH}|:)\s*"),
    # An English place in capitals, optionally with its region, before a capitalized sentence:
    # "WASHINGTON _ The", "MOBILE, Ala. -- A" (but not "US - China talks" or "NATO - led").
    re.compile(rf"^[A-Z][A-Z.'\- ]{{2,}}[A-Z.](?:, [A-Z][A-Za-z. ]{{1,20}})?\s+{_DASH}\s+(?=[A-Z\"`'])"),
    # An Arabic place then the agency after a dash: "بيروت - أ ف ب:".
    re.compile(rf"^(?:[^\s()\-–—_:]+\s+){{1,3}}{_DASH}\s*(?:{_AGENCIES_AR})\s*(?:{_DASH}|:)?\s*"),
)
_MAX_DATELINE_CHARS = 60


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """(dateline, rest) when the paragraph opens on a dateline and text follows it, else (None, paragraph)."""
    for pattern in _PATTERNS:
        match = pattern.match(paragraph)
        if match and len(match.group(0)) <= _MAX_DATELINE_CHARS and paragraph[match.end() :].strip():
            return paragraph[: match.end()].strip(), paragraph[match.end() :]
    return None, paragraph
