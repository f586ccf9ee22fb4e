"""Lead baseline: the opening sentences of the first article, as news editors write them."""

from __future__ import annotations

from khulasa.represent.story import Story
from khulasa.summarize.base import Budget


class LeadSummarizer:
    """Leading sentences of the first article (first in input order) until the budget is met.

    When the first sentence alone is over the budget, it is the summary if it is within the
    allowance (twice the budget); else the first sentence of the story that is.
    """

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
        if chosen:
            return chosen
        return next(([i] for i, s in enumerate(story.sentences) if s.word_count <= budget.allowance), [])
