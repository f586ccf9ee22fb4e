"""Rebuild the NER model from ../shared/data/ner and report held-out span F1 per type.

    python -m khulasa.analyze.ner.train [--data ../shared/data/ner] [--heldout 0.1] [--out PATH]

Every tenth sentence (by position, seeded order) of both corpora is held out for evaluation;
the final model is trained on the rest, so the reported F1 is on sentences it never saw.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khulasa.analyze.ner.corpus import read_anercorp, read_newsfane
from khulasa.analyze.ner.features import Gazetteer, build_gazetteer, sentence_features
from khulasa.analyze.ner.tagger import GAZETTEER_NAME, MODEL_NAME, decode_bio

HERE = Path(__file__).resolve().parent


def split(sentences: list, heldout_every: int) -> tuple[list, list]:
    train = [s for i, s in enumerate(sentences) if i % heldout_every != heldout_every - 1]
    test = [s for i, s in enumerate(sentences) if i % heldout_every == heldout_every - 1]
    return train, test


def span_scores(gold: list[list[str]], predicted: list[list[str]], tokens: list[list[str]]) -> dict[str, tuple]:
    """Exact-match span precision, recall and F1 per type and micro-averaged."""
    counts: dict[str, list[int]] = {}
    for words, g, p in zip(tokens, gold, predicted, strict=True):
        gold_spans = {(s.start, s.end, s.type) for s in decode_bio(words, g)}
        predicted_spans = {(s.start, s.end, s.type) for s in decode_bio(words, p)}
        for kind in {t for *_, t in gold_spans | predicted_spans} | {"ALL"}:
            tp_fp_fn = counts.setdefault(kind, [0, 0, 0])
            gs = {s for s in gold_spans if kind in ("ALL", s[2])}
            ps = {s for s in predicted_spans if kind in ("ALL", s[2])}
            tp_fp_fn[0] += len(gs & ps)
            tp_fp_fn[1] += len(ps - gs)
            tp_fp_fn[2] += len(gs - ps)
    scores = {}
    for kind, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[kind] = (precision, recall, f1, tp + fn)
    return scores


def train(sentences: list, path: Path, iterations: int = 150, c1: float = 0.05, c2: float = 0.01) -> Gazetteer:
    """Train the CRF; gazetteer features of each half come from the other half (jackknife), so
    the model does not learn to trust a list that already contains every training name."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    halves = (sentences[0::2], sentences[1::2])
    for part, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        gazetteer = build_gazetteer(other)
        for sentence in part:
            words = [w for w, _ in sentence]
            trainer.append(sentence_features(words, gazetteer), [t for _, t in sentence])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.minfreq": 1})
    trainer.train(str(path))
    return build_gazetteer(sentences)


def heldout_split(data: Path, every: int = 10) -> tuple[list, list]:
    """Training and held-out sentences of both corpora (every `every`-th sentence held out)."""
    train_set, test_set = [], []
    for sentences in (read_newsfane(data / "newsfane-gold-filtered.tsv"), read_anercorp(data / "anercorp-train.txt")):
        a, b = split(sentences, every)
        train_set += a
        test_set += b
    return train_set, test_set


def evaluate(model: Path, gazetteer: Gazetteer, test_set: list) -> tuple[dict[str, tuple], int, float]:
    """Span scores of a model on held-out sentences, token count and tagging seconds."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tokens = [[w for w, _ in s] for s in test_set]
    gold = [[t for _, t in s] for s in test_set]
    start = time.perf_counter()
    predicted = [list(tagger.tag(sentence_features(words, gazetteer))) for words in tokens]
    seconds = time.perf_counter() - start
    return span_scores(gold, predicted, tokens), sum(map(len, tokens)), seconds


def print_scores(scores: dict[str, tuple], tokens: int, seconds: float) -> None:
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'spans':>6}")
    for kind in ("PER", "ORG", "LOC", "MISC", "ALL"):
        if kind in scores:
            p, r, f, n = scores[kind]
            print(f"{kind:6} {p:6.3f} {r:6.3f} {f:6.3f} {n:6}")
    print(f"tagging speed (features + CRF): {tokens / seconds:,.0f} tokens/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=str(HERE.parents[2].parent / "shared" / "data" / "ner"))
    parser.add_argument("--heldout-every", type=int, default=10)
    parser.add_argument("--out", default=str(HERE / "model" / MODEL_NAME))
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--c1", type=float, default=0.2, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    args = parser.parse_args()
    train_set, test_set = heldout_split(Path(args.data), args.heldout_every)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    gazetteer = train(train_set, out, args.iterations, args.c1, args.c2)
    gazetteer_path = out.with_name(GAZETTEER_NAME)
    gazetteer_path.write_text(json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"trained on {len(train_set)} sentences in {time.perf_counter() - start:.0f} s -> {out}")
    print(f"gazetteer: {len(gazetteer)} words from the training entities -> {gazetteer_path}")
    scores, tokens, seconds = evaluate(out, gazetteer, test_set)
    print(f"held-out: {len(test_set)} sentences, {tokens} tokens")
    print_scores(scores, tokens, seconds)


if __name__ == "__main__":
    main()
