"""Cleaning: drop debris and repeats from an article, keep what was dropped and why."""

from __future__ import annotations

from collections import Counter

from khulasa.clean.boilerplate import boilerplate_reason
from khulasa.clean.caption import is_caption, line_stem_counts, may_be_caption
from khulasa.clean.dateline import split_dateline
from khulasa.clean.language import article_language, is_foreign_line
from khulasa.clean.repeats import repeated_lines
from khulasa.model import Article, CleanArticle, RemovedLine
from khulasa.text.segment import paragraphs_of

__all__ = ["clean_article"]


def clean_article(article: Article, language: str | None = None) -> CleanArticle:
    """Run the cleaning stages in order: repeats, boilerplate, foreign lines, captions, the
    dateline of the first paragraph. Lines are kept or dropped whole (the dateline is cut off its
    paragraph); a kept line's words are never rewritten, so every quote is exact. Glued words
    (lost spaces) stay as published: splitting them even in matching keys gained nothing
    measurable (labels/glued-splits, benchmarks/glued_keys.py)."""
    language = language or article_language(article.text) or "ar"
    lines = paragraphs_of(article.text)
    removed: list[RemovedLine] = []
    repeats = repeated_lines(lines)
    kept: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        reason = None
        if number - 1 in repeats:
            reason = "repeated paragraph"
        elif (boiler := boilerplate_reason(line)) is not None:
            reason = boiler
        elif (foreign := is_foreign_line(line, language)) is not None:
            reason = f"line in another language ({foreign})"
        if reason:
            removed.append(RemovedLine(number, line, reason))
        else:
            kept.append((number, line))
    body: Counter[str] | None = None
    paragraphs: list[str] = []
    for position, (number, line) in enumerate(kept):
        if (position > 0 or article.title) and may_be_caption(line):
            if body is None:
                body = line_stem_counts((kept_line for _, kept_line in kept), language)
            if is_caption(line, body, language):
                removed.append(RemovedLine(number, line, "photo caption"))
                continue
        if not paragraphs:
            dateline, line = split_dateline(line)
            if dateline:
                removed.append(RemovedLine(number, dateline, "dateline"))
        paragraphs.append(line)
    removed.sort(key=lambda r: r.line_number)
    return CleanArticle(article, tuple(paragraphs), tuple(removed), language)
