"""Dispatch files, directories and stdin to the right reader by extension and content."""

from __future__ import annotations

import lzma
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from khulasa.errors import InputError, shorten
from khulasa.model import Article
from khulasa.read.decode import MAX_BYTES, decode_bytes
from khulasa.read.html import parse_html
from khulasa.read.jsonl import Warn, json_lines, parse_article_lines
from khulasa.read.plaintext import parse_plain_text
from khulasa.read.timestamps import parse_time

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def parse_text(
    text: str,
    name: str,
    origin: str,
    suffix: str = "",
    on_error: str = "stop",
    warn: Warn | None = None,
) -> list[Article]:
    """Parse decoded text as JSONL, HTML or plain text according to suffix and content."""
    if suffix in JSONL_SUFFIXES or (not suffix and text.lstrip().startswith("{")):
        articles = parse_article_lines(json_lines(text), origin, on_error, warn)
        if not articles:
            raise InputError(origin, "no articles in JSONL input")
        return articles
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        return [parse_html(text, name, origin)]
    article = parse_plain_text(text, name, origin)
    if not article.text.strip():
        raise InputError(origin, "empty file")
    return [article]


def read_file(
    path: Path, on_error: str = "stop", warn: Warn | None = None, max_bytes: int = MAX_BYTES
) -> list[Article]:
    """Read one file into one or more articles (JSONL files hold many)."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(origin, f"file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)")
        data = _read_bounded(path, origin, max_bytes)
        name = path  # the name that says what the content is: feed.jsonl for feed.jsonl.xz
        if path.suffix.lower() == ".xz":
            data = _decompress_bounded(data, origin, max_bytes)
            name = Path(path.stem)
    except lzma.LZMAError as exc:
        raise InputError(origin, "corrupt .xz archive") from exc
    except FileNotFoundError as exc:
        raise InputError(origin, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(origin, "is a directory") from exc
    except PermissionError as exc:
        raise InputError(origin, "permission denied") from exc
    except OSError as exc:  # name too long, symlink loop, I/O error...
        raise InputError(origin, exc.strerror or "cannot read file") from exc
    text = decode_bytes(data, origin, max_bytes)
    return _usable_times(parse_text(text, name.stem, origin, name.suffix.lower(), on_error, warn), origin, warn)


def _too_large(origin: str, max_bytes: int, what: str = "") -> InputError:
    return InputError(origin, f"file too large{what} (over the {max_bytes / 1e6:.0f} MB limit)")


def _read_bounded(path: Path, origin: str, max_bytes: int) -> bytes:
    """At most max_bytes: a FIFO, /dev/zero or a file still growing has no size to check up front."""
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(origin, max_bytes)
    return data


def _decompress_bounded(data: bytes, origin: str, max_bytes: int) -> bytes:
    """Decompress every .xz stream in `data`, stopping past max_bytes of output (a small archive
    can hold gigabytes of zeros); a truncated stream is a corrupt archive."""
    parts: list[bytes] = []
    produced = 0
    while data:
        decompressor = lzma.LZMADecompressor()
        part = decompressor.decompress(data, max_length=max_bytes - produced + 1)
        produced += len(part)
        if produced > max_bytes:
            raise _too_large(origin, max_bytes, " once decompressed")
        if not decompressor.eof:
            raise lzma.LZMAError("compressed data ended before the end-of-stream marker")
        parts.append(part)
        data = decompressor.unused_data.lstrip(b"\0")  # streams may be padded with NUL bytes
    return b"".join(parts)


def _usable_times(articles: list[Article], origin: str, warn: Warn | None) -> list[Article]:
    """Times that parse_time cannot read (year 0, past year 9999, prose) become missing, with one
    warning per file, so every later stage sees either a usable time or none."""
    unusable = [a for a in articles if a.time is not None and parse_time(a.time) is None]
    if not unusable:
        return articles
    if warn is not None:
        count = f" (and {len(unusable) - 1} more)" if len(unusable) > 1 else ""
        warn(f"{shorten(origin, 200)}: unusable time {shorten(repr(unusable[0].time))}{count} treated as missing")
    bad = {id(a) for a in unusable}
    return [replace(a, time=None) if id(a) in bad else a for a in articles]


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # e.g. a name too long for the file system
            raise InputError(str(path), exc.strerror or "cannot read") from exc
        if is_dir:
            members = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not p.name.startswith(".")
                and (p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or p.name.endswith(".jsonl.xz"))
            )
            if not members:
                raise InputError(str(path), "directory holds no .txt, .html or .jsonl files")
            files.extend(members)
        else:
            files.append(path)
    return files


def read_paths(
    paths: Iterable[str | Path],
    on_error: str = "stop",
    warn: Warn | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Article]:
    """Read every file and directory given; a bad file stops the run or is skipped with a warning."""
    articles: list[Article] = []
    for path in _expand(paths):
        try:
            articles.extend(read_file(path, on_error, warn, max_bytes))
        except InputError as exc:
            if on_error != "skip":
                raise
            if warn is not None:
                warn(f"{exc}; file skipped")
    return _unique_ids(articles)


def read_stdin(on_error: str = "stop", warn: Warn | None = None) -> list[Article]:
    """Read articles from standard input: JSONL, HTML or one plain-text article."""
    data = sys.stdin.buffer.read()
    text = decode_bytes(data, "<stdin>")
    return _unique_ids(_usable_times(parse_text(text, "stdin", "<stdin>", "", on_error, warn), "<stdin>", warn))


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique (two files called report.txt in different folders)."""
    seen: dict[str, int] = {}
    unique = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article = replace(article, id=f"{article.id}~{count + 1}")
        unique.append(article)
    return unique
