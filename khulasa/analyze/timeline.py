"""Dates mentioned in a story (weekdays, days of a month, months, years, relative references) with
their sources, each resolved to the calendar day, month or year it names.

A reader of «الخميس» in an article published on Saturday 16 June 2018 should not have to work out
that it means Thursday 14 June, so every mention is resolved against its article's publication day.
That day is the UTC day of the publication time (`parse_time` gives UTC; most feeds, three of the
five ANT outlets among them, give no local offset). Arab outlets write their local day, up to four
hours ahead of UTC, so a relative date in an article published late in the UTC evening may be
one day off. An article without a usable time leaves every relative mention unresolved; a date
that names its year («12 يونيو 2018», «2018») needs no publication time and is always resolved.

`date` is the ISO day ("YYYY-MM-DD") when the words name one day, `span` the month ("YYYY-MM") or
year ("YYYY") when they name only that; `text` is always the source's words as written. Rules:

- A weekday alone or «يوم الخميس»: news is told in the past tense, so the most recent such weekday
  on or before the publication day (a Saturday's «الخميس» is two days before, a Thursday's is that
  day) — up to four days back; a weekday five or six days back is read as the coming one. Read in
  June 2018 ANT articles, the past reading was wrong for 8 of 8 weekdays six days back and 4 of 8
  five days back (announcements: «والتي تجرى الأحد», «تنقضي مدته الأحد»; and in an article of the
  UTC evening the next day is already the outlet's "today"), but right for 4 of 7 four days back.
  With «الماضي/الماضية/المنصرم/الفائت» strictly before (a Thursday's «الخميس الماضي» is a week
  before); with «المقبل/القادم» strictly after. When its clause shows the future before it —
  «سوف», «المقرر/مقررا», «المنتظر», «المزمع», «المرتقب», «المتوقع», «يعتزم», «غدا», or a verb with
  the future prefix سـ (a word سيـ/ستـ/سنـ/سأـ of 4 letters or more whose form without the س is
  the more frequent word: سيعقد/يعقد, but not سيارة or ستين) within the eight words before it — an
  unqualified weekday is the next one on or after the day. A present-tense verb («تجرى الخميس») is
  not read as future: it is also the historic present.
- Two written together name one day: a weekday with its date («الأربعاء 20 حزيران») is that date,
  and «اليوم/أمس/غدا» with a weekday («اليوم الأربعاء») the day of that weekday within one day of
  the relative word's (so an evening article's «اليوم الأربعاء» is the outlet's Wednesday).
- «اليوم» is the publication day, «أمس/الأمس» the day before, «أول أمس/أول من أمس/أمس الأول» two
  days before, «غدا/غداً» the day after and «بعد غد» two days after. «اليوم» is not a date where
  it is the noun "the day": before an ordinal or adjective («اليوم الأول/التالي/العالمي/الذي»,
  «اليوم نفسه») or after «نفس/ذات/ذلك/بمناسبة», or in a title in quotes or after «قناة/صحيفة/...»
  («قناة روسيا اليوم», «"أخبار اليوم"»; «البرلمان المصري اليوم» is today).
- A day and month («12 يونيو», «12 حزيران», «12 يونيو/حزيران», «12 من يونيو»): with a year, that
  year; with «الماضي» the latest such day before the publication day, with «المقبل» the first
  after it, with «الجاري/الحالي» the publication year; alone, the publication year unless that
  puts the day over half a year from the publication day and the previous or next year's puts it
  within two months («30 ديسمبر» in an article of 2 January is the previous year's, «3 يناير» in
  one of 28 December the next year's; «مارس» in October stays this year's March). A month without
  a day gets the same rules at month level and a `span` "YYYY-MM"; an impossible day (31 يونيو)
  keeps only the month. Month names that are also other words («مارس» practised, «آب» in
  «واتس آب», «نيسان» the car maker) count alone, with no day, year or qualifier, only after a
  word of time («في، من، منذ، حتى، شهر، مطلع ...») or another month's name.
- Relative months and years («الشهر الماضي», «العام المقبل», «السنة الحالية»): a span only
  (the month or year); relative weeks («الأسبوع الماضي») resolve to nothing.
- A year (1900-2099, also in Arabic-Indic digits ١٩٩٠-٢٠٩٩, with or without «م»): span "YYYY".
- Digits may be Arabic-Indic anywhere (١٢ يونيو ٢٠١٨).

A word counts only whole: «الأحد» is not found in «الأحداث», «مارس» not in «ممارسة», «آب» not in
«الآباء»; a leading و/ف/ب/ل («والخميس», «بالأمس») is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from khulasa.read.timestamps import parse_time
from khulasa.represent.story import Story
from khulasa.text.calendar import AMBIGUOUS_MONTHS, MONTH_CUES
from khulasa.text.calendar import MONTH_NUMBER as _MONTH_NUMBER
from khulasa.text.calendar import WEEKDAY_NUMBER as _WEEKDAY_NUMBER
from khulasa.text.frequency import zipf

_PAST = ("الماضية", "الماضي", "المنصرمة", "المنصرم", "الفائتة", "الفائت")
_NEXT = ("المقبلة", "المقبل", "القادمة", "القادم")
_CURRENT = ("الحالية", "الحالي", "الجارية", "الجاري")


def _names(words) -> str:
    """A regex alternation of the words, longest first (so «الماضية» is tried before «الماضي»)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_LETTER = r"[^\W\d]|[\u0640\u064B-\u065F\u0670]"  # a letter, tatweel or diacritic (غداً), not a digit
_NO_LETTER_BEFORE = rf"(?<!{_LETTER})"
_START = rf"(?:{_NO_LETTER_BEFORE}|(?<={_NO_LETTER_BEFORE}[وفبل]))"  # a whole word, or after و/ف/ب/ل
_END = rf"(?!{_LETTER})"  # a digit may follow: «(الاثنين25 حزيران» has lost a space
_MONTHS = _names(_MONTH_NUMBER)
_DATE = re.compile(
    r"(?:"
    + rf"{_START}(?P<weekday>(?:يوم\s+)?(?P<wd>{_names(_WEEKDAY_NUMBER)})(?:\s+(?P<wq>{_names(_PAST + _NEXT)}))?)"
    + rf"|(?P<monthdate>(?:(?<!\d)(?P<day>\d{{1,2}})\s+(?:من\s+)?|{_START})(?P<month>{_MONTHS})"
    + rf"(?:\s*/\s*(?:{_MONTHS}))?"
    + r"(?:\s*،?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<year>\d{4})(?!\d)م?"
    + rf"|\s+(?P<mq>{_names(_PAST + _NEXT + _CURRENT)}))?)"
    + rf"|{_START}(?P<period>(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)\s+(?P<pq>{_names(_PAST + _NEXT + _CURRENT)}))"
    + r"|(?P<yearonly>(?<!\d)(?:19|20|١٩|٢٠)\d{2}(?!\d)م?)"
    + rf"|{_START}(?P<relative>أول\s+(?:من\s+)?[أا]مس|[أا]مس\s+الأول|بعد\s+غد|غداً|غدًا|غدا|الأمس|[أا]مس|اليوم)"
    + r")"
    + _END
)
_RELATIVE_DAYS = {"اليوم": 0, "أمس": -1, "امس": -1, "الأمس": -1, "غدا": 1, "غداً": 1, "غدًا": 1}
_DAY_NOUN_AFTER = _word_set(  # written with a bare alef: compared after _bare_alef
    "الذي الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر التالي السابق الاخير "
    "العالمي الوطني الواحد المحدد الموعود نفسه ذاته"
)
_DAY_NOUN_BEFORE = _word_set("نفس ذات ذلك بمناسبة")
_TITLE_BEFORE = re.compile(r"(?:[\"«]|(?:قناة|صحيفة|جريدة|موقع|برنامج)\s+)(?:روسيا|أخبار|المصري)\s*$")
"""«"روسيا اليوم», «قناة روسيا اليوم», «صحيفة المصري اليوم»: a title; «البرلمان المصري اليوم» is today."""
_FUTURE_WORDS = _word_set(
    "سوف المقرر المقررة مقرر مقررا مقررة المنتظر المزمع المرتقب المتوقع يعتزم تعتزم غد غدا غداً غدًا"
)
_CLAUSE_END = re.compile(r"[،,؛;:.!؟?]")
_WITH_ITS_DATE = re.compile(r"[\s،,]*")  # between a weekday and the date it is written with
_FUTURE_WINDOW = 8  # words of the weekday's clause read for a sign of the future
MOST_DAYS_BACK = 4
"""An unqualified weekday is read in the past up to this many days back, else as the coming one."""


@dataclass(frozen=True)
class DateMention:
    """A date expression, the outlet and sentence it is in, its article's publication time, and the
    day (`date`, ISO) or month/year (`span`) it names, when that can be worked out."""

    text: str
    doc: str
    outlet: str
    sentence: int
    context: str
    published: str | None
    date: str | None = None
    span: str | None = None


def _ascii_int(digits: str) -> int:
    return int(digits.rstrip("م"))  # int() reads Arabic-Indic digits too


def _previous_word(sentence: str, start: int) -> str:
    """The last word before `start`, punctuation skipped («أغسطس (آب)» gives أغسطس)."""
    words = re.findall(r"\w+", sentence[:start])
    return words[-1] if words else ""


def _is_future_verb(word: str) -> bool:
    """سيعقد, ستقام, سنعمل: the future prefix س on an imperfect verb, told from nouns such as سيارة
    or ستين by the verb without its س being the more frequent word."""
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتنأ":
        return False
    return zipf(word[1:]) > zipf(word)


def _future_clause(sentence: str, start: int) -> bool:
    """Whether the clause before a weekday shows the future (see the module's rules)."""
    before = sentence[:start].rstrip(" \t\n،,")  # «وستخوض إيران مباراة، الجمعة»: the comma sets off the day
    clause = _CLAUSE_END.split(before)[-1].split()[-_FUTURE_WINDOW:]
    for word in clause:
        bare = word[1:] if len(word) > 3 and word[0] in "وف" else word
        if word in _FUTURE_WORDS or bare in _FUTURE_WORDS or _is_future_verb(word) or _is_future_verb(bare):
            return True
    return False


def _bare_alef(word: str) -> str:
    return re.sub("[أإآ]", "ا", word)


def _is_date(match: re.Match[str], sentence: str) -> bool:
    """False for «اليوم» as the noun "the day" and for an ambiguous month name standing alone."""
    previous = _previous_word(sentence, match.start())
    if match.group("relative") == "اليوم":
        following = re.match(r"\s+([\w\u0640\u064B-\u065F]+)", sentence[match.end() :])
        after = following and _bare_alef(following.group(1))
        title = _TITLE_BEFORE.search(sentence, 0, match.start())
        return previous not in _DAY_NOUN_BEFORE and after not in _DAY_NOUN_AFTER and not title
    if match.group("monthdate") and match.group("monthdate") in AMBIGUOUS_MONTHS:
        return previous in MONTH_CUES or previous in _MONTH_NUMBER
    return True


def _weekday(match: re.Match[str], sentence: str, day: date) -> date:
    target = _WEEKDAY_NUMBER[match.group("wd")]
    qualifier = match.group("wq")
    if qualifier in _PAST:
        return day - timedelta(days=(day.weekday() - target) % 7 or 7)
    if qualifier in _NEXT:
        return day + timedelta(days=(target - day.weekday()) % 7 or 7)
    if _future_clause(sentence, match.start()):
        return day + timedelta(days=(target - day.weekday()) % 7)
    back = (day.weekday() - target) % 7
    return day - timedelta(days=back) if back <= MOST_DAYS_BACK else day + timedelta(days=7 - back)


def _relative_day(text: str, day: date) -> date:
    words = text.split()
    if words[0] == "بعد":
        return day + timedelta(days=2)
    if len(words) > 1:  # أول أمس، أول من أمس، أمس الأول
        return day - timedelta(days=2)
    return day + timedelta(days=_RELATIVE_DAYS[text])


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _day_or_month(month: int, day_of_month: int | None, year: int) -> tuple[str | None, str]:
    """(ISO day, None), or (None, "YYYY-MM") for a month without a day or with one it does not have."""
    span = f"{year:04d}-{month:02d}"
    if day_of_month is None:
        return None, span
    try:
        return date(year, month, day_of_month).isoformat(), None
    except ValueError:
        return None, span


def _month_year(month: int, day_of_month: int | None, qualifier: str | None, day: date) -> int:
    """The year of a month (and day) written without one, by the rules in the module docstring."""
    if qualifier in _CURRENT:
        return day.year

    def offset(year: int) -> int:  # days, or months when no day is given; negative = before
        if day_of_month is not None:
            try:
                return (date(year, month, day_of_month) - day).days
            except ValueError:
                pass
        return _month_index(year, month) - _month_index(day.year, day.month)

    years = (day.year - 1, day.year, day.year + 1)
    if qualifier in _PAST:
        return max(y for y in years if offset(y) < 0)
    if qualifier in _NEXT:
        return min(y for y in years if offset(y) > 0)
    half, near = (183, 61) if day_of_month is not None else (6, 2)
    if abs(offset(day.year)) > half:
        for year in (day.year - 1, day.year + 1):
            if abs(offset(year)) <= near:
                return year
    return day.year


def _period(unit: str, qualifier: str, day: date) -> str | None:
    step = -1 if qualifier in _PAST else 1 if qualifier in _NEXT else 0
    if unit in ("العام", "السنة"):
        return f"{day.year + step:04d}"
    if unit == "الشهر":
        index = _month_index(day.year, day.month) + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return None  # a week has no name as a day, month or year


def resolve(match: re.Match[str], sentence: str, published: datetime | None) -> tuple[str | None, str | None]:
    """(ISO day, span) named by one match of `_DATE` in `sentence`, by the module's rules."""
    day = published.date() if published else None
    if match.group("yearonly"):
        return None, str(_ascii_int(match.group("yearonly")))
    if match.group("monthdate"):
        month = _MONTH_NUMBER[" ".join(match.group("month").split())]
        day_of_month = _ascii_int(match.group("day")) if match.group("day") else None
        if match.group("year"):
            return _day_or_month(month, day_of_month, _ascii_int(match.group("year")))
        if day is None:
            return None, None
        return _day_or_month(month, day_of_month, _month_year(month, day_of_month, match.group("mq"), day))
    if day is None:
        return None, None
    if match.group("weekday"):
        return _weekday(match, sentence, day).isoformat(), None
    if match.group("period"):
        return None, _period(match.group("unit"), match.group("pq"), day)
    return _relative_day(" ".join(match.group("relative").split()), day).isoformat(), None


def _agreeing_day(named: date, weekday: int) -> str | None:
    """The day with that weekday within one day of `named` (the publication day in UTC may be a day
    behind the outlet's), or None when the words disagree by more."""
    for shift in (0, 1, -1):
        if (named + timedelta(days=shift)).weekday() == weekday:
            return (named + timedelta(days=shift)).isoformat()
    return None


def _sentence_dates(
    sentence: str, published: datetime | None
) -> list[tuple[re.Match[str], tuple[str | None, str | None]]]:
    """Every date of one sentence with its resolution. Two written together name one day: a weekday
    with its date («الأربعاء 20 حزيران», «السبت المقبل 7 أبريل») is that date, and «اليوم/أمس/غدا»
    with a weekday («اليوم الأربعاء») is the day of that weekday within one day of the day the
    relative word names (the UTC publication day may be a day behind the outlet's)."""
    found = [(m, resolve(m, sentence, published)) for m in _DATE.finditer(sentence) if _is_date(m, sentence)]
    for i in range(len(found) - 1):
        (match, (named, _)), (following, (day, _span)) = found[i], found[i + 1]
        if not _WITH_ITS_DATE.fullmatch(sentence, match.end(), following.start()):
            continue
        if match.group("relative") and named and following.group("wd") and not following.group("wq"):
            agreed = _agreeing_day(date.fromisoformat(named), _WEEKDAY_NUMBER[following.group("wd")])
            found[i] = (match, (agreed, None))
            found[i + 1] = (following, (agreed, None))
        elif match.group("weekday") and following.group("day") and day:  # not «ليل الجمعة السبت»: two days
            found[i] = (match, (day, None))
    return found


def dates_mentioned(story: Story) -> list[DateMention]:
    """Date expressions, resolved, in reading order of publication time, then article and sentence
    (the order the story happened to be reported in, not the order of the days named)."""
    published = {c.article.id: c.article.time for c in story.articles}
    times = {doc: parse_time(value) for doc, value in published.items()}
    found = []
    for sentence in story.sentences:
        for match, (resolved_day, span) in _sentence_dates(sentence.text, times[sentence.doc_id]):
            found.append(
                DateMention(
                    match.group(0).strip(),
                    sentence.doc_id,
                    sentence.outlet,
                    sentence.index,
                    sentence.text,
                    published[sentence.doc_id],
                    resolved_day,
                    span,
                )
            )
    order = {c.article.id: i for i, c in enumerate(story.articles)}

    def key(mention: DateMention) -> tuple:
        parsed = times[mention.doc]
        return (parsed.timestamp() if parsed else 0.0, order[mention.doc], mention.sentence)

    return sorted(found, key=key)
