"""Arabic named-entity recognition: a CRF trained on NewsFANE Gold and ANERcorp (see model/)."""

from khulasa.analyze.ner.tagger import EntitySpan, tag_tokens

__all__ = ["EntitySpan", "tag_tokens"]
