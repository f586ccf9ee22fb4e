"""Run a summarizer over an evaluation set and average its ROUGE scores."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from khulasa.evaluate.datasets import EvalCluster
from khulasa.evaluate.rouge import RougeConfig, average, rouge
from khulasa.pipeline import summarize_articles
from khulasa.summarize import Summarizer

System = Callable[[EvalCluster, int, str], str]


def khulasa_system(method: str | Summarizer, align: str = "lexical") -> System:
    """A system that runs Khulasa's full pipeline (cleaning, selection, restatement checks)."""

    def run(cluster: EvalCluster, words: int, language: str) -> str:
        summary = summarize_articles(
            list(cluster.articles), words=words, method=method, language=language, align=align, query=cluster.query
        )
        return summary.text

    return run


@dataclass(frozen=True)
class RunResult:
    scores: dict[str, dict[str, float]]
    clusters: int
    seconds: float


def evaluate_system(system: System, clusters: Iterable[EvalCluster], words: int, config: RougeConfig) -> RunResult:
    """Summarize each cluster and score it against its references."""
    scores = []
    count = 0
    start = time.perf_counter()
    for cluster in clusters:
        summary = system(cluster, words, config.language)
        scores.append(rouge(summary, list(cluster.references), config))
        count += 1
    return RunResult(average(scores), count, time.perf_counter() - start)
