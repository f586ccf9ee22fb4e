"""Same-event judgment on the labelled ANT story pairs (labels/story-pairs), with baselines.

    python -m benchmarks.relate_story [--split dev|test]

Reports, for the shipped model at its shipped threshold and for two one-feature baselines whose
thresholds are tuned on the train split, once for best F1 and once by the model's own rule (best F1
among thresholds with precision >= 0.90), so neither sees the split it is scored on:
precision, recall, F1 and ROC AUC, each with a bootstrap 95% CI over pairs, and the paired
bootstrap CI of the F1 difference model − baseline. Baselines: character 3-5-gram TF-IDF cosine
of headline + lead, and stem TF-IDF cosine of headline + lead (what the clusterer compares today).
`undated`: the same pairs judged without their publication times, by the model's rule (48 hours
apart, `without_times`) and as a missing time was read before it (zero hours apart).
Writes benchmarks/results/relate-story-SPLIT.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from khulasa.evaluate.binary import bootstrap, precision_recall_f1
from khulasa.evaluate.binary import roc_auc as auc
from khulasa.relate.story.features import FEATURES
from khulasa.relate.story.model import load_model, without_times
from khulasa.relate.story.train import POSITIVE, choose_threshold, corpus_articles, pair_matrix, read_labelled

RESULTS = Path(__file__).resolve().parent / "results"


def best_f1_threshold(y: np.ndarray, p: np.ndarray) -> float:
    return float(max(sorted(set(np.round(p, 4))), key=lambda t: precision_recall_f1(y, p >= t)[2]))


def summary(y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    point = (*precision_recall_f1(y, p >= threshold), auc(y, p))
    low, high = bootstrap(
        lambda pick: (*precision_recall_f1(y[pick], p[pick] >= threshold), auc(y[pick], p[pick])), len(y)
    )
    names = ("precision", "recall", "f1", "auc")
    figures = zip(names, point, low, high, strict=True)
    return {
        "threshold": round(threshold, 4),
        **{n: {"value": round(v, 3), "ci95": [round(a, 3), round(b, 3)]} for n, v, a, b in figures},
    }


def paired_f1_difference(y: np.ndarray, p: np.ndarray, t: float, q: np.ndarray, u: float) -> dict:
    def difference(pick: np.ndarray) -> tuple[float]:
        return (precision_recall_f1(y[pick], p[pick] >= t)[2] - precision_recall_f1(y[pick], q[pick] >= u)[2],)

    (low,), (high,) = bootstrap(difference, len(y))
    return {
        "value": round(precision_recall_f1(y, p >= t)[2] - precision_recall_f1(y, q >= u)[2], 3),
        "ci95": [round(low, 3), round(high, 3)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args()
    from khulasa.relate.story.features import shipped_background

    labelled = [p for p in read_labelled() if p["split"] in ("train", args.split)]
    wanted = {p[s] for p in labelled for s in ("a", "b")}
    articles = {a.id: a for _, a in corpus_articles() if a.id in wanted}
    background = shipped_background()
    rows = {s: [p for p in labelled if p["split"] == s] for s in ("train", args.split)}
    x = {s: pair_matrix(r, articles, background) for s, r in rows.items()}
    y = {s: np.array([p["label"] == POSITIVE for p in r]) for s, r in rows.items()}
    model = load_model()
    p_model = model.probabilities(x[args.split])
    result = {
        "split": args.split,
        "pairs": len(y[args.split]),
        "positive": int(y[args.split].sum()),
        "model": summary(y[args.split], p_model, model.threshold),
    }
    gap_zero = x[args.split].copy()
    gap_zero[:, [FEATURES.index("log_gap_hours"), FEATURES.index("gap_over_3_days")]] = 0.0
    gap_zero[:, FEATURES.index("time_missing")] = 1.0
    result["undated"] = {
        "model_rule": summary(y[args.split], model.probabilities(without_times(gap_zero)), model.threshold),
        "gap_zero_before": summary(y[args.split], model.probabilities(gap_zero), model.threshold),
    }
    for name in ("char_lead", "word_lead"):
        column = FEATURES.index(name)
        q = x[args.split][:, column]
        rules = {"best_f1": best_f1_threshold, "precision_90": choose_threshold}  # both tuned on train
        for rule, choose in rules.items():
            threshold = (
                choose(x["train"][:, column], y["train"])
                if rule == "precision_90"
                else choose(y["train"], x["train"][:, column])
            )
            result[f"baseline_{name}_{rule}"] = summary(y[args.split], q, threshold)
            result[f"f1_model_minus_{name}_{rule}"] = paired_f1_difference(
                y[args.split], p_model, model.threshold, q, threshold
            )
    strata = sorted({p["stratum"] for p in rows[args.split]})
    decided = p_model >= model.threshold
    result["by_stratum"] = {}
    for stratum in strata:
        mask = np.array([p["stratum"] == stratum for p in rows[args.split]])
        precision, recall, _ = precision_recall_f1(y[args.split][mask], decided[mask])
        result["by_stratum"][stratum] = {
            "pairs": int(mask.sum()),
            "positive": int(y[args.split][mask].sum()),
            "precision": round(precision, 3),
            "recall": round(recall, 3),
        }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"relate-story-{args.split}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
