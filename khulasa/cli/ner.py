"""`khulasa ner [FILE|-] [--story]`: tag pre-tokenized Arabic sentences, CoNLL out.

The project is scored on external data through this interface; keep it exactly as it is.

Input: UTF-8 text (a leading BOM is ignored), one sentence a line, tokens separated by spaces or tabs
(runs of them count as one separator; other characters, NBSP included, belong to the token).
Output: for each input line, one `token<TAB>tag` line per token, in order, the token echoed
unchanged, then one blank line. Tags are O or B-/I- with PER, LOC, ORG or MISC. A blank input
line (nothing but spaces) is an empty sentence: it gives just the blank line, so output sentence n
is always input line n.

Without --story every line is tagged on its own (model + sentence-level rules), read and written
one at a time, so a file of any length streams. With --story the whole input is one story: it is
read first, then names found in one sentence are also found in the others (propagation).

Bad input (not UTF-8, unreadable file) stops with one line `khulasa: error: FILE[:LINE]: problem`,
exit 2; without --story the sentences before the bad line have already been written.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from khulasa.errors import InputError

_SEPARATORS = re.compile(r"[ \t]+")


def sentence_tokens(line: str) -> list[str]:
    """The tokens of one input line: split at runs of spaces and tabs, line ending removed."""
    line = line.rstrip("\r\n")
    return [token for token in _SEPARATORS.split(line) if token]


def read_lines(handle: BinaryIO, origin: str) -> Iterator[list[str]]:
    """Tokens of each line of a UTF-8 byte stream; InputError (with the line number) at a bad byte
    or a read error."""
    lines = iter(handle)
    number = 0
    while True:
        number += 1
        try:
            raw = next(lines)
        except StopIteration:
            return
        except OSError as exc:
            raise InputError(origin, exc.strerror or str(exc), number) from exc
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start]
            raise InputError(origin, f"not UTF-8 (byte 0x{byte:02x} at column {exc.start + 1})", number) from exc
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield sentence_tokens(line)


def write_sentence(out: TextIO, tokens: list[str], labels: list[str]) -> None:
    out.write("".join(f"{token}\t{label}\n" for token, label in zip(tokens, labels, strict=True)) + "\n")


MODELS = ("crf", "neural")


def span_tagger(model: str):
    """The model's spans of one tokenized sentence: the shipped CRF (default), or the neural
    tagger (khulasa/analyze/ner/neural: better on names never seen in training, worse on news
    like ANERcorp's; its MODEL_CARD.md has both)."""
    if model == "crf":
        from khulasa.analyze.ner.tagger import tag_tokens

        return tag_tokens
    from khulasa.analyze.ner.neural.model import tag_tokens as neural_tag_tokens

    return neural_tag_tokens


def tag_stream(handle: BinaryIO, origin: str, out: TextIO, story: bool, model: str = "crf") -> None:
    """Tag every line of `handle` into `out` (see the module docstring for the contract)."""
    from khulasa.analyze.entities import sentence_spans, story_spans
    from khulasa.analyze.ner.rules import ALL_RULES, labels_of

    tagger = span_tagger(model)
    if story:
        sentences = list(read_lines(handle, origin))
        for tokens, spans in zip(sentences, story_spans(sentences, ALL_RULES, tagger), strict=True):
            write_sentence(out, tokens, labels_of(spans, len(tokens)))
        return
    for tokens in read_lines(handle, origin):
        write_sentence(out, tokens, labels_of(sentence_spans(tokens, ALL_RULES, tagger), len(tokens)))
        out.flush()  # a sentence is out before the next line is read (pipes, interactive use)


def ner_command(path: str, story: bool, model: str = "crf") -> int:
    """Run `khulasa ner` on a file or on stdin (`-`); InputError for a file that cannot be read."""
    if path == "-":
        tag_stream(sys.stdin.buffer, "<stdin>", sys.stdout, story, model)
        return 0
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; open errors become InputError
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from exc
    with handle:
        tag_stream(handle, path, sys.stdout, story, model)
    return 0
