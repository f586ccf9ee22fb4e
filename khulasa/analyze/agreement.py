"""Agreement and divergence: sentences of different outlets grouped into facts, each marked as
reported by all outlets, several, or one (the single-outlet claims a reader should weigh), and
the pairs of sentences on which outlets contradict each other.

Arabic stories use the learned relation model (khulasa/relate/sentence, via Story.relations):

- A fact is a *tight* group: a core sentence and every not-yet-grouped sentence of another
  article that the model calls `same` or `partial` with that core (not a chain of alignments,
  which let one "all outlets" fact swallow 26 sentences). Cores are taken most-linked first.
- A sentence left alone is a single-outlet claim only when no sentence of another outlet is even
  possibly related: its highest P(same) + P(partial) against them stays below the model's
  `related_threshold` (chosen on dev so that related pairs are rarely missed). Otherwise its
  coverage is "unclear" and it is not shown as "only one outlet reports this".
- Contradictions are the pairs the model calls `contradicts`, with the counts that clash when
  the number check finds them («أربع قرى» / «ثلاث قرى»).

Other languages keep connected components of the lexical alignment graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from khulasa.analyze.disjoint import DisjointSets
from khulasa.model import SourceRef
from khulasa.relate.sentence import checks
from khulasa.represent.alignment import alignment_rows, shared_term_partners
from khulasa.represent.story import Story


@dataclass(frozen=True)
class Fact:
    """Sentences of different outlets that report the same thing (the core sentence first).

    `outlets` report it (same or partial); `same_outlets` state it as a whole (same). `coverage`
    is "all", "several", "one" (a single-outlet claim) or "unclear" (alone, but another outlet has
    a possibly related sentence).
    """

    sentences: tuple[SourceRef, ...]
    outlets: tuple[str, ...]
    coverage: str
    same_outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contradiction:
    """Two outlets' sentences about the same thing with details that cannot both be true."""

    a: SourceRef
    b: SourceRef
    probability: float
    counts: tuple[tuple[str, str], ...] = ()  # clashing counts as written in a and in b


def _ref(story: Story, index: int, similarity: float = 1.0) -> SourceRef:
    s = story.sentences[index]
    return SourceRef(s.doc_id, s.outlet, s.index, s.text, round(similarity, 3))


def _coverage(outlets: tuple[str, ...], everyone: tuple[str, ...]) -> str:
    if len(outlets) == len(everyone) and len(everyone) > 1:
        return "all"
    return "several" if len(outlets) > 1 else "one"


def group_facts(story: Story, align: str = "lexical") -> list[Fact]:
    """The story's facts, most widely reported first."""
    if story.language == "ar":
        return _relation_facts(story)
    return _component_facts(story, align)


def _relation_facts(story: Story) -> list[Fact]:
    relations = story.relations
    rows = list(range(len(story.sentences)))
    relations.prepare(rows)
    everyone = tuple(dict.fromkeys(c.article.outlet for c in story.articles))
    outlet = [s.outlet for s in story.sentences]
    linked = ("same", "partial")
    links: list[dict[int, str]] = [
        {r.other: r.label for r in relations.related(i) if outlet[r.other] != outlet[i] and r.label in linked}
        for i in rows
    ]
    order = sorted(rows, key=lambda i: (-len({outlet[j] for j in links[i]}), -len(links[i]), i))
    grouped = _later_twins(story, rows, outlet) | story.headings  # a heading is no claim of its own
    facts: list[Fact] = []
    threshold = relations.model.related_threshold
    for core in order:
        if core in grouped:
            continue
        members = [core, *sorted(j for j in links[core] if j not in grouped)]
        grouped.update(members)
        outlets = tuple(dict.fromkeys(outlet[m] for m in members))
        same = tuple(dict.fromkeys([outlet[core]] + [outlet[j] for j in members[1:] if links[core][j] == "same"]))
        coverage = _coverage(outlets, everyone)
        if coverage == "one" and related_score(story, core) >= threshold:
            coverage = "unclear"
        facts.append(Fact(tuple(_ref(story, m) for m in members), outlets, coverage, same))
    return sorted(facts, key=lambda f: (-len(f.outlets), story_position(story, f)))


def _later_twins(story: Story, rows: list[int], outlet: list[str]) -> set[int]:
    """Sentences an outlet already stated in another of its articles (an update, a re-post): the
    same words, or the same fact in the words of a rewrite («وأضافت "نعلم ..."» / «وتابعت "نعلم
    ..."») as the relation model judges it. An outlet states one fact once, so these later copies are
    neither cores nor members of a fact (a reader's audit found one outlet's fact listed up to three
    times as "only one outlet reports this")."""
    twins: set[int] = set()
    first: dict[tuple[str, str], int] = {}
    for i in rows:
        if first.setdefault((outlet[i], " ".join(story.sentences[i].text.split())), i) != i:
            twins.add(i)
            continue
        if any(
            r.other < i and r.other not in twins and outlet[r.other] == outlet[i] and r.label == "same"
            for r in story.relations.related(i)
        ):
            twins.add(i)
    return twins


def related_score(story: Story, index: int) -> float:
    """The highest P(same) + P(partial) of a sentence against the sentences of other outlets: a
    lone sentence is a single-outlet claim only when this stays below the related threshold."""
    outlet = story.sentences[index].outlet
    scores = [
        r.p_same + r.p_partial for r in story.relations.related(index) if story.sentences[r.other].outlet != outlet
    ]
    return max(scores, default=0.0)


def find_contradictions(story: Story) -> list[Contradiction]:
    """Pairs of sentences of different outlets the relation model calls `contradicts` (Arabic)."""
    if story.language != "ar":
        return []
    relations = story.relations
    relations.prepare(list(range(len(story.sentences))))
    found = []
    for i in range(len(story.sentences)):
        for r in relations.related(i):
            if (
                r.other > i
                and r.label == "contradicts"
                and story.sentences[r.other].outlet != story.sentences[i].outlet
            ):
                counts = checks.clashing_counts(relations.profile(i).facts, relations.profile(r.other).facts)
                found.append(
                    Contradiction(_ref(story, i), _ref(story, r.other), round(r.p_contradicts, 3), tuple(counts))
                )
    return sorted(found, key=lambda c: -c.probability)


def _component_facts(story: Story, align: str) -> list[Fact]:
    """Connected components of the cross-outlet alignment graph (languages without the model)."""
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
        refs = tuple(_ref(story, i) for i in sorted(members))
        outlets = tuple(dict.fromkeys(r.source for r in refs))
        facts.append(Fact(refs, outlets, _coverage(outlets, everyone), outlets))
    return sorted(facts, key=lambda f: (-len(f.outlets), story_position(story, f)))


def story_position(story: Story, fact: Fact) -> tuple[int, int]:
    first = fact.sentences[0]
    doc_index = next(i for i, c in enumerate(story.articles) if c.article.id == first.doc)
    return doc_index, first.sentence
