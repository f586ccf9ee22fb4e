"""Lead baseline: the opening sentences of one article, as news editors write them."""

from __future__ import annotations

from khulasa.represent.story import Story
from khulasa.summarize.base import Budget


class LeadSummarizer:
    """Leading sentences of one article (`document`: its place in the input, default the first)
    until the budget is met.

    Which article comes first is an accident of the input, so benchmarks average this baseline
    over every choice of `document`. When the article's first sentence alone is over the budget, it
    is the summary if it is within the allowance (twice the budget: the pipeline shows it cut to
    the budget unless long sentences are allowed); else the first such sentence of that article,
    or then of the story.
    """

    name = "lead"

    def __init__(self, document: int = 0) -> None:
        self.document = document

    def select(self, story: Story, budget: Budget) -> list[int]:
        chosen: list[int] = []
        used = 0
        for index, sentence in enumerate(story.sentences):
            if sentence.doc_index != self.document:
                if chosen:
                    break
                continue
            if used + sentence.word_count > budget.words:
                break
            chosen.append(index)
            used += sentence.word_count
        if chosen:
            return chosen
        own = [i for i, s in enumerate(story.sentences) if s.doc_index == self.document]
        others = [i for i, s in enumerate(story.sentences) if s.doc_index != self.document]
        return next(([i] for i in own + others if story.sentences[i].word_count <= budget.allowance), [])
