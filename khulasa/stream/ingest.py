"""Ingest: store new articles, link near-duplicates, put each article into a story, and keep the
story summaries fresh.

Each batch is one transaction: its articles, their stories and a checkpoint of the
deduplication and clustering state commit together. A killed run therefore loses nothing that
was committed, and a rerun resumes from the checkpoint of the last committed batch: it makes
exactly the stories an uninterrupted run makes, whatever the clusterer keeps in memory (idf
counts, open stories, their centroids). One writer clusters at a time (`SQLStore.writer`):
concurrent ingests wait for each other instead of handing out the same story ids.

Times: an article is placed at its publication time; one without a usable time, or dated more
than FUTURE_TOLERANCE_DAYS after the moment of ingest (a feed's error: it would keep its story
open for ever and close every other one), is placed at the time of the newest open story and
stored without a publication time (its time text is kept); the report counts both.

What ingest computes of an article from the article alone (`prepare`: its content hash, MinHash
signature and clustering features) may be computed beforehand, elsewhere: `khulasa archive`
computes it on Dask workers and feeds the batches through `ingest_batches`, the code path of
`ingest_articles`, so both make the same stories.
"""

from __future__ import annotations

import heapq
import math
import pickle
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from datasketch import MinHash
from tqdm import tqdm

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.store import SQLStore
from khulasa.store.sql import keys_hash
from khulasa.stream.clustering import DAY, JOIN_PROBABILITY, ArticleFeatures, StoryClusterer, article_features
from khulasa.stream.dedup import DuplicateIndex, key_minhash
from khulasa.stream.words import ArticleWords, read_words

Warn = Callable[[str], None]
STATE_NAME = "ingest"
# The clusterer's document frequencies are checkpointed apart (`_checkpoint`): a full copy under
# this name, and the counts changed by each batch since, under this name and a sequence number.
FREQUENCY_STATE = STATE_NAME + ".df"
# Near-duplicates are looked for among articles published within this many days of the newest.
DUPLICATE_HORIZON_DAYS = 7.0
# A publication time this long after the moment of ingest is a feed's error, not news.
FUTURE_TOLERANCE_DAYS = 1.0
# A feed read as it comes is put in time order within this span (`in_publication_order`).
REORDER_HOURS = 24.0


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
    undated: int = 0  # articles read without a usable publication time
    future: int = 0  # articles whose time was more than FUTURE_TOLERANCE_DAYS ahead (ignored)
    late: int = 0  # articles that came after the reorder buffer had let out a later one

    @property
    def duplicates(self) -> int:
        return self.exact_copies + self.near_duplicates


@dataclass(frozen=True)
class Prepared:
    """What ingest computes of one article from the article alone, in any order and anywhere."""

    digest: str  # content_hash: the store's key for exact copies
    signature: MinHash  # near-duplicate key
    features: ArticleFeatures  # what the clusterer sees


def prepare(article: Article, with_profile: bool = True) -> Prepared:
    """Everything ingest computes of the article from it alone (the same in any process). The
    text's matching keys serve both the content hash and the MinHash; the same-event profile is
    left for the clusterer to make when the article is first compared, unless `with_profile`."""
    words = read_words(article.title, article.text)
    text_keys = words.text_keys()
    return _prepared(article, keys_hash(words.title_keys(), text_keys), text_keys, words, with_profile)


def _prepared(
    article: Article, digest: str, text_keys: list[str], words: ArticleWords, with_profile: bool = False
) -> Prepared:
    """`prepare` of an article whose content hash, text keys and words are known."""
    return Prepared(
        digest,
        key_minhash(text_keys),
        article_features(article.title, article.text, article.source, with_profile=with_profile, words=words),
    )


Timed = tuple[Article, float | None]  # an article and the time it is placed at (None: no usable time)
Item = tuple[Article, float | None, Prepared | None]


def publication_time(article: Article, now: float) -> float | None:
    """The article's publication time (seconds), or None when it has none, an unusable one, or one
    more than FUTURE_TOLERANCE_DAYS after `now`."""
    parsed = parse_time(article.time)
    if parsed is None or parsed.timestamp() > now + FUTURE_TOLERANCE_DAYS * DAY:
        return None
    return parsed.timestamp()


def in_publication_order(
    articles: Iterable[Article], now: float, reorder_hours: float = REORDER_HOURS
) -> Iterator[Timed]:
    """Articles with their times, oldest first.

    An article without a usable time is placed where the feed put it: just after the newest dated
    article read before it (first, if none was), so it meets the stories open around it and leaves
    memory with them. (It was held to the end of the input: a feed's undated articles piled up
    unboundedly and could only join the stories open when the feed ended.)

    A list or tuple is in memory already and is sorted whole. Any other iterable (a feed read as it
    comes) goes through a reorder buffer: an article is let out once one published `reorder_hours`
    later has been read, so memory holds that span of the feed, not the feed, and input that is in
    time order to within that span comes out exactly as sorted. An article older than one already
    let out comes out at once, out of order (`IngestReport.late` counts them).
    """
    if isinstance(articles, list | tuple):
        for _, article, when in sorted(_placed(articles, now), key=itemgetter(0)):  # stable: input order
            yield article, when
        return
    held: list[tuple[float, int, Article, float | None]] = []  # heap of (place, arrival, article, time)
    newest = -math.inf
    for arrival, (place, article, when) in enumerate(_placed(articles, now)):
        if place == -math.inf:
            yield article, None  # undated, nothing dated read yet: it comes first either way
            continue
        newest = max(newest, place)
        heapq.heappush(held, (place, arrival, article, when))
        while held and held[0][0] < newest - reorder_hours * 3600:
            _, _, ready, ready_when = heapq.heappop(held)
            yield ready, ready_when
    while held:
        _, _, ready, ready_when = heapq.heappop(held)
        yield ready, ready_when


def _placed(articles: Iterable[Article], now: float) -> Iterator[tuple[float, Article, float | None]]:
    """(place, article, publication time or None) in input order: a dated article is placed at its
    time, an undated one at the newest time read before it (-inf before any)."""
    newest = -math.inf
    for article in articles:
        when = publication_time(article, now)
        if when is not None:
            newest = max(newest, when)
        yield (newest if when is None else when), article, when


def counted(timed: Iterable[Timed], report: IngestReport) -> Iterator[Timed]:
    """Pass articles through, counting into the report those read, those placed without a time
    (none or an unusable one, or one in the future) and those placed out of time order."""
    latest = -math.inf
    for article, when in timed:
        report.read += 1
        if when is None:
            report.undated += 1
            report.future += parse_time(article.time) is not None
        elif when < latest:
            report.late += 1
        else:
            latest = when
        yield article, when


@dataclass
class StreamState:
    """What ingestion keeps in memory between articles: checkpointed with every batch."""

    duplicates: DuplicateIndex
    clusterer: StoryClusterer
    frequency_logs: int = 0  # checkpoints of changed document frequencies since their full copy
    frequency_logged: int = 0  # the counts those hold


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
        if state.clusterer.document_frequency is None:  # checkpointed apart: the full copy, then the changes
            frequency: Counter = Counter()
            for _, counts in store.load_states(FREQUENCY_STATE):
                dict.update(frequency, pickle.loads(counts))
            state.clusterer.document_frequency = frequency
        else:  # a checkpoint of the counts inside the state: the next one makes their full copy
            state.frequency_logs, state.frequency_logged = 0, len(state.clusterer.document_frequency)
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


def ingest_articles(
    store: SQLStore,
    articles: Iterable[Article],
    window_days: float = 3.0,
    threshold: float = 0.2,
    batch_size: int = 500,
    progress: bool = False,
    wait: Warn | None = None,
    join_probability: float | None = JOIN_PROBABILITY,
    clock: Callable[[], float] = time.time,
) -> IngestReport:
    """Store, deduplicate and cluster articles in publication order, one committed batch at a time.

    `wait` is told (once) when another writer holds the database and this one waits for it;
    `clock` says when "now" is (times more than a day after it are ignored).
    """
    report = IngestReport()
    timed = counted(in_publication_order(articles, clock()), report)
    total = len(articles) if isinstance(articles, list | tuple) else None
    ingest_batches(
        store, _batches(timed, batch_size), report, total, window_days, threshold, progress, wait, join_probability
    )
    return report


def _batches(timed: Iterable[Timed], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for article, when in timed:
        batch.append((article, when, None))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_batches(
    store: SQLStore,
    batches: Iterable[list[Item]],
    report: IngestReport,
    total: int | None = None,
    window_days: float = 3.0,
    threshold: float = 0.2,
    progress: bool = False,
    wait: Warn | None = None,
    join_probability: float | None = JOIN_PROBABILITY,
) -> IngestReport:
    """Store, deduplicate and cluster batches of (article, time, prepared or None), already in
    publication order (`in_publication_order`), each batch one transaction, into `report` (which
    the caller's reading counts into: `counted`); `total` articles are expected, if known."""
    with store.writer(wait):
        state = load_state(store, window_days, threshold, join_probability)
        # Left by a version without checkpoints.
        pending: list[Item] = [(s.article, s.published, None) for s in store.unassigned()]
        expected = None if total is None else total + len(pending)
        bar = tqdm(total=expected, desc="ingesting", unit="article", disable=not progress)
        if pending:
            with store.transaction():
                _assign(store, state, pending, report)
            bar.update(len(pending))
        for batch in batches:
            # The content hash decides whether an article is new; its MinHash and clustering
            # features are made only if it is (an exact copy or an article stored before is never
            # placed), from the words the hash was made of (`read_words`: read once for all).
            words = [read_words(a.title, a.text) if p is None else None for a, _, p in batch]
            text_keys = [None if w is None else w.text_keys() for w in words]
            digests = [
                p.digest if p is not None else keys_hash(w.title_keys(), keys)  # type: ignore[union-attr]
                for (_, _, p), w, keys in zip(batch, words, text_keys, strict=True)
            ]
            with store.transaction():
                result = store.add_articles(
                    [article for article, _, _ in batch],
                    digests=digests,
                    published=[when for _, when, _ in batch],
                )
                report.added += len(result.new)
                report.exact_copies += result.exact_copies
                report.already_stored += result.already_stored
                report.renamed += result.renamed
                stored: list[Item] = []
                for article, i in zip(result.new, result.positions, strict=True):
                    _, when, prepared = batch[i]
                    if prepared is None:
                        prepared = _prepared(article, digests[i], text_keys[i], words[i])  # type: ignore[arg-type]
                    stored.append((article, when, prepared))
                _assign(store, state, stored, report)
            bar.update(len(batch))
        bar.close()
    return report


def _assign(store: SQLStore, state: StreamState, items: list[Item], report: IngestReport) -> None:
    """Place articles (in this transaction), then checkpoint the state that placed them."""
    state.clusterer.next_id = store.next_story_id()
    first_new = state.clusterer.next_id
    assignments: list[tuple[str, int]] = []
    placed: dict[str, int] = {}
    for article, when, prepared in items:
        signature = prepared.signature if prepared is not None else None
        original = state.duplicates.add(article.id, article.text, when, signature)
        story_id = placed.get(original) if original else None
        if original is not None and story_id is None:
            story_id = store.story_of(original)
        if story_id is not None:
            store.link_duplicate(article.id, original)
            report.near_duplicates += 1
        else:
            features = prepared.features if prepared is not None else None
            story_id = state.clusterer.add(article.title, article.text, when, article.id, article.source, features)
        placed[article.id] = story_id
        assignments.append((article.id, story_id))
        report.stories.add(story_id)
    store.assign(assignments, new_stories=range(first_new, state.clusterer.next_id))
    _checkpoint(store, state)


def _checkpoint(store: SQLStore, state: StreamState) -> None:
    """Save the state (in the batch's transaction). The document frequencies, which grow with the
    vocabulary of the whole feed (49,000 terms after 22,000 articles; pickled with the state they
    were its largest part, 12-17 ms a batch), are saved apart: the counts this batch changed (about
    7,000), and a full copy instead once the changes saved since the last one would hold as many
    counts as it, so the counts written a batch stay within twice those the batch changed, however
    long the feed."""
    clusterer = state.clusterer
    frequency, changed = clusterer.document_frequency, clusterer.df_changed
    logs = [f"{FREQUENCY_STATE}.{k:08d}" for k in range(state.frequency_logs)]
    if state.frequency_logged + len(changed) >= len(frequency):
        store.save_state(FREQUENCY_STATE, pickle.dumps(frequency, protocol=pickle.HIGHEST_PROTOCOL))
        store.delete_states(logs)
        state.frequency_logs = state.frequency_logged = 0
    else:
        counts = {term: frequency[term] for term in changed}
        store.save_state(f"{FREQUENCY_STATE}.{len(logs):08d}", pickle.dumps(counts, protocol=pickle.HIGHEST_PROTOCOL))
        state.frequency_logs += 1
        state.frequency_logged += len(counts)
    changed.clear()
    clusterer.document_frequency = None  # type: ignore[assignment]
    try:
        store.save_state(STATE_NAME, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        clusterer.document_frequency = frequency
