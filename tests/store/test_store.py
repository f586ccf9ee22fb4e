import threading
import time
from dataclasses import replace

import pytest

from khulasa.model import Article
from khulasa.store import SQLiteStore, content_hash
from khulasa.store.schema import MIGRATIONS


def test_schema_is_migrated_once_and_wal_is_on(tmp_path):
    path = tmp_path / "k.sqlite"
    with SQLiteStore(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with SQLiteStore(path) as store:  # reopening applies nothing twice
        assert store.schema_version() == len(MIGRATIONS)
        assert store.connection.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_ingestion_is_idempotent_by_content_hash(make_store, example_articles):
    with make_store() as store:
        assert len(store.add_articles(example_articles).new) == 3
        again = store.add_articles(example_articles)
        assert again.new == [] and again.already_stored == 3
        respelled = replace(example_articles[0], id="copy", text=example_articles[0].text.replace("ايران", "إيران"))
        assert content_hash(respelled) == content_hash(example_articles[0])
        copied = store.add_articles([respelled])
        assert copied.new == [] and copied.exact_copies == 1  # an exact copy: kept and linked, not new
        assert store.article_count() == 4
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
        assert store.schema_version() == len(MIGRATIONS)


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
        assert store.schema_version() == len(MIGRATIONS)
        assert store.article_count() == 3  # data kept
        store.save_sentences("report-a", [(0, 0, "جملة.")])
        assert store.sentence("report-a", 0) == "جملة."


def test_a_second_writer_waits_for_the_first(make_store):
    first, second = make_store(), make_store()  # two connections to one database
    told: list[str] = []
    events: list[str] = []

    def write() -> None:
        with second.writer(told.append):
            events.append("second writes")

    try:
        with first.writer():
            waiter = threading.Thread(target=write)
            waiter.start()
            for _ in range(500):
                if told:
                    break
                time.sleep(0.01)
            events.append("first releases")
        waiter.join(timeout=30)
    finally:
        first.close()
        second.close()
    assert told and "another ingest is writing" in told[0]
    assert events == ["first releases", "second writes"]


def test_an_id_taken_by_other_text_is_stored_under_a_derived_id(make_store, example_articles):
    with make_store() as store:
        store.add_articles(example_articles)
        rewritten = replace(example_articles[0], text=example_articles[1].text + " تحديث")
        result = store.add_articles([rewritten])
        ((given, stored),) = result.renamed
        assert given == "report-a" and stored.startswith("report-a~")
        assert [a.id for a in result.new] == [stored] and store.article_count() == 4
        again = store.add_articles([rewritten])  # the same rewritten article again adds nothing
        assert again.new == [] and again.renamed == [] and again.already_stored == 1


def test_an_interrupted_migration_leaves_the_previous_schema(tmp_path, monkeypatch):
    """A failure between two statements of a migration (as a kill would leave it) rolls the whole
    migration back, and the next open applies it again instead of failing forever."""
    import khulasa.store.sql as sql

    path = tmp_path / "k.sqlite"
    calls = []

    def failing(self, statement):
        calls.append(statement)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands for the process dying mid-migration
        return statement

    monkeypatch.setattr(sql.SQLStore, "_ddl", failing)
    with pytest.raises(KeyboardInterrupt):
        SQLiteStore(path)
    monkeypatch.undo()
    with SQLiteStore(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert store.article_count() == 0


def test_an_article_hashed_before_diacritized_words_stayed_whole_is_recognized(make_store):
    """Stores written before the shared word pattern hashed عمّان as عم + ان: the same article read
    again (28% of ANT articles have a mark inside a word) must not come back as a renamed new one."""
    import hashlib
    import re

    from khulasa.text.normalize import normalize_key

    article = Article(id="jo-1", title="الملك يعود إلى عمّان", text="عاد العاهل الأردني إلى عمّان بعد أن أكّد دعمه.")
    old_words = re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", f"{article.title} {article.text}")
    old_hash = hashlib.sha256(" ".join(normalize_key(w) for w in old_words).encode("utf-8")).hexdigest()
    assert old_hash != content_hash(article)
    with make_store() as store:
        store.add_articles([article])
        with store._transaction():
            store._sql("UPDATE articles SET content_hash = ? WHERE id = ?", (old_hash, article.id))
        again = store.add_articles([article])
        assert again.new == [] and again.renamed == [] and again.already_stored == 1
        copy = store.add_articles([replace(article, id="jo-1-copy")])  # the refreshed key links exact copies
        assert copy.new == [] and copy.exact_copies == 1
        assert store.article_count() == 2


def test_a_batch_is_assigned_in_a_fixed_number_of_round_trips(make_store, example_articles, monkeypatch):
    """Placing a batch costs the same few statements however many articles and stories it holds
    (batched: the new stories and the articles' story ids one statement each, the stories' articles
    read by one query), and every story gets the counts, outlets, time span and title it had when
    each was refreshed on its own."""
    from khulasa.store.titles import story_title

    with make_store() as store:
        articles = [
            replace(a, id=f"{a.id}-{k}", text=f"{a.text} {k}", time=f"2014-09-1{k}T10:0{i}:00Z")
            for k in range(4)
            for i, a in enumerate(example_articles)
        ]
        store.add_articles(articles)
        statements: list[str] = []
        real = type(store)._sql
        monkeypatch.setattr(type(store), "_sql", lambda self, q, p=(): statements.append(q) or real(self, q, p))
        assignments = [(a.id, 1 + i % 5) for i, a in enumerate(articles)]
        store.assign(assignments, new_stories=range(1, 5))  # story 5 is not new: created on the way
        assert len(statements) <= 5, statements
        for story_id in range(1, 6):
            members = [a for a, (_, s) in zip(articles, assignments, strict=True) if s == story_id]
            members.sort(key=lambda a: (a.time, a.id))
            story = store.story(story_id)
            assert story.article_count == len(members)
            assert story.outlets == tuple(dict.fromkeys(a.source for a in members))
            stored = {s.article.id: s.published for s in store.articles(story_id=story_id)}
            assert story.first_published == min(stored.values()) and story.last_published == max(stored.values())
            assert story.title == story_title([(a.title, stored[a.id]) for a in members])


def test_a_summary_at_another_budget_is_neither_stored_nor_served_from_the_store(make_store, example_articles):
    from khulasa.stream.ingest import ingest_articles
    from khulasa.stream.summaries import STORY_WORDS, current_summary, refresh_summary

    with make_store() as store:
        ingest_articles(store, example_articles, threshold=0.1)
        story_id = next(s.story_id for s in store.articles() if s.article.id == "report-a")
        standard = refresh_summary(store, story_id)
        assert standard["budget"] == STORY_WORDS and current_summary(store, story_id) == standard
        short = refresh_summary(store, story_id, words=40)
        assert short["budget"] == 40 and short["words"] <= 40 < standard["words"]
        assert current_summary(store, story_id, 40) is None  # asked again, computed again
        assert store.summary(story_id)[1] == standard  # the story's own summary is untouched


def test_a_record_stored_in_the_older_shape_is_made_again(make_store, example_articles):
    from khulasa.stream.ingest import ingest_articles
    from khulasa.stream.summaries import current_summary, refresh_summary

    with make_store() as store:
        ingest_articles(store, example_articles, threshold=0.1)
        story_id = next(s.story_id for s in store.articles() if s.article.id == "report-a")
        record = refresh_summary(store, story_id)
        older = {k: v for k, v in record.items() if k not in ("language", "budget", "documents")}
        store.save_summary(story_id, store.story(story_id).article_count, older)
        assert current_summary(store, story_id) is None
        assert refresh_summary(store, story_id) == record
        assert store.summary(story_id)[1] == record
