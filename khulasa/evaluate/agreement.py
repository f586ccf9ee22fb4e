"""Human agreement ceiling: each reference summary scored against the other references of its topic."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from khulasa.evaluate.rouge import RougeConfig, Score, average, rouge

_NAME = re.compile(r"task(\d+)_arabic(Reference|System)(\d+)\.txt$")


def read_summaries(folder: Path) -> dict[str, list[str]]:
    """Summaries by topic from MultiLing-style file names (taskN_arabicReferenceK.txt)."""
    topics: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.glob("*.txt")):
        match = _NAME.search(path.name)
        if match:
            topics[match.group(1)].append(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))
    return dict(topics)


def leave_one_out(references: dict[str, list[str]], config: RougeConfig) -> tuple[dict[str, dict[str, float]], int]:
    """Average ROUGE of every reference against the others of its topic, and how many were scored."""
    scores: list[dict[str, Score]] = []
    for summaries in references.values():
        for index, summary in enumerate(summaries):
            others = summaries[:index] + summaries[index + 1 :]
            if others:
                scores.append(rouge(summary, others, config))
    return average(scores), len(scores)


def system_scores(
    systems: dict[str, list[str]], references: dict[str, list[str]], config: RougeConfig
) -> tuple[dict[str, dict[str, float]], int]:
    """Average ROUGE of system summaries against all references of their topic."""
    scores = [
        rouge(summary, references[topic], config)
        for topic, summaries in systems.items()
        if topic in references
        for summary in summaries
    ]
    return average(scores), len(scores)
