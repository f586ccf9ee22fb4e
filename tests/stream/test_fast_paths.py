"""Ingest's per-article work is computed in bulk for speed (cached word decisions read for a whole
text, shingles hashed at once); stories depend on the exact values, so these tests hold the bulk
paths to the plain loops they replaced, on real Arabic reports."""

from __future__ import annotations

import math
from collections import Counter

from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

from khulasa.stream.clustering import CENTROID_TERMS, LEAD_WORDS, article_features, article_terms
from khulasa.stream.dedup import NUM_PERM, key_minhash, key_shingles
from khulasa.text.keys import matching_keys
from khulasa.text.normalize import normalize_key
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize


def loop_terms(title: str, text: str) -> Counter:
    """Candidate terms as counted token by token: headline twice, then the lead."""
    counts: Counter = Counter()
    lead = " ".join(text.split()[:LEAD_WORDS])
    for weight, part in ((2, title), (1, lead)):
        for token in tokenize(part):
            if len(token) > 1 and not token.isdigit() and not is_stopword(token, "ar"):
                counts[stem(token, "ar")] += weight
    return counts


def test_candidate_terms_and_keys_match_the_token_loops(example_articles):
    for article in example_articles:
        terms = article_terms(article.title, article.text)
        expected = loop_terms(article.title, article.text)
        assert list(terms.items()) == list(expected.items()) and max(terms.values()) >= 3
        assert matching_keys(article.text) == [normalize_key(t) for t in tokenize(article.text)]


def test_signatures_are_datasketchs_own(example_articles):
    for article in example_articles:
        keys = matching_keys(article.text)
        reference = MinHash(num_perm=NUM_PERM)
        for shingle in {" ".join(keys[i : i + 3]).encode("utf-8") for i in range(len(keys) - 2)}:
            reference.update(shingle)
        signature = key_minhash(keys)
        assert (signature.hashvalues == reference.hashvalues).all()
        assert signature.hashfunc is sha1_hash32 and signature == reference
    assert key_shingles(["ايران", "تعلن"]) == {"ايران تعلن".encode()}


def test_headline_stems_match_the_token_loop(example_articles):
    from khulasa.relate.story.features import TEMPLATES
    from khulasa.text.headlines import content_stems

    def loop(title: str) -> list[str]:
        stems = []
        for token in tokenize(title):
            key = normalize_key(token)
            if len(key) > 1 and not key.isdigit() and key not in TEMPLATES and not is_stopword(token):
                stems.append(stem(token))
        return stems

    titles = [a.title for a in example_articles] + ["عاجل: انفجار في بيروت و3 قتلى", "شاهد.. بالفيديو", "في 2018 من"]
    for title in titles * 2:  # the second time from the cache
        assert content_stems(title) == loop(title)
    assert content_stems("شاهد.. بالفيديو") == [] and content_stems(None) == []


def test_the_index_follows_the_centroids_and_candidates_are_a_full_scan(ant_days):
    """Joining sets postings in place and unindexes only the terms a centroid drops: after every
    article of two ANT days the index holds exactly each open story's centroid weights, and the
    candidates of the next article are those a cosine with every open story finds."""
    from khulasa.read.timestamps import parse_time
    from khulasa.stream.clustering import StoryClusterer

    _, records = ant_days
    clusterer = StoryClusterer(window_days=0.25, max_days=0.5, join_probability=None)
    dated = sorted((parse_time(r["time"]).timestamp(), r["id"], r) for r in records if parse_time(r["time"]))
    found = dropped = 0
    for when, _, r in dated:
        vector = clusterer._vector(article_terms(r["title"], r["text"]))
        scan = []
        for story_id, story in clusterer.open.items():
            if clusterer._expired(story, when):
                continue
            dot = 0.0
            for term, weight in vector.items():
                dot += weight * story.centroid.get(term, 0.0)
            if dot / story.norm >= clusterer.threshold:
                scan.append((dot / story.norm, story_id))
        clusterer._close_old(when)
        assert sorted(clusterer._candidates(vector)) == sorted(scan)
        found += len(scan)
        before = {s: set(story.centroid) for s, story in clusterer.open.items()}
        summed = {s: Counter(story.centroid) for s, story in clusterer.open.items()}
        story_id = clusterer.add(r["title"], r["text"], when, r["id"], r["src"])
        # The joined story's centroid is Counter.most_common's top terms of the summed weights, in
        # its order (ties: earlier terms first), and its norm their loop's.
        used = clusterer._vector(article_features(r["title"], r["text"], r["src"], with_profile=False).terms)
        summed.setdefault(story_id, Counter()).update(used)
        top = summed[story_id].most_common(CENTROID_TERMS)
        assert list(clusterer.open[story_id].centroid.items()) == top
        assert clusterer.open[story_id].norm == (math.sqrt(sum(w * w for _, w in top)) or 1.0)
        dropped += sum(
            len(terms - set(clusterer.open[s].centroid)) for s, terms in before.items() if s in clusterer.open
        )
        expected: dict[str, dict[int, float]] = {}
        for story_id, story in clusterer.open.items():
            for term, weight in story.centroid.items():
                expected.setdefault(term, {})[story_id] = weight
        assert clusterer.index == expected
    assert found > 50 and dropped > 50


def test_exact_copies_and_stored_articles_get_no_signature_or_features(tmp_path, example_articles, monkeypatch):
    """Only new articles are placed, so only they are given a MinHash and clustering features; an
    exact copy (same words, another id) and an article read again are hashed and stored only."""
    from dataclasses import replace

    import khulasa.stream.ingest as ingest
    from khulasa.store import SQLiteStore

    made: list[str] = []
    real = ingest.article_features
    monkeypatch.setattr(
        ingest, "article_features", lambda title, *rest, **kw: made.append(title) or real(title, *rest, **kw)
    )
    copy = replace(example_articles[0], id="copy-of-a")
    with SQLiteStore(tmp_path / "k.sqlite") as store:
        first = ingest.ingest_articles(store, [*example_articles, copy])
        again = ingest.ingest_articles(store, example_articles[:2])
        assert first.exact_copies == 1 and again.already_stored == 2
        assert len(made) == len(example_articles)
        assert store.article("copy-of-a") is not None


def test_whole_array_permutation_is_datasketchs_update_batch_in_both_schemes(example_articles):
    """The shingles' hash values are permuted over one (shingles x permutations) array by datasketch's
    own arithmetic: the same hash values as its update_batch, in the default scheme and the legacy one."""
    import numpy as np

    from khulasa.stream.dedup import _permuted_minimum, _sha1_hash32

    keys = matching_keys(example_articles[0].text)
    shingles = key_shingles(keys)
    hashes = _sha1_hash32(shingles)
    assert len(hashes) == len(shingles) > 100
    for scheme in ("affine32", "legacy"):
        empty = MinHash(num_perm=NUM_PERM, scheme=scheme)
        reference = MinHash(num_perm=NUM_PERM, scheme=scheme)
        reference.update_batch(list(shingles))
        assert np.array_equal(_permuted_minimum(empty, hashes), reference.hashvalues)
        assert np.array_equal(empty.hashvalues, MinHash(num_perm=NUM_PERM, scheme=scheme).hashvalues)  # untouched


def test_checkpoints_leave_out_what_is_rebuilt_and_resume_the_same(ant_days):
    """The checkpoint pickles neither the clusterer's inverted index (its centroids' weights) nor the
    near-duplicate LSH tables and MinHash objects (a signature is its hash values): both are rebuilt
    on load. Pickled half-way through two ANT days, the restored state holds the same index and
    signatures, and places every later article as the uninterrupted one does (duplicates too)."""
    import pickle

    import numpy as np

    from khulasa.read.timestamps import parse_time
    from khulasa.stream.clustering import StoryClusterer
    from khulasa.stream.dedup import DuplicateIndex

    _, records = ant_days
    dated = sorted((parse_time(r["time"]).timestamp(), r["id"], r) for r in records if parse_time(r["time"]))
    duplicates = DuplicateIndex(horizon=0.5 * 86400)
    clusterer = StoryClusterer(window_days=0.25, max_days=0.5, join_probability=None)
    half = len(dated) // 2
    for when, _, r in dated[:half]:
        duplicates.add(r["id"], r["text"], when)
        clusterer.add(r["title"], r["text"], when, r["id"], r["src"])
    dup_state, story_state = duplicates.__getstate__(), clusterer.__getstate__()
    assert "lsh" not in dup_state and "signatures" not in dup_state and "index" not in story_state
    restored_dups = pickle.loads(pickle.dumps(duplicates))
    restored = pickle.loads(pickle.dumps(clusterer))
    assert restored.index == clusterer.index and len(clusterer.index) > 100
    assert list(restored_dups.signatures) == list(duplicates.signatures) and len(duplicates.signatures) > 50
    for key, signature in duplicates.signatures.items():
        assert restored_dups.signatures[key] == signature
        assert np.array_equal(restored_dups.signatures[key].hashvalues, signature.hashvalues)
    linked = 0
    for when, _, r in dated[half:]:
        original = duplicates.add(r["id"], r["text"], when)
        assert restored_dups.add(r["id"], r["text"], when) == original
        linked += original is not None
        assert restored.add(r["title"], r["text"], when, r["id"], r["src"]) == clusterer.add(
            r["title"], r["text"], when, r["id"], r["src"]
        )
    assert linked >= 1


def test_shingles_are_hashed_by_the_builtin_sha1_with_hashlibs_digests(example_articles):
    """Shingles are hashed by CPython's built-in SHA-1 (cheaper than OpenSSL's on short inputs):
    the digests, and so datasketch's 32-bit hash values, are hashlib's."""
    import hashlib

    import numpy as np
    from datasketch.hashfunc import sha1_hash32

    from khulasa.stream.dedup import _sha1_hash32, _short_sha1

    assert _short_sha1 is not hashlib.sha1
    shingles = sorted(key_shingles(matching_keys(" ".join(a.text for a in example_articles))))
    shingles += [b"", "عاجل".encode(), bytes(range(256)) * 3]
    assert all(_short_sha1(s).digest() == hashlib.sha1(s).digest() for s in shingles)
    assert np.array_equal(_sha1_hash32(shingles), np.array([sha1_hash32(s) for s in shingles], dtype=np.uint32))
