"""Summaries as plain text, Markdown or JSON (the JSON shape is the `khulasa batch` record)."""

from __future__ import annotations

import json

from khulasa.model import Summary, SummarySentence
from khulasa.records import summary_record


def _badge(summary: Summary, outlets: tuple[str, ...]) -> str:
    total = len(summary.outlets)
    names = "، ".join(outlets) if summary.language == "ar" else ", ".join(outlets)
    if summary.language == "ar":
        return f"[{len(outlets)} من {total} مصادر: {names}]"
    return f"[{len(outlets)} of {total} outlets: {names}]"


def _heading(summary: Summary) -> str:
    if summary.language == "ar":
        return (
            f"خلاصة {summary.document_count} تقارير من {len(summary.outlets)} مصادر "
            f"({summary.word_count} كلمة، طريقة {summary.method})"
        )
    return (
        f"Summary of {summary.document_count} reports from {len(summary.outlets)} outlets "
        f"({summary.word_count} words, method {summary.method})"
    )


def _others(summary: Summary, sentence: SummarySentence) -> list[str]:
    """Lines naming the outlets that share part of the sentence's claim, and those that differ."""
    arabic = summary.language == "ar"
    lines = []
    labelled = (
        (sentence.overlaps, "يتقاطع مع" if arabic else "overlaps with"),
        (sentence.contradictions, "المصادر تختلف" if arabic else "sources differ"),
    )
    for refs, label in labelled:
        outlets = list(dict.fromkeys(r.source for r in refs if r.source not in sentence.outlets))
        if outlets:
            lines.append(f"   {label}: {('، ' if arabic else ', ').join(outlets)}")
    return lines


def render_text(summary: Summary) -> str:
    lines = [_heading(summary), ""]
    for number, sentence in enumerate(summary.sentences, start=1):
        lines.append(f"{number}. {sentence.text}")
        lines.append(f"   {_badge(summary, sentence.outlets)}")
        lines.extend(_others(summary, sentence))
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    lines = [f"## {_heading(summary)}", ""]
    for number, sentence in enumerate(summary.sentences, start=1):
        lines.append(f"{number}. {sentence.text}  ")
        lines.append(f"   *{_badge(summary, sentence.outlets)}*")
        for ref in sentence.sources[1:]:
            lines.append(f"   - {ref.source} ({ref.doc}, #{ref.sentence}, {ref.similarity:.2f}): {ref.text}")
        lines.extend(_others(summary, sentence))
    return "\n".join(lines) + "\n"


def render_json(summary: Summary) -> str:
    return json.dumps(summary_record(summary), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
