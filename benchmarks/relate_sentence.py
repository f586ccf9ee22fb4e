"""Sentence relations on the labelled ANT sentence pairs (labels/sentence-pairs), with the baseline.

    python -m benchmarks.relate_sentence [--split dev|test]

Reports, each with a bootstrap 95% CI over pairs:
- `same` (what a badge counts) on the natural sample: precision, recall and F1 of the shipped
  decision, the ROC AUC of P(same), and the same figures for today's baseline — the lexical
  alignment the summarizer used (mean of stem and character 4-gram cosines in the story of the two
  articles >= 0.2 with >= 3 shared content stems), plus the paired CI of the F1 difference;
- `related` (same or partial): the recall kept by the shipped related threshold (a claim is
  called single-outlet only when every other outlet stays below it) and the precision of
  "unrelated" decisions made below it;
- four-way accuracy and macro-F1 of the decision;
- `contradicts` on natural + contrast samples: precision and recall of the shipped decision;
- ANS stance dev (../shared): agree/disagree macro-F1 (agree = same or partial, disagree =
  contradicts), the figure a fine-tuned BERT reached at 76.7 on its test split.
Writes benchmarks/results/relate-sentence-SPLIT.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from khulasa.evaluate.binary import bootstrap, precision_recall_f1
from khulasa.evaluate.binary import roc_auc as auc
from khulasa.relate.sentence import LABELS, data, load_model, pair_features, profile
from khulasa.relate.story.train import CORPUS

RESULTS = Path(__file__).resolve().parent / "results"


def figure(value: float, low: float, high: float) -> dict:
    return {"value": round(float(value), 3), "ci95": [round(float(low), 3), round(float(high), 3)]}


def binary(y: np.ndarray, decided: np.ndarray, score: np.ndarray | None = None) -> dict:
    def stat(pick: np.ndarray) -> tuple[float, ...]:
        values = precision_recall_f1(y[pick], decided[pick])
        return (*values, auc(y[pick], score[pick])) if score is not None else values

    point = stat(np.arange(len(y)))
    low, high = bootstrap(stat, len(y))
    names = ("precision", "recall", "f1", "auc")
    return {
        "positives": int(y.sum()),
        "decided": int(decided.sum()),
        **{n: figure(v, a, b) for n, v, a, b in zip(names, point, low, high, strict=False)},
    }


def baseline_same(pairs: list[data.LabelledPair]) -> np.ndarray:
    """Today's lexical attribution decision for each pair, in the story of its two articles."""
    from khulasa.evaluate.datasets import ant_records
    from khulasa.model import Article
    from khulasa.pipeline import prepare_story
    from khulasa.represent.alignment import MIN_SHARED_TERMS, THRESHOLDS, lexical_scores

    wanted = {p.where[0] for p in pairs if p.where} | {p.where[2] for p in pairs if p.where}
    records = ant_records(wanted, CORPUS)
    decided = []
    for pair in pairs:
        a_id, a_index, b_id, b_index = pair.where  # type: ignore[misc]
        articles = [
            Article(r["id"], r["text"], r.get("title"), r["src"], None, r.get("time"))
            for r in (records[a_id], records[b_id])
        ]
        story, _ = prepare_story(articles, "ar")
        position = {(s.doc_index, s.index): k for k, s in enumerate(story.sentences)}
        i, j = position.get((0, a_index)), position.get((1, b_index))
        if i is None or j is None:
            decided.append(False)
            continue
        score = float(lexical_scores(story, [i], [j])[0, 0])
        shared = len(set(story.terms[i].content) & set(story.terms[j].content))
        decided.append(score >= THRESHOLDS["lexical"] and shared >= MIN_SHARED_TERMS)
    return np.array(decided)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args()
    model = load_model()
    natural = data.ant(args.split)
    contrast = data.ant(args.split, sample="contrast")
    cache: dict = {}

    def probabilities(pairs: list[data.LabelledPair]) -> np.ndarray:
        for text in {t for p in pairs for t in (p.a, p.b)} - cache.keys():
            cache[text] = profile(text)
        return model.probabilities(np.array([pair_features(cache[p.a], cache[p.b]) for p in pairs]))

    p = probabilities(natural)
    decided = np.array(model.decide(p))
    labels = np.array([x.label for x in natural])
    same = labels == "same"
    base = baseline_same(natural)

    def f1_difference(pick: np.ndarray) -> tuple[float]:
        return (
            precision_recall_f1(same[pick], (decided == "same")[pick])[2]
            - precision_recall_f1(same[pick], base[pick])[2],
        )

    diff = precision_recall_f1(same, decided == "same")[2] - precision_recall_f1(same, base)[2]
    low, high = bootstrap(f1_difference, len(same))
    related = np.isin(labels, ["same", "partial"])
    related_score = p[:, 0] + p[:, 1]
    kept = related_score >= model.related_threshold
    accuracy = decided == labels
    acc_low, acc_high = bootstrap(lambda pick: (float(accuracy[pick].mean()),), len(labels))

    def macro(pick: np.ndarray) -> tuple[float]:
        return (float(np.mean([precision_recall_f1(labels[pick] == k, decided[pick] == k)[2] for k in LABELS])),)

    macro_low, macro_high = bootstrap(macro, len(labels))
    both = natural + contrast
    p_both = probabilities(both)
    contradicts = np.array([x.label == "contradicts" for x in both])
    ans = data.ans("dev")
    p_ans = probabilities(ans)
    ans_decided = np.array(model.decide(p_ans))
    ans_labels = np.array([x.label for x in ans])
    agree_t, agree_d = ans_labels == "same", np.isin(ans_decided, ["same", "partial"])
    disagree_t, disagree_d = ans_labels == "contradicts", ans_decided == "contradicts"

    def ans_macro(pick: np.ndarray) -> tuple[float]:
        return (
            (
                precision_recall_f1(agree_t[pick], agree_d[pick])[2]
                + precision_recall_f1(disagree_t[pick], disagree_d[pick])[2]
            )
            / 2,
        )

    ans_low, ans_high = bootstrap(ans_macro, len(ans))
    results = {
        "split": args.split,
        "pairs": {"natural": len(natural), "contrast": len(contrast)},
        "thresholds": {
            "same": model.same_threshold,
            "contradicts": model.contradicts_threshold,
            "related": model.related_threshold,
        },
        "same": {
            "model": binary(same, decided == "same", p[:, 0]),
            "baseline_lexical_alignment": binary(same, base),
            "f1_difference": figure(diff, low[0], high[0]),
        },
        "related": {
            "recall_kept_above_threshold": binary(related, kept)["recall"],
            "unrelated_below_threshold_precision": binary(~related, ~kept)["precision"],
        },
        "four_way": {
            "accuracy": figure(accuracy.mean(), acc_low[0], acc_high[0]),
            "macro_f1": figure(macro(np.arange(len(labels)))[0], macro_low[0], macro_high[0]),
        },
        "contradicts": binary(contradicts, np.array(model.decide(p_both)) == "contradicts", p_both[:, 2]),
        "ans_stance_dev_macro_f1": figure(ans_macro(np.arange(len(ans)))[0], ans_low[0], ans_high[0]),
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"relate-sentence-{args.split}.json"
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
