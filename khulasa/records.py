"""The JSON records Khulasa writes for a summary (`khulasa batch`, `POST /summarize`) and for a
story's summary with its analysis (`khulasa story --format json`, stored summaries, the API).

They live below the command line, the server and the stream, which all write them.
"""

from __future__ import annotations

from dataclasses import asdict

from khulasa.analyze.story import StoryAnalysis
from khulasa.model import SourceRef, Summary


def _ref(r: SourceRef) -> dict:
    return {"doc": r.doc, "source": r.source, "sentence": r.sentence, "text": r.text, "similarity": r.similarity}


def summary_record(summary: Summary, story_id: str | None = None) -> dict:
    """The JSON object for one summary: text, sentences and their sources."""
    record: dict = {} if story_id is None else {"id": story_id}
    record["summary"] = summary.text
    record["sentences"] = [
        {
            "text": sentence.text,
            **({"cut": True} if sentence.sources and sentence.text != sentence.sources[0].text else {}),
            "outlets": list(sentence.outlets),
            "sources": [_ref(r) for r in sentence.sources],
            "overlaps": [_ref(r) for r in sentence.overlaps],
            "contradictions": [_ref(r) for r in sentence.contradictions],
        }
        for sentence in summary.sentences
    ]
    record["method"] = summary.method
    record["words"] = summary.word_count
    if summary.word_count > summary.word_budget:  # only with --allow-long: one whole long sentence
        record["over_budget"] = True
        record["budget"] = summary.word_budget
    record["outlets"] = list(summary.outlets)
    if summary.warnings:
        record["warnings"] = list(summary.warnings)
    return record


def story_record(analysis: StoryAnalysis) -> dict:
    """The summary record plus entities, quotes, facts and dates, each with its sources."""
    return {
        **summary_record(analysis.summary),
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "variants": list(e.variants),
                "outlets": list(e.outlets),
                "mentions": [asdict(m) for m in e.mentions],
            }
            for e in analysis.entities
        ],
        "quotes": [asdict(q) for q in analysis.quotes],
        "facts": [
            {
                "coverage": f.coverage,
                "outlets": list(f.outlets),
                "same_outlets": list(f.same_outlets),
                "sentences": [asdict(r) for r in f.sentences],
            }
            for f in analysis.facts
        ],
        "contradictions": [
            {"a": _ref(c.a), "b": _ref(c.b), "probability": c.probability, "counts": [list(x) for x in c.counts]}
            for c in analysis.contradictions
        ],
        "dates": [asdict(d) for d in analysis.dates],
    }
