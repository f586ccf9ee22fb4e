"""Tag tokens with the committed CRF model and decode BIO labels into entity spans."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files

from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.features import sentence_features

MODEL_NAME = "ner-ar.crfsuite"
GAZETTEER_NAME = "gazetteer-ar.json"


@dataclass(frozen=True)
class EntitySpan:
    """An entity mention: token offsets [start, end), type, and its name without proclitics."""

    start: int
    end: int
    type: str
    text: str


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with as_file(files("khulasa.analyze.ner").joinpath("model", MODEL_NAME)) as path:
        tagger.open(str(path))
    return tagger


def decode_bio(tokens: list[str], labels: list[str]) -> list[EntitySpan]:
    """Spans from BIO labels; an I- without a matching B- starts a new span."""
    spans: list[EntitySpan] = []
    start, kind = None, None
    for index, label in enumerate([*labels, "O"]):
        prefix, _, label_kind = label.partition("-")
        continues = prefix == "I" and label_kind == kind and start is not None
        if start is not None and not continues:
            words = tokens[start:index]
            name = " ".join([strip_proclitics(words[0]), *words[1:]])
            spans.append(EntitySpan(start, index, kind or "MISC", name))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = index, label_kind
    return spans


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[str]]:
    text = files("khulasa.analyze.ner").joinpath("model", GAZETTEER_NAME).read_text(encoding="utf-8")
    return json.loads(text)


def tag_labels(tokens: list[str]) -> list[str]:
    if not tokens:
        return []
    return list(_tagger().tag(sentence_features(tokens, _gazetteer())))


def tag_tokens(tokens: list[str]) -> list[EntitySpan]:
    """Entity spans in a tokenized sentence."""
    return decode_bio(tokens, tag_labels(tokens))
