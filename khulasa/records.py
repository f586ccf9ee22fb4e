"""The JSON records Khulasa writes for a summary (`khulasa batch`, `POST /summarize`) and for a
story's summary with its analysis (`khulasa story --format json`, stored summaries, the API).

They live below the command line, the server and the stream, which all write them.
"""

from __future__ import annotations

from dataclasses import asdict

from khulasa.analyze.agreement import Contradiction, Fact
from khulasa.analyze.entities import Entity, Mention
from khulasa.analyze.quotes import Quote
from khulasa.analyze.story import StoryAnalysis
from khulasa.analyze.timeline import DateMention
from khulasa.model import SourceRef, Summary, SummarySentence


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
    """The summary record plus entities, quotes, facts and dates, each with its sources; also the
    summary's language, word budget and number of reports, so that `analysis_from_record` can
    rebuild the analysis from a stored record and render it without recomputing."""
    summary = analysis.summary
    return {
        **summary_record(summary),
        "language": summary.language,
        "budget": summary.word_budget,
        "documents": summary.document_count,
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


def is_story_record(record: dict) -> bool:
    """True when the record carries all `analysis_from_record` reads (records stored before the
    language, budget and report count were written do not, and are recomputed)."""
    return all(key in record for key in ("language", "budget", "documents", "facts", "dates"))


def _source(r: dict) -> SourceRef:
    return SourceRef(r["doc"], r["source"], r["sentence"], r["text"], r.get("similarity", 1.0))


def analysis_from_record(record: dict) -> StoryAnalysis:
    """The analysis a `story_record` was written from, so a stored record renders as text or
    Markdown exactly as the analysis did (`story_record(analysis_from_record(r)) == r`)."""
    summary = Summary(
        sentences=tuple(
            SummarySentence(
                s["text"],
                tuple(_source(r) for r in s["sources"]),
                tuple(_source(r) for r in s["overlaps"]),
                tuple(_source(r) for r in s["contradictions"]),
            )
            for s in record["sentences"]
        ),
        method=record["method"],
        language=record["language"],
        word_budget=record["budget"],
        outlets=tuple(record["outlets"]),
        document_count=record["documents"],
        warnings=tuple(record.get("warnings", ())),
    )
    return StoryAnalysis(
        summary=summary,
        entities=tuple(
            Entity(e["name"], e["type"], tuple(e["variants"]), tuple(Mention(**m) for m in e["mentions"]))
            for e in record["entities"]
        ),
        quotes=tuple(Quote(**q) for q in record["quotes"]),
        facts=tuple(
            Fact(
                tuple(_source(r) for r in f["sentences"]), tuple(f["outlets"]), f["coverage"], tuple(f["same_outlets"])
            )
            for f in record["facts"]
        ),
        dates=tuple(DateMention(**d) for d in record["dates"]),
        contradictions=tuple(
            Contradiction(_source(c["a"]), _source(c["b"]), c["probability"], tuple(tuple(x) for x in c["counts"]))
            for c in record["contradictions"]
        ),
    )
