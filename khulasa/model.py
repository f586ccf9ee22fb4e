"""Plain dataclasses passed between pipeline stages (read → clean → split → summarize)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news report as read from a file, a JSONL line or stdin (text untouched)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    time: str | None = None
    origin: str = "<memory>"

    @property
    def outlet(self) -> str:
        """The outlet name used for attribution; falls back to the article id."""
        return self.source or self.id


@dataclass(frozen=True)
class RemovedLine:
    """A line that cleaning dropped, kept so nothing is lost silently."""

    line_number: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """An article after cleaning: the kept paragraphs and what was removed, with reasons."""

    article: Article
    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = ()
    language: str = "ar"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cleaned article, with its place in the article."""

    doc_index: int
    doc_id: str
    outlet: str
    index: int
    paragraph: int
    text: str
    doc_sentence_count: int = 1

    @property
    def relative_position(self) -> float:
        """0.0 for the lead sentence, approaching 1.0 for the last one."""
        return self.index / max(1, self.doc_sentence_count)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SourceRef:
    """Where a summary sentence (or a paraphrase of it) appears in the input."""

    doc: str
    source: str
    sentence: int
    text: str
    similarity: float = 1.0


@dataclass(frozen=True)
class SummarySentence:
    """A sentence quoted verbatim from one source, with every source that says the same.

    `sources` (the sentence itself first) are the sentences that state the same fact — the only
    ones a badge counts; `overlaps` share part of the claim; `contradictions` report the same
    thing with details that cannot both be true. The last two are filled for Arabic stories,
    where the learned relation model decides (khulasa/relate/sentence).
    """

    text: str
    sources: tuple[SourceRef, ...]
    overlaps: tuple[SourceRef, ...] = ()
    contradictions: tuple[SourceRef, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for ref in self.sources:
            seen.setdefault(ref.source, None)
        return tuple(seen)


@dataclass(frozen=True)
class Summary:
    """A multi-document summary: ordered sentences plus the context needed to check it."""

    sentences: tuple[SummarySentence, ...]
    method: str
    language: str
    word_budget: int
    outlets: tuple[str, ...]
    document_count: int
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)
