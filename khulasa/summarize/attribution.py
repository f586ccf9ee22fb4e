"""Attribution: for each summary sentence, every sentence in the input that says the same thing."""

from __future__ import annotations

import numpy as np

from khulasa.model import SourceRef
from khulasa.represent.alignment import shared_term_partners
from khulasa.represent.story import Story


def attribute(story: Story, index: int, scores: np.ndarray, threshold: float) -> tuple[SourceRef, ...]:
    """The sentence itself first, then every sentence of the other articles that scores above the
    threshold and shares enough content stems (short coincidences do not count), best first.

    `scores` is the sentence's alignment row against every sentence of the story.
    """
    own = story.sentences[index]
    refs = [SourceRef(own.doc_id, own.outlet, own.index, own.text, 1.0)]
    matches = [
        (story.sentences[other].doc_index, -float(scores[other]), other)
        for other in shared_term_partners(story, index)
        if float(scores[other]) >= threshold
    ]
    for _, negative_score, other in sorted(matches):
        match = story.sentences[other]
        refs.append(SourceRef(match.doc_id, match.outlet, match.index, match.text, round(-negative_score, 3)))
    return tuple(refs)


def attribute_by_relation(
    story: Story, index: int
) -> tuple[tuple[SourceRef, ...], tuple[SourceRef, ...], tuple[SourceRef, ...]]:
    """(sources, overlaps, contradictions) of a sentence by the learned relation model.

    Sources are the sentence itself and every sentence of another article the model calls `same`
    (at its precision-chosen threshold), with P(same) as the similarity; overlaps are those it
    calls `partial`, contradictions those it calls `contradicts`, each with its probability. Each
    list is in article order, the most probable first within an article.
    """
    own = story.sentences[index]
    found: dict[str, list[tuple[int, float, int]]] = {"same": [], "partial": [], "contradicts": []}
    for relation in story.relations.related(index):
        if relation.label in found:
            p = {"same": relation.p_same, "partial": relation.p_partial, "contradicts": relation.p_contradicts}
            doc = story.sentences[relation.other].doc_index
            found[relation.label].append((doc, -p[relation.label], relation.other))

    def refs(label: str) -> list[SourceRef]:
        out = []
        for _, negative_p, other in sorted(found[label]):
            match = story.sentences[other]
            out.append(SourceRef(match.doc_id, match.outlet, match.index, match.text, round(-negative_p, 3)))
        return out

    sources = (SourceRef(own.doc_id, own.outlet, own.index, own.text, 1.0), *refs("same"))
    return sources, tuple(refs("partial")), tuple(refs("contradicts"))


def distinct_rows(chosen: list[int], scores: np.ndarray, threshold: float) -> list[int]:
    """Rows of `chosen` to keep: a sentence aligned with an earlier chosen one restates it.

    `scores[row]` is the alignment row of `chosen[row]` against every sentence.
    """
    kept: list[int] = []
    for row, index in enumerate(chosen):
        if all(float(scores[k, index]) < threshold for k in kept):
            kept.append(row)
    return kept
