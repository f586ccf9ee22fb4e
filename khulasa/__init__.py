"""Khulasa (خلاصة): source-attributed multi-document summaries of Arabic news."""

__version__ = "0.1.0"
