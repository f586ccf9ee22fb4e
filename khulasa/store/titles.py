"""A story's title: its most representative recent headline.

The first article's headline describes how a story began, not what it became, and may be a
bare «عاجل». The title is chosen among the headlines of the best kind the story has (plain, then
a teaser that asks or points instead of telling — «ماذا قال ...؟», «في هذا الفندق ...» —, then
opening with a template word such as «شاهد..»; template words only never win over any):
among those published within RECENT_HOURS of the newest of them, the one that shares most
content stems with the story's other headlines (the sum over its distinct stems of how many other
headlines have them, divided by the square root of their number: a cosine with the story's
headline centroid); ties go to the newer. A story with no informative headline at all is titled
by the first line of its newest article (`stand_in_title`), chosen by the store.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from khulasa.text.cache import word_cache
from khulasa.text.headlines import UNINFORMATIVE, content_stems, headline_kind

RECENT_HOURS = 24.0


@word_cache(50_000, max_chars=1_000)
def _headline(title: str) -> tuple[int, frozenset[str]]:
    """The headline's kind and distinct content stems. A story's title is chosen again each time it
    grows, among all its headlines: each headline is read once instead of at every refresh."""
    return headline_kind(title), frozenset(content_stems(title))


def story_title(headlines: Sequence[tuple[str | None, float | None]]) -> str | None:
    """The title among (headline, publication time) of a story's articles (duplicates left out);
    None when no headline is informative."""
    if not headlines:
        return None
    read = [_headline(title or "") for title, _ in headlines]
    kinds = [kind for kind, _ in read]
    best = min(kinds)
    if best == UNINFORMATIVE:
        return None
    stems = [distinct for _, distinct in read]
    frequency = Counter(s for distinct in stems for s in distinct)
    chosen = [i for i, kind in enumerate(kinds) if kind == best]
    dated = [headlines[i][1] for i in chosen if headlines[i][1] is not None]
    if dated:
        newest = max(t for t in dated if t is not None)
        chosen = [i for i in chosen if (headlines[i][1] or -math.inf) >= newest - RECENT_HOURS * 3600]

    def closeness(i: int) -> tuple[float, float, int]:
        shared = sum(frequency[s] - 1 for s in stems[i]) / math.sqrt(len(stems[i]))
        return shared, headlines[i][1] or -math.inf, i

    return headlines[max(chosen, key=closeness)][0]
