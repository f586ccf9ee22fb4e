"""Honest NER splits: contiguous blocks, never interleaved sentences.

The first model card held out every tenth sentence, so the names of a held-out sentence sat in its
neighbours (same article) and in the gazetteer built from them: 0.81 there, 0.68 on ANERcorp's
real test split. Here every corpus is cut into contiguous blocks by token position, so a news
article (ANERcorp and NewsFANE keep articles in order but mark no document breaks) falls in one
block except at the two cut points:

- ANERcorp train file (125k tokens): first 70% of tokens train, next 15% dev, last 15% test.
- NewsFANE Gold: the same 70 / 15 / 15 cut, by sentence order.
- AQMAR: its own train / dev / test files (split by Wikipedia article by its authors).

A sentence belongs to the block where its first token falls. Gazetteers and anything else learned
from labels must be built from the `train` block only; `dev` is for choosing, `test` is read once
per finished method.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from khulasa.analyze.ner.corpus import Sentence, read_anercorp, read_newsfane

Split = Literal["train", "dev", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test")
CUTS = (0.70, 0.85)  # fractions of a corpus's tokens where dev and test begin
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def block_split(sentences: list[Sentence], split: Split, cuts: tuple[float, float] = CUTS) -> list[Sentence]:
    """The sentences of one contiguous block, cut by the position of each sentence's first token."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    total = sum(len(sentence) for sentence in sentences)
    bounds = {"train": (0.0, cuts[0]), "dev": (cuts[0], cuts[1]), "test": (cuts[1], 1.01)}[split]
    chosen, seen = [], 0
    for sentence in sentences:
        position = seen / total if total else 0.0
        if bounds[0] <= position < bounds[1]:
            chosen.append(sentence)
        seen += len(sentence)
    return chosen


def read_conll(path: Path) -> list[Sentence]:
    """`token<TAB>tag` lines with a blank line between sentences (AQMAR, WikiFANE, Wojood, PAN-X)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.rpartition("\t")
        if token.strip():
            current.append((token.strip(), tag.strip() or "O"))
    if current:
        sentences.append(current)
    return sentences


def anercorp(split: Split, data: Path = DEFAULT_DATA) -> list[Sentence]:
    """ANERcorp (CAMeL Lab train part) block; types PER/LOC/ORG, MISC read as O (see corpus.py)."""
    return block_split(read_anercorp(data / "ner" / "anercorp-train.txt"), split)


def newsfane(split: Split, data: Path = DEFAULT_DATA) -> list[Sentence]:
    """NewsFANE Gold block, fine classes mapped to PER/ORG/LOC/MISC (see corpus.py)."""
    return block_split(read_newsfane(data / "ner" / "newsfane-gold-filtered.tsv"), split)


def aqmar(split: Split, data: Path = DEFAULT_DATA) -> list[Sentence]:
    """AQMAR's own file for the split, tags as its authors wrote them (MISC is broad there)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    return read_conll(data / "ner-extra" / f"aqmar_{split}.txt")
