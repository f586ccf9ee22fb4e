"""Concept-coverage ILP (Gillick and Favre 2009, ICSISumm), solved exactly with HiGHS.

Concepts are stemmed word bigrams (and content stems) weighted by how many independent articles
contain them, with a bonus for appearing early in an article and, where a background model ships
(English), a discount for concepts that most news topics share. The program picks the sentences
that cover the most concept weight within the budget; a concept counts once however often it is
covered, which is what keeps the summary free of repetition. Pairs of near-identical sentences
are also excluded explicitly. If the solver is missing, or stops at a limit without a feasible
cover, a greedy cover is used.

The output depends on the input alone: the solver is bounded by node, leaf and simplex-iteration
limits (never by wall-clock time, which made picks change with machine load), runs on one thread
with a fixed seed, and sees its columns in a fixed order (concepts sorted, not in the order of a
set of strings, which changes with PYTHONHASHSEED). Sums of weights over sets use math.fsum,
whose result does not depend on the order of the terms.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from khulasa.represent.background import Background, load_background
from khulasa.represent.story import Story
from khulasa.represent.terms import Concept, concepts_of
from khulasa.summarize.base import (
    LONG_SENTENCE_FACTOR,
    Budget,
    candidates,
    greedy_fill,
    position_prior,
    stands_alone,
)
from khulasa.summarize.lead import LeadSummarizer


def default_min_df(sources: int) -> int:
    """Sources a concept must reach: 4 of 8 or more, 3 of 6 or 7, else any one (small clusters
    have too few sources for agreement to separate content from noise).

    Issue 13 tried 2 for every cluster of 2-7 sources: +0.75 R-2 F (CI 0.28..1.29) on the long
    Arabic tune half, but +0.35 (-0.11..+0.92) on its confirm half, -0.50 on ar-mds, -0.09 on
    ar-mds-100 and -0.17 on DUC 2004: -0.01 (-0.44..+0.43) over their union, so it stays."""
    return 4 if sources >= 8 else 3 if sources >= 6 else 1


def concept_weights(
    story: Story,
    min_df: int | None = None,
    position_bonus: float = 0.5,
    title_bonus: float = 0.0,
    unigram_weight: float = 0.0,
    background: Background | None = None,
    specificity_powers: tuple[float, float] = (0.7, 0.2),
    bigram_floor: float = 0.4,
) -> dict[Concept, float]:
    """Bigram weight = number of independent sources containing it (verbatim copies of an article
    count once), plus a bonus for early appearance.

    With one article, document frequency says nothing, so the count of sentences is used. With a
    `background`, each weight is scaled by the concept's specificity raised to a power (bigram,
    unigram); bigrams keep at least `bigram_floor` of their weight.
    """
    documents = story.document_count
    sources = story.source_groups
    if min_df is None:
        min_df = default_min_df(story.source_count)
    first_seen: dict[Concept, dict[int, int]] = defaultdict(dict)
    sentence_count: dict[Concept, int] = defaultdict(int)
    for sentence, terms in zip(story.sentences, story.terms, strict=True):
        source = sources[sentence.doc_index]
        for concept in concepts_of(terms, unigram_weight > 0):
            sentence_count[concept] += 1
            seen = first_seen[concept]
            if source not in seen or sentence.index < seen[source]:
                seen[source] = sentence.index
    weights: dict[Concept, float] = {}
    headline = story.title_terms() | story.query_terms
    for concept, seen in first_seen.items():
        frequency = len(seen) if documents > 1 else sentence_count[concept]
        if frequency < (min_df if documents > 1 else 2):
            continue
        bonus = sum(1.0 / (1.0 + index) for index in seen.values())
        in_headline = sum(1 for stem in concept if stem in headline) / len(concept)
        scale = unigram_weight if len(concept) == 1 else 1.0
        weight = scale * (frequency + position_bonus * bonus) * (1.0 + title_bonus * in_headline)
        if background is not None:
            specificity = background.specificity(concept)
            if len(concept) == 1:
                weight *= specificity ** specificity_powers[1]
            else:
                weight *= max(bigram_floor, specificity ** specificity_powers[0])
        weights[concept] = weight
    return weights


MAX_NODES = 1000
"""Branch-and-bound nodes (and leaves) the solver may explore before it settles for its best cover.
The 175 dev clusters (DUC 2004 at 100 words, ar-mds at 30, DUC 2006 at 250) all solve to
optimality within 36 nodes; a random 150-sentence, 400-concept cover at 250 words needs more
and stops here after 5.4 s of one core (52,649 simplex iterations), about what the old 5 s
wall-clock limit allowed on an idle machine."""
MAX_SIMPLEX_ITERATIONS = 500_000
"""Simplex iterations in all: 20 times what the hardest dev cluster needs (25,861)."""


def solve_coverage(
    lengths: np.ndarray,
    sentence_concepts: list[list[int]],
    concept_values: np.ndarray,
    budget_words: int,
    exclusive_pairs: list[tuple[int, int]],
    sentence_values: np.ndarray,
    max_nodes: int = MAX_NODES,
    max_iterations: int = MAX_SIMPLEX_ITERATIONS,
) -> list[int] | None:
    """Maximize covered concept weight + sentence values s.t. length ≤ budget; None on failure.

    At a node, leaf or iteration limit the best cover found so far is returned (the same one on
    every run: the limits count work, not time), or None when there is none.
    """
    try:
        import highspy
    except ImportError:
        return None
    sentence_values, sentence_concepts, concept_values = _fold_private_concepts(
        sentence_values, sentence_concepts, concept_values
    )
    n, m = len(lengths), len(concept_values)
    highs = _quiet_highs(highspy)
    highs.setOptionValue("mip_rel_gap", 1e-4)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("random_seed", 0)
    highs.setOptionValue("mip_max_nodes", max_nodes)
    highs.setOptionValue("mip_max_leaves", max_nodes)
    highs.setOptionValue("simplex_iteration_limit", max_iterations)
    # A tiny cut pool keeps the root node cheap; covers here are solved by branching anyway.
    highs.setOptionValue("mip_pool_soft_limit", 1)
    # Started from the greedy cover (below), the solver needs none of its search for a first
    # cover: no restarts after fixing columns, no RINS/RENS sub-MIPs, no symmetry detection.
    # Same summaries on every DUC 2004 and DUC 2006 cluster, in 0.2 instead of 0.58 s on the
    # slowest DUC 2004 one (d30001t), 38 instead of 48 s over DUC 2006.
    for option in ("mip_allow_restart", "mip_heuristic_run_rins", "mip_heuristic_run_rens", "mip_detect_symmetry"):
        highs.setOptionValue(option, False)
    # Branch on pseudocosts from the first node instead of strong-branching each candidate until
    # its pseudocost is reliable: strong branching was 26,168 of the 36,066 simplex iterations of
    # the hostile benchmark's cover (2 x 30,000 characters without punctuation at 1,000 words;
    # solve 5.2 -> 3.1 s). Same summaries on every DUC 2004 and DUC 2006 cluster (solving 25% and
    # 33% faster); another optimum where covers tie on 1 of 100 ar-mds-100 and 11 of 340 ar-long.
    highs.setOptionValue("mip_pscost_minreliable", 0)
    costs = np.concatenate([sentence_values, concept_values]).astype(np.float64)
    zeros = np.zeros(n + m, dtype=np.int32)
    highs.addCols(n + m, costs, np.zeros(n + m), np.ones(n + m), 0, zeros, zeros, np.zeros(0))
    highs.changeColsIntegrality(
        n + m,
        np.arange(n + m, dtype=np.int32),
        np.array([highspy.HighsVarType.kInteger] * (n + m)),
    )
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    lower, upper, starts, indices, values = [], [], [], [], []

    def row(cols: list[int], coefs: list[float], low: float, high: float) -> None:
        starts.append(len(indices))
        indices.extend(cols)
        values.extend(coefs)
        lower.append(low)
        upper.append(high)

    inf = highspy.kHighsInf
    row(list(range(n)), [float(x) for x in lengths], -inf, float(budget_words))
    covering: dict[int, list[int]] = defaultdict(list)
    for i, concepts in enumerate(sentence_concepts):
        for j in concepts:
            covering[j].append(i)
    for j in range(m):
        row([n + j, *covering[j]], [1.0] + [-1.0] * len(covering[j]), -inf, 0.0)
    for i, k in exclusive_pairs:
        row([i, k], [1.0, 1.0], -inf, 1.0)
    highs.addRows(
        len(lower),
        np.array(lower),
        np.array(upper),
        len(indices),
        np.array(starts, dtype=np.int32),
        np.array(indices, dtype=np.int32),
        np.array(values, dtype=np.float64),
    )
    start = np.zeros(n + m)
    problem = CoverProblem(lengths, sentence_concepts, concept_values, budget_words, exclusive_pairs, sentence_values)
    chosen, covered = _greedy_cover(problem)
    start[chosen] = 1.0
    start[[n + j for j in covered]] = 1.0
    incumbent = highspy.HighsSolution()
    incumbent.col_value = start.tolist()
    incumbent.value_valid = True
    highs.setSolution(incumbent)
    highs.run()
    status = highs.getModelStatus()
    limits = (highspy.HighsModelStatus.kSolutionLimit, highspy.HighsModelStatus.kIterationLimit)
    if status != highspy.HighsModelStatus.kOptimal and not (status in limits and _has_incumbent(highs, highspy)):
        return None
    solution = np.asarray(highs.getSolution().col_value[:n])
    if solution.size != n:
        return None
    return [i for i in range(n) if solution[i] > 0.5]


@dataclass(frozen=True)
class CoverProblem:
    """A coverage program as solve_coverage states it: sentence lengths and the concepts (indexes
    into concept_values) each covers, the budget, the pairs of which at most one may be chosen, and
    each sentence's own value."""

    lengths: np.ndarray
    sentence_concepts: list[list[int]]
    concept_values: np.ndarray
    budget_words: int
    exclusive_pairs: list[tuple[int, int]]
    sentence_values: np.ndarray


def _greedy_cover(problem: CoverProblem) -> tuple[list[int], set[int]]:
    """A feasible cover to start the solver from: the sentence adding the most uncovered value per
    word that still fits, again and again (ties to the earlier sentence), and the concepts it covers.

    The solver's own first covers on the DUC 2004 clusters are weaker (feasibility jump: 449 of
    the optimum 489 on d30001t), and it spends most of its time finding better ones; handed this
    one it proves the optimum in a third of the time there (0.58 -> 0.21 s) and returns the same
    summary on every DUC 2004 and DUC 2006 cluster. Where covers tie (or differ within the
    optimality gap, 1e-4) another optimum may be returned: 54 of 340 long Arabic clusters."""
    lengths, concept_values, sentence_values = problem.lengths, problem.concept_values, problem.sentence_values
    excluded: dict[int, set[int]] = defaultdict(set)
    for a, b in problem.exclusive_pairs:
        excluded[a].add(b)
        excluded[b].add(a)
    concept_sets = [set(concepts) for concepts in problem.sentence_concepts]
    chosen: list[int] = []
    covered: set[int] = set()
    barred: set[int] = set()
    used = 0
    while True:
        best, best_ratio = -1, 0.0
        for i, concepts in enumerate(concept_sets):
            if i in barred or used + lengths[i] > problem.budget_words or lengths[i] <= 0:
                continue
            gain = sentence_values[i] + math.fsum(concept_values[j] for j in concepts - covered)
            ratio = gain / lengths[i]
            if ratio > best_ratio:
                best, best_ratio = i, ratio
        if best < 0:
            return chosen, covered
        chosen.append(best)
        used += int(lengths[best])
        covered |= concept_sets[best]
        barred |= excluded[best] | {best}


def _has_incumbent(highs, highspy) -> bool:
    """True when the stopped solver holds a feasible (integer) solution."""
    return highs.getInfo().primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible


def _fold_private_concepts(
    sentence_values: np.ndarray, sentence_concepts: list[list[int]], concept_values: np.ndarray
) -> tuple[np.ndarray, list[list[int]], np.ndarray]:
    """A concept only one candidate covers is worth its weight exactly when that sentence is
    chosen: move its weight onto the sentence and drop the variable (same optimum, smaller MIP)."""
    holders: dict[int, list[int]] = defaultdict(list)
    for i, concepts in enumerate(sentence_concepts):
        for j in concepts:
            holders[j].append(i)
    values = np.asarray(sentence_values, dtype=np.float64).copy()
    shared = sorted(j for j, owners in holders.items() if len(owners) > 1)
    renumber = {j: k for k, j in enumerate(shared)}
    for j, owners in holders.items():
        if len(owners) == 1:
            values[owners[0]] += concept_values[j]
    folded = [[renumber[j] for j in concepts if j in renumber] for concepts in sentence_concepts]
    return values, folded, np.asarray([concept_values[j] for j in shared], dtype=np.float64)


_BANNER_LOCK = threading.Lock()
_banner_muted = False


def _quiet_highs(highspy):
    """A Highs instance, without the banner HiGHS prints on the first one of a process.

    Muting means pointing file descriptor 1 at /dev/null for a moment, which is process-wide:
    it is done once, under a lock, so concurrent callers (server threads) never lose stdout.
    """
    global _banner_muted
    with _BANNER_LOCK:
        if not _banner_muted:
            sys.stdout.flush()
            saved = os.dup(1)
            try:
                with open(os.devnull, "w") as devnull:
                    os.dup2(devnull.fileno(), 1)
                    highs = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _banner_muted = True
            highs.silent()
            return highs
    highs = highspy.Highs()
    highs.silent()
    return highs


MIN_FRAGMENT_WORDS = 15
"""The fewest words of a sentence worth showing cut at the budget: a shorter stub rarely carries a
claim. Single-article dev sets (benchmarks.quality, R-2 F): at 100 words against another
newsroom's 120, the opening with the next sentence cut scores +0.37 (+0.12, +0.66) over the fill it
replaced (later sentences that fit), where stopping before the cut gains +0.01; at 30 words
against BBC's 23-word summary line, stubs of 8 words cost -2.5 against the lead alone, 15 cost
nothing (+0.06, -0.26..+0.48)."""


def fill_in_order(story: Story, budget: Budget) -> list[int]:
    """One article's opening sentences in their order until one does not fit what is left of the
    budget; that one ends the summary, shown cut at the budget (the pipeline marks it «…»), when at
    least MIN_FRAGMENT_WORDS of it fit and the budget allows cutting (not with `--allow-long`).
    So the summary reads as the article's opening and fills its budget, as the first N words of
    the article do, but never ends on a stub. The lead sentence (the first worth quoting) is the
    editor's own summary: when it alone is over the budget (within the allowance) it is the
    summary, shown cut. Sentences too short to quote are passed over; one that leans on the
    sentence before it (a pronoun, a quotation mark) is taken only right after that sentence; one
    that restates a chosen sentence (an excluded pair, or similarity at the budget's redundancy)
    is passed over."""
    words = story.word_counts
    lead = next((i for i, n in enumerate(words) if n >= budget.min_sentence_words and i not in story.headings), None)
    if lead is not None and budget.words < words[lead] <= budget.allowance:
        return [lead]
    chosen: list[int] = []
    used = 0
    for index, sentence in enumerate(story.sentences):
        if sentence.word_count < budget.min_sentence_words or index in story.headings:
            continue  # too short to quote, or a heading (Story.headings)
        if not _continues(story, budget, chosen, index):
            continue
        if used + sentence.word_count > budget.words:
            if chosen and budget.cut and budget.words - used >= MIN_FRAGMENT_WORDS:
                chosen.append(index)
            break
        chosen.append(index)
        used += sentence.word_count
    if not chosen:
        fallback = next((i for i, n in enumerate(story.word_counts) if n <= budget.allowance), None)
        chosen = [] if fallback is None else [fallback]
    return chosen


def _continues(story: Story, budget: Budget, chosen: list[int], index: int) -> bool:
    """Whether sentence `index` may follow the chosen ones: it stands alone or directly follows the
    last of them, and restates none of them."""
    follows = bool(chosen) and chosen[-1] == index - 1
    if not follows and not stands_alone(story.sentences[index].text, story.language):
        return False
    if any((min(index, c), max(index, c)) in budget.exclusive for c in chosen):
        return False  # restates a chosen sentence: the pipeline would drop it and leave its words unused
    return not (chosen and float(np.max(story.similarity[index, chosen])) >= budget.redundancy)


class CoverageSummarizer:
    """The default: ICSISumm-style concept coverage with explicit redundancy exclusion.

    Parameters
    ----------
    min_df : independent sources a bigram must appear in to count as a concept (default: 4 for
        clusters of 8 or more sources, 3 for 6 or 7, else 1); verbatim copies count once.
    position_bonus : weight of a concept's early appearance (sum of 1 / (1 + sentence index)).
    title_bonus : relative boost of concepts whose words are in a headline or the focus query.
    lead_weight : value of a sentence's own lead position.
    long_sentence_factor : one sentence up to this many times the budget may stand alone as the
        summary when it is worth more (per word) than any cover within the budget (at most
        LONG_SENTENCE_FACTOR). The pipeline shows it cut to the budget, marked, unless the user
        asks for whole long sentences (`--allow-long`).
    unigram_weight : relative weight of content-stem concepts beside the bigrams (0 = bigrams only).
    background : discount concepts common across the topics of a background collection: True uses
        the model shipped for the story's language if any (English: DUC 2006-2007, see
        represent/background.py), False none, or a given Background (held-out experiments).
    single : how one article is summarized: "fill" (its opening sentences in order, the next one
        cut at the budget when enough of it fits; see fill_in_order), "lead" (its leading sentences
        up to the first that does not fit) or "cover" (the concept cover over its sentences).
    """

    name = "ilp"

    def __init__(
        self,
        min_df: int | None = None,
        position_bonus: float = 2.0,
        title_bonus: float = 2.0,
        lead_weight: float = 0.0,
        long_sentence_factor: float = LONG_SENTENCE_FACTOR,
        max_candidates: int = 150,
        unigram_weight: float = 0.6,
        background: bool | Background = True,
        single: str = "fill",
    ) -> None:
        self.single = single
        self.unigram_weight = unigram_weight
        self.background = background
        self.min_df = min_df
        self.position_bonus = position_bonus
        self.title_bonus = title_bonus
        self.lead_weight = lead_weight
        self.long_sentence_factor = long_sentence_factor
        self.max_candidates = max_candidates

    def select(self, story: Story, budget: Budget) -> list[int]:
        if story.document_count == 1 and self.single != "cover":
            # One article: its opening is the editor's own summary, and no cover beats it
            # (BBC Arabic dev: lead 48.0 ROUGE-2 F against 37.1 for the cover).
            if self.single == "lead":
                return LeadSummarizer().select(story, budget)
            return fill_in_order(story, budget)
        weights = self.weights(story)
        unigrams = self.unigram_weight > 0
        # A tiny lead preference breaks ties between equal covers toward earlier sentences.
        sentence_values = (self.lead_weight + 1e-3) * position_prior(story)
        sentence_concepts = [concepts_of(t, unigrams) for t in story.terms]
        gain = np.array([math.fsum(weights.get(c, 0.0) for c in concepts) for concepts in sentence_concepts])
        gain = gain + sentence_values
        pool = candidates(story, budget)
        if len(pool) > self.max_candidates:
            pool = sorted(sorted(pool, key=lambda i: -gain[i] / story.word_counts[i])[: self.max_candidates])
        chosen = None
        if pool and weights:
            chosen = self._cover(story, budget, pool, weights, sentence_values, sentence_concepts)
        cover_value = -1.0
        if chosen:
            covered = {c for i in chosen for c in sentence_concepts[i]}
            cover_value = math.fsum(weights.get(c, 0.0) for c in covered) + float(sentence_values[chosen].sum())
        single, single_value = self._best_long_sentence(story, budget, gain)
        if single is not None and single_value > cover_value:
            return [single]
        if chosen:
            return chosen
        return greedy_fill(story, list(np.argsort(-gain, kind="stable")), budget)

    def weights(self, story: Story) -> dict[Concept, float]:
        """The concepts of a story and what covering each is worth (see concept_weights).

        The one place the objective's weights come from, so a measurement can swap them while the
        selection (candidates, budget, exclusions, solver) stays the default's: benchmarks/long_ceiling.py
        covers the reference's own concepts this way to see how far better weights alone could go."""
        if isinstance(self.background, Background):
            background: Background | None = self.background
        else:
            background = load_background(story.language) if self.background else None
        return concept_weights(
            story, self.min_df, self.position_bonus, self.title_bonus, self.unigram_weight, background
        )

    def _cover(
        self,
        story: Story,
        budget: Budget,
        pool: list[int],
        weights: dict[Concept, float],
        sentence_values: np.ndarray,
        sentence_concepts: list[set[Concept]],
    ) -> list[int] | None:
        concept_index: dict[Concept, int] = {}
        pool_concepts = [
            [concept_index.setdefault(c, len(concept_index)) for c in sorted(sentence_concepts[i]) if c in weights]
            for i in pool
        ]
        concept_values = np.zeros(len(concept_index))
        for concept, j in concept_index.items():
            concept_values[j] = weights[concept]
        similarity = story.similarity
        exclusive = [
            (a, b)
            for a in range(len(pool))
            for b in range(a + 1, len(pool))
            if similarity[pool[a], pool[b]] >= budget.redundancy or (pool[a], pool[b]) in budget.exclusive
        ]
        chosen = solve_coverage(
            story.word_counts[pool],
            pool_concepts,
            concept_values,
            budget.words,
            exclusive,
            sentence_values[pool],
            max_iterations=budget.solver_iterations or MAX_SIMPLEX_ITERATIONS,
        )
        return None if chosen is None else [pool[i] for i in chosen]

    def _best_long_sentence(self, story: Story, budget: Budget, gain: np.ndarray) -> tuple[int | None, float]:
        """The over-budget sentence worth most per budget word, and that value."""
        counts = story.word_counts
        limit = min(self.long_sentence_factor * budget.words, budget.allowance)
        long = [i for i, n in enumerate(counts) if budget.words < n <= limit]
        if not long:
            return None, -1.0
        best = max(long, key=lambda i: gain[i] * budget.words / counts[i])
        return best, float(gain[best] * budget.words / counts[best])
