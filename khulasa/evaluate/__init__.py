"""Evaluation: ROUGE with language-aware tokens, and data-set runners for benchmarks."""
