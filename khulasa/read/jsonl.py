"""JSON Lines: one article (or one cluster of articles) an object, errors reported by line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from khulasa.errors import InputError, shorten
from khulasa.model import Article

Warn = Callable[[str], None]


def json_lines(text: str) -> list[str]:
    """Lines of JSONL text split on newlines only: str.splitlines would also cut at U+2028,
    U+0085 and other separators that may sit inside a JSON string."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _checked_text(value: str, key: str) -> str:
    """A string is refused when it holds a lone surrogate (a JSON escape such as "\\ud800"):
    it is not a character, and writing it as UTF-8 (output, database) would fail later."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"field '{key}' holds an invalid character {shorten(repr(value[exc.start]))}") from exc
    return value


def _text_field(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ValueError(f"field '{key}' must be a string")
    return _checked_text(str(value), key)


def article_from_record(record: object, default_id: str, origin: str, headline_only: bool = False) -> Article:
    """Build an Article from a JSON object: `text` required (with `headline_only`, a non-empty
    `title` may stand alone: a one-line flash is still a report to compare); `source`, `src` or
    `outlet` name it."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    text = record.get("text")
    if headline_only and (text is None or text == "") and isinstance(record.get("title"), str):
        text = ""
        if not record["title"].strip():
            raise ValueError("missing or empty 'text' and 'title'")
    elif not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text'")
    _checked_text(text, "text")
    article_id = _text_field(record, "id") or default_id
    source = _text_field(record, "source") or _text_field(record, "outlet") or _text_field(record, "src")
    return Article(
        id=article_id,
        text=text,
        title=_text_field(record, "title"),
        source=source,
        url=_text_field(record, "url"),
        time=_text_field(record, "time"),
        origin=origin,
    )


def iter_json_lines(
    lines: Iterable[str], origin: str, on_error: str = "stop", warn: Warn | None = None
) -> Iterator[tuple[int, object]]:
    """Yield (line number, parsed object) for each non-blank line; bad lines stop or warn."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            skip_or_stop(origin, number, f"malformed JSON ({exc.msg}, column {exc.colno})", on_error, warn)
        except RecursionError:
            skip_or_stop(origin, number, "malformed JSON (nested too deeply)", on_error, warn)
        except ValueError as exc:  # e.g. an integer over Python's 4,300-digit conversion limit
            skip_or_stop(origin, number, f"malformed JSON ({str(exc).split(';')[0]})", on_error, warn)
        else:
            yield number, record


def skip_or_stop(origin: str, line: int, problem: str, on_error: str, warn: Warn | None) -> None:
    """Apply the --on-error policy: raise a one-line error, or warn that the line is skipped."""
    if on_error != "skip":
        raise InputError(origin, problem, line=line)
    if warn is not None:
        warn(f"{InputError(origin, problem, line=line)}; line skipped")


def parse_article_lines(
    lines: Iterable[str], origin: str, on_error: str = "stop", warn: Warn | None = None
) -> list[Article]:
    """Read articles from JSONL text, one object a line."""
    articles = []
    for number, record in iter_json_lines(lines, origin, on_error, warn):
        try:
            articles.append(article_from_record(record, f"{origin}:{number}", origin))
        except ValueError as exc:
            skip_or_stop(origin, number, str(exc), on_error, warn)
    return articles


@dataclass(frozen=True)
class Cluster:
    """One `khulasa batch` input line: an id, its documents and an optional language."""

    id: str
    articles: tuple[Article, ...]
    language: str | None = None
    line: int = 0
    query: str | None = None


def cluster_from_record(record: object, number: int, origin: str, warn: Warn | None = None) -> Cluster:
    """Parse `{"id", "docs": [...], "lang"?}`; DUC-style `cluster` and `file` keys are accepted.

    A document whose text is empty (or only white space) is left out, with a warning naming the
    file, line and document, when the cluster has another with text: one empty scrape in a cluster
    of ten reports used to stop a whole batch. A cluster with no text at all is bad input."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    raw_id = record.get("id", record.get("cluster"))
    if raw_id is None:
        raise ValueError("missing 'id'")
    if not isinstance(raw_id, str | int | float):
        raise ValueError("'id' must be a string or a number")
    cluster_id = _checked_text(str(raw_id), "id")
    docs = record.get("docs")
    if not isinstance(docs, list) or not docs:
        raise ValueError("missing or empty 'docs' list")
    articles = []
    empty = []
    for position, doc in enumerate(docs):
        if isinstance(doc, dict) and "id" not in doc:
            doc = {**doc, "id": doc.get("file") or doc.get("docno") or f"{cluster_id}#{position}"}
        if isinstance(doc, dict) and isinstance(doc.get("text"), str) and not doc["text"].strip():
            empty.append(position)
            continue
        try:
            articles.append(article_from_record(doc, f"{cluster_id}#{position}", origin))
        except ValueError as exc:
            raise ValueError(f"doc {position}: {exc}") from exc
    if not articles:
        raise ValueError("no doc has any text" if len(docs) > 1 else "doc 0: missing or empty 'text'")
    if empty and warn is not None:
        which = ", ".join(map(str, empty[:5])) + (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
        warn(f"{shorten(origin, 200)}:{number}: cluster '{shorten(cluster_id)}': doc {which} has no text; left out")
    language = record.get("lang")
    if language is not None and language not in ("ar", "en"):
        raise ValueError('\'lang\' must be "ar" or "en"')
    query = record.get("query")
    if query is not None and not isinstance(query, str):
        raise ValueError("'query' must be a string")
    if query is not None:
        _checked_text(query, "query")
    return Cluster(id=cluster_id, articles=tuple(articles), language=language, line=number, query=query)


def iter_clusters(
    lines: Iterable[str], origin: str, on_error: str = "stop", warn: Warn | None = None
) -> Iterator[Cluster]:
    """Yield the clusters of a batch file, applying the error policy to bad lines."""
    for number, record in iter_json_lines(lines, origin, on_error, warn):
        try:
            yield cluster_from_record(record, number, origin, warn)
        except ValueError as exc:
            skip_or_stop(origin, number, str(exc), on_error, warn)
