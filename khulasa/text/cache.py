"""A memo for functions of one word that never keeps long keys.

Word-level caches (stems, frequencies) pay off on the few thousand words news repeats; a hostile
text of 40,000-letter "words" would otherwise leave each of them, and results as long, in memory
for the life of the process. Words longer than `max_chars` are computed every time instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from itertools import repeat
from typing import NamedTuple, TypeVar

MAX_CACHED_CHARS = 32
"""No real word is longer; keys up to this length keep a full cache within a few tens of MB."""

T = TypeVar("T")
_MISSING = object()


class CacheInfo(NamedTuple):
    maxsize: int
    currsize: int


def word_cache(maxsize: int, max_chars: int = MAX_CACHED_CHARS) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """A memo of at most `maxsize` entries for calls whose first argument (a word) has at most
    `max_chars` characters; positional arguments only.

    A plain dict, emptied when full: these wrappers run millions of times per feed (each token
    of each article), and lru_cache behind a length check cost four times the lookup (340 ns
    against 90 ns a call). Evicting one oldest key at a time (`del d[next(iter(d))]`) is not O(1):
    the iteration steps over every slot deleted before it, which made a full cache the costliest
    line of a 31,523-article feed; an OrderedDict's hits cost 160 ns. Emptying costs one
    recomputation per word news keeps using. The values are the function's, whatever is kept.
    """

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        cache: dict = {}

        @wraps(function)
        def call(word: str, *args) -> T:
            key = (word, *args) if args else word
            try:
                return cache[key]
            except KeyError:
                pass
            value = function(word, *args)
            if len(word) <= max_chars:
                if len(cache) >= maxsize:
                    cache.clear()
                cache[key] = value
            return value

        def many(words: Iterable[str]) -> list[T]:
            """The function's value for each word (without further arguments), in order: the
            cache is read for all of them at once in C and only the words it lacks are computed,
            instead of one Python call a word (an article's text is hundreds of tokens)."""
            words = words if isinstance(words, list) else list(words)
            values = list(map(cache.get, words, repeat(_MISSING)))
            if _MISSING in values:
                for i, value in enumerate(values):
                    if value is _MISSING:
                        values[i] = call(words[i])
            return values

        call.many = many  # type: ignore[attr-defined]
        call.cache_info = lambda: CacheInfo(maxsize, len(cache))  # type: ignore[attr-defined]
        call.cache_clear = cache.clear  # type: ignore[attr-defined]
        return call

    return decorate
