"""Bad input to ingest and archive, on real Arabic news: missing and future times, template
headlines of unrelated events, repeated ids. Nothing crashes, nothing is lost silently, and none
of them puts an article into a story it does not belong to."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from khulasa.model import Article
from khulasa.store import SQLiteStore
from khulasa.stream.clustering import StoryClusterer
from khulasa.stream.ingest import ingest_articles
from tests.stream.conftest import stories_of

# Labelled ANT pairs (labels/story-pairs, train split): two different missile interceptions over
# Saudi Arabia eight days apart (same topic, another event), and two reports of Russia's answer
# to the US expulsions 1.3 hours apart (same event).
OTHER_INTERCEPTION = ("SK-middleEast-1471-20180506", "CN-middleEast-751-20180428")  # sp-train-0577
SAME_EXPULSIONS = ("SK-internationalNews-676-20180329", "CN-internationalNews-197-20180329")  # sp-train-0002


@pytest.fixture(scope="module")
def ant() -> dict[str, Article]:
    from khulasa.relate.story.train import corpus_articles
    from tests.conftest import DATA, require

    wanted = {*OTHER_INTERCEPTION, *SAME_EXPULSIONS}
    found = {
        a.id: a for _, a in corpus_articles(require(DATA / "ant-news-2018" / "articles.jsonl.xz")) if a.id in wanted
    }
    assert set(found) == wanted
    return found


def _seconds(article: Article) -> float:
    from khulasa.read.timestamps import parse_time

    parsed = parse_time(article.time)
    assert parsed is not None
    return parsed.timestamp()


@pytest.mark.parametrize(("pair", "joined"), [(OTHER_INTERCEPTION, False), (SAME_EXPULSIONS, True)])
def test_an_undated_article_joins_a_story_by_its_words_not_by_a_gap_of_zero(ant, pair, joined):
    """The model read a missing time as a gap of zero hours, its strongest "same moment": an
    undated report of another interception joined the story (p 0.93; 0.10 with its real time)."""
    first, second = (ant[i] for i in pair)
    clusterer = StoryClusterer()
    story = clusterer.add(first.title, first.text, _seconds(first), first.id, first.source)
    assert (clusterer.add(second.title, second.text, None, second.id, second.source) == story) is joined


# Short urgent bulletins of four unrelated events, each under a headline of template words only.
BULLETINS = [
    ("عاجل", "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في كراتشي."),
    ("عاجل", "البنك المركزي المصري يثبت أسعار الفائدة."),
    ("شاهد..", "ريال مدريد يفوز على يوفنتوس بثلاثية."),
    ("عاجل:", "زلزال بقوة 6 درجات يضرب جنوب إيران."),
]


def test_template_headlines_alone_never_join_unrelated_reports(tmp_path, ant):
    """Before, the four bulletins made one story: «عاجل» twice in every article's terms, and
    identical headlines for the model. Two reports of one event under «عاجل» still meet by their
    words (the first line of the text stands in for the headline, as for an article without one)."""
    articles = [
        Article(f"bulletin-{i}", text, title, f"outlet-{i}", None, f"2018-03-29T10:{i:02d}:00")
        for i, (title, text) in enumerate(BULLETINS)
    ]
    reports = [replace(ant[i], title="عاجل") for i in SAME_EXPULSIONS]
    with SQLiteStore(tmp_path / "k.sqlite") as store:
        ingest_articles(store, [*articles, *reports])
        story_of = {s.article.id: s.story_id for s in store.articles()}
    assert len({story_of[a.id] for a in articles}) == len(articles)
    assert story_of[SAME_EXPULSIONS[0]] == story_of[SAME_EXPULSIONS[1]]
    assert story_of[SAME_EXPULSIONS[0]] not in {story_of[a.id] for a in articles}


FUTURE = "Fri, 01 Jan 2099 10:00:00 +0000"


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_time_in_the_future_is_ignored_and_reported(tmp_path, ant_days):
    """A feed says an article of 10 April 2018 was published in 2099. It used to close every open
    story (ingest placed it last), stay open for ever, and sit on top of the story list; an undated
    article after it was placed in 2099 too. Now it is treated as undated: the stories of three
    successive ingests are those of the same feeds with that article's time left out."""
    _, records = ant_days
    first_day = [r for r in records if " 10 Apr 2018 " in r["time"]]
    second_day = [r for r in records if " 11 Apr 2018 " in r["time"]]
    odd = next(r for r in first_day if r["id"] == "CN-technology-81-20180410")  # copies no other article
    undated = {**second_day[10], "time": None}
    clock = datetime(2018, 4, 12, tzinfo=UTC).timestamp
    results = []
    for name, time in (("future", FUTURE), ("undated", None)):
        db = tmp_path / f"{name}.sqlite"
        runs = (
            [*(r for r in first_day if r is not odd), {**odd, "time": time}],
            [r for r in second_day[:60] if r["id"] != undated["id"]] + [undated],
            second_day[60:],
        )
        reports = []
        with SQLiteStore(db) as store:
            for records_of_run in runs:
                articles = [
                    Article(r["id"], r["text"], r["title"], r["src"], r["url"], r["time"]) for r in records_of_run
                ]
                reports.append(ingest_articles(store, articles, clock=clock))
            newest = store.stories()[0]
            assert newest.last_published is not None and newest.last_published < clock()
        assert [r.undated for r in reports] == [1, 1, 0]
        assert [r.future for r in reports] == [int(time is not None), 0, 0]
        results.append(stories_of(db))
    assert results[0]["articles"] == results[1]["articles"]
    with SQLiteStore(tmp_path / "future.sqlite") as store:
        stored = next(s for s in store.articles() if s.article.id == odd["id"])
    assert stored.published is None and stored.article.time == FUTURE  # the time text is kept
