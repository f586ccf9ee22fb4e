"""Ingest: store new articles, link near-duplicates, put each article into a story, and keep the
story summaries fresh. Each batch is committed, so a killed run loses nothing already stored and
a rerun first finishes the articles it left unassigned."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tqdm import tqdm

from khulasa.model import Article
from khulasa.store import SQLStore, StoredArticle
from khulasa.stream.clustering import DAY, StoryClusterer
from khulasa.stream.dedup import DuplicateIndex
from khulasa.summarize.order import parse_time

Warn = Callable[[str], None]


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    stories: set[int] = field(default_factory=set)


@dataclass
class StreamState:
    """The in-memory indexes that ingestion needs, rebuilt from the store's recent window."""

    duplicates: DuplicateIndex
    clusterer: StoryClusterer
    story_of: dict[str, int]


def restore_state(store: SQLStore, window_days: float, threshold: float) -> StreamState:
    latest = store.latest_published()
    clusterer = StoryClusterer(threshold, window_days, first_id=store.next_story_id())
    duplicates = DuplicateIndex()
    story_of: dict[str, int] = {}
    if latest is not None:
        for stored in store.articles(since=latest - window_days * DAY):
            if stored.story_id is None:
                continue
            story_of[stored.article.id] = stored.story_id
            if stored.duplicate_of is None:
                duplicates.add(stored.article.id, stored.article.text)
                clusterer.replay(stored.article.title, stored.article.text, stored.published, stored.story_id)
    return StreamState(duplicates, clusterer, story_of)


def _place(state: StreamState, article: Article, published: float | None) -> tuple[int, str | None]:
    original = state.duplicates.add(article.id, article.text)
    if original is not None and original in state.story_of:
        story_id = state.story_of[original]
    else:
        original = None
        story_id = state.clusterer.add(article.title, article.text, published)
    state.story_of[article.id] = story_id
    return story_id, original


def _published(article: Article) -> float:
    parsed = parse_time(article.time)
    return parsed.timestamp() if parsed else float("inf")


def ingest_articles(
    store: SQLStore,
    articles: Iterable[Article],
    window_days: float = 3.0,
    threshold: float = 0.2,
    batch_size: int = 500,
    progress: bool = False,
) -> IngestReport:
    """Store, deduplicate and cluster articles in publication order, one committed batch at a time."""
    report = IngestReport()
    state = restore_state(store, window_days, threshold)
    pending: list[StoredArticle] = store.unassigned()
    ordered = sorted(articles, key=_published)
    report.read = len(ordered)
    bar = tqdm(total=len(ordered) + len(pending), desc="ingesting", unit="article", disable=not progress)
    if pending:
        _assign(store, state, [s.article for s in pending], report)
        bar.update(len(pending))
    for start in range(0, len(ordered), batch_size):
        batch = ordered[start : start + batch_size]
        added = store.add_articles(batch)
        report.added += len(added)
        _assign(store, state, added, report)
        bar.update(len(batch))
    bar.close()
    report.duplicates += store.exact_copies
    return report


def _assign(store: SQLStore, state: StreamState, articles: list[Article], report: IngestReport) -> None:
    assignments = []
    for article in articles:
        parsed = parse_time(article.time)
        story_id, original = _place(state, article, parsed.timestamp() if parsed else None)
        if original is not None:
            store.link_duplicate(article.id, original)
            report.duplicates += 1
        assignments.append((article.id, story_id))
        report.stories.add(story_id)
    store.assign(assignments)
