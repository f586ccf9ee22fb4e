"""Agreement and divergence: sentences aligned across outlets grouped into facts, each marked as
reported by all outlets, several, or one (the single-outlet claims a reader should weigh)."""

from __future__ import annotations

from dataclasses import dataclass

from khulasa.analyze.disjoint import DisjointSets
from khulasa.model import SourceRef
from khulasa.represent.alignment import alignment_rows, shared_term_partners
from khulasa.represent.story import Story


@dataclass(frozen=True)
class Fact:
    """Sentences of different outlets that report the same thing."""

    sentences: tuple[SourceRef, ...]
    outlets: tuple[str, ...]
    coverage: str  # "all", "several" or "one"


def group_facts(story: Story, align: str = "lexical") -> list[Fact]:
    """Connected components of the cross-outlet alignment graph, most widely reported first."""
    rows = list(range(len(story.sentences)))
    scores, threshold = alignment_rows(story, rows, align)
    sets = DisjointSets(len(rows))
    for i in rows:
        for j in shared_term_partners(story, i):
            if j > i and max(scores[i, j], scores[j, i]) >= threshold:
                sets.union(i, j)
    everyone = tuple(dict.fromkeys(c.article.outlet for c in story.articles))
    facts = []
    for members in sets.groups():
        refs = tuple(
            SourceRef(s.doc_id, s.outlet, s.index, s.text) for s in (story.sentences[i] for i in sorted(members))
        )
        outlets = tuple(dict.fromkeys(r.source for r in refs))
        coverage = (
            "all" if len(outlets) == len(everyone) and len(everyone) > 1 else ("several" if len(outlets) > 1 else "one")
        )
        facts.append(Fact(refs, outlets, coverage))
    return sorted(facts, key=lambda f: (-len(f.outlets), story_position(story, f)))


def story_position(story: Story, fact: Fact) -> tuple[int, int]:
    first = fact.sentences[0]
    doc_index = next(i for i, c in enumerate(story.articles) if c.article.id == first.doc)
    return doc_index, first.sentence
