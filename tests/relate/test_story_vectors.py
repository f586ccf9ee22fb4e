"""The same-event profile's vectors are computed in C (Counter, map, numpy) for speed; the model was
trained on, and the clusterer's decisions rest on, the floats of plain Python loops. These tests
hold the fast paths to those floats, bit for bit and in the same key order, on real Arabic text."""

from __future__ import annotations

import math

from khulasa.relate.story.features import (
    cosine,
    profile,
    shipped_background,
    tfidf,
    token_char_counts,
    token_word_counts,
)
from khulasa.text.tokenize import tokenize


def loop_counts(buckets) -> dict[int, int]:
    counts: dict[int, int] = {}
    for bucket in buckets:
        counts[bucket] = counts.get(bucket, 0) + 1
    return counts


def loop_tfidf(counts: dict[int, int], idf: list[float]) -> dict[int, float]:
    """tf-idf as the model was trained: a loop, a left-to-right sum of squares."""
    weights = {b: (1.0 + math.log(c)) * idf[b] for b, c in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {b: w / norm for b, w in weights.items()}


def loop_cosine(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def lead(article) -> list[str]:
    return tokenize(f"{article.title} {' '.join(article.text.split()[:100])}")


def test_counts_follow_a_loop_in_value_and_order(example_articles):
    from khulasa.relate.story.features import _token_grams, _token_stem

    for article in example_articles:
        tokens = lead(article)
        grams = token_char_counts(tokens)
        assert list(grams.items()) == list(loop_counts(g for t in tokens for g in _token_grams(t)).items())
        stems = token_word_counts(tokens)
        expected = loop_counts(s for s in map(_token_stem, tokens) if s is not None)
        assert list(stems.items()) == list(expected.items())


def test_tfidf_from_lists_and_from_arrays_gives_the_loops_floats(example_articles):
    background = shipped_background()
    for article in example_articles:
        tokens = lead(article)
        for counts, weights, weights64 in (
            (token_char_counts(tokens), background.char_weights, background.char_weights64),
            (token_word_counts(tokens), background.word_weights, background.word_weights64),
        ):
            expected = list(loop_tfidf(counts, weights).items())
            assert len(expected) > 50
            assert list(tfidf(counts, weights).items()) == expected
            assert list(tfidf(counts, weights64).items()) == expected


def test_tfidf_beyond_the_table_of_term_frequencies():
    background = shipped_background()
    counts = token_char_counts(tokenize("الإعصار " * 1500 + "ضرب سواحل عمان واليمن"))
    assert max(counts.values()) >= 1500
    expected = list(loop_tfidf(counts, background.char_weights).items())
    assert list(tfidf(counts, background.char_weights).items()) == expected
    assert list(tfidf(counts, background.char_weights64).items()) == expected


def test_cosine_over_shared_keys_is_the_full_dot_product(example_articles):
    profiles = [profile(a) for a in example_articles]
    checked = 0
    for p in profiles:
        for q in profiles:
            for a, b in ((p.char_lead, q.char_lead), (p.word_body, q.word_body), (p.word_title, q.word_lead)):
                assert cosine(a, b) == loop_cosine(a, b)
                checked += 0 < cosine(a, b) < 1
    assert checked >= 6


def test_profile_vectors_are_arrays_with_the_loops_floats_and_numpy_cosines_equal_the_loop(example_articles):
    """Profiles keep their vectors as numpy arrays (SparseVector); as dicts they are the loop's tf-idf
    in the loop's order, and the dense-array cosine of two of them is the loop's float, bit for bit,
    leaving the dense array zeroed."""
    import pickle

    from khulasa.relate.story.features import SparseVector, _dense

    background = shipped_background()
    profiles = [profile(a) for a in example_articles]
    for article, p in zip(example_articles, profiles, strict=True):
        assert isinstance(p.char_lead, SparseVector) and len(p.char_lead) > 200
        tokens = lead(article)
        assert list(p.char_lead.items()) == list(loop_tfidf(token_char_counts(tokens), background.char_weights).items())
        copy = pickle.loads(pickle.dumps(p.char_lead))
        assert list(copy.items()) == list(p.char_lead.items())
    checked = 0
    names = ("char_title", "char_lead", "word_title", "word_lead", "word_body")
    for p in profiles:
        for q in profiles:
            pairs = [(getattr(p, n), getattr(q, n)) for n in names] + [(p.word_title, q.word_lead)]
            for a, b in pairs:
                assert cosine(a, b) == loop_cosine(dict(a.items()), dict(b.items()))
                checked += 0 < cosine(a, b) < 1
    assert checked >= 20
    assert not _dense().any()


def test_lead_numbers_are_those_of_the_whole_lead_key(example_articles):
    """A profile's numbers are found before the lead's letters are mapped to their keys, and only the
    numbers keyed: the numbers of the lead's whole matching key, on the example story and on digits
    beside marks, tatweel, odd spaces, Arabic-Indic digits and compatibility forms."""
    import re

    from khulasa.relate.story.features import lead_numbers
    from khulasa.text.normalize import normalize_key

    number = re.compile(r"\d+(?:[.,]\d+)?")
    leads = [f"{a.title} {' '.join(a.text.split()[:100])}" for a in example_articles]
    leads += [
        "قتل ٢٣ شخصا و۱۵ جريحا في 3 انفجارات عام 2014",
        "ارتفع 1ـ2 و1\u064b2 و3.5 و1,000 و10٫5 بالمئة وأحد ٢٫٥",
        "بلغ ①٢ و²3 و4\u00a05 و6\u30007 و\ufdfa 8 و\u0130\u0661",
    ]
    for lead in leads:
        assert lead_numbers(lead) == frozenset(number.findall(normalize_key(lead)))
    assert {"23", "15", "2014"} <= lead_numbers(leads[-3]) and {"12", "3.5", "1,000"} <= lead_numbers(leads[-2])
    assert any(profile(a).numbers for a in example_articles)


def test_profiles_are_counted_as_arrays_with_the_loops_counts_order_and_floats(example_articles):
    """A profile counts its grams and stems as arrays (`first_seen_counts`): the counts of a loop, keys
    in the order first seen, for a prefix and the whole, leaving the scratch arrays clean; each of the
    five vectors is the loop's tf-idf of the loop's counts, bit for bit, also for a headline whose
    grams repeat beyond the table of term frequencies."""
    import numpy as np

    from khulasa.model import Article
    from khulasa.relate.story.features import (
        _scratch_counts,
        _token_grams,
        _token_stem,
        first_seen_counts,
    )

    for ids, prefix in (([5, 3, 5, 7, 3, 3, 9], 3), ([], 0), ([4, 4], 0), ([4, 4], 2), ([1, 2, 1], 1)):
        (head, head_counts), (distinct, counts) = first_seen_counts(np.array(ids, dtype=np.intp), prefix)
        assert dict(zip(head.tolist(), head_counts.tolist(), strict=True)) == loop_counts(ids[:prefix])
        assert list(zip(head.tolist(), head_counts.tolist(), strict=True)) == list(loop_counts(ids[:prefix]).items())
        assert list(zip(distinct.tolist(), counts.tolist(), strict=True)) == list(loop_counts(ids).items())
    first, count = _scratch_counts()
    assert (first == np.iinfo(np.intp).max).all() and not count.any()

    background = shipped_background()
    storm = Article("", "ضرب الإعصار سواحل عمان واليمن وقتل 3 أشخاص", "الإعصار " * 1500, "x")
    for article in [*example_articles, storm]:
        p = profile(article)
        words = article.text.split()
        title, lead, rest = (
            tokenize(article.title),
            tokenize(" ".join(words[:100])),
            tokenize(" ".join(words[100:400])),
        )
        stems = [s for s in map(_token_stem, title + lead + rest) if s is not None]
        n_title = sum(_token_stem(t) is not None for t in title)
        n_lead = sum(_token_stem(t) is not None for t in title + lead)
        grams = [g for t in title for g in _token_grams(t)]
        expected = {
            "char_title": loop_tfidf(loop_counts(grams), background.char_weights),
            "char_lead": loop_tfidf(
                loop_counts(grams + [g for t in lead for g in _token_grams(t)]), background.char_weights
            ),
            "word_title": loop_tfidf(loop_counts(stems[:n_title]), background.word_weights),
            "word_lead": loop_tfidf(loop_counts(stems[:n_lead]), background.word_weights),
            "word_body": loop_tfidf(loop_counts(stems[n_title:]), background.word_weights),
        }
        for name, vector in expected.items():
            assert list(getattr(p, name).items()) == list(vector.items()), name
    assert (first == np.iinfo(np.intp).max).all() and not count.any()
    assert max(loop_counts(g for t in tokenize(storm.title) for g in _token_grams(t)).values()) >= 1024
