"""Glued words from lost spaces (الولاياتالمتحدة → الولايات المتحدة), split by word frequency.

A token is split only when it is rare itself (wordfreq Zipf < 2) and one split point yields two
common words (Zipf ≥ 4 each): frequent words rarely glue by chance, so false splits stay rare.

Only runs of MIN_GLUED..MAX_GLUED Arabic letters are candidates: two glued words are rarely
longer, and a run of hundreds of letters is not two words. Trying every cut of an unbounded run
cost time and memory quadratic in its length (a 39 KB line of long "words" took 40 s and 782 MB,
the caches keeping every substring); bounded, a line costs time linear in its length and the
caches hold short keys only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from khulasa.text.frequency import zipf

RARE_ZIPF = 2.0
COMMON_ZIPF = 4.0
MIN_PART = 3
MIN_GLUED = 7
MAX_GLUED = 20
_ARABIC_RUN = re.compile(r"[\u0621-\u064A]+")


@lru_cache(maxsize=8192)
def _split_candidate(word: str) -> str | None:
    """The best split of a candidate-length word (cached: at most 8192 keys of ≤ MAX_GLUED letters)."""
    if zipf(word, "ar") >= RARE_ZIPF:
        return None
    best: tuple[float, str] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        score = min(zipf(left, "ar"), zipf(right, "ar"))
        if score >= COMMON_ZIPF and (best is None or score > best[0]):
            best = (score, f"{left} {right}")
    return best[1] if best else None


def split_glued(word: str) -> str | None:
    """'part1 part2' when `word` is two common Arabic words glued together, else None."""
    if not MIN_GLUED <= len(word) <= MAX_GLUED:
        return None
    return _split_candidate(word)


def unglue_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    """The line with glued words split, and the (glued, split) pairs that were changed."""
    changes: list[tuple[str, str]] = []

    def replace(match: re.Match[str]) -> str:
        split = split_glued(match.group(0))
        if split is None:
            return match.group(0)
        changes.append((match.group(0), split))
        return split

    return _ARABIC_RUN.sub(replace, line), changes
