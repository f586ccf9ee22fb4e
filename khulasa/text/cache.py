"""A memo for functions of one word that never keeps long keys.

Word-level caches (stems, frequencies) pay off on the few thousand words news repeats; a hostile
text of 40,000-letter "words" would otherwise leave each of them, and results as long, in memory
for the life of the process. Words longer than `max_chars` are computed every time instead.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

MAX_CACHED_CHARS = 32
"""No real word is longer; keys up to this length keep a full cache within a few tens of MB."""

T = TypeVar("T")


def word_cache(maxsize: int, max_chars: int = MAX_CACHED_CHARS) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """lru_cache(maxsize) for calls whose first argument (a word) has at most `max_chars` characters."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(word: str, *args, **kwargs) -> T:
            if len(word) > max_chars:
                return function(word, *args, **kwargs)
            return cached(word, *args, **kwargs)

        call.cache_info = cached.cache_info  # type: ignore[attr-defined]
        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return call

    return decorate
