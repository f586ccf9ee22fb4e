"""The word memo keeps at most `maxsize` entries, never a long key, and always the function's values."""

from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key
from khulasa.text.tokenize import tokenize


def test_a_full_cache_stays_bounded_and_returns_the_functions_values():
    calls: list[str] = []

    def key(word: str) -> str:
        calls.append(word)
        return normalize_key(word)

    cached = word_cache(maxsize=100)(key)
    words = [f"أحمد{i}" for i in range(1_000)]
    for _ in range(2):
        assert [cached(w) for w in words] == [normalize_key(w) for w in words]
        assert cached.cache_info().currsize <= 100
    calls.clear()
    cached("إيران")
    cached("إيران")
    assert calls == ["إيران"]  # the second call is a hit


def test_many_reads_the_cache_for_all_words_and_computes_only_the_missing():
    calls: list[str] = []

    def content(word: str) -> str | None:
        calls.append(word)
        return None if word in {"في", "من"} else normalize_key(word)

    cached = word_cache(maxsize=100)(content)
    words = tokenize("أعلنت الأمم المتحدة في جنيف أن المحادثات من أجل سوريا ستستأنف في جنيف")
    expected = [content(w) for w in words]
    calls.clear()
    assert cached.many(words) == expected
    assert sorted(calls) == sorted(set(words))  # each distinct word computed once
    calls.clear()
    assert cached.many(iter(words)) == expected
    assert calls == []  # every word was a hit, those whose value is None too
    assert cached.many(["إيران", "في", "إيران"]) == ["ايران", None, "ايران"]
    assert calls == ["إيران"]
