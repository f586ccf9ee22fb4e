"""Same-event judgment for two news articles: features, a logistic model trained on labelled ANT
pairs (`train.py`, `MODEL_CARD.md`), and its calibrated probability."""

from khulasa.relate.story.features import FEATURES, ArticleProfile, Background, pair_features, profile
from khulasa.relate.story.model import SameEventModel, load_model

__all__ = ["FEATURES", "ArticleProfile", "Background", "SameEventModel", "load_model", "pair_features", "profile"]
