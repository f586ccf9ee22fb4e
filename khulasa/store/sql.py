"""The store behind plain SQL: idempotent ingestion, duplicate links, stories and summaries."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Any

from khulasa.model import Article
from khulasa.read.timestamps import parse_time
from khulasa.store.schema import MIGRATIONS
from khulasa.store.titles import story_title
from khulasa.text.headlines import stand_in_title
from khulasa.text.keys import matching_keys


def content_hash(article: Article) -> str:
    """SHA-256 of the normalized words of headline and text: re-posts with other spacing or
    diacritics hash the same, so ingesting a feed twice adds nothing."""
    return keys_hash(matching_keys(article.title or ""), matching_keys(article.text))


def keys_hash(title_keys: list[str], text_keys: list[str]) -> str:
    """`content_hash` of the article whose headline and text have these matching keys."""
    return hashlib.sha256(" ".join([*title_keys, *text_keys]).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    article: Article
    published: float | None
    duplicate_of: str | None
    story_id: int | None


@dataclass(frozen=True)
class StoredStory:
    id: int
    title: str | None
    article_count: int
    outlets: tuple[str, ...]
    first_published: float | None
    last_published: float | None


@dataclass
class AddResult:
    """What one `add_articles` call did with each article it was given (nothing is dropped silently).

    new: stored articles to be deduplicated and clustered (with their stored ids).
    positions: where each of `new` was in the articles given (so a caller can find what it
        computed for it beforehand).
    exact_copies: stored under their own id and linked to an earlier article with the same words.
    already_stored: the same id with the same words was there already (re-ingesting adds nothing).
    renamed: (given id, stored id) for articles whose id was taken by different text: stored under a
        derived id `ID~HASH` rather than dropped.
    """

    new: list[Article] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    exact_copies: int = 0
    already_stored: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)


def derived_id(article_id: str, digest: str) -> str:
    """The id under which an article is stored when its own id is taken by different text."""
    return f"{article_id}~{digest[:12]}"


class SQLStore:
    """A Khulasa database behind plain SQL that SQLite and PostgreSQL both accept.

    Subclasses open the connection and provide `_sql` (run one statement, `?` placeholders),
    `_transaction` (a context manager that commits or rolls back, nestable), `_writer_lock` (an
    exclusive lock for the one writer that may cluster at a time, released if its process dies)
    and `_lock_schema` (serializes migrations inside their transaction).
    """

    connection: Any

    def _sql(self, query: str, parameters: Sequence = ()) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager:  # pragma: no cover - abstract
        raise NotImplementedError

    def _sql_many(self, query: str, rows: Iterable[Sequence]) -> None:
        """Run one statement for each row of parameters (one round trip where the driver allows)."""
        for row in rows:
            self._sql(query, row)

    def _writer_lock(self, wait: Callable[[str], None] | None) -> AbstractContextManager:  # pragma: no cover
        raise NotImplementedError

    def _lock_schema(self) -> None:
        """Hold off other processes migrating the same database until this transaction ends."""

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ddl(self, statement: str) -> str:
        """Schema statements as this database spells them."""
        return statement

    def transaction(self) -> AbstractContextManager:
        """All statements inside commit together or not at all; nested uses join the outer one."""
        return self._transaction()

    def writer(self, wait: Callable[[str], None] | None = None) -> AbstractContextManager:
        """Exclusive right to add and cluster articles: concurrent ingests run one after the other.

        Clustering keeps state between articles, so two writers interleaving their batches would
        each cluster against a stale view and could hand out the same story ids. The second
        writer waits for the first (told through `wait` once) instead; a writer that was killed
        releases the lock with its process.
        """
        return self._writer_lock(wait)

    def schema_version(self) -> int:
        self._sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._sql("SELECT MAX(version) FROM schema_version").fetchone()
        return row[0] or 0

    def migrate(self) -> None:
        """Apply the migrations this database has not seen yet, each whole or not at all.

        Each migration and its version row are one transaction (a kill between two statements
        leaves the previous schema, and the next open applies the migration again); the version
        is read inside it, under the schema lock, so two processes never apply one twice. An
        up-to-date database is only read: opening a store never waits for a writer's lock.
        """
        try:
            if self._sql("SELECT MAX(version) FROM schema_version").fetchone()[0] == len(MIGRATIONS):
                return
        except Exception:  # no schema_version table yet (sqlite3 / psycopg errors differ)
            pass
        for version, statements in enumerate(MIGRATIONS, start=1):
            with self._transaction():
                self._lock_schema()
                if version <= self.schema_version():
                    continue
                for statement in statements:
                    self._sql(self._ddl(statement))
                self._sql("INSERT INTO schema_version VALUES (?)", (version,))

    def _rehashed(self, article_id: str, title: str | None, text: str, digest: str) -> bool:
        """True (and the stored key refreshed) when a stored article's words hash to `digest` today:
        it was stored before the tokenizer kept diacritized words whole (عمّان was hashed as عم ان),
        so the same article came back with a new key, not with new words."""
        if content_hash(Article(id=article_id, text=text, title=title)) != digest:
            return False
        self._sql("UPDATE articles SET content_hash = ? WHERE id = ?", (digest, article_id))
        return True

    def add_articles(
        self,
        articles: Iterable[Article],
        digests: Sequence[str] | None = None,
        published: Sequence[float | None] | None = None,
    ) -> AddResult:
        """Insert articles in one transaction and say what became of each (see `AddResult`).

        Articles are keyed by id and content hash: an id stored with the same words adds nothing;
        an id stored with other words is stored under a derived id; a new id whose words are
        already stored is an exact copy, stored and linked to the first copy, never dropped.
        `digests` are their `content_hash`es when computed beforehand; `published` the times to
        store (the ingester's, which ignores times in the future), else their own parsed times.
        """
        result = AddResult()
        now = time.time()
        with self._transaction():
            for position, article in enumerate(articles):
                digest = digests[position] if digests is not None else content_hash(article)
                stored = self._sql(
                    "SELECT content_hash, title, text FROM articles WHERE id = ?", (article.id,)
                ).fetchone()
                if stored is not None:
                    if stored[0] != digest and self._rehashed(article.id, stored[1], stored[2], digest):
                        result.already_stored += 1
                        continue
                    if stored[0] == digest:
                        result.already_stored += 1
                        continue
                    new_id = derived_id(article.id, digest)
                    if self._sql("SELECT 1 FROM articles WHERE id = ?", (new_id,)).fetchone():
                        result.already_stored += 1
                        continue
                    result.renamed.append((article.id, new_id))
                    article = replace(article, id=new_id)
                original = self._sql(
                    "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL "
                    "ORDER BY ingested_at, id LIMIT 1",
                    (digest,),
                ).fetchone()
                if published is not None:
                    when = published[position]
                else:
                    parsed = parse_time(article.time)
                    when = parsed.timestamp() if parsed else None
                self._sql(
                    "INSERT INTO articles (id, content_hash, source, title, url, time, published, text, origin, "
                    "ingested_at, duplicate_of, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "(SELECT story_id FROM articles WHERE id = ?))",
                    (
                        article.id,
                        digest,
                        article.source,
                        article.title,
                        article.url,
                        article.time,
                        when,
                        article.text,
                        article.origin,
                        now,
                        original["id"] if original else None,
                        original["id"] if original else None,
                    ),
                )
                if original is None:
                    result.new.append(article)
                    result.positions.append(position)
                else:
                    result.exact_copies += 1
        return result

    def link_duplicate(self, article_id: str, original_id: str) -> None:
        with self._transaction():
            self._sql("UPDATE articles SET duplicate_of = ? WHERE id = ?", (original_id, article_id))

    def assign(self, assignments: Iterable[tuple[str, int]], new_stories: Iterable[int] = ()) -> None:
        """Put articles into stories and refresh those stories' counts, outlets and time span.

        `new_stories` are ids the caller took from `next_story_id` for stories it opened: they are
        inserted with a plain INSERT, so an id another writer took already fails loudly instead of
        merging two stories. Other story ids must exist or are created (callers placing articles
        by hand, as tests do).
        """
        assignments = list(assignments)
        opened = sorted(set(new_stories))
        with self._transaction():
            # Batched: the new stories in one statement, the existence of the others asked once a
            # story (not once an article), the articles' story ids in one statement.
            now = time.time()
            self._sql_many("INSERT INTO stories (id, updated_at) VALUES (?, ?)", [(s, now) for s in opened])
            for story_id in sorted({s for _, s in assignments}.difference(opened)):
                if not self._sql("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
                    self._sql("INSERT INTO stories (id, updated_at) VALUES (?, ?)", (story_id, time.time()))
            self._sql_many("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in assignments])
            # Exact copies stored beside their original follow it into its story.
            self._sql(
                "UPDATE articles SET story_id = (SELECT o.story_id FROM articles o WHERE o.id = articles.duplicate_of) "
                "WHERE duplicate_of IS NOT NULL AND story_id IS NULL"
            )
            self._refresh_stories(sorted({s for _, s in assignments}))

    REFRESH_CHUNK = 500
    """Stories whose articles one query reads (an SQLite before 3.32 allows 999 parameters a statement)."""

    def _refresh_stories(self, story_ids: Sequence[int]) -> None:
        """Recount each story's articles, outlets and time span and choose its title
        (store/titles.py): the articles of up to REFRESH_CHUNK stories are read by one query, in
        each story's order, and the stories are updated by one statement (it was two round trips
        a story of the batch)."""
        for start in range(0, len(story_ids), self.REFRESH_CHUNK):
            chunk = story_ids[start : start + self.REFRESH_CHUNK]
            rows: dict[int, list[Any]] = {story_id: [] for story_id in chunk}
            marks = ", ".join("?" * len(chunk))
            for row in self._sql(
                f"SELECT story_id, source, title, published FROM articles WHERE story_id IN ({marks}) "
                "AND duplicate_of IS NULL ORDER BY story_id, published IS NULL, published, id",
                chunk,
            ).fetchall():
                rows[row["story_id"]].append(row)
            now = time.time()
            self._sql_many(
                "UPDATE stories SET article_count = ?, outlets = ?, title = ?, first_published = ?, "
                "last_published = ?, updated_at = ? WHERE id = ?",
                [(*self._story_figures(story_id, rows[story_id]), now, story_id) for story_id in chunk],
            )

    def _story_figures(self, story_id: int, rows: list[Any]) -> tuple:
        """(article count, outlets as JSON, title, first and last publication time) of a story whose
        articles (duplicates left out) are `rows` of (source, title, published), in publication order."""
        published = [r["published"] for r in rows if r["published"] is not None]
        outlets = list(dict.fromkeys(r["source"] for r in rows if r["source"]))
        title = story_title([(r["title"], r["published"]) for r in rows])
        if title is None and rows:  # no informative headline: the first line of the newest article
            newest = self._sql(
                "SELECT text FROM articles WHERE story_id = ? AND duplicate_of IS NULL "
                "ORDER BY published IS NULL, published DESC, id DESC LIMIT 1",
                (story_id,),
            ).fetchone()
            title = stand_in_title(newest["text"])
        return (
            len(rows),
            json.dumps(outlets, ensure_ascii=False),
            title,
            min(published, default=None),
            max(published, default=None),
        )

    def next_story_id(self) -> int:
        """The next free story id, read from the database (call it inside the writer's transaction)."""
        return (self._sql("SELECT MAX(id) FROM stories").fetchone()[0] or 0) + 1

    def _article(self, row: Any) -> StoredArticle:
        article = Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            source=row["source"],
            url=row["url"],
            time=row["time"],
            origin=row["origin"] or "<store>",
        )
        return StoredArticle(article, row["published"], row["duplicate_of"], row["story_id"])

    def articles(self, story_id: int | None = None, since: float | None = None) -> Iterator[StoredArticle]:
        """Stored articles in publication order, optionally of one story or published since a time."""
        query, parameters = "SELECT * FROM articles WHERE 1=1", []
        if story_id is not None:
            query += " AND story_id = ?"
            parameters.append(story_id)
        if since is not None:
            query += " AND published >= ?"
            parameters.append(since)
        for row in self._sql(query + " ORDER BY published, ingested_at, id", parameters):
            yield self._article(row)

    def unassigned(self) -> list[StoredArticle]:
        """Articles stored but not yet deduplicated and clustered (a run stopped half-way)."""
        rows = self._sql(
            "SELECT * FROM articles WHERE story_id IS NULL AND duplicate_of IS NULL ORDER BY published, ingested_at, id"
        ).fetchall()
        return [self._article(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        """One stored article by id (None when there is none)."""
        row = self._sql("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row).article if row else None

    def story_of(self, article_id: str) -> int | None:
        row = self._sql("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def load_state(self, name: str) -> bytes | None:
        """The checkpoint saved by `save_state`, or None."""
        row = self._sql("SELECT state FROM stream_state WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row else None

    def load_states(self, prefix: str) -> list[tuple[str, bytes]]:
        """The checkpoints saved under names that start with `prefix`, in the order of their names."""
        rows = self._sql(
            "SELECT name, state FROM stream_state WHERE substr(name, 1, ?) = ? ORDER BY name", (len(prefix), prefix)
        ).fetchall()
        return [(row[0], bytes(row[1])) for row in rows]

    def delete_states(self, names: Iterable[str]) -> None:
        """Remove checkpoints by name (in the caller's transaction)."""
        self._sql_many("DELETE FROM stream_state WHERE name = ?", [(name,) for name in names])

    def save_state(self, name: str, state: bytes) -> None:
        """Store a checkpoint (in the caller's transaction, so it commits with the batch it
        describes); `version` counts the checkpoints written."""
        self._sql(
            "INSERT INTO stream_state (name, version, state, updated_at) VALUES (?, 1, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET version = stream_state.version + 1, state = excluded.state, "
            "updated_at = excluded.updated_at",
            (name, state, time.time()),
        )

    def stale_summaries(self, min_articles: int = 2) -> list[int]:
        """Stories of `min_articles` or more whose stored summary is missing or older than their
        articles: what a run that stopped before summarizing left to do."""
        rows = self._sql(
            "SELECT s.id FROM stories s LEFT JOIN summaries m ON m.story_id = s.id "
            "WHERE s.article_count >= ? AND (m.story_id IS NULL OR m.article_count <> s.article_count) ORDER BY s.id",
            (min_articles,),
        ).fetchall()
        return [row[0] for row in rows]

    def article_count(self) -> int:
        return self._sql("SELECT COUNT(*) FROM articles").fetchone()[0]

    def stories(self, since: float | None = None, min_articles: int = 1) -> list[StoredStory]:
        """Stories, most recently updated news first."""
        query = "SELECT * FROM stories WHERE article_count >= ?"
        parameters: list = [min_articles]
        if since is not None:
            query += " AND last_published >= ?"
            parameters.append(since)
        rows = self._sql(query + " ORDER BY last_published DESC, id DESC", parameters).fetchall()
        return [self._story(r) for r in rows]

    @staticmethod
    def _story(row: Any) -> StoredStory:
        return StoredStory(
            row["id"],
            row["title"],
            row["article_count"],
            tuple(json.loads(row["outlets"])),
            row["first_published"],
            row["last_published"],
        )

    def story(self, story_id: int) -> StoredStory | None:
        row = self._sql("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        return self._story(row) if row else None

    def search(self, text: str) -> set[int]:
        """Stories whose articles (headline or text) or stored analysis (entities) mention `text`."""
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"  # % and _ in the query match themselves, not any text
        rows = self._sql(
            "SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL "
            "AND (title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\') "
            "UNION SELECT story_id FROM summaries WHERE record LIKE ? ESCAPE '\\'",
            (pattern, pattern, pattern),
        ).fetchall()
        return {row[0] for row in rows}

    def save_sentences(self, article_id: str, sentences: Iterable[tuple[int, int, str]]) -> None:
        """The cleaned sentences of an article as summaries cite them: (index, paragraph, text)."""
        with self._transaction():
            self._sql("DELETE FROM sentences WHERE article_id = ?", (article_id,))
            for index, paragraph, text in sentences:
                self._sql(
                    "INSERT INTO sentences (article_id, idx, paragraph, text) VALUES (?, ?, ?, ?)",
                    (article_id, index, paragraph, text),
                )

    def sentence(self, article_id: str, index: int) -> str | None:
        """The text of a cited sentence, so every attribution can be checked against the store."""
        row = self._sql("SELECT text FROM sentences WHERE article_id = ? AND idx = ?", (article_id, index)).fetchone()
        return row[0] if row else None

    def sentences_of(self, article_id: str) -> list[str]:
        """The stored cited sentences of an article, in order (empty before its story is summarized)."""
        rows = self._sql("SELECT text FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)).fetchall()
        return [row[0] for row in rows]

    def save_summary(self, story_id: int, article_count: int, record: dict) -> None:
        with self._transaction():
            self._sql(
                "INSERT INTO summaries (story_id, article_count, record, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(story_id) DO UPDATE SET article_count = excluded.article_count, "
                "record = excluded.record, updated_at = excluded.updated_at",
                (story_id, article_count, json.dumps(record, ensure_ascii=False), time.time()),
            )

    def summary(self, story_id: int) -> tuple[int, dict] | None:
        row = self._sql("SELECT article_count, record FROM summaries WHERE story_id = ?", (story_id,)).fetchone()
        return (row["article_count"], json.loads(row["record"])) if row else None
