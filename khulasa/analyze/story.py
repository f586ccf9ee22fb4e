"""The full account of a story: summary, entities, quotes, agreement and dates, in one structure."""

from __future__ import annotations

from dataclasses import dataclass

from khulasa.analyze.agreement import Contradiction, Fact, find_contradictions, group_facts
from khulasa.analyze.entities import Entity, canonicalize, story_mentions
from khulasa.analyze.quotes import Quote, extract_quotes
from khulasa.analyze.timeline import DateMention, dates_mentioned
from khulasa.model import Summary
from khulasa.pipeline import summarize_story
from khulasa.represent.story import Story


@dataclass(frozen=True)
class StoryAnalysis:
    summary: Summary
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    facts: tuple[Fact, ...]
    dates: tuple[DateMention, ...]
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def single_outlet_facts(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.coverage == "one")


def analyze_story(story: Story, words: int = 100, method: str = "ilp", align: str = "lexical") -> StoryAnalysis:
    """Summarize the story and extract who is involved, who said what, and where outlets differ."""
    summary = summarize_story(story, words, method, align)
    entities: list[Entity] = []
    quotes: list[Quote] = []
    if story.language == "ar":
        mentions = story_mentions(story)
        entities = canonicalize(mentions)
        quotes = extract_quotes(story, mentions, entities)
    return StoryAnalysis(
        summary=summary,
        entities=tuple(entities),
        quotes=tuple(quotes),
        facts=tuple(group_facts(story, align)),
        dates=tuple(dates_mentioned(story)),
        contradictions=tuple(find_contradictions(story)),
    )
