"""Stories' summaries and analyses, recomputed only when articles joined since the last one."""

from __future__ import annotations

from khulasa.store import SQLStore


def current_summary(store: SQLStore, story_id: int) -> dict | None:
    """The stored record when no article has joined the story since it was made, else None
    (reads the story row and the record only, no article text)."""
    cached = store.summary(story_id)
    story = store.story(story_id)
    if cached is not None and story is not None and cached[0] == story.article_count:
        return cached[1]
    return None


def refresh_summary(store: SQLStore, story_id: int, words: int = 100) -> dict | None:
    """The story's record (summary, attribution, entities, quotes, facts, dates), recomputed with
    semantic alignment when its article count changed, and kept in the store with the cited
    sentences so pages and the API serve it without recomputing."""
    from khulasa.analyze.story import analyze_story
    from khulasa.pipeline import prepare_story
    from khulasa.records import story_record

    current = current_summary(store, story_id)
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
    store.save_summary(story_id, len(articles), record)
    return record
