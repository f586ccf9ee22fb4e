"""Schema migrations: each step runs once, in order, whole or not at all, and is recorded in
`schema_version`.

3 adds `stream_state`: the ingester's deduplication and clustering state, checkpointed in the
transaction of each batch so that a killed run resumes exactly where its last batch committed.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            first_published REAL,
            last_published REAL,
            article_count INTEGER NOT NULL DEFAULT 0,
            outlets TEXT NOT NULL DEFAULT '[]',
            title TEXT,
            updated_at REAL NOT NULL
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            source TEXT,
            title TEXT,
            url TEXT,
            time TEXT,
            published REAL,
            text TEXT NOT NULL,
            origin TEXT,
            ingested_at REAL NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            story_id INTEGER REFERENCES stories(id)
        )""",
        """CREATE TABLE summaries (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id),
            article_count INTEGER NOT NULL,
            record TEXT NOT NULL,
            updated_at REAL NOT NULL
        )""",
        "CREATE INDEX articles_story ON articles(story_id)",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX stories_last ON stories(last_published)",
    ),
    (
        """CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id),
            idx INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
    ),
    (
        """CREATE TABLE stream_state (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            state BLOB NOT NULL,
            updated_at REAL NOT NULL
        )""",
    ),
)
