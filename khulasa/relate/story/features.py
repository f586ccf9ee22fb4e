"""What the same-event model sees of two articles.

Each article is profiled once (`profile`): TF-IDF vectors of its headline and its headline +
lead over character 3-5-grams of the matching keys (so ماكونو / مكونو / ميكونو share most of
their grams), and of headline, lead and body (first BODY_WORDS words) over Light10 stems
(character n-grams of the whole body would cost ~4 ms an article; stems cost ~0.5); the numbers it
mentions; whether its headline is a template («شاهد..», «عاجل»); its time and outlet. A pair's
features are cosines and overlaps of two profiles plus the time gap (`pair_features`).

Both vocabularies are hashed (crc32, stable across processes) into HASH_SIZE buckets; the
inverse document frequencies come from a background corpus (`Background`, built by train.py from
the ANT articles of the training months and shipped as data/background.npz).
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from importlib.resources import files
from itertools import chain, repeat
from operator import is_not, mul, truediv

import numpy as np

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.text.cache import word_cache
from khulasa.text.normalize import normalize_key, strip_marks
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize, tokenize_words

HASH_SIZE = 2**18
LEAD_WORDS = 100
HEADLINE_WORDS = 20
BODY_WORDS = 400
CHAR_NGRAMS = (3, 4, 5)
TEMPLATES = frozenset({"شاهد", "عاجل", "بالفيديو", "فيديو", "بالصور", "انفوغراف", "بالارقام", "لحظه"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

# The features, in the order of `pair_features`' vector (the model's coefficients follow it).
FEATURES = (
    "char_title",  # cosine of headline character n-grams
    "char_lead",  # cosine of headline + lead character n-grams
    "word_title",  # cosine of headline stems
    "word_lead",  # cosine of headline + lead stems
    "word_body",  # cosine of body stems
    "word_cross",  # larger cosine of one headline against the other's lead stems
    "shared_rare",  # log(1 + rare stems (idf >= RARE_IDF) shared by the two leads)
    "numbers_shared",  # Jaccard of the numbers in the two leads (0 when either has none)
    "numbers_clash",  # both leads have numbers and share none
    "log_gap_hours",  # log(1 + hours between publication times) (0 when a time is missing)
    "gap_over_3_days",
    "time_missing",
    "same_outlet",
    "both_templates",  # both headlines open with a template word
)
RARE_IDF = 6.0


@dataclass(frozen=True)
class Background:
    """Inverse document frequencies of hashed character n-grams and stems, from a news corpus."""

    char_idf: np.ndarray
    word_idf: np.ndarray

    @classmethod
    def from_counts(cls, documents: int, char_df: np.ndarray, word_df: np.ndarray) -> Background:
        """Smoothed idf (as scikit-learn's): log((1 + n) / (1 + df)) + 1."""
        return cls(
            (np.log((1 + documents) / (1 + char_df)) + 1).astype(np.float32),
            (np.log((1 + documents) / (1 + word_df)) + 1).astype(np.float32),
        )

    @cached_property
    def char_weights(self) -> list[float]:
        """`char_idf` as Python floats: profiling reads one per n-gram, and a numpy scalar lookup
        costs ten times a list's."""
        return self.char_idf.tolist()

    @cached_property
    def word_weights(self) -> list[float]:
        """`word_idf` as Python floats (as `char_weights`)."""
        return self.word_idf.tolist()

    @cached_property
    def char_weights64(self) -> np.ndarray:
        """`char_idf` as float64 (the values of `char_weights`), for `tfidf` of long texts."""
        return self.char_idf.astype(np.float64)

    @cached_property
    def word_weights64(self) -> np.ndarray:
        """`word_idf` as float64 (the values of `word_weights`)."""
        return self.word_idf.astype(np.float64)

    def save(self, path) -> None:
        np.savez_compressed(path, char_idf=self.char_idf.astype(np.float16), word_idf=self.word_idf.astype(np.float16))

    @classmethod
    def load(cls, path) -> Background:
        with np.load(path) as data:
            return cls(data["char_idf"].astype(np.float32), data["word_idf"].astype(np.float32))


@lru_cache(maxsize=1)
def shipped_background() -> Background:
    return Background.load(files("khulasa.relate.story").joinpath("data", "background.npz"))


Vector = dict[int, float]


class SparseVector(Mapping[int, float]):
    """An article's tf-idf vector kept as numpy arrays: bucket ids in the order their grams or stems
    were first seen (the order of the dict `tfidf` makes) and their weights.

    Profiles are compared far more often than they are read as dicts: a headline + lead vector has
    ~800 grams, and the dict `cosine` visits each of them in Python (~75 us a pair). Arrays also
    spare `tfidf` turning its numpy weights into a dict. The Mapping view (a dict built on first
    use, kept) serves every other reader with the same keys, floats and order.
    """

    __slots__ = ("_dict", "ids", "weights")

    def __init__(self, ids: np.ndarray, weights: np.ndarray) -> None:
        self.ids = ids
        self.weights = weights
        self._dict: dict[int, float] | None = None

    def __reduce__(self) -> tuple:
        return SparseVector, (self.ids, self.weights)

    @property
    def as_dict(self) -> dict[int, float]:
        """The vector as a dict, in its order (made once)."""
        if self._dict is None:
            self._dict = dict(zip(self.ids.tolist(), self.weights.tolist(), strict=True))
        return self._dict

    def __getitem__(self, key: int) -> float:
        return self.as_dict[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self.as_dict)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, key: object) -> bool:
        return key in self.as_dict

    def keys(self):  # type: ignore[override]
        return self.as_dict.keys()

    def values(self):  # type: ignore[override]
        return self.as_dict.values()

    def items(self):  # type: ignore[override]
        return self.as_dict.items()

    def get(self, key: int, default: float | None = None) -> float | None:  # type: ignore[override]
        return self.as_dict.get(key, default)

    def __repr__(self) -> str:
        return f"SparseVector({self.as_dict!r})"


SMALL_VECTOR = 16
"""A vector this short (a headline's stems) is compared through its dict: below it numpy's fixed
cost per call is more than the Python loop over its keys."""
_scratch = threading.local()


def _dense() -> np.ndarray:
    """A zeroed float64 array of HASH_SIZE for this thread (`cosine` leaves it zeroed)."""
    dense = getattr(_scratch, "dense", None)
    if dense is None:
        dense = _scratch.dense = np.zeros(HASH_SIZE, dtype=np.float64)
    return dense


@dataclass(frozen=True)
class ArticleProfile:
    """One article as the same-event model sees it (computed once per article)."""

    char_title: SparseVector
    char_lead: SparseVector
    word_title: SparseVector
    word_lead: SparseVector
    word_body: SparseVector
    rare_lead: frozenset[int]
    numbers: frozenset[str]
    template: bool
    time: float | None
    source: str | None


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % HASH_SIZE


# Word caches (plain dicts read for a whole text at once, `word_cache.many`): an LRU cache's
# bookkeeping on every hit cost more than the lookups, and a hostile word of thousands of letters
# is not kept.
@word_cache(200_000)
def _token_grams(token: str) -> tuple[int, ...]:
    """Hashed character 3-5-grams of one word's matching key, padded with spaces (as char_wb)."""
    return _key_grams(normalize_key(token))


def _key_grams(key: str) -> tuple[int, ...]:
    """`_token_grams` of a token whose matching key this is (the grams depend on the key alone)."""
    padded = f" {key} "
    grams = [padded[start : start + n] for n in CHAR_NGRAMS for start in range(max(1, len(padded) - n + 1))]
    return tuple(map(_HASH_SIZE_MOD, map(zlib.crc32, map(str.encode, grams))))  # `_bucket` of each, in C


_HASH_SIZE_MOD = HASH_SIZE.__rmod__  # x -> x % HASH_SIZE


@word_cache(200_000)
def _token_stem(token: str) -> int | None:
    """Hashed Light10 stem of a content word; None for stop words and one-letter tokens."""
    if len(token) <= 1 or is_stopword(token):
        return None
    return _bucket("w:" + stem(token))


# The profile's word caches hold each word's buckets as the bytes of an intp array: a lead's ~1,500
# grams are joined in C and read as one array (np.frombuffer), never as Python ints (each one an
# object of its own, scattered in memory; a bytes value is also a quarter of a tuple's size).
@word_cache(200_000)
def _token_gram_bytes(token: str) -> bytes:
    """`_token_grams` of the token, as the bytes of an intp array."""
    return key_gram_bytes(normalize_key(token))


def key_gram_bytes(key: str) -> bytes:
    """`_token_gram_bytes` of a token whose matching key this is."""
    return array(_INTP_CODE, _key_grams(key)).tobytes()


# The array module's type code of numpy's intp (the same item size and native byte order), whose
# array of a few ints costs a fifth of numpy's; bucket ids are below HASH_SIZE, so fit any of them.
_INTP_CODE = next(code for code in "qli" if array(code).itemsize == np.dtype(np.intp).itemsize)


def stem_bytes(stemmed: str | None) -> bytes:
    """`_token_stem_bytes` of a token whose stem is `stemmed` (None: a stop word or one letter)."""
    return b"" if stemmed is None else array(_INTP_CODE, (_bucket("w:" + stemmed),)).tobytes()


@word_cache(200_000)
def _token_stem_bytes(token: str) -> bytes:
    """`_token_stem` of the token as the bytes of a one-item intp array, empty for None."""
    return token_stem_bytes(token)


def token_stem_bytes(token: str) -> bytes:
    """`_token_stem_bytes` computed (not cached)."""
    bucket = _token_stem.__wrapped__(token)
    return b"" if bucket is None else np.array([bucket], dtype=np.intp).tobytes()


def _bucket_array(parts: list[bytes]) -> np.ndarray:
    """The buckets of a list of `_token_gram_bytes` / `_token_stem_bytes` values, as one array."""
    return np.frombuffer(b"".join(parts), dtype=np.intp)


_UNSEEN = np.iinfo(np.intp).max
_BUCKET_BYTES = np.dtype(np.intp).itemsize


def _scratch_counts() -> tuple[np.ndarray, np.ndarray]:
    """Two HASH_SIZE intp arrays for this thread, of first positions (all _UNSEEN) and counts (all
    0); `first_seen_counts` leaves them so."""
    first = getattr(_scratch, "first", None)
    if first is None:
        first = _scratch.first = np.full(HASH_SIZE, _UNSEEN, dtype=np.intp)
        _scratch.count = np.zeros(HASH_SIZE, dtype=np.intp)
    return first, _scratch.count


Counts = tuple[np.ndarray, np.ndarray]  # distinct buckets in the order first seen, and their counts


def first_seen_counts(ids: np.ndarray, prefix: int) -> tuple[Counts, Counts]:
    """The counts of ids[:prefix] and of ids, as `Counter` makes them (keys in the order first seen)
    but as arrays: the first position of each bucket is its minimum position (np.minimum.at, in a
    scratch array), the distinct buckets are those read at their first position, in the order of
    the input, and the counts are added up in another scratch array (np.add.at); both are reset. The
    distinct buckets of the prefix are the first ones of the whole, since it comes first."""
    first, count = _scratch_counts()
    positions = np.arange(len(ids))
    try:
        np.minimum.at(first, ids, positions)
        is_first = first[ids] == positions
        distinct = ids[is_first]
        head = distinct[: int(np.count_nonzero(is_first[:prefix]))]
        np.add.at(count, ids[:prefix], 1)
        head_counts = count[head]
        np.add.at(count, ids[prefix:], 1)
        counts = count[distinct]
    finally:
        first[ids] = _UNSEEN
        count[ids] = 0
    return (head, head_counts), (distinct, counts)


def char_counts(text: str) -> dict[int, int]:
    """Hashed character 3-5-grams of each word's matching key (news vocabulary repeats, so each
    word's grams are computed once per process)."""
    return token_char_counts(tokenize(text))


def token_char_counts(tokens: list[str]) -> dict[int, int]:
    """`char_counts` of the text these are the tokens of: each gram counted in the order first
    seen (Counter counts in C, in the order of a loop over the grams)."""
    return Counter(chain.from_iterable(_token_grams.many(tokens)))


def word_counts(text: str) -> dict[int, int]:
    """Hashed Light10 stems of the content words (stop words and one-letter tokens left out)."""
    return token_word_counts(tokenize(text))


def token_word_counts(tokens: list[str]) -> dict[int, int]:
    """`word_counts` of the text these are the tokens of."""
    return _stem_counts(_token_stem.many(tokens))


_NOT_NONE = partial(is_not, None)


def _stem_counts(buckets: Iterable[int | None]) -> dict[int, int]:
    """Counts of the hashed stems among `_token_stem` results (None: not a content word)."""
    return Counter(filter(_NOT_NONE, buckets))


# 1 + log(tf) looked up: the same floats as computing them (`tfidf` computes beyond the table).
_SUBLINEAR = [0.0, *(1.0 + math.log(c) for c in range(1, 1024))]
_sublinear = _SUBLINEAR.__getitem__
_SUBLINEAR_ARRAY = np.array(_SUBLINEAR, dtype=np.float64)


def tfidf(counts: dict[int, int], idf: list[float] | np.ndarray) -> Vector:
    """Sublinear tf × idf, L2-normalized, in the order of `counts`.

    `idf` is `Background.char_weights` / `word_weights` (Python floats: short texts such as
    sentences) or `char_weights64` / `word_weights64` (float64 arrays: an article's hundreds of
    grams, whose scattered Python floats cost a cache miss each). Both give the same floats as a
    loop: the same products and quotients, and a left-to-right sum (`np.add.accumulate`, never
    numpy's pairwise `sum`).
    """
    if not counts:
        return {}
    tf = counts.values()
    if max(tf) >= len(_SUBLINEAR):
        weights = [(1.0 + math.log(c)) * float(idf[b]) for b, c in counts.items()]
    elif isinstance(idf, np.ndarray):
        return dict(zip(counts, tfidf_vector(counts, idf).weights.tolist(), strict=True))
    else:
        weights = list(map(mul, map(_sublinear, tf), map(idf.__getitem__, counts)))
    norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0
    return dict(zip(counts, map(truediv, weights, repeat(norm)), strict=True))


def tfidf_vector(counts: dict[int, int], idf: np.ndarray) -> SparseVector:
    """`tfidf` as a SparseVector: the same floats in the same order (`idf` is a float64 array,
    `Background.char_weights64` / `word_weights64`)."""
    n = len(counts)
    ids = np.fromiter(counts, np.intp, n)
    if n and max(counts.values()) >= len(_SUBLINEAR):
        return SparseVector(ids, np.array(list(tfidf(counts, idf).values()), dtype=np.float64))
    return tfidf_arrays((ids, np.fromiter(counts.values(), dtype=np.intp, count=n)), idf)


def tfidf_arrays(counted: Counts, idf: np.ndarray) -> SparseVector:
    """`tfidf_vector` of counts given as arrays (`first_seen_counts`): the same floats in the same order."""
    ids, counts = counted
    if len(counts) and int(counts.max()) >= len(_SUBLINEAR):
        return tfidf_vector(dict(zip(ids.tolist(), counts.tolist(), strict=True)), idf)
    weights = _SUBLINEAR_ARRAY[counts] * idf[ids]
    if len(ids):  # a left-to-right sum of squares, as the loop's (never numpy's pairwise sum)
        weights /= math.sqrt(float(np.add.accumulate(weights * weights)[-1])) or 1.0
    return SparseVector(ids, weights)


def cosine(a: Vector | SparseVector, b: Vector | SparseVector) -> float:
    """Dot product of two unit vectors, summed in the shorter one's order over the keys both have:
    the weights are positive, so the terms of the other keys (w × 0.0) add +0.0, which leaves a
    sum unchanged, and skipping them gives the same float.

    Two SparseVectors are compared in numpy: the longer one is spread into a dense array, read at
    the shorter one's ids (0.0 where it has none) and the products summed left to right in the
    shorter one's order (`np.add.accumulate`), the same float as the loop; the dense array is
    zeroed again. A headline + lead pair (~800 grams each) costs ~15 us instead of ~65."""
    if len(a) > len(b):
        a, b = b, a
    if isinstance(a, SparseVector) and isinstance(b, SparseVector):
        if len(a) > SMALL_VECTOR:
            dense = _dense()
            dense[b.ids] = b.weights
            products = a.weights * dense[a.ids]
            dense[b.ids] = 0.0
            return float(np.add.accumulate(products)[-1])
        a, b = a.as_dict, b.as_dict
    elif isinstance(a, SparseVector) or isinstance(b, SparseVector):
        a, b = dict(a.items()), dict(b.items())
    return sum([w * b[k] for k, w in a.items() if k in b])


def profile(article: Article, background: Background | None = None) -> ArticleProfile:
    """The article's profile; `background` defaults to the shipped one."""
    title = (article.title or "").strip() or _first_line(article.text)
    words = article.text.split(None, BODY_WORDS)[:BODY_WORDS]  # no more words are read
    # Tokens never span white space, so the lead's tokens are the headline's and the first
    # LEAD_WORDS words' (the body's first tokens): each part is tokenized, stemmed and cut into
    # grams once, and the counts of a longer part continue those of the part it starts with.
    title_tokens = tokenize(title)
    lead_tokens = tokenize_words(words[:LEAD_WORDS])
    return profile_of_parts(
        ProfileParts(
            title,
            " ".join(words[:LEAD_WORDS]),
            b"".join(_token_stem_bytes.many(title_tokens)),
            b"".join(_token_stem_bytes.many(lead_tokens)),
            b"".join(_token_stem_bytes.many(tokenize_words(words[LEAD_WORDS:BODY_WORDS]))),
            b"".join(_token_gram_bytes.many(title_tokens)),
            b"".join(_token_gram_bytes.many(lead_tokens)),
        ),
        article.time,
        article.source,
        background,
    )


@dataclass(frozen=True)
class ProfileParts:
    """What a profile is made of, word by word: the headline (stripped; the text's first line when
    it has none), the first LEAD_WORDS words of the text joined by spaces, and the buckets of the
    tokens of the headline, of those words and of the words up to BODY_WORDS, as the joined bytes of
    `_token_stem_bytes` (stems) and `_token_gram_bytes` (grams) of each token. `profile` reads them
    from the article; ingest (khulasa.stream.words) has them from the one reading of the article's
    words it makes for every consumer."""

    title: str
    lead_words: str
    title_stems: bytes
    lead_stems: bytes
    rest_stems: bytes
    title_grams: bytes
    lead_grams: bytes


def profile_of_parts(
    parts: ProfileParts, time: str | None, source: str | None, background: Background | None = None
) -> ArticleProfile:
    """The profile of the article these are the parts of (`profile`), published at `time` (its
    time text). Grams and stems are counted as arrays (`first_seen_counts`): the counts of
    `token_char_counts` and `token_word_counts`, keys in the same order, without a Python int per
    gram."""
    background = background or shipped_background()
    title = parts.title
    title_words, lead_words = first_seen_counts(
        _bucket_array([parts.title_stems, parts.lead_stems]), len(parts.title_stems) // _BUCKET_BYTES
    )
    _, body_words = first_seen_counts(_bucket_array([parts.lead_stems, parts.rest_stems]), 0)
    title_chars, lead_chars = first_seen_counts(
        _bucket_array([parts.title_grams, parts.lead_grams]), len(parts.title_grams) // _BUCKET_BYTES
    )
    first = normalize_key(title.split()[0]).strip(".:…،") if title.split() else ""
    published = parse_time(time)
    char_idf, word_idf = background.char_weights64, background.word_weights64
    word_lead = tfidf_arrays(lead_words, word_idf)
    return ArticleProfile(
        char_title=tfidf_arrays(title_chars, char_idf),
        char_lead=tfidf_arrays(lead_chars, char_idf),
        word_title=tfidf_arrays(title_words, word_idf),
        word_lead=word_lead,
        word_body=tfidf_arrays(body_words, word_idf),
        rare_lead=frozenset(word_lead.ids[word_idf[word_lead.ids] >= RARE_IDF].tolist()),
        numbers=lead_numbers(f"{title} {parts.lead_words}"),
        template=first in TEMPLATES,
        time=published.timestamp() if published else None,
        source=source,
    )


def lead_numbers(lead: str) -> frozenset[str]:
    """The numbers in the lead's matching key (`normalize_key`), found before its letters are
    mapped: the key's letter mapping, case folding and spelling variants turn letters into letters
    and digits into digits, so they neither make nor break a number; only the numbers found are
    keyed. Mapping every letter of a 600-character lead (str.translate through a dict, ~130 ns a
    non-ASCII character) cost ~100 us a profile; the same numbers (checked on every code point
    between and beside digits, and on all ANT leads)."""
    return frozenset(map(normalize_key, _NUMBER.findall(strip_marks(unicodedata.normalize("NFKC", lead)))))


def _first_line(text: str, limit: int = HEADLINE_WORDS) -> str:
    """Stand-in headline for an article given without one: its first line, cut at `limit` words
    (feeds often carry the headline as the text's first line; the model was trained with headlines)."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split()[:limit])
    return ""


def pair_features(a: ArticleProfile, b: ArticleProfile) -> np.ndarray:
    """The FEATURES of a pair of profiles, as a float vector (symmetric in a and b)."""
    shared_numbers = len(a.numbers & b.numbers)
    union_numbers = len(a.numbers | b.numbers)
    both_numbers = bool(a.numbers) and bool(b.numbers)
    missing = a.time is None or b.time is None
    gap_hours = 0.0 if missing else abs(a.time - b.time) / 3600.0  # type: ignore[operator]
    return np.array(
        [
            cosine(a.char_title, b.char_title),
            cosine(a.char_lead, b.char_lead),
            cosine(a.word_title, b.word_title),
            cosine(a.word_lead, b.word_lead),
            cosine(a.word_body, b.word_body),
            max(cosine(a.word_title, b.word_lead), cosine(b.word_title, a.word_lead)),
            math.log1p(len(a.rare_lead & b.rare_lead)),
            shared_numbers / union_numbers if both_numbers else 0.0,
            float(both_numbers and shared_numbers == 0),
            math.log1p(gap_hours),
            float(gap_hours > 72),
            float(missing),
            float(a.source is not None and a.source == b.source),
            float(a.template and b.template),
        ],
        dtype=np.float64,
    )
