"""Dates mentioned in a story (weekdays, months, years, relative references) with their sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from khulasa.read.timestamps import parse_time
from khulasa.represent.story import Story

_WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"
_MONTHS = (
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين الأول|تشرين الاول|"
    "تشرين الثاني|كانون الأول|كانون الاول|January|February|March|April|May|June|July|August|September|"
    "October|November|December"
)
_DATE = re.compile(
    rf"(?:(?:يوم\s+)?(?:{_WEEKDAYS})(?:\s+(?:الماضي|المقبل))?)"
    rf"|(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s*/\s*(?:{_MONTHS}))?(?:\s*،?\s*(?:\d{{4}}|الماضي|المقبل))?)"
    r"|(?:(?:الأسبوع|الاسبوع|الشهر|العام|السنة)\s+(?:الماضي|الماضية|المقبل|المقبلة|الحالي|الجاري))"
    r"|(?:\b(?:19|20)\d{2}\b)"
    r"|(?:(?<!\w)(?:اليوم|أمس|امس|غدا|غداً)(?!\w))"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression, the outlet and sentence it is in, and its article's publication time."""

    text: str
    doc: str
    outlet: str
    sentence: int
    context: str
    published: str | None


def dates_mentioned(story: Story) -> list[DateMention]:
    """Date expressions in reading order of publication time, then article and sentence."""
    published = {c.article.id: c.article.time for c in story.articles}
    found = []
    for sentence in story.sentences:
        for match in _DATE.finditer(sentence.text):
            found.append(
                DateMention(
                    match.group(0).strip(),
                    sentence.doc_id,
                    sentence.outlet,
                    sentence.index,
                    sentence.text,
                    published[sentence.doc_id],
                )
            )
    order = {c.article.id: i for i, c in enumerate(story.articles)}

    def key(mention: DateMention) -> tuple:
        parsed = parse_time(mention.published)
        return (parsed.timestamp() if parsed else 0.0, order[mention.doc], mention.sentence)

    return sorted(found, key=key)
