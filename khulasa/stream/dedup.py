"""Near-duplicate detection with MinHash LSH (datasketch) over word 3-gram shingles.

Syndicated copies and re-posts share most 3-grams (Jaccard ≥ 0.8); two outlets' own reports of
one event share almost none (about 0.02), so they are never linked as duplicates.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Iterable
from functools import lru_cache
from hashlib import sha1
from operator import methodcaller

import numpy as np
from datasketch import MinHash, MinHashLSH

from khulasa.text.keys import matching_keys

SHINGLE = 3
NUM_PERM = 64


def shingles(text: str) -> set[bytes]:
    """The text's word 3-grams of matching keys (`khulasa.text.keys`), UTF-8 encoded."""
    return key_shingles(matching_keys(text))


def key_shingles(keys: list[str]) -> set[bytes]:
    """Word 3-grams of a text's matching keys (each word encoded once, the grams joined in C)."""
    words = list(map(str.encode, keys))  # UTF-8
    if len(words) < SHINGLE:
        return {b" ".join(words)} if words else set()
    return set(map(b" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))  # shorter tails end it


_digest = methodcaller("digest")

try:  # CPython's own SHA-1: on a shingle of ~30 bytes it costs ~60% of OpenSSL's (hashlib.sha1),
    # whose per-object set-up dominates such short inputs; the same digests (it is SHA-1).
    from _sha1 import sha1 as _short_sha1
except ImportError:  # pragma: no cover - a Python built without it
    _short_sha1 = sha1


def _sha1_hash32(shingles: Iterable[bytes]) -> np.ndarray:
    """datasketch's sha1_hash32 of each shingle (the first 4 bytes of its SHA-1, little-endian):
    the digests are made and joined in C (no Python loop) and read as one array, every fifth
    32-bit word of the 20-byte digests."""
    return np.frombuffer(b"".join(map(_digest, map(_short_sha1, shingles))), dtype="<u4")[::5]


# MurmurHash3's 32-bit finalizer, as datasketch's affine32 scheme premixes the hash values.
_FMIX32 = tuple(np.uint32(c) for c in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))
_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH32 = np.uint64((1 << 32) - 1)


def _permuted_minimum(empty: MinHash, hashes: np.ndarray) -> np.ndarray | None:
    """The hash values datasketch's `update_batch` gives `empty` for these 32-bit hash values, by
    its own arithmetic on the whole (shingles x permutations) array at once; None for a scheme
    this does not know (the caller then asks datasketch)."""
    a, b = empty.permutations
    scheme = getattr(empty, "scheme", "legacy")  # datasketch < 2 had only the legacy scheme
    if scheme == "affine32":
        s1, m1, s2, m2, s3 = _FMIX32
        hv = hashes.astype(np.uint32).reshape(-1, 1)
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        permuted = hv * a + b
    elif scheme == "legacy":
        hv = hashes.astype(np.uint64).reshape(-1, 1)
        permuted = np.bitwise_and((hv * a + b) % _MERSENNE_PRIME, _MAX_HASH32)
    else:
        return None
    return np.minimum(empty.hashvalues, permuted.min(axis=0))


def _prehashed(value: int) -> int:
    return value


@lru_cache(maxsize=4)
def _empty_signature(num_perm: int) -> MinHash:
    """An empty MinHash whose permutations every signature shares: drawing them anew from the
    seed for each article cost a fifth of the MinHash time, for the same values. Shared, the
    checkpoint pickles them once instead of with every signature of the horizon."""
    return MinHash(num_perm=num_perm)


def _is_plain(signature: MinHash, empty: MinHash) -> bool:
    """Whether the signature is `empty` with other hash values (rebuilt from them alone)."""
    return (
        type(signature) is MinHash
        and signature.seed == empty.seed
        and getattr(signature, "scheme", None) == getattr(empty, "scheme", None)
        and signature.hashfunc is empty.hashfunc
        and len(signature.hashvalues) == len(empty.hashvalues)
        and signature.hashvalues.dtype == empty.hashvalues.dtype
    )


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash signature of a text's shingles (fixed seed: the same in every process)."""
    return key_minhash(matching_keys(text), num_perm)


def key_minhash(keys: list[str], num_perm: int = NUM_PERM) -> MinHash:
    """`minhash` of the text whose matching keys these are: datasketch's signature of the same
    shingles, bit for bit. The shingles are hashed as datasketch hashes them (sha1_hash32), all at
    once, and permuted as its `update_batch` permutes them, over one array (`_permuted_minimum`);
    the signature is a shallow copy of the empty one (a MinHash's own copy re-validates its
    permutations) with its own hash values."""
    empty = _empty_signature(num_perm)
    signature = copy.copy(empty)
    hashes = _sha1_hash32(key_shingles(keys))
    values = _permuted_minimum(empty, hashes) if len(hashes) else empty.hashvalues.copy()
    if values is None:  # an unknown scheme: datasketch permutes, reading the hashes as they are
        signature.hashvalues = empty.hashvalues.copy()
        signature.hashfunc = _prehashed
        try:
            signature.update_batch(hashes.tolist())
        finally:
            signature.hashfunc = empty.hashfunc
        return signature
    signature.hashvalues = values
    return signature


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


class DuplicateIndex:
    """Finds an earlier article that a new one copies (estimated Jaccard ≥ threshold).

    With `horizon` (seconds), articles published more than that before the newest one are
    forgotten, so memory follows the open window rather than the whole feed, and the index after
    any prefix of a feed depends only on that prefix (a resumed ingest sees the same index).
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM, horizon: float | None = None) -> None:
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.threshold = threshold
        self.horizon = horizon
        self.signatures: dict[str, MinHash] = {}
        self.published: deque[tuple[float, str]] = deque()
        self.undated_first: list[str] = []  # undated articles indexed before any dated one

    def signature(self, text: str) -> MinHash:
        return minhash(text, self.num_perm)

    def add(
        self, article_id: str, text: str, published: float | None = None, signature: MinHash | None = None
    ) -> str | None:
        """Index the article; return the id of the earlier article it duplicates, if any.
        `signature` is its `signature(text)` when computed beforehand."""
        if self.horizon is not None and published is not None:
            self._forget_before(published - self.horizon)
        mine = signature if signature is not None else self.signature(text)
        candidates = [c for c in self.lsh.query(mine) if mine.jaccard(self.signatures[c]) >= self.threshold]
        if candidates:
            return min(candidates, key=lambda c: (-mine.jaccard(self.signatures[c]), c))
        self.lsh.insert(article_id, mine)
        self.signatures[article_id] = mine
        if published is None:
            # Undated: kept as if published with the newest article indexed (ingest places it there),
            # so it is forgotten with its neighbours instead of never; before any dated article it
            # waits for the first one's time.
            if self.published:
                self.published.append((self.published[-1][0], article_id))
            else:
                self.undated_first.append(article_id)
        else:
            for waiting in self.undated_first:
                self.published.append((published, waiting))
            self.undated_first.clear()
            self.published.append((published, article_id))
        return None

    def __getstate__(self) -> dict:
        """The index as ingest checkpoints it with every batch: the signatures' hash values as one
        (articles x permutations) array beside their ids, and no LSH tables. Both are rebuilt on load
        (`__setstate__`): the tables hold each signature's bands and nothing else, and a signature is
        its hash values over the shared empty one (`key_minhash`). Pickled as objects, the MinHashes
        (a dict copy each) and the tables (every band twice) were half the checkpoint's bytes and
        time. Signatures that are not plain copies of the shared empty one (another seed or scheme,
        as a checkpoint of an older datasketch holds) are pickled as they are."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("lsh", "signatures")}
        empty = _empty_signature(self.num_perm)
        plain = all(_is_plain(signature, empty) for signature in self.signatures.values())
        if plain and self.signatures:
            state["signature_ids"] = list(self.signatures)
            state["hashvalues"] = np.stack([signature.hashvalues for signature in self.signatures.values()])
        else:
            state["signatures"] = self.signatures
        return state

    def __setstate__(self, state: dict) -> None:
        state = dict(state)
        ids, values = state.pop("signature_ids", None), state.pop("hashvalues", None)
        self.__dict__.update({"undated_first": [], "signatures": {}, **state})  # undated_first: older checkpoints
        if ids is not None:
            empty = _empty_signature(self.num_perm)
            for article_id, row in zip(ids, values, strict=True):
                signature = copy.copy(empty)
                signature.hashvalues = row.copy()
                self.signatures[article_id] = signature
        if "lsh" not in state:  # in insertion order, as `add` inserted them
            self.lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            for article_id, signature in self.signatures.items():
                self.lsh.insert(article_id, signature)

    def _forget_before(self, cutoff: float) -> None:
        # Articles arrive in publication order (ingest sorts each batch), so the oldest come first;
        # an older straggler from a later batch is forgotten once those before it are.
        while self.published and self.published[0][0] < cutoff:
            _, article_id = self.published.popleft()
            del self.signatures[article_id]
            self.lsh.remove(article_id)
