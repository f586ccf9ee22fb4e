"""Rebuild the shipped NER model (CRF + gazetteer) from the honest splits and report span F1.

    python -m khulasa.analyze.ner.train [--blocks train dev test] [--score BLOCK ...] [--extra aqmar] [--out PATH]

Measurement and shipping are two runs of one recipe over contiguous blocks
(`khulasa.analyze.ner.splits`):

- `--blocks train dev --score test`: the recipe trained on the train and dev blocks of ANERcorp
  and NewsFANE (dev chose it), gazetteer from the same sentences, scored on the test blocks it
  never saw. The model card's figures are this run's (`benchmarks/ner.py` adds bootstrap CIs and
  the other taggers).
- the default, `--blocks train dev test`: the shipped model, the same recipe on every block (the
  held-out blocks are what the figures need, not what the product should forget; without them
  speaker attribution on the labelled ANT quotes fell from 0.96 to 0.90).

Until 2026-11-29 the model was scored on every tenth sentence of both corpora after training on
the other nine, so the names of each test sentence sat in its neighbours and in the gazetteer (0.81
there, 0.68 on ANERcorp's real test split).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khulasa.analyze.ner import splits
from khulasa.analyze.ner.features import Gazetteer, build_gazetteer, sentence_features
from khulasa.analyze.ner.scoring import span_scores
from khulasa.analyze.ner.tagger import GAZETTEER_NAME, MODEL_NAME

HERE = Path(__file__).resolve().parent
CORPORA = {"anercorp": splits.anercorp, "newsfane": splits.newsfane, "aqmar": splits.aqmar}


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


def training_sentences(blocks: list[str], extra: list[str], data: Path) -> list:
    """The sentences of the given blocks of ANERcorp and NewsFANE, plus the same blocks of `extra` corpora."""
    sentences: list = []
    for name in ["anercorp", "newsfane", *extra]:
        for block in blocks:
            sentences += CORPORA[name](block, data)  # type: ignore[arg-type]
    return sentences


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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(splits.DEFAULT_DATA))
    parser.add_argument("--blocks", nargs="+", default=list(splits.SPLITS), choices=splits.SPLITS)
    parser.add_argument("--extra", nargs="*", default=[], choices=["aqmar"], help="more corpora (same blocks)")
    parser.add_argument("--score", nargs="*", default=[], choices=splits.SPLITS, help="blocks to score")
    parser.add_argument("--out", default=str(HERE / "model" / MODEL_NAME))
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--c1", type=float, default=0.2, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    args = parser.parse_args()
    if set(args.score) & set(args.blocks):
        parser.error("scoring a block the model is trained on says nothing")
    data = Path(args.data)
    train_set = training_sentences(args.blocks, args.extra, data)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    gazetteer = train(train_set, out, args.iterations, args.c1, args.c2)
    gazetteer_path = out.with_name(GAZETTEER_NAME)
    gazetteer_path.write_text(json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"trained on {len(train_set)} sentences ({'+'.join(args.blocks)}) in {time.perf_counter() - start:.0f} s")
    print(f"gazetteer: {len(gazetteer)} words from the training entities -> {gazetteer_path}")
    for block in args.score:
        for name in ("anercorp", "newsfane", "aqmar"):
            scores, tokens, seconds = evaluate(out, gazetteer, CORPORA[name](block, data))
            print(f"\n{name} {block} block: {tokens} tokens")
            print_scores(scores, tokens, seconds)


if __name__ == "__main__":
    main()
