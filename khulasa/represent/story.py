"""A story: the cleaned articles of one event split into sentences with their representations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from khulasa.model import CleanArticle, Sentence
from khulasa.represent.terms import SentenceTerms, char_ngrams, sentence_terms
from khulasa.represent.vectors import cosine_matrix, idf_weights, tfidf_matrix
from khulasa.text.segment import Span, split_sentences

if TYPE_CHECKING:
    from khulasa.represent.relations import StoryRelations

COPY_SHARE = 0.5
"""Share of the shorter article's sentences two articles must have in common to be copies."""
HEADING_WORDS = 14
"""A paragraph of at most this many words that does not end as a sentence ends is a heading."""
_SENTENCE_END = re.compile(r"[.!؟?:»\"”)\]…]\s*$")


def looks_like_heading(paragraph: str) -> bool:
    """A sub-heading («خسائر بشرية»), a related link's headline («العبادي: حرق مخازن صناديق
    الانتخابات مخطط لضرب الديمقراطية») or a list item: a short paragraph with no sentence-final mark.
    Such lines are about 3% of the paragraphs of ANT articles (September 2018 sample); a reader's
    audit found them shown as summary sentences and as "only one outlet reports this"."""
    return len(paragraph.split()) <= HEADING_WORDS and not _SENTENCE_END.search(paragraph)


@dataclass
class Story:
    """Sentences of every article in reading order, with terms and tf-idf vectors."""

    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    terms: tuple[SentenceTerms, ...]
    language: str
    vectors: sparse.csr_matrix
    idf: dict[str, float]
    query_terms: frozenset[str] = frozenset()
    """Content stems of the focus query, empty for generic summaries."""
    embeddings: dict[int, np.ndarray] = field(default_factory=dict)
    """Sentence embeddings computed so far (by sentence index), reused across calls."""

    @property
    def document_count(self) -> int:
        return len(self.articles)

    @cached_property
    def similarity(self) -> np.ndarray:
        """Cosine similarity between all sentence pairs (computed once, on demand)."""
        return cosine_matrix(self.vectors)

    @cached_property
    def char_vectors(self) -> sparse.csr_matrix:
        """Unit-length tf-idf vectors of each sentence's character 4-grams (computed once)."""
        grams = [char_ngrams(s.text, self.language) for s in self.sentences]
        matrix, _ = tfidf_matrix(grams, idf_weights(grams))
        return matrix

    @cached_property
    def source_groups(self) -> tuple[int, ...]:
        """For each article, the first article of its copy group: articles sharing at least half of the
        shorter one's sentences verbatim (a wire story and its re-runs) are one source of evidence."""
        texts: list[set[str]] = [set() for _ in self.articles]
        for sentence in self.sentences:
            texts[sentence.doc_index].add(sentence.text)
        group = list(range(len(self.articles)))
        for b in range(len(texts)):
            for a in range(b):
                if texts[a] and texts[b] and len(texts[a] & texts[b]) >= COPY_SHARE * min(len(texts[a]), len(texts[b])):
                    group[b] = group[a]
                    break
        return tuple(group)

    @cached_property
    def headings(self) -> frozenset[int]:
        """Sentences that are a whole paragraph which `looks_like_heading`: kept in the text, never
        quoted as a summary sentence or listed as a fact."""
        per_paragraph: dict[tuple[int, int], list[int]] = {}
        for k, sentence in enumerate(self.sentences):
            per_paragraph.setdefault((sentence.doc_index, sentence.paragraph), []).append(k)
        return frozenset(
            members[0]
            for members in per_paragraph.values()
            if len(members) == 1 and looks_like_heading(self.sentences[members[0]].text)
        )

    @property
    def source_count(self) -> int:
        """Independent sources: articles less their verbatim copies."""
        return len(set(self.source_groups))

    @cached_property
    def word_counts(self) -> np.ndarray:
        return np.array([s.word_count for s in self.sentences], dtype=np.int64)

    @cached_property
    def relations(self) -> StoryRelations:
        """Same / partial / contradicts between sentences of different articles (learned; Arabic)."""
        from khulasa.represent.relations import StoryRelations

        return StoryRelations([s.text for s in self.sentences], [s.doc_index for s in self.sentences])

    def title_terms(self) -> set[str]:
        """Content stems of all headlines, a cheap signal of what the story is about."""
        terms: set[str] = set()
        for clean in self.articles:
            if clean.article.title:
                terms.update(sentence_terms(clean.article.title, self.language).content)
        return terms


def build_story(
    articles: list[CleanArticle] | tuple[CleanArticle, ...],
    language: str,
    query: str | None = None,
    spans: Sequence[list[Span]] | None = None,
) -> Story:
    """Split cleaned articles into sentences and compute their terms and vectors. `spans`: each
    article's sentences as `split_sentences` gives them, when the caller has split them already."""
    sentences: list[Sentence] = []
    terms: list[SentenceTerms] = []
    doc_terms: list[list[str]] = []
    for doc_index, clean in enumerate(articles):
        spans_of_doc = spans[doc_index] if spans is not None else split_sentences(clean.paragraphs, language)
        words: list[str] = []
        for index, span in enumerate(spans_of_doc):
            sentences.append(
                Sentence(
                    doc_index=doc_index,
                    doc_id=clean.article.id,
                    outlet=clean.article.outlet,
                    index=index,
                    paragraph=span.paragraph,
                    text=span.text,
                    doc_sentence_count=len(spans_of_doc),
                )
            )
            sentence = sentence_terms(span.text, language)
            terms.append(sentence)
            words.extend(sentence.content)
        doc_terms.append(words)
    # Sentence-level idf separates sentences within a story; with one short document it degrades
    # to uniform weights, which is what cosine then needs.
    idf = idf_weights([t.content for t in terms]) if terms else {}
    vectors, _ = tfidf_matrix([t.content for t in terms], idf)
    query_terms = frozenset(sentence_terms(query, language).content) if query else frozenset()
    return Story(tuple(articles), tuple(sentences), tuple(terms), language, vectors, idf, query_terms)
