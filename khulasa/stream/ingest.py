"""Ingest: store new articles, link near-duplicates, put each article into a story, and keep the
story summaries fresh.

Each batch is one transaction: its articles, their stories and a checkpoint of the
deduplication and clustering state commit together. A killed run therefore loses nothing that
was committed, and a rerun resumes from the checkpoint of the last committed batch: it makes
exactly the stories an uninterrupted run makes, whatever the clusterer keeps in memory (idf
counts, open stories, their centroids). One writer clusters at a time (`SQLStore.writer`):
concurrent ingests wait for each other instead of handing out the same story ids.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tqdm import tqdm

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.store import SQLStore
from khulasa.stream.clustering import DAY, JOIN_PROBABILITY, StoryClusterer
from khulasa.stream.dedup import DuplicateIndex

Warn = Callable[[str], None]
STATE_NAME = "ingest"
# Near-duplicates are looked for among articles published within this many days of the newest.
DUPLICATE_HORIZON_DAYS = 7.0


@dataclass
class IngestReport:
    """What an ingest did with every article it read; the counts add up to `read`."""

    read: int = 0
    added: int = 0
    exact_copies: int = 0
    near_duplicates: int = 0
    already_stored: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)
    stories: set[int] = field(default_factory=set)

    @property
    def duplicates(self) -> int:
        return self.exact_copies + self.near_duplicates


@dataclass
class StreamState:
    """What ingestion keeps in memory between articles: checkpointed with every batch."""

    duplicates: DuplicateIndex
    clusterer: StoryClusterer


def _fresh_state(threshold: float, window_days: float, join_probability: float | None) -> StreamState:
    return StreamState(
        DuplicateIndex(horizon=DUPLICATE_HORIZON_DAYS * DAY),
        StoryClusterer(threshold, window_days, first_id=1, join_probability=join_probability),
    )


def load_state(
    store: SQLStore, window_days: float, threshold: float, join_probability: float | None = JOIN_PROBABILITY
) -> StreamState:
    """The state checkpointed by the last committed batch (a database the ingester never wrote
    to starts empty; one written before checkpoints existed is replayed once, in order)."""
    saved = store.load_state(STATE_NAME)
    if saved is not None:
        # The checkpoint was written by this program into its own database (trusted input).
        state: StreamState = pickle.loads(saved)
        state.clusterer.threshold = threshold
        state.clusterer.window = window_days * DAY
        state.clusterer.join_probability = join_probability
    else:
        state = _fresh_state(threshold, window_days, join_probability)
        for stored in store.articles():
            if stored.story_id is None or stored.duplicate_of is not None:
                continue
            article = stored.article
            state.duplicates.add(article.id, article.text, stored.published)
            state.clusterer.replay(article.title, article.text, stored.published, stored.story_id, article.id)
    state.clusterer.fetch = store.article
    return state


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
    wait: Warn | None = None,
    join_probability: float | None = JOIN_PROBABILITY,
) -> IngestReport:
    """Store, deduplicate and cluster articles in publication order, one committed batch at a time.

    `wait` is told (once) when another writer holds the database and this one waits for it.
    """
    report = IngestReport()
    ordered = sorted(articles, key=_published)
    report.read = len(ordered)
    with store.writer(wait):
        state = load_state(store, window_days, threshold, join_probability)
        pending = [s.article for s in store.unassigned()]  # left by a version without checkpoints
        bar = tqdm(total=len(ordered) + len(pending), desc="ingesting", unit="article", disable=not progress)
        if pending:
            with store.transaction():
                _assign(store, state, pending, report)
            bar.update(len(pending))
        for start in range(0, len(ordered), batch_size):
            batch = ordered[start : start + batch_size]
            with store.transaction():
                result = store.add_articles(batch)
                report.added += len(result.new)
                report.exact_copies += result.exact_copies
                report.already_stored += result.already_stored
                report.renamed += result.renamed
                _assign(store, state, result.new, report)
            bar.update(len(batch))
        bar.close()
    return report


def _assign(store: SQLStore, state: StreamState, articles: list[Article], report: IngestReport) -> None:
    """Place articles (in this transaction), then checkpoint the state that placed them."""
    state.clusterer.next_id = store.next_story_id()
    first_new = state.clusterer.next_id
    assignments: list[tuple[str, int]] = []
    placed: dict[str, int] = {}
    for article in articles:
        published = parse_time(article.time)
        when = published.timestamp() if published else None
        original = state.duplicates.add(article.id, article.text, when)
        story_id = placed.get(original) if original else None
        if original is not None and story_id is None:
            story_id = store.story_of(original)
        if story_id is not None:
            store.link_duplicate(article.id, original)
            report.near_duplicates += 1
        else:
            story_id = state.clusterer.add(article.title, article.text, when, article.id, article.source)
        placed[article.id] = story_id
        assignments.append((article.id, story_id))
        report.stories.add(story_id)
    store.assign(assignments, new_stories=range(first_new, state.clusterer.next_id))
    store.save_state(STATE_NAME, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
