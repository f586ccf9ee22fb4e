"""CRF features of a token in context: surface and normalized forms, clitic-stripped stem,
affixes, shape, trigger words before it, and a ±2 window."""

from __future__ import annotations

from importlib.resources import files

from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_key, normalize_light
from khulasa.text.stem import light10


def _word_list(name: str) -> frozenset[str]:
    text = files("khulasa.analyze").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(normalize_key(w) for w in text.split() if not w.startswith("#"))


# Words that announce a person or an organisation next to them in Arabic news.
PERSON_TRIGGERS = _word_list("person-triggers-ar.txt")
ORG_TRIGGERS = _word_list("org-triggers-ar.txt")


def _shape(token: str) -> str:
    if token.isdigit():
        return "digit"
    if token.isascii():
        return "latin-upper" if token[:1].isupper() else "latin"
    if any(ch.isdigit() for ch in token):
        return "mixed-digit"
    return "arabic" if any("\u0600" <= ch <= "\u06ff" for ch in token) else "other"


Gazetteer = dict[str, list[str]]


def gazetteer_key(token: str) -> str:
    """The lookup key of a token in the entity word list: proclitics and article removed."""
    key = normalize_key(strip_proclitics(token))
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def token_features(tokens: list[str], index: int, gazetteer: Gazetteer | None = None) -> dict[str, float | str | bool]:
    """Features of tokens[index]; keys are strings so crfsuite hashes them."""
    token = tokens[index]
    # The light key keeps ى apart from ي: على (on) must not look like the name علي.
    key = normalize_light(token)
    stem = light10(token) if not token.isascii() else token.lower()
    features: dict[str, float | str | bool] = {
        "bias": 1.0,
        "key": key,
        "stem": stem,
        "prefix1": key[:1],
        "prefix2": key[:2],
        "prefix3": key[:3],
        "suffix2": key[-2:],
        "suffix3": key[-3:],
        "shape": _shape(token),
        "length": min(len(key), 10),
        "article": key.startswith(("ال", "وال", "بال", "لل", "فال")),
        "stripped": gazetteer_key(token),
        "frequency": int(zipf(strip_proclitics(token))),
    }
    if index > 0:
        features["-1:0:keys"] = normalize_light(tokens[index - 1]) + "|" + key
    if index + 1 < len(tokens):
        features["0:+1:keys"] = key + "|" + normalize_light(tokens[index + 1])
    for offset in (-2, -1, 1, 2):
        position = index + offset
        if 0 <= position < len(tokens):
            other = normalize_light(tokens[position])
            features[f"{offset}:key"] = other
            features[f"{offset}:stem"] = light10(tokens[position]) if not tokens[position].isascii() else other
            if offset < 0:
                features[f"{offset}:person_trigger"] = normalize_key(tokens[position]) in PERSON_TRIGGERS
                features[f"{offset}:org_trigger"] = normalize_key(tokens[position]) in ORG_TRIGGERS
        else:
            features[f"{offset}:edge"] = True
    if gazetteer:
        for offset in (-1, 0, 1):
            position = index + offset
            if 0 <= position < len(tokens):
                for kind in gazetteer.get(gazetteer_key(tokens[position]), ()):
                    features[f"{offset}:gazetteer:{kind}"] = True
    return features


def sentence_features(tokens: list[str], gazetteer: Gazetteer | None = None) -> list[dict[str, float | str | bool]]:
    return [token_features(tokens, i, gazetteer) for i in range(len(tokens))]


def build_gazetteer(sentences: list[list[tuple[str, str]]], min_count: int = 2) -> Gazetteer:
    """Words seen inside entities of each type at least `min_count` times (function words excluded)."""
    from collections import Counter

    counts: Counter[tuple[str, str]] = Counter()
    outside: Counter[str] = Counter()
    for sentence in sentences:
        for token, tag in sentence:
            key = gazetteer_key(token)
            if tag == "O":
                outside[key] += 1
            else:
                counts[(key, tag.split("-", 1)[1])] += 1
    gazetteer: dict[str, list[str]] = {}
    for (key, kind), count in counts.items():
        if count >= min_count and count > outside[key] and len(key) > 1:
            gazetteer.setdefault(key, []).append(kind)
    return {key: sorted(kinds) for key, kinds in sorted(gazetteer.items())}
