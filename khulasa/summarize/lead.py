"""Lead baseline: the opening sentences of the first article, as news editors write them."""

from __future__ import annotations

from khulasa.represent.story import Story
from khulasa.summarize.base import Budget


class LeadSummarizer:
    """Leading sentences of the first article (first in input order) until the budget is met."""

    name = "lead"

    def select(self, story: Story, budget: Budget) -> list[int]:
        chosen: list[int] = []
        used = 0
        for index, sentence in enumerate(story.sentences):
            if sentence.doc_index != 0:
                break
            if used + sentence.word_count > budget.words:
                break
            chosen.append(index)
            used += sentence.word_count
        return chosen or [0]
