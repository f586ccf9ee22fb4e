"""The sentence-relation model: a multinomial logistic regression over `FEATURES`, stored as JSON.

P(label | a, b) = softmax(W · (x - mean) / scale + b) over LABELS. The weights, the
standardization, the decision thresholds and how they were chosen are in data/model.json, written
by train.py; MODEL_CARD.md reports the held-out figures.

The decision (`decide`) is what users read: `same` only when P(same) reaches `same_threshold`
(chosen for precision — a badge "3/3 outlets" counts only these), `contradicts` only when
P(contradicts) reaches `contradicts_threshold`; otherwise the likelier of `partial` and
`unrelated`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from khulasa.relate.sentence.features import FEATURES, SentenceProfile, pair_features

LABELS = ("same", "partial", "contradicts", "unrelated")


@dataclass(frozen=True)
class RelationModel:
    """Calibrated probabilities of the relation between two sentences of different outlets.

    Parameters
    ----------
    coefficients : (len(LABELS), len(FEATURES)) weights over standardized features.
    intercepts : one per label.
    mean, scale : the standardization, fitted on the training pairs.
    same_threshold : P(same) at or above which a pair is called `same` (dev precision target).
    contradicts_threshold : P(contradicts) at or above which a pair is called `contradicts`.
    related_threshold : P(same) + P(partial) below which a pair is surely not related: a claim is
        called single-outlet only when every other outlet's sentence stays below it (chosen on dev
        for the recall of related pairs).
    """

    coefficients: np.ndarray
    intercepts: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    same_threshold: float
    contradicts_threshold: float
    related_threshold: float = 0.5

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """(pairs × LABELS) probabilities for a (pairs × FEATURES) matrix."""
        z = ((np.atleast_2d(features) - self.mean) / self.scale) @ self.coefficients.T + self.intercepts
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def decide(self, p: np.ndarray) -> list[str]:
        """The relation shown to users for each row of probabilities (see the module docstring)."""
        decisions = []
        for row in np.atleast_2d(p):
            if row[0] >= self.same_threshold:
                decisions.append("same")
            elif row[2] >= self.contradicts_threshold:
                decisions.append("contradicts")
            else:
                decisions.append("partial" if row[1] >= row[3] else "unrelated")
        return decisions

    def relate(self, a: SentenceProfile, b: SentenceProfile) -> tuple[str, dict[str, float]]:
        p = self.probabilities(pair_features(a, b))
        return self.decide(p)[0], {label: float(v) for label, v in zip(LABELS, p[0], strict=True)}

    def to_json(self, **extra: object) -> str:
        record = {
            "labels": list(LABELS),
            "features": list(FEATURES),
            "coefficients": [[round(float(c), 6) for c in row] for row in self.coefficients],
            "intercepts": [round(float(c), 6) for c in self.intercepts],
            "mean": [round(float(m), 6) for m in self.mean],
            "scale": [round(float(s), 6) for s in self.scale],
            "same_threshold": round(float(self.same_threshold), 4),
            "contradicts_threshold": round(float(self.contradicts_threshold), 4),
            "related_threshold": round(float(self.related_threshold), 4),
            **extra,
        }
        return json.dumps(record, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RelationModel:
        record = json.loads(text)
        if record["features"] != list(FEATURES) or record["labels"] != list(LABELS):
            raise ValueError("the model was trained on other features: rebuild it with khulasa.relate.sentence.train")
        return cls(
            np.array(record["coefficients"]),
            np.array(record["intercepts"]),
            np.array(record["mean"]),
            np.array(record["scale"]),
            float(record["same_threshold"]),
            float(record["contradicts_threshold"]),
            float(record["related_threshold"]),
        )


@lru_cache(maxsize=1)
def load_model() -> RelationModel:
    """The shipped model (data/model.json)."""
    return RelationModel.from_json(files("khulasa.relate.sentence").joinpath("data", "model.json").read_text("utf-8"))
