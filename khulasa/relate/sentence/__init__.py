"""Relation of two sentences of different outlets — same fact, partial, contradicts, unrelated:
explicit checks (`checks.py`), features, a multinomial logistic model trained on labelled ANT
pairs (`train.py`, `MODEL_CARD.md`), and its calibrated probabilities."""

from khulasa.relate.sentence.features import FEATURES, SentenceProfile, pair_features, profile
from khulasa.relate.sentence.model import LABELS, RelationModel, load_model

__all__ = ["FEATURES", "LABELS", "RelationModel", "SentenceProfile", "load_model", "pair_features", "profile"]
