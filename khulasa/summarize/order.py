"""Order chosen sentences: by article date when known, then by place in the article."""

from __future__ import annotations

from khulasa.read.timestamps import parse_time
from khulasa.represent.story import Story

__all__ = ["order_sentences"]


def order_sentences(story: Story, chosen: list[int]) -> list[int]:
    """Day of publication first (older news first), then relative position, then input order."""
    days = {}
    for doc_index, clean in enumerate(story.articles):
        parsed = parse_time(clean.article.time)
        days[doc_index] = parsed.date().toordinal() if parsed else 0

    def key(index: int) -> tuple[int, float, int]:
        sentence = story.sentences[index]
        return (days[sentence.doc_index], sentence.relative_position, sentence.doc_index)

    return sorted(chosen, key=key)
