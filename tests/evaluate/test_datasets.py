"""The dev sets of issue 13 read from ../shared as the data README describes them (no text copied)."""

import json

import pytest

from khulasa.evaluate import long_set
from khulasa.evaluate.datasets import DATASETS
from khulasa.read.timestamps import parse_time
from tests.conftest import DATA, require


@pytest.fixture(scope="module")
def long_clusters():
    require(DATA / long_set.CORPUS)
    return list(DATASETS["ar-long"].clusters(DATA))


def test_long_arabic_set_is_other_outlets_reports_against_the_bbc_reports_first_250_words(long_clusters):
    with open(DATA / long_set.BBC, encoding="utf-8") as handle:
        bbc = {r["id"]: r for r in map(json.loads, handle)}
    assert len(long_clusters) == 340
    for cluster in long_clusters:
        assert 2 <= len(cluster.articles) <= 6
        story = bbc[cluster.id]
        assert cluster.references == (" ".join(story["text"].split()[:250]),)
        assert len(cluster.references[0].split()) == 250
        when = parse_time(story["time"])
        for article in cluster.articles:
            assert article.outlet != "BBC" and not article.id.startswith("BB-")
            assert abs((parse_time(article.time) - when).total_seconds()) <= 2 * 86400


def test_long_arabic_halves_split_by_date_without_overlap(long_clusters):
    tune = list(DATASETS["ar-long-tune"].records(DATA))
    confirm = list(DATASETS["ar-long-confirm"].records(DATA))
    assert {c["id"] for c in tune}.isdisjoint(c["id"] for c in confirm)
    assert {c["id"] for c in tune} | {c["id"] for c in confirm} == {c.id for c in long_clusters}
    ids = json.loads(long_set.IDS.read_text(encoding="utf-8"))["clusters"]
    when = {c["id"]: parse_time(c["time"]) for c in ids}
    assert max(when[c["id"]] for c in tune) <= min(when[c["id"]] for c in confirm)


def test_single_article_set_gives_each_document_alone_grouped_by_its_story():
    dataset = DATASETS["single-100"]
    require(DATA / dataset.path)
    items = list(dataset.clusters(DATA, limit=5))
    clusters = list(DATASETS["ar-mds-100"].clusters(DATA, limit=5))
    assert len(items) == sum(len(c.articles) for c in clusters)
    by_id = {c.id: c for c in clusters}
    for item in items:
        assert len(item.articles) == 1
        assert item.references == by_id[item.group].references
        assert item.articles[0] in by_id[item.group].articles


def test_duc2007_yields_only_the_topics_with_summaries():
    dataset = DATASETS["duc2007"]
    require(DATA / dataset.path)
    clusters = list(dataset.clusters(DATA))
    assert len(clusters) == 23
    assert all(len(c.references) == 4 and len(c.articles) == 25 for c in clusters)
