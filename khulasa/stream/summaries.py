"""Stories' summaries and analyses, recomputed only when articles joined since the last one.

The store keeps one record per story, made at `STORY_WORDS` words: the summary that ingest
writes and the server shows. A record asked for at another budget (`khulasa show --words 50`) is
computed and returned, never stored, so it neither replaces the story's summary nor is served in
its place.
"""

from __future__ import annotations

from khulasa.store import SQLStore

STORY_WORDS = 100


def current_summary(store: SQLStore, story_id: int, words: int = STORY_WORDS) -> dict | None:
    """The stored record when it was made at `words` words and no article has joined the story
    since, else None (reads the story row and the record only, no article text)."""
    from khulasa.records import is_story_record

    cached = store.summary(story_id)
    story = store.story(story_id)
    if cached is None or story is None or cached[0] != story.article_count:
        return None
    record = cached[1]
    return record if is_story_record(record) and record["budget"] == words else None


def refresh_summary(store: SQLStore, story_id: int, words: int = STORY_WORDS) -> dict | None:
    """The story's record (summary, attribution, entities, quotes, facts, dates) at `words` words:
    the stored one when it is current, else recomputed; at `STORY_WORDS` it is kept in the store
    with the cited sentences so pages and the API serve it without recomputing."""
    from khulasa.analyze.story import analyze_story
    from khulasa.pipeline import prepare_story
    from khulasa.records import story_record

    current = current_summary(store, story_id, words)
    if current is not None:
        return current
    articles = [s.article for s in store.articles(story_id=story_id) if s.duplicate_of is None]
    if not articles:
        return None
    story, _ = prepare_story(articles)
    record = story_record(analyze_story(story, words=words, align="lexical"))
    for clean in story.articles:
        cited = [(s.index, s.paragraph, s.text) for s in story.sentences if s.doc_id == clean.article.id]
        store.save_sentences(clean.article.id, cited)
    if words == STORY_WORDS:
        store.save_summary(story_id, len(articles), record)
    return record
