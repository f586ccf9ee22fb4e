"""A rule that completes the CRF where a model trained on 2000s newswire is blind: a full name
opened by a common given name (علي خامنئي، علي اكبر ولايتي). Surnames repeated alone are found
by propagation in `khulasa.analyze.entities`."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.tagger import EntitySpan
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_light
from khulasa.text.stopwords import is_stopword

MAX_NAME_ZIPF = 4.6  # words rarer than this (in wordfreq's Arabic) can be part of a name


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    text = files("khulasa.analyze").joinpath("data", "given-names-ar.txt").read_text(encoding="utf-8")
    return frozenset(normalize_light(w) for w in text.split() if not w.startswith("#"))


def _name_word(token: str) -> bool:
    return (
        len(token) > 1
        and any("\u0621" <= ch <= "\u064a" for ch in token)
        and not is_stopword(token)
        and zipf(token) < MAX_NAME_ZIPF
    )


def given_name_spans(tokens: list[str], taken: set[int]) -> list[EntitySpan]:
    """Given name(s) followed by one to three rarer words: علي خامنئي، علي اكبر ولايتي."""
    names = given_names()
    spans = []
    index = 0
    while index < len(tokens):
        if index in taken or normalize_light(strip_proclitics(tokens[index])) not in names:
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and end not in taken and normalize_light(tokens[end]) in names:
            end += 1
        tail = end
        while tail < len(tokens) and tail - end < 3 and tail not in taken and _name_word(tokens[tail]):
            tail += 1
        if tail > end:
            words = tokens[index:tail]
            spans.append(EntitySpan(index, tail, "PER", " ".join([strip_proclitics(words[0]), *words[1:]])))
            index = tail
        else:
            index = end
    return spans
