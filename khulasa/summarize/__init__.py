"""Extractive multi-document summarizers behind one interface, and the registry of methods."""

from __future__ import annotations

from khulasa.summarize.base import Budget, Summarizer
from khulasa.summarize.centroid import CentroidSummarizer
from khulasa.summarize.coverage import CoverageSummarizer
from khulasa.summarize.lead import LeadSummarizer
from khulasa.summarize.lexrank import LexRankSummarizer

METHODS: dict[str, type] = {
    "ilp": CoverageSummarizer,
    "lexrank": LexRankSummarizer,
    "centroid": CentroidSummarizer,
    "lead": LeadSummarizer,
}
DEFAULT_METHOD = "ilp"


def get_summarizer(name: str = DEFAULT_METHOD) -> Summarizer:
    """A summarizer by method name (see METHODS)."""
    try:
        return METHODS[name]()
    except KeyError:
        raise ValueError(f"unknown method '{name}' (choose from {', '.join(METHODS)})") from None


__all__ = ["DEFAULT_METHOD", "METHODS", "Budget", "Summarizer", "get_summarizer"]
