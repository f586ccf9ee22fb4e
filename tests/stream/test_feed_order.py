"""A feed read as it comes is ingested through a bounded reorder buffer, with the stories of a
whole sort when the feed is in time order to within the buffer's span (real ANT articles)."""

from __future__ import annotations

import contextlib
import itertools
import random
from collections.abc import Iterator

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.store import SQLiteStore
from khulasa.stream.ingest import REORDER_HOURS, in_publication_order, ingest_articles
from tests.stream.conftest import stories_of


def _seconds(article: Article) -> float:
    parsed = parse_time(article.time)
    assert parsed is not None
    return parsed.timestamp()


def _nearly_ordered(records: list[dict]) -> list[Article]:
    """The two ANT days in time order, then shuffled within windows of 20 articles (a few hours):
    outlets' feeds interleave late."""
    articles = sorted(
        (Article(r["id"], r["text"], r["title"], r["src"], r["url"], r["time"]) for r in records), key=_seconds
    )
    rng = random.Random(5)
    for start in range(0, len(articles), 20):
        window = articles[start : start + 20]
        rng.shuffle(window)
        articles[start : start + 20] = window
    return articles


def test_a_nearly_ordered_feed_streams_into_the_stories_of_a_whole_sort(tmp_path, ant_days):
    _, records = ant_days
    articles = _nearly_ordered(records)
    assert max(_seconds(a) - _seconds(b) for a, b in itertools.pairwise(articles)) < REORDER_HOURS * 3600
    whole, streamed = tmp_path / "whole.sqlite", tmp_path / "streamed.sqlite"
    with SQLiteStore(whole) as store:
        ingest_articles(store, articles, batch_size=50)
    with SQLiteStore(streamed) as store:
        report = ingest_articles(store, iter(articles), batch_size=50)
    assert report.read == len(articles) and report.late == 0
    assert stories_of(streamed) == stories_of(whole)


def test_the_feed_is_not_read_whole_before_the_first_batch_is_stored(tmp_path, ant_days):
    """Ingest sorted the whole input first, so memory held the whole feed (and a feed that broke
    off half-way stored nothing). Now batches are committed while the feed is still being read:
    the buffer holds a day of news."""
    _, records = ant_days
    articles = _nearly_ordered(records)
    read = 0

    def feed() -> Iterator[Article]:
        nonlocal read
        for article in articles:
            read += 1
            yield article
        raise ConnectionError("the feed broke off")

    db = tmp_path / "k.sqlite"
    with SQLiteStore(db) as store, contextlib.suppress(ConnectionError):
        ingest_articles(store, feed(), batch_size=50)
    stored = len(stories_of(db)["articles"])
    assert read == len(articles) and stored >= 100  # the first day's batches were committed


def test_an_article_later_than_the_buffer_is_placed_at_once_and_counted():
    from khulasa.stream.ingest import IngestReport, counted

    articles = [
        Article("a", "خبر أول عن الانتخابات", None, "x", None, "2018-04-10T08:00:00"),
        Article("b", "خبر ثان عن الانتخابات", None, "x", None, "2018-04-11T12:00:00"),
        Article("c", "خبر متأخر عن الانتخابات", None, "x", None, "2018-04-10T07:00:00"),
        Article("d", "خبر بلا تاريخ", None, "x", None, None),
    ]
    now = _seconds(articles[1])
    assert [a.id for a, _ in in_publication_order(articles, now)] == ["c", "a", "b", "d"]  # a list: sorted whole
    report = IngestReport()
    streamed = [a.id for a, _ in counted(in_publication_order(iter(articles), now), report)]
    assert streamed == ["a", "c", "b", "d"]  # 'a' was let out when 'b', 28 h newer, came
    assert (report.read, report.late, report.undated) == (4, 1, 1)
