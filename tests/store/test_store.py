from dataclasses import replace

from khulasa.store import SQLiteStore, content_hash


def test_schema_is_migrated_once_and_wal_is_on(tmp_path):
    path = tmp_path / "k.sqlite"
    with SQLiteStore(path) as store:
        assert store.schema_version() == 2
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with SQLiteStore(path) as store:  # reopening applies nothing twice
        assert store.schema_version() == 2


def test_ingestion_is_idempotent_by_content_hash(make_store, example_articles):
    with make_store() as store:
        assert len(store.add_articles(example_articles)) == 3
        assert store.add_articles(example_articles) == []
        respelled = replace(example_articles[0], id="copy", text=example_articles[0].text.replace("ايران", "إيران"))
        assert content_hash(respelled) == content_hash(example_articles[0])
        assert store.add_articles([respelled]) == []  # an exact copy: kept and linked, not new
        assert store.article_count() == 4 and store.exact_copies == 1
        copy = next(s for s in store.articles() if s.article.id == "copy")
        assert copy.duplicate_of == "report-a"
        store.assign([("report-a", 7)])
        assert next(s for s in store.articles() if s.article.id == "copy").story_id == 7


def test_stories_keep_counts_outlets_and_summaries(make_store, example_articles):
    with make_store() as store:
        store.add_articles(example_articles)
        store.assign([(a.id, 1) for a in example_articles])
        store.link_duplicate("report-c", "report-a")
        store.assign([("report-c", 1)])
        story = store.story(1)
        assert story.article_count == 2  # the linked duplicate is kept but not counted
        assert set(story.outlets) == {"report-a", "report-b"}
        store.save_summary(1, 2, {"summary": "خلاصة"})
        assert store.summary(1) == (2, {"summary": "خلاصة"})
        assert [s.article.id for s in store.articles(story_id=1)] == ["report-a", "report-b", "report-c"]


def test_ingest_runs_on_every_backend(make_store, example_articles):
    from khulasa.stream.ingest import ingest_articles

    with make_store() as store:
        report = ingest_articles(store, example_articles)
        assert report.added == 3 and not store.unassigned()
        assert ingest_articles(store, example_articles).added == 0
        assert store.schema_version() == 2


def test_summaries_cite_sentences_kept_in_the_store(make_store, example_articles):
    from khulasa.stream.ingest import ingest_articles
    from khulasa.stream.summaries import refresh_summary

    with make_store() as store:
        ingest_articles(store, example_articles, threshold=0.1)
        story_id = next(s.story_id for s in store.articles() if s.article.id == "report-a")
        record = refresh_summary(store, story_id, words=60)
        for sentence in record["sentences"]:
            for source in sentence["sources"]:
                assert store.sentence(source["doc"], source["sentence"]) == source["text"]


def test_an_older_database_is_migrated_in_place(tmp_path, monkeypatch, example_articles):
    import khulasa.store.sql as sql

    path = tmp_path / "old.sqlite"
    monkeypatch.setattr(sql, "MIGRATIONS", sql.MIGRATIONS[:1])
    with SQLiteStore(path) as old:
        old.add_articles(example_articles)
        assert old.schema_version() == 1
    monkeypatch.undo()
    with SQLiteStore(path) as store:
        assert store.schema_version() == 2
        assert store.article_count() == 3  # data kept
        store.save_sentences("report-a", [(0, 0, "جملة.")])
        assert store.sentence("report-a", 0) == "جملة."
