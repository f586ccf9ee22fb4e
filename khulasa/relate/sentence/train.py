"""Rebuild the sentence-relation model from labels/sentence-pairs and ../shared/data/pairs.

    python -m khulasa.relate.sentence.train [--out khulasa/relate/sentence/data]

1. Training pairs: the project's ANT pairs of the train split (main and contrast samples) and the
   shared pair sets (ANS train, ArNLI train, XNLI dev, ArbTEDS train; mapped to LABELS as
   data.py says), the shared ones down-weighted by SHARED_WEIGHT.
2. Multinomial logistic regression on standardized FEATURES (scikit-learn, L2). C and the shared
   weight are chosen on the ANT dev split (main + contrast) by log-loss.
3. Thresholds. `same` (badges count only these) at the lowest P(same) whose precision is >=
   SAME_PRECISION over the ANT dev pairs and the ANT train pairs scored out of fold, a month at a
   time (each training month's pairs by a model fitted on the other months, same C and weight):
   181 same pairs instead of dev's 58, so the precision the threshold is chosen for is not a few
   pairs' luck. `contradicts` at the lowest P(contradicts) whose dev precision is
   >= CONTRADICTS_PRECISION; `related` (P(same) + P(partial)) at the score that keeps
   RELATED_RECALL of the dev pairs labelled same or partial above it (a claim is called
   single-outlet only below it). The test split is not read here (benchmarks/relate_sentence.py).
Writes data/model.json. Takes about a minute on one core.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from khulasa.relate.sentence import data
from khulasa.relate.sentence.features import FEATURES, SentenceProfile, pair_features, profile
from khulasa.relate.sentence.model import LABELS, RelationModel

OUT = Path(__file__).resolve().parent / "data"
SAME_PRECISION = 0.95
CONTRADICTS_PRECISION = 0.80
RELATED_RECALL = 0.95
C_GRID = (0.1, 0.3, 1.0, 3.0)
SHARED_WEIGHTS = (0.0, 0.1, 0.3)


class Profiles:
    """Sentence profiles computed once per distinct text."""

    def __init__(self) -> None:
        self.cache: dict[str, SentenceProfile] = {}

    def __call__(self, text: str) -> SentenceProfile:
        if text not in self.cache:
            self.cache[text] = profile(text)
        return self.cache[text]

    def matrix(self, pairs: list[data.LabelledPair]) -> tuple[np.ndarray, np.ndarray]:
        x = np.array([pair_features(self(p.a), self(p.b)) for p in pairs]).reshape(-1, len(FEATURES))
        y = np.array([LABELS.index(p.label) for p in pairs], dtype=int)
        return x, y


def shared_training() -> list[data.LabelledPair]:
    return data.ans("train") + data.arnli("train") + data.xnli() + data.arbteds("train")


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, c: float) -> RelationModel:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit((x - mean) / scale, y, sample_weight=weights)
    coefficients = np.zeros((len(LABELS), x.shape[1]))
    intercepts = np.full(len(LABELS), -30.0)  # a label absent from training gets ~0 probability
    coefficients[model.classes_] = model.coef_
    intercepts[model.classes_] = model.intercept_
    return RelationModel(coefficients, intercepts, mean, scale, 1.0, 1.0)


def out_of_fold(
    pairs: list[data.LabelledPair], x: np.ndarray, y: np.ndarray, shared: tuple[np.ndarray, np.ndarray, float], c: float
) -> np.ndarray:
    """Probabilities of the ANT training pairs, each month's by a model fitted on the other months
    (and the shared pairs at their weight): scores no model saw the pair for, as dev's are."""
    months = np.array([p.where[0].rsplit("-", 1)[-1][:6] if p.where else "" for p in pairs])
    p = np.zeros((len(pairs), len(LABELS)))
    for month in sorted(set(months)):
        held = months == month
        p[held] = fit(*with_shared(x[~held], y[~held], shared), c).probabilities(x[held])
    return p


def with_shared(
    x: np.ndarray, y: np.ndarray, shared: tuple[np.ndarray, np.ndarray, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, sample weights) of the ANT pairs, and of the shared pairs at their weight
    when it is not 0."""
    x_shared, y_shared, weight = shared
    if not weight:
        return x, y, np.ones(len(y))
    weights = np.concatenate([np.ones(len(y)), np.full(len(y_shared), weight)])
    return np.vstack([x, x_shared]), np.concatenate([y, y_shared]), weights


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0))))


def precision_threshold(scores: np.ndarray, positive: np.ndarray, target: float) -> float:
    """The lowest score at which precision over pairs scoring at least it is >= `target`
    (1.0, i.e. never, when no score reaches it)."""
    best = 1.0
    for t in np.unique(scores)[::-1]:
        chosen = scores >= t
        if positive[chosen].mean() >= target:
            best = float(t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    profiles = Profiles()
    ant_train = data.ant("train") + data.ant("train", sample="contrast")
    ant_dev = data.ant("dev") + data.ant("dev", sample="contrast")
    shared = shared_training()
    x_ant, y_ant = profiles.matrix(ant_train)
    x_shared, y_shared = profiles.matrix(shared)
    x_dev, y_dev = profiles.matrix(ant_dev)
    print(f"train: {len(ant_train)} ANT pairs + {len(shared)} shared; dev: {len(ant_dev)} ANT pairs", file=sys.stderr)
    best: tuple[float, float, float, RelationModel] | None = None
    for weight in SHARED_WEIGHTS:
        x, y, w = with_shared(x_ant, y_ant, (x_shared, y_shared, weight))
        for c in C_GRID:
            model = fit(x, y, w, c)
            loss = log_loss(model.probabilities(x_dev), y_dev)
            print(f"shared weight {weight:.1f} C {c:<4} dev log-loss {loss:.4f}", file=sys.stderr)
            if best is None or loss < best[0] - 1e-9:
                best = (loss, weight, c, model)
    assert best is not None
    loss, weight, c, model = best
    p_dev = model.probabilities(x_dev)
    oof = out_of_fold(ant_train, x_ant, y_ant, (x_shared, y_shared, weight), c)
    same_t = precision_threshold(
        np.concatenate([p_dev[:, 0], oof[:, 0]]), np.concatenate([y_dev == 0, y_ant == 0]), SAME_PRECISION
    )
    contradicts_t = precision_threshold(p_dev[:, 2], y_dev == 2, CONTRADICTS_PRECISION)
    related = p_dev[:, 0] + p_dev[:, 1]
    related_t = float(np.quantile(related[y_dev <= 1], 1.0 - RELATED_RECALL))
    model = RelationModel(
        model.coefficients, model.intercepts, model.mean, model.scale, same_t, contradicts_t, related_t
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "model.json").write_text(
        model.to_json(
            trained_on=f"{len(ant_train)} ANT train pairs (labels/sentence-pairs, main + contrast)"
            + (
                f" and {len(shared)} shared pairs (ANS, ArNLI, XNLI-ar dev, ArbTEDS) weighted {weight}"
                if weight
                else f"; the {len(shared)} shared pairs (ANS, ArNLI, XNLI-ar dev, ArbTEDS) were tried at weights "
                f"{', '.join(str(w) for w in SHARED_WEIGHTS if w)} and left out (dev log-loss worse)"
            ),
            chosen_on=f"{len(ant_dev)} ANT dev pairs: C={c} and the shared weight by log-loss ({loss:.4f}); "
            f"same threshold for precision >= {SAME_PRECISION} on dev + train out of fold by month, "
            f"contradicts for >= {CONTRADICTS_PRECISION}, "
            f"related for dev recall of same + partial >= {RELATED_RECALL}",
        ),
        encoding="utf-8",
    )
    print(
        f"chosen: shared weight {weight}, C {c}; same >= {same_t:.4f}, contradicts >= {contradicts_t:.4f}, "
        f"related >= {related_t:.4f}"
    )


if __name__ == "__main__":
    main()
