"""`khulasa story` output: the summary plus entities, quotes, agreement and dates, with sources."""

from __future__ import annotations

import json

from khulasa.analyze.agreement import Fact
from khulasa.analyze.quotes import group_quotes
from khulasa.analyze.story import StoryAnalysis
from khulasa.cli.render import render_markdown, render_text
from khulasa.records import story_record

TYPE_NAMES = {"PER": "أشخاص", "ORG": "منظمات", "LOC": "أماكن", "MISC": "أخرى"}
COVERAGE = {"all": "كل المصادر", "several": "عدة مصادر", "one": "مصدر واحد فقط"}


def _fact_outlets(fact: Fact) -> str:
    """«كل المصادر: يذكره كاملا A، B؛ يتقاطع: C»: the outlets that state the fact as a whole, then those that
    share part of it — as a summary sentence names its sources and «يتقاطع مع» apart, so the two
    sections of one story never credit a claim differently."""
    whole = fact.same_outlets or fact.outlets[:1]
    part = [o for o in fact.outlets if o not in whole]
    if not part:
        return f"{COVERAGE[fact.coverage]}: {'، '.join(whole)}"
    # «كل المصادر: CNN؛ يتقاطع: ...» read as "all sources: CNN" (the second audit): say who states it whole.
    return f"{COVERAGE[fact.coverage]}: يذكره كاملا {'، '.join(whole)}؛ يتقاطع: {'، '.join(part)}"


def _sections(analysis: StoryAnalysis, bullet: str, heading: str) -> list[str]:
    lines: list[str] = []
    lines += ["", f"{heading}الأسماء الواردة"]
    for kind, title in TYPE_NAMES.items():
        names = [e for e in analysis.entities if e.type == kind]
        if names:
            shown = "، ".join(
                f"{e.name} ({len(e.mentions)}، {len(e.outlets)} مصادر"
                + (f"؛ أيضا: {' / '.join(v for v in e.variants if v != e.name)}" if len(e.variants) > 1 else "")
                + ")"
                for e in names
            )
            lines.append(f"{bullet}{title}: {shown}")
    lines += ["", f"{heading}من قال ماذا"]
    for group in group_quotes(analysis.quotes):
        kind = "«" if group.kind == "direct" else "(منقول) "
        closing = "»" if group.kind == "direct" else ""
        outlets = "، ".join(group.outlets)
        lines.append(f"{bullet}{group.speaker or 'غير محدد'} — {group.verb}: {kind}{group.text}{closing} [{outlets}]")
        wordings = {" ".join(group.text.split())}
        for other in group.quotes:  # another outlet's wording of the same words, once each
            if " ".join(other.text.split()) not in wordings:
                wordings.add(" ".join(other.text.split()))
                lines.append(f"    {other.outlet}: «{other.text}»")
    lines += ["", f"{heading}ما تتفق عليه المصادر وما ينفرد به أحدها"]
    for fact in analysis.facts:
        if fact.coverage in ("all", "several"):
            lines.append(f"{bullet}[{_fact_outlets(fact)}] {fact.sentences[0].text}")
    for fact in analysis.single_outlet_facts:
        ref = fact.sentences[0]
        lines.append(f"{bullet}[{COVERAGE['one']}: {ref.source}] {ref.text}")
    single_names = [e for e in analysis.entities if len(e.outlets) == 1 and len(analysis.summary.outlets) > 1]
    if single_names:
        lines.append(
            f"{bullet}أسماء لم يذكرها إلا مصدر واحد: " + "، ".join(f"{e.name} ({e.outlets[0]})" for e in single_names)
        )
    if analysis.contradictions:
        lines += ["", f"{heading}المصادر تختلف"]
        for c in analysis.contradictions:
            if c.counts:
                shown = " / ".join(f"{x} ({c.a.source}) / {y} ({c.b.source})" for x, y in c.counts[:1])
                lines.append(f"{bullet}المصادر تختلف: {shown}")
            else:
                lines.append(f"{bullet}المصادر تختلف:")
            lines.append(f"    {c.a.source}: «{c.a.text}»")
            lines.append(f"    {c.b.source}: «{c.b.text}»")
    lines += ["", f"{heading}التواريخ المذكورة"]
    for date in analysis.dates:  # in publication order, each with the day (or month, year) it names
        resolved = date.date or date.span
        shown = f"{date.text} ({resolved})" if resolved else date.text
        lines.append(f"{bullet}{shown} — {date.outlet}، الجملة {date.sentence + 1}")
    return lines


def render_story_text(analysis: StoryAnalysis) -> str:
    return render_text(analysis.summary) + "\n".join(_sections(analysis, "- ", "")) + "\n"


def render_story_markdown(analysis: StoryAnalysis) -> str:
    return render_markdown(analysis.summary) + "\n".join(_sections(analysis, "- ", "### ")) + "\n"


def render_story_json(analysis: StoryAnalysis) -> str:
    return json.dumps(story_record(analysis), ensure_ascii=False, indent=2) + "\n"


STORY_RENDERERS = {"text": render_story_text, "markdown": render_story_markdown, "json": render_story_json}
