"""The whole path from articles to an attributed summary: clean → split → represent → select."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from khulasa.clean import clean_article
from khulasa.clean.language import article_language
from khulasa.errors import InputError
from khulasa.model import Article, CleanArticle, Summary, SummarySentence
from khulasa.represent.alignment import alignment_rows, certain_threshold, restating_pairs
from khulasa.represent.story import Story, build_story
from khulasa.summarize import DEFAULT_METHOD, Budget, Summarizer, get_summarizer
from khulasa.summarize.attribution import attribute, attribute_by_relation, distinct_rows
from khulasa.summarize.base import fitting_sentences
from khulasa.summarize.order import order_sentences
from khulasa.text.segment import Span, split_paragraph, split_sentences

MAX_SENTENCES = 5000
UPFRONT_RELATIONS = 400
"""Arabic stories with at most this many fitting sentences have all their possibly-related pairs
forbidden before the first selection (see _select_distinct)."""
MAX_RELATION_EXCLUSIONS = 200
"""The most related pairs forbidden in one selection, strongest first: every exclusion is a row
of the integer program, and on hostile text (shuffled words, where everything looks related)
thousands of rows made one solve cost 9 s; real stories have far fewer (the example: 47)."""
SELECTION_ITERATIONS = 300_000
"""Simplex iterations all the rounds of one selection may spend together, split evenly (100,000 a
round: four times what the hardest dev cluster's solve needs, 25,861), so repeated rounds cannot
multiply the solver's work on a hostile input."""


def story_language(articles: Sequence[Article]) -> str:
    """The majority script language of the articles ('ar' when tied or unknown)."""
    votes = Counter(article_language(a.text) for a in articles)
    votes.pop(None, None)
    if not votes:
        return "ar"
    return "en" if votes["en"] > votes["ar"] else "ar"


def prepare_story(
    articles: Sequence[Article], language: str | None = None, query: str | None = None
) -> tuple[Story, list[str]]:
    """Clean and split articles into a Story; warnings say what was dropped on the way."""
    if not articles:
        raise InputError("<input>", "no articles")
    language = language or story_language(articles)
    warnings: list[str] = []
    cleaned: list[CleanArticle] = []
    for article in articles:
        if article_language(article.text) is None:
            raise InputError(article.origin, f"article '{article.id}' has no Arabic or English text")
        clean = clean_article(article, language)
        if not clean.paragraphs:
            warnings.append(f"{article.origin}: article '{article.id}' is empty after cleaning; skipped")
            continue
        cleaned.append(clean)
    if not cleaned:
        raise InputError(articles[0].origin, "no text left after cleaning")
    # Split once: the same spans count the sentences and build the story (splitting twice was a
    # sixth of a DUC 2004 cluster's warm time).
    spans: list[list[Span]] | None = [split_sentences(c.paragraphs, language) for c in cleaned]
    total = sum(len(s) for s in spans)
    if total > MAX_SENTENCES:
        # Trimmed before build_story: terms, vectors and similarities are never computed for the
        # sentences beyond the cap (a 4.7 MB request used to build them all, then again trimmed).
        warnings.append(
            f"{total} sentences in {len(cleaned)} articles: a story this large is "
            f"summarized from the first sentences of each article (limit {MAX_SENTENCES})"
        )
        counts = [_paragraph_counts(c, s) for c, s in zip(cleaned, spans, strict=True)]
        cleaned = _trim(cleaned, counts, language)
        spans = None  # the trimmed articles are split anew
    return build_story(cleaned, language, query, spans), warnings


def _paragraph_counts(clean: CleanArticle, spans: list[Span]) -> list[int]:
    """Sentences in each paragraph of a cleaned article, from its spans."""
    per_paragraph = Counter(span.paragraph for span in spans)
    return [per_paragraph[number] for number in range(len(clean.paragraphs))]


def _shares(totals: list[int], limit: int) -> list[int]:
    """Sentences to keep of each article: an equal share of `limit` (at least one each), what
    short articles leave unused going to the longer ones."""
    shares = [0] * len(totals)
    left = limit
    order = sorted(range(len(totals)), key=lambda i: totals[i])
    for rank, index in enumerate(order):
        shares[index] = min(totals[index], max(1, left // (len(order) - rank)))
        left -= shares[index]
    return shares


def _trim(cleaned: list[CleanArticle], counts: list[list[int]], language: str) -> list[CleanArticle]:
    """The leading sentences of each article, whole paragraphs while they fit and the first
    sentences of the next one: at most MAX_SENTENCES in all, unless there are more articles
    than that (each keeps its lead sentence)."""
    trimmed = []
    for clean, per_paragraph, share in zip(
        cleaned, counts, _shares([sum(c) for c in counts], MAX_SENTENCES), strict=True
    ):
        paragraphs: list[str] = []
        left = share
        for paragraph, count in zip(clean.paragraphs, per_paragraph, strict=True):
            if left <= 0:
                break
            if count > left:
                paragraph = paragraph[: split_paragraph(paragraph, language)[left - 1][1]]
            paragraphs.append(paragraph)
            left -= count
        trimmed.append(replace(clean, paragraphs=tuple(paragraphs)))
    return trimmed


def summarize_story(
    story: Story,
    words: int = 100,
    method: str | Summarizer = DEFAULT_METHOD,
    align: str = "lexical",
    warnings: Sequence[str] = (),
    allow_long: bool = False,
) -> Summary:
    """Select, order and attribute sentences of a prepared story (`method`: a name or a summarizer).

    The summary has at most `words` words. When the best choice is one sentence longer than the
    budget (up to twice it; common in Arabic news, whose sentences run 35-45 words), it is shown
    cut at the budget and marked «…», its source keeping the whole sentence; `allow_long` shows it
    whole instead (the record then says `over_budget`)."""
    if not story.sentences:
        raise InputError("<input>", "no sentences to summarize")
    summarizer = get_summarizer(method) if isinstance(method, str) else method
    budget = Budget(words=words, min_sentence_words=min(6, max(1, words // 5)), cut=not allow_long)
    chosen, scores, threshold = _select_distinct(story, summarizer, budget, align)
    # One article does not restate itself (see _select_distinct): only several are checked.
    kept = [chosen[row] for row in distinct_rows(chosen, scores, threshold)] if story.document_count > 1 else chosen
    if story.language == "ar":
        # Arabic: the learned relation model decides what counts as the same fact (issue 12).
        story.relations.prepare(kept)
        sentences = tuple(SummarySentence(story.sentences[i].text, *attribute_by_relation(story, i)) for i in kept)
    else:
        row_of = {index: row for row, index in enumerate(chosen)}
        sentences = tuple(
            SummarySentence(story.sentences[i].text, attribute(story, i, scores[row_of[i]], threshold)) for i in kept
        )
    if not allow_long:
        sentences = within_budget(sentences, words)
    if not sentences:
        warnings = (
            *warnings,
            f"no sentence has {budget.allowance} words or fewer (twice the budget of {words}): the summary is empty",
        )
    outlets = tuple(dict.fromkeys(c.article.outlet for c in story.articles))
    return Summary(
        sentences=sentences,
        method=summarizer.name,
        language=story.language,
        word_budget=words,
        outlets=outlets,
        document_count=story.document_count,
        warnings=tuple(warnings),
    )


_WORD_RUN = re.compile(r"\S+")  # what str.split() counts as a word
CUT_MARK = "…"
"""Ends a sentence shown cut at the budget (display only: its source keeps the whole sentence)."""


def within_budget(sentences: Sequence[SummarySentence], words: int) -> tuple[SummarySentence, ...]:
    """The sentences within `words` words: the first that runs over is cut after its last word that
    fits and marked with CUT_MARK (its words verbatim, its sources unchanged); any after it go."""
    kept: list[SummarySentence] = []
    left = words
    for sentence in sentences:
        ends = [match.end() for match in _WORD_RUN.finditer(sentence.text)]
        if len(ends) <= left:
            kept.append(sentence)
            left -= len(ends)
            continue
        if left > 0:
            kept.append(replace(sentence, text=sentence.text[: ends[left - 1]] + CUT_MARK))
        break
    return tuple(kept)


def _select_distinct(
    story: Story, summarizer: Summarizer, budget: Budget, align: str, rounds: int = 3
) -> tuple[list[int], np.ndarray, float]:
    """Select, then forbid any chosen pair that the aligner finds saying the same thing, and
    select again (a few rounds), so the budget is spent on distinct content.

    Pairs whose lexical score alone settles it are forbidden before the first selection: in
    lexical mode that usually leaves one round (DUC 2004 worst selection 0.67 s → 0.32 s, same picks).
    In Arabic the relation model's possibly-related pairs among the fitting sentences are forbidden
    up front too, when there are at most UPFRONT_RELATIONS of them, so one fact is not stated twice
    in two outlets' words (the example story's headline fact was chosen three times, once per
    outlet, by the lexical check; now once, warm 0.29 s → 0.12 s with one solve instead of three).
    They are not added round by round: on hostile input (2 × 30,000 characters of shuffled words,
    1,000-word summary) every round found new related pairs and re-solved a growing program three
    times (18 s of CPU; 3.5 s up front only). Beyond UPFRONT_RELATIONS sentences relating them all
    costs more than it saves (140 ANT articles: 2.8 s → 4.2 s), so large stories keep the lexical
    checks only.
    """
    if story.document_count == 1:
        # One article: sentences sharing its names are not restatements (at the lexical aligner's
        # 0.2 they were, and dropping them left single-article summaries at a median 62 of 100
        # words); the summarizers' own redundancy check still applies.
        allowed = replace(budget, solver_iterations=SELECTION_ITERATIONS)
        chosen = order_sentences(story, summarizer.select(story, allowed))
        scores, threshold = alignment_rows(story, chosen, align)
        return chosen, scores, threshold
    fitting = fitting_sentences(story, budget)
    exclusive = set(budget.exclusive) | restating_pairs(story, fitting, certain_threshold(align))
    if story.language == "ar" and len(fitting) <= UPFRONT_RELATIONS:
        exclusive |= _related_pairs(story, fitting)
    per_round = SELECTION_ITERATIONS // rounds
    for _ in range(rounds):
        allowed = replace(budget, exclusive=frozenset(exclusive), solver_iterations=per_round)
        chosen = order_sentences(story, summarizer.select(story, allowed))
        scores, threshold = alignment_rows(story, chosen, align)
        restated = {
            (min(a, b), max(a, b))
            for row, a in enumerate(chosen)
            for b in chosen
            if a != b and scores[row, b] >= threshold
        }
        if not restated - exclusive:
            break
        exclusive |= restated
    return chosen, scores, threshold


def _related_pairs(story: Story, chosen: list[int]) -> set[tuple[int, int]]:
    """Pairs of the given sentences (of different articles) that the relation model finds possibly
    related — P(same) + P(partial) at or above its related threshold. ROUGE with them forbidden:
    ar-mds dev 38.00/17.19 -> 38.02/17.19, BBC Arabic (300) 61.63/47.93 both."""
    relations = story.relations
    relations.prepare(chosen)
    wanted = set(chosen)
    threshold = relations.model.related_threshold
    scored = {
        (min(a, r.other), max(a, r.other)): r.p_same + r.p_partial
        for a in chosen
        for r in relations.related(a)
        if r.other in wanted and r.p_same + r.p_partial >= threshold
    }
    strongest = sorted(scored, key=lambda pair: (-scored[pair], pair))[:MAX_RELATION_EXCLUSIONS]
    return set(strongest)


def summarize_articles(
    articles: Sequence[Article],
    words: int = 100,
    method: str | Summarizer = DEFAULT_METHOD,
    language: str | None = None,
    align: str = "lexical",
    query: str | None = None,
    allow_long: bool = False,
) -> Summary:
    """Summarize articles about one story: every sentence verbatim, with its sources.

    `query` (optional) focuses the selection on a topic statement, as in DUC 2005-2007;
    `allow_long` lets one whole sentence of up to twice the budget stand alone.
    """
    story, warnings = prepare_story(articles, language, query)
    return summarize_story(story, words, method, align, warnings, allow_long)
