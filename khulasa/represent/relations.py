"""Relations between the sentences of one story's articles: same fact, partial, contradicts.

The learned sentence-relation model (khulasa/relate/sentence) decides each pair; this module
chooses which pairs to ask about and remembers the answers. Candidates are sentences of *other*
articles whose character n-gram TF-IDF cosine (the model's own vectors) reaches
CANDIDATE_COSINE: on the 699 labelled train + dev pairs that keeps every `same` pair and 96% of
`partial`, and drops 28% of `unrelated`, before the model is asked; at most MAX_CANDIDATES per
sentence (the closest), so a story's cost grows linearly with its sentences. Cosines come from one
sparse product per block of rows, so a story of thousands of sentences never builds a dense n × n
matrix.

Every sentence is profiled once per story; a relation is computed once per pair and cached.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from khulasa.relate.sentence import RelationModel, SentenceProfile, load_model, pair_features, profile
from khulasa.relate.story.features import HASH_SIZE

CANDIDATE_COSINE = 0.1
MAX_CANDIDATES = 32
BLOCK = 512


@dataclass(frozen=True)
class Relation:
    """What the model says about sentence `other` relative to a given sentence."""

    other: int
    label: str  # the decision: same / partial / contradicts / unrelated
    p_same: float
    p_partial: float
    p_contradicts: float


class StoryRelations:
    """Relations of a story's sentences with the sentences of its other articles (lazy, cached)."""

    def __init__(self, texts: list[str], docs: list[int], model: RelationModel | None = None) -> None:
        self.texts = texts
        self.docs = np.asarray(docs)
        self.model = model or load_model()
        self._profiles: list[SentenceProfile | None] = [None] * len(texts)
        self._vectors: sparse.csr_matrix | None = None
        self._rows: dict[int, list[Relation]] = {}

    def profile(self, index: int) -> SentenceProfile:
        found = self._profiles[index]
        if found is None:
            found = self._profiles[index] = profile(self.texts[index])
        return found

    def vectors(self) -> sparse.csr_matrix:
        """Unit character n-gram TF-IDF vectors of every sentence (rows), hashed."""
        if self._vectors is None:
            rows, columns, values = [], [], []
            for i in range(len(self.texts)):
                for bucket, weight in self.profile(i).chars.items():
                    rows.append(i)
                    columns.append(bucket)
                    values.append(weight)
            self._vectors = sparse.csr_matrix(
                (np.asarray(values, dtype=np.float32), (rows, columns)), shape=(len(self.texts), HASH_SIZE)
            )
        return self._vectors

    def candidates(self, rows: list[int]) -> dict[int, list[int]]:
        """For each row, the sentences of other articles close enough to be asked about."""
        matrix = self.vectors()
        found: dict[int, list[int]] = {}
        for start in range(0, len(rows), BLOCK):
            block = rows[start : start + BLOCK]
            cosines = (matrix[block] @ matrix.T).tocsr()
            for k, i in enumerate(block):
                span = slice(cosines.indptr[k], cosines.indptr[k + 1])
                close = [
                    (-float(c), int(j))
                    for j, c in zip(cosines.indices[span], cosines.data[span], strict=True)
                    if c >= CANDIDATE_COSINE and self.docs[j] != self.docs[i]
                ]
                found[i] = sorted(j for _, j in sorted(close)[:MAX_CANDIDATES])
        return found

    def related(self, index: int) -> list[Relation]:
        """Every candidate of `index` with the model's decision and probabilities."""
        if index not in self._rows:
            self.prepare([index])
        return self._rows[index]

    def prepare(self, rows: list[int]) -> None:
        """Compute (once) the relations of all `rows`, in one batch per block of candidates."""
        wanted = [i for i in rows if i not in self._rows]
        if not wanted:
            return
        for i, others in self.candidates(wanted).items():
            if not others:
                self._rows[i] = []
                continue
            features = np.array([pair_features(self.profile(i), self.profile(j)) for j in others])
            p = self.model.probabilities(features)
            labels = self.model.decide(p)
            self._rows[i] = [
                Relation(j, label, float(row[0]), float(row[1]), float(row[2]))
                for j, label, row in zip(others, labels, p, strict=True)
            ]
