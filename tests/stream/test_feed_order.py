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


def test_an_undated_article_is_placed_where_the_feed_put_it_not_held_to_the_end():
    """A feed's undated articles were held until the feed ended: memory grew with every one of
    them, and each could only join the stories still open at the end. Now each comes just after
    the newest dated article read before it, the same in a list and in a feed read as it comes."""
    articles = [
        Article("u0", "خبر بلا تاريخ قبل كل شيء", None, "x", None, None),
        Article("a", "خبر أول عن الانتخابات", None, "x", None, "2018-04-10T08:00:00"),
        Article("u1", "خبر بلا تاريخ عن الانتخابات", None, "x", None, None),
        Article("b", "خبر ثان عن الانتخابات", None, "x", None, "2018-04-10T07:00:00"),
        Article("c", "خبر بعد يومين", None, "x", None, "2018-04-12T09:00:00"),
        Article("d", "خبر بعد ثلاثة أيام", None, "x", None, "2018-04-13T10:00:00"),
    ]
    now = _seconds(articles[-1])
    expected = ["u0", "b", "a", "u1", "c", "d"]
    assert [a.id for a, _ in in_publication_order(articles, now)] == expected
    streamed = in_publication_order(iter(articles), now)
    assert [a.id for a, _ in itertools.islice(streamed, 4)] == expected[:4]  # u1 out before the feed ends
    assert [when is None for _, when in in_publication_order(articles, now)] == [True, False, False, True, False, False]


def test_undated_articles_leave_the_duplicate_index_with_their_neighbours():
    """The near-duplicate index forgets articles older than its horizon; an undated one was kept
    for ever. Now it goes with the dated articles around it (one before any dated article waits
    for the first one's time)."""
    from khulasa.stream.dedup import DuplicateIndex

    day = 86400.0
    index = DuplicateIndex(horizon=2 * day)
    texts = {
        "u0": "أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة تشمل جميع المحافظات وتستمر أسبوعين",
        "a": "قال المتحدث باسم الجيش إن القوات استعادت السيطرة على ثلاث قرى في ريف المدينة الشمالي",
        "u1": "وصل وفد من رجال الأعمال إلى العاصمة لبحث فرص الاستثمار في قطاع الطاقة المتجددة",
        "b": "افتتح الرئيس معرضا دوليا للكتاب بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة",
    }
    index.add("u0", texts["u0"], None)
    index.add("a", texts["a"], 1.0 * day)
    index.add("u1", texts["u1"], None)
    assert set(index.signatures) == {"u0", "a", "u1"}
    index.add("b", texts["b"], 4.0 * day)
    assert set(index.signatures) == {"b"}
