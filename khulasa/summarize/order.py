"""Order chosen sentences: by article date when known, then by place in the article."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

from khulasa.represent.story import Story


def parse_time(value: str | None) -> datetime | None:
    """Parse ISO 8601 or RFC 2822 (feed) timestamps; None when absent or unreadable."""
    if not value:
        return None
    for parse in (datetime.fromisoformat, parsedate_to_datetime):
        try:
            parsed = parse(value.strip())
        except (TypeError, ValueError, IndexError):
            continue
        return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    return None


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
