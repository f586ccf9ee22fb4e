"""Labelled sentence pairs for the relation model: the project's own ANT pairs and ../shared/data/pairs.

Every pair becomes a `LabelledPair(a, b, label, source)` with a label of LABELS:

- ANT (labels/sentence-pairs, the project's protocol): the final label of each pair, texts
  re-derived from the corpus by labels.sentence_pairs (hash-checked).
- ANS stance (Khouja 2020; a headline vs an annotator-written paraphrase or contradiction):
  agree → same, disagree → contradicts, other → unrelated.
- ArNLI (Arabic SICK; rows marked `suspect` dropped, duplicates dropped): entailment → same when
  the relatedness score is >= 4.5 (a paraphrase), else partial; contradiction → contradicts;
  neutral → unrelated.
- XNLI Arabic dev (not news): entailment → partial (the hypothesis is one claim of a longer
  premise), contradiction → contradicts, neutral → unrelated.
- ArbTEDS (a lead sentence vs its headline; clitics written apart, re-glued here): entailment
  yes → partial (the lead states the headline and more), no → unrelated.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PAIRS = ROOT.parent / "shared" / "data" / "pairs"
LABELS_DIR = ROOT / "labels" / "sentence-pairs"


@dataclass(frozen=True)
class LabelledPair:
    id: str
    a: str
    b: str
    label: str
    source: str
    where: tuple[str, int, str, int] | None = None  # ANT: (article a, sentence index, article b, index)


def _read(name: str) -> list[dict]:
    with open(PAIRS / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


_LOOSE_PREFIX = re.compile(r"(?<!\S)([وفبلك]|ال|لل) (?=\S)")
_LOOSE_SUFFIX = re.compile(r"(?<=\S) (ه|ها|هم|هما|هن|ك|كم|نا|ني|ي)(?!\S)")


def reglue(text: str) -> str:
    """ArbTEDS writes clitics apart («ل لرئيس», «أن ه»); join them back to their word."""
    return _LOOSE_SUFFIX.sub(r"\1", _LOOSE_PREFIX.sub(r"\1", text))


def ans(split: str) -> list[LabelledPair]:
    mapping = {"agree": "same", "disagree": "contradicts", "other": "unrelated"}
    return [
        LabelledPair(f"ans-{split}-{n}", r["a"], r["b"], mapping[r["label"]], "ans")
        for n, r in enumerate(_read(f"ans_stance_{split}.jsonl"))
    ]


def arnli(split: str) -> list[LabelledPair]:
    pairs, seen = [], set()
    for n, r in enumerate(_read(f"arnli_sick_{split}.jsonl")):
        if r.get("suspect") or (r["a"], r["b"]) in seen:
            continue
        seen.add((r["a"], r["b"]))
        label = {"contradiction": "contradicts", "neutral": "unrelated"}.get(r["label"])
        if r["label"] == "entailment":
            label = "same" if float(r.get("score", 0)) >= 4.5 else "partial"
        if label:
            pairs.append(LabelledPair(f"arnli-{split}-{n}", r["a"], r["b"], label, "arnli"))
    return pairs


def xnli() -> list[LabelledPair]:
    mapping = {"entailment": "partial", "contradiction": "contradicts", "neutral": "unrelated"}
    return [
        LabelledPair(f"xnli-{n}", r["a"], r["b"], mapping[r["label"]], "xnli")
        for n, r in enumerate(_read("xnli_ar_dev.jsonl"))
        if r["label"] in mapping
    ]


def arbteds(split: str) -> list[LabelledPair]:
    pairs = []
    for n, r in enumerate(_read(f"arbteds_{split}.jsonl")):
        yes = str(r["label"]).lower() in ("yes", "entailment", "1", "true")
        pairs.append(
            LabelledPair(
                f"arbteds-{split}-{n}", reglue(r["a"]), reglue(r["b"]), "partial" if yes else "unrelated", "arbteds"
            )
        )
    return pairs


def final_labels(folder: Path = LABELS_DIR) -> dict[str, str]:
    """pair id → label: adjudicated.jsonl first, then the annotator files in name order."""
    labels: dict[str, str] = {}
    sources = [folder / "adjudicated.jsonl"] if (folder / "adjudicated.jsonl").exists() else []
    for path in sources + sorted(folder.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                labels.setdefault(record["pair"], record["label"])
    return labels


def ant(split: str, sample: str = "main", folder: Path = LABELS_DIR) -> list[LabelledPair]:
    """The labelled ANT sentence pairs of one split and sample ("main": the natural sample;
    "contrast": pairs drawn where a disagreement check fires), texts from ../shared, found by their
    hashes (labels.sentence_pairs.pair_sentences)."""
    sys.path.insert(0, str(ROOT))
    from labels.sentence_pairs import pair_sentences, read_pairs

    labels = final_labels(folder)
    pairs, seen = [], set()
    path = folder / ("pairs.jsonl" if sample == "main" else "contrast.jsonl")
    if not path.exists():
        return []
    for pair in read_pairs(path):
        # A re-posted article (same text, another id) can bring the same two sentences twice.
        key = frozenset((pair["a_hash"], pair["b_hash"]))
        if pair["split"] == split and pair["pair"] in labels and key not in seen:
            seen.add(key)
            pairs.append(pair)
    found = pair_sentences(pairs)
    labelled = []
    for p in pairs:
        if p["pair"] in found:  # left out only when cleaning now drops the sentence's line
            (a_index, a), (b_index, b) = found[p["pair"]]
            labelled.append(LabelledPair(p["pair"], a, b, labels[p["pair"]], "ant", (p["a"], a_index, p["b"], b_index)))
    return labelled
