"""The same-event model: a logistic regression over `FEATURES`, stored as plain JSON.

P(same event | a, b) = sigmoid(w · (x - mean) / scale + b). The weights, the standardization,
the decision threshold and how they were chosen are in data/model.json, written by train.py;
MODEL_CARD.md reports the held-out figures.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from khulasa.relate.story.features import FEATURES, ArticleProfile, pair_features

UNDATED_GAP_HOURS = 48.0
"""The gap a pair is judged at when either article has no publication time. `pair_features` reads a
missing time as a gap of zero hours, the strongest "same moment" the model knows, and no training
pair is undated: on the labelled pairs with their times removed, precision at the shipped threshold
fell to 0.636 (dev) and 0.661 (test) from 0.909 / 0.913. Judged 48 h apart it is 0.902 / 0.960,
recall 0.474 / 0.485 (0.641 / 0.636 dated): an undated article must convince by its words alone.
A model trained on the same pairs without time features tied it (dev P 0.900, R 0.462), so the
simpler rule stays (`python -m benchmarks.relate_story`, `undated` rows)."""
_LOG_GAP = FEATURES.index("log_gap_hours")
_OVER_3_DAYS = FEATURES.index("gap_over_3_days")


def without_times(features: np.ndarray) -> np.ndarray:
    """The (pairs × FEATURES) rows of `pair_features` as the model judges a pair without a time:
    UNDATED_GAP_HOURS apart (a copy; `time_missing` is already set by `pair_features`)."""
    undated = np.array(features, dtype=float, copy=True)
    undated[..., _LOG_GAP] = math.log1p(UNDATED_GAP_HOURS)
    undated[..., _OVER_3_DAYS] = float(UNDATED_GAP_HOURS > 72)
    return undated


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
        """P(same event) of two profiled articles; when either has no time, judged as
        UNDATED_GAP_HOURS apart (`without_times`), in `khulasa relate` and in clustering alike."""
        features = pair_features(a, b)
        if a.time is None or b.time is None:
            features = without_times(features)
        return float(self.probabilities(features)[0])

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
