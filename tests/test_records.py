"""Output records: a stored story record renders as its analysis did, without recomputing it."""

from __future__ import annotations

import json

from khulasa.analyze.story import analyze_story
from khulasa.cli.render_story import render_story_markdown, render_story_text
from khulasa.records import analysis_from_record, is_story_record, story_record


def test_a_story_record_gives_back_its_analysis(example_story):
    analysis = analyze_story(example_story, words=100, align="lexical")
    record = json.loads(json.dumps(story_record(analysis), ensure_ascii=False))  # as the store keeps it
    rebuilt = analysis_from_record(record)
    assert rebuilt == analysis
    assert story_record(rebuilt) == record
    assert render_story_text(rebuilt) == render_story_text(analysis)
    assert render_story_markdown(rebuilt) == render_story_markdown(analysis)
    assert record["language"] == "ar" and record["budget"] == 100 and record["documents"] == 3


def test_a_record_without_what_rendering_needs_is_not_a_story_record(example_story):
    record = story_record(analyze_story(example_story, words=60, method="lead", align="lexical"))
    assert is_story_record(record)
    older = {k: v for k, v in record.items() if k not in ("language", "documents")}
    assert not is_story_record(older)
