"""Representations of sentences for selection and alignment: stems, concepts, tf-idf vectors."""

from khulasa.represent.story import Story, build_story

__all__ = ["Story", "build_story"]
