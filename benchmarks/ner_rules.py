"""Do the NER rules earn their place? Prints figures; asserts nothing.

    python -m benchmarks.ner_rules [--split dev|test] [--story 20] [--model shipped|train-block] [--show 10]

Data: the honest blocks of `khulasa.analyze.ner.splits` — dev = ANERcorp dev block + NewsFANE dev
block; test = the ANERcorp test block (read once, at the end). Gold tokens go to the tagger as
they are (the `khulasa ner` contract). A "story" for propagation is a run of `--story`
consecutive sentences of one corpus (the corpora keep articles in order but mark no breaks).

For every rule alone (the model plus that one rule; surnames on top of name propagation, which
runs before them) it prints the spans the rule adds (or makes, for joins) that were not output
without it, their precision (exact span and type) with a
bootstrap 95% CI over stories, and what the rule changes in true and false positives. Then the
micro F1 over PER/LOC/ORG (MISC left out of gold and output, as in issue 14) of the model alone,
of the sentence-level path (`khulasa ner`), of the run-time story path (`khulasa ner --story`,
`khulasa story`), with bootstrap CIs over stories and the CI of the paired difference.

--model shipped (default) uses whatever `khulasa.analyze.ner.tagger.tag_tokens` ships, so the script
works unchanged when the model changes. The CRF shipped with issue 14 open was trained on 90% of
every sentence of both corpora, dev and test blocks included, so it has seen most dev names;
--model train-block trains the same CRF recipe (`khulasa.analyze.ner.train.train`) on the train
blocks only (about a minute) to measure what the rules add on text the model never saw.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from khulasa.analyze.entities import story_spans
from khulasa.analyze.ner import scoring, splits
from khulasa.analyze.ner.corpus import Sentence
from khulasa.analyze.ner.rules import NO_RULES, Rules
from khulasa.analyze.ner.tagger import EntitySpan, decode_bio, tag_tokens
from khulasa.evaluate.binary import bootstrap

TYPES = ("PER", "LOC", "ORG")
SINGLE_RULES = ("given_names", "latin_names", "join_people", "propagate", "surnames")
# What each rule is added to: the model alone, except surnames, which run with name propagation
# (a full name found again takes its words before its surname alone can).
BASES = {name: NO_RULES for name in SINGLE_RULES} | {"surnames": replace(NO_RULES, propagate=True)}
Span = tuple[int, int, int, str]  # sentence, start, end, type


@dataclass
class Story:
    """A run of consecutive gold sentences read as one story."""

    corpus: str
    tokens: list[list[str]]
    gold: set[Span]


def stories(split: splits.Split, size: int) -> list[Story]:
    corpora = {"ANERcorp": splits.anercorp(split)}
    if split != "test":
        corpora["NewsFANE"] = splits.newsfane(split)
    result = []
    for name, sentences in corpora.items():
        for first in range(0, len(sentences), size):
            chunk: list[Sentence] = sentences[first : first + size]
            tokens = [[w for w, _ in s] for s in chunk]
            gold = {
                (i, span.start, span.end, span.type)
                for i, s in enumerate(chunk)
                for span in decode_bio(tokens[i], [t for _, t in s])
                if span.type in TYPES
            }
            result.append(Story(name, tokens, gold))
    return result


def predict(story: Story, rules: Rules, tagger: Callable[[list[str]], list[EntitySpan]], whole: bool) -> set[Span]:
    """Spans of one story: with `whole` the story is tagged at once (propagation), else sentence by sentence."""
    groups = [story.tokens] if whole else [[tokens] for tokens in story.tokens]
    spans: list[list[EntitySpan]] = []
    for group in groups:
        spans.extend(story_spans(group, rules, tagger))
    return {(i, s.start, s.end, s.type) for i, found in enumerate(spans) for s in found if s.type in TYPES}


def counts(gold: list[set[Span]], predicted: list[set[Span]]) -> np.ndarray:
    """Per story: true positives, false positives, false negatives."""
    return np.array([(len(g & p), len(p - g), len(g - p)) for g, p in zip(gold, predicted, strict=True)], dtype=float)


def prf(table: np.ndarray) -> tuple[float, float, float]:
    """Micro P, R, F1 of a (stories x [tp, fp, fn]) table."""
    return scoring.prf(*table.sum(axis=0))


def f1(table: np.ndarray) -> float:
    return prf(table)[2]


def train_block_tagger() -> Callable[[list[str]], list[EntitySpan]]:
    """The shipped CRF recipe trained on the train blocks only (ANERcorp + NewsFANE)."""
    import pycrfsuite

    from khulasa.analyze.ner.features import sentence_features
    from khulasa.analyze.ner.train import train

    sentences = splits.anercorp("train") + splits.newsfane("train")
    path = Path(tempfile.mkdtemp()) / "train-block.crfsuite"
    gazetteer = train(sentences, path, iterations=200, c1=0.2, c2=0.01)
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return lambda tokens: decode_bio(tokens, list(crf.tag(sentence_features(tokens, gazetteer)))) if tokens else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--story", type=int, default=20, help="consecutive sentences read as one story (default 20)")
    parser.add_argument("--model", choices=["shipped", "train-block"], default="shipped")
    parser.add_argument("--show", type=int, default=0, help="print this many spans of each rule, right and wrong")
    parser.add_argument("--rounds", type=int, default=2000, help="bootstrap resamples (default 2000)")
    args = parser.parse_args()

    tagger = tag_tokens if args.model == "shipped" else train_block_tagger()
    data = stories(args.split, args.story)
    gold = [s.gold for s in data]
    sentences = sum(len(s.tokens) for s in data)
    tokens = sum(len(t) for s in data for t in s.tokens)
    print(
        f"{args.split}: {len(data)} stories of up to {args.story} sentences, {sentences} sentences, {tokens} tokens, "
        f"{sum(map(len, gold))} gold PER/LOC/ORG spans; model: {args.model}"
    )
    model = [predict(s, NO_RULES, tagger, whole=False) for s in data]
    base = counts(gold, model)

    print(f"\n{'rule':12} {'spans':>6} {'right':>6} {'precision (95% CI)':>24} {'dTP':>5} {'dFP':>5} {'dF1':>7}")
    for name in SINGLE_RULES:
        rules = replace(BASES[name], **{name: True})
        whole = name in ("propagate", "surnames")
        reference = model if BASES[name] == NO_RULES else [predict(s, BASES[name], tagger, whole) for s in data]
        output = [predict(s, rules, tagger, whole) for s in data]
        added = [(p - m, (p - m) & g) for p, m, g in zip(output, reference, gold, strict=True)]
        per_story = np.array([(len(a), len(r)) for a, r in added], dtype=float)
        total, right = per_story.sum(axis=0)

        def precision(pick: np.ndarray, table: np.ndarray = per_story) -> tuple[float]:
            made, correct = table[pick].sum(axis=0)
            return (correct / made if made else float("nan"),)

        low, high = bootstrap(precision, len(data), args.rounds) if total else (None, None)
        table, before = counts(gold, output), counts(gold, reference)
        d_tp, d_fp = (table.sum(axis=0) - before.sum(axis=0))[:2]
        shown = f"{right / total:.3f} ({low[0]:.3f}-{high[0]:.3f})" if total else "-"
        print(
            f"{name:12} {int(total):6} {int(right):6} {shown:>24} {int(d_tp):+5} {int(d_fp):+5} "
            f"{f1(table) - f1(before):+7.3f}"
        )
        if args.show:
            examples = [
                (span in correct, span[3], " ".join(story.tokens[span[0]][span[1] : span[2]]))
                for story, (made, correct) in zip(data, added, strict=True)
                for span in sorted(made)
            ]
            for ok in (False, True):
                for _, kind, words in [e for e in examples if e[0] == ok][: args.show]:
                    print(f"    {'right' if ok else 'wrong'} {kind} {words}")

    systems = {
        "model alone": (NO_RULES, False),
        "model + sentence rules (khulasa ner)": (Rules(propagate=False, surnames=False), False),
        "model + all rules, story (--story)": (Rules(), True),
    }
    predictions, seconds = {}, {}
    for name, (rules, whole) in systems.items():
        start = time.process_time()
        predictions[name] = [predict(s, rules, tagger, whole) for s in data]
        seconds[name] = time.process_time() - start
    tables = {name: counts(gold, predicted) for name, predicted in predictions.items()}
    print(f"\n{'system':40} {'P':>6} {'R':>6} {'F1 (95% CI)':>22}  {'F1 - model alone (95% CI)':>28}")
    for name, table in tables.items():
        p, r, f = prf(table)
        low, high = bootstrap(lambda pick, t=table: (f1(t[pick]),), len(data), args.rounds)
        d_low, d_high = bootstrap(lambda pick, t=table: (f1(t[pick]) - f1(base[pick]),), len(data), args.rounds)
        print(
            f"{name:40} {p:6.3f} {r:6.3f} {f:6.3f} ({low[0]:.3f}-{high[0]:.3f})  "
            f"{f - f1(base):+7.3f} ({d_low[0]:+.3f} to {d_high[0]:+.3f})"
        )
    print(f"\n{'per type P / R / F1':40} " + "  ".join(f"{kind:^20}" for kind in TYPES) + "  tokens/s (CPU)")
    for name, predicted in predictions.items():
        cells = []
        for kind in TYPES:
            table = counts(
                [{x for x in g if x[3] == kind} for g in gold], [{x for x in q if x[3] == kind} for q in predicted]
            )
            cells.append("{:.3f} / {:.3f} / {:.3f}".format(*prf(table)))
        print(f"{name:40} " + "  ".join(cells) + f"  {tokens / seconds[name]:,.0f}")


if __name__ == "__main__":
    main()
