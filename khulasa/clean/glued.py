"""Glued words from lost spaces (الولاياتالمتحدة → الولايات المتحدة), split by word frequency.

A token is split only when it is rare itself (wordfreq Zipf < 2) and one split point yields two
common words (Zipf ≥ 4 each): frequent words rarely glue by chance, so false splits stay rare.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khulasa.text.frequency import zipf

RARE_ZIPF = 2.0
COMMON_ZIPF = 4.0
MIN_PART = 3
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{7,}")


@lru_cache(maxsize=100_000)
def split_glued(word: str) -> str | None:
    """'part1 part2' when `word` is two common Arabic words glued together, else None."""
    if len(word) < 2 * MIN_PART or zipf(word, "ar") >= RARE_ZIPF:
        return None
    best: tuple[float, str] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        score = min(zipf(left, "ar"), zipf(right, "ar"))
        if score >= COMMON_ZIPF and (best is None or score > best[0]):
            best = (score, f"{left} {right}")
    return best[1] if best else None


def unglue_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """The line with glued words split, and the (glued, split) pairs that were changed."""
    changes: list[tuple[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        split = split_glued(match.group(0))
        if split is None:
            return match.group(0)
        changes.append((match.group(0), split))
        return split

    return _ARABIC_WORD.sub(replace, line), changes
