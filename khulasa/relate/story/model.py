"""The same-event model: a logistic regression over `FEATURES`, stored as plain JSON.

P(same event | a, b) = sigmoid(w · (x - mean) / scale + b). The weights, the standardization,
the decision threshold and how they were chosen are in data/model.json, written by train.py;
MODEL_CARD.md reports the held-out figures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from khulasa.relate.story.features import FEATURES, ArticleProfile, pair_features


@dataclass(frozen=True)
class SameEventModel:
    """Calibrated probability that two articles report the same event.

    Parameters
    ----------
    coefficients, intercept : the logistic regression over standardized features.
    mean, scale : the standardization, fitted on the training pairs.
    threshold : the probability at or above which two articles are called the same event
        (chosen on the dev split for precision; see the model card).
    """

    coefficients: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(same event) for each row of a (pairs × FEATURES) matrix."""
        z = ((np.atleast_2d(features) - self.mean) / self.scale) @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def probability(self, a: ArticleProfile, b: ArticleProfile) -> float:
        return float(self.probabilities(pair_features(a, b))[0])

    def to_json(self, **extra: object) -> str:
        record = {
            "features": list(FEATURES),
            "coefficients": [round(float(c), 6) for c in self.coefficients],
            "intercept": round(float(self.intercept), 6),
            "mean": [round(float(m), 6) for m in self.mean],
            "scale": [round(float(s), 6) for s in self.scale],
            "threshold": round(float(self.threshold), 4),
            **extra,
        }
        return json.dumps(record, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SameEventModel:
        record = json.loads(text)
        if record["features"] != list(FEATURES):
            raise ValueError("the model was trained on other features: rebuild it with khulasa.relate.story.train")
        return cls(
            np.array(record["coefficients"]),
            float(record["intercept"]),
            np.array(record["mean"]),
            np.array(record["scale"]),
            float(record["threshold"]),
        )


@lru_cache(maxsize=1)
def load_model() -> SameEventModel:
    """The shipped model (data/model.json)."""
    return SameEventModel.from_json(files("khulasa.relate.story").joinpath("data", "model.json").read_text("utf-8"))
