"""Explicit checks of the details two news sentences can disagree on: numbers, negation, direction,
dates and named actors.

Each check reads one sentence into a small set of facts (`SentenceFacts`, computed once per
sentence) and compares two of them. They are deliberately literal — a number is a number, a
negation particle is a negation — so a reviewer can see why a pair was called a contradiction; the
relation model (model.py) learns how much each one weighs against the overlap of the two sentences.

- numbers: counts read as (value, counted noun): «أربع قرى» → (4, قري), «43 قتيلا» → (43, قتيل).
  Two sentences *clash* when they count the same noun with different values.
- negation: particles and verbs of denial (لم، لن، لا، ليس، نفى، ...); a pair *differs* when one
  sentence negates and the other does not.
- direction: pairs of opposite predicates (ارتفع / انخفض, فاز / خسر, وافق / رفض, ...); a pair is
  *opposed* when one sentence has one side and the other sentence only the opposite side.
- dates: weekdays, months and years mentioned; a pair *clashes* when both name a weekday (or a
  year) and they share none.
- actors: names of the project's NER gazetteer (people, places, organisations, from ANERcorp
  training data) in the sentence, in order; `actor_clash` when both sentences have actors and their
  first actors differ while neither first actor occurs in the other sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from khulasa.text.calendar import AMBIGUOUS_MONTHS, MONTH_CUES, MONTH_NUMBER, WEEKDAY_NUMBER
from khulasa.text.normalize import normalize_key
from khulasa.text.stem import stem
from khulasa.text.stopwords import is_stopword
from khulasa.text.tokenize import tokenize

_UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8,
    "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20,
    "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60,
    "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئه": 100, "مائه": 100, "مئتين": 200, "مئتان": 200, "الف": 1000, "الفين": 2000, "الفا": 1000,
}  # fmt: skip
_SCALES = {"الف": 1000, "الاف": 1000, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}
_DIGITS = re.compile(r"^\d+(?:d\d+)?$")  # a decimal as _joined_numbers writes it: 74d5
_JOINED_NUMBER = re.compile(r"(?<!\d)\d++(?:[.,٫٬]\d++)+")
r"""Digits joined by separators. Tried only where a run of digits starts, and the digits are never
given back: «\d+(?:[.,]\d+)+» retried at every digit of a run without a separator and gave each
try back digit by digit, so 40,000 digits in a pasted text took 10 s (benchmarks.fuzz seed 12) and
two pasted runs of 30,000 cost the server 36 s of CPU for one request (benchmarks.hostile)."""
_SEPARATOR = re.compile(r"[.,٫٬]")
MAX_NUMBER_DIGITS = 15
"""Longer runs of digits are read as no number: no count in news needs more."""
_PREFIXES = ("وب", "ول", "و", "ف", "ب", "ل")
NEGATIONS = frozenset(
    normalize_key(w)
    for w in (
        "لم", "لن", "لا", "ليس", "ليست", "ليسوا", "لسنا", "لست", "ما", "غير", "عدم", "دون", "بدون",
        "نفى", "نفت", "ينفي", "تنفي", "نفي", "ينفون", "نفوا", "رفض", "رفضت", "يرفض", "ترفض", "رفضوا",
        "أنكر", "أنكرت", "ينكر", "تنكر", "كذب", "كذبت", "استبعد", "استبعدت",
    )
)  # fmt: skip
# Opposite predicates, by Light10 stem of their matching key; each group is one side.
_DIRECTIONS = (
    (("ارتفع", "ارتفاع", "زاد", "زياده", "صعد", "صعود", "ارتفعت", "زادت", "تضاعف"),
     ("انخفض", "انخفاض", "تراجع", "تراجعت", "هبط", "هبوط", "نقص", "انخفضت", "تدني")),
    (("فاز", "فوز", "انتصر", "انتصار", "فازت", "تغلب"), ("خسر", "خساره", "هزيمه", "انهزم", "خسرت", "سقط")),
    (("وافق", "موافقه", "قبل", "وافقت", "اقر", "اقرت", "ايد", "تاييد"),
     ("رفض", "رفضت", "عارض", "معارضه", "اعترض", "اعترضت")),
    (("فتح", "افتتح", "افتتاح", "فتحت"), ("اغلق", "اغلاق", "اغلقت", "اقفل")),
    (("اطلق", "الافراج", "افرج", "افرجت", "اطلاق"), ("اعتقل", "اعتقال", "احتجز", "احتجاز", "اعتقلت", "اسر")),
    (("بدا", "بدء", "استئناف", "استانف", "انطلق", "انطلاق"),
     ("انتهى", "انتهاء", "تاجيل", "اجل", "الغاء", "الغى", "علق", "تعليق")),
    (("نجح", "نجاح", "نجحت"), ("فشل", "فشلت", "اخفق", "اخفاق")),
    (("دخل", "دخول", "وصل", "وصول"), ("غادر", "مغادره", "انسحب", "انسحاب", "خرج", "خروج")),
    (("تقدم", "تقدمت"), ("تاخر", "تاخرت")),
    (("سيطر", "سيطره", "استعاد", "استعاده", "استولى", "تقدم"), ("خسر", "فقد", "فقدت", "انسحب", "طرد", "طردت")),
    (("السلام", "هدنه", "تهدئه"), ("الحرب", "تصعيد", "التصعيد")),
    (("تحسن", "انتعاش", "نمو"), ("تدهور", "انكماش", "ركود")),
)  # fmt: skip
_WEEKDAYS = {normalize_key(day): number for day, number in WEEKDAY_NUMBER.items()}
_MONTHS = {
    tuple(normalize_key(word) for word in name.split()): number
    for name, number in MONTH_NUMBER.items()
    if not name.isascii()
}
"""Month names as matching keys: one word («يونيو», «حزيران») or two («كانون الثاني»)."""
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class SentenceFacts:
    """What the checks read of one sentence."""

    counts: frozenset[tuple[float, str]]  # (value, stem of the counted noun)
    numbers: frozenset[float]
    negated: bool
    directions: frozenset[tuple[int, int]]  # (group, side)
    weekdays: frozenset[int]  # datetime.weekday() of each weekday named
    months: frozenset[int]  # 1-12 of each month named
    years: frozenset[str]
    actors: tuple[str, ...]  # gazetteer names in order of appearance (matching keys)
    phrases: tuple[tuple[float, str, str], ...] = ()  # (value, noun, the words as written) of each count


def _strip_prefix(key: str) -> str:
    """A matching key without one leading conjunction/preposition and the article."""
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            rest = key[len(prefix) :]
            if rest.startswith("ال") or len(key) > 4:
                key = rest
            break
    if key.startswith("ال") and len(key) >= 5:
        key = key[2:]
    return key


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    """Name key → its most frequent type, from the NER model's gazetteer (training folds only)."""
    raw = json.loads(files("khulasa.analyze.ner").joinpath("model", "gazetteer-ar.json").read_text("utf-8"))
    return {key: types[0] for key, types in raw.items() if len(key) >= 3 and not is_stopword(key)}


@lru_cache(maxsize=1)
def _direction_index() -> dict[str, tuple[int, int]]:
    index = {}
    for group, sides in enumerate(_DIRECTIONS):
        for side, words in enumerate(sides):
            for word in words:
                index.setdefault(stem(normalize_key(word)), (group, side))
    return index


def _counted_noun(keys: list[str], bare: list[str], start: int) -> tuple[str, int] | None:
    """The stem of the noun a number counts: the first content word within three tokens after it
    (stop words such as «من هذه» skipped), unless a conjunction starts a new phrase first."""
    for position in range(start, min(start + 4, len(bare))):
        word = bare[position]
        if keys[position].startswith("و") and bare[position] != keys[position]:
            return None
        if _value(word) is not None or word in _SCALES:
            return None
        if is_stopword(word) or len(word) < 3:
            continue
        if word.endswith("ا") and len(word) > 4:  # accusative tanween: قتيلا, شخصا
            word = word[:-1]
        return stem(word), position
    return None


_PRONOUN_SUFFIXES = ("تهما", "تهم", "تها", "ته", "هما", "هم", "ها", "ه")


def _direction(key: str) -> tuple[int, int] | None:
    """The (group, side) of a predicate of _DIRECTIONS, trying the word without a pronoun suffix."""
    index = _direction_index()
    candidates = [key]
    for suffix in _PRONOUN_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            candidates.append(key[: -len(suffix)] + ("ه" if suffix.startswith("ت") else ""))
            break
    for candidate in candidates:
        found = index.get(stem(candidate))
        if found is not None:
            return found
    return None


def _name(key: str, bare: str, gazetteer: dict[str, str]) -> str | None:
    """The gazetteer name a word is, trying it whole first (بريطانيا is not ب + ريطانيا), then
    without its prefix, then without the article (الأردن → اردن, as the gazetteer keys it)."""
    for candidate in (key, bare, key[2:] if key.startswith("ال") else None):
        if candidate and gazetteer.get(candidate) in ("PER", "LOC", "ORG"):
            return candidate
    return None


def _value(key: str) -> float | None:
    if key[:1] in "وفبل" and key[1:2].isdigit():
        key = key[1:]  # «و76d69»: a number with its conjunction
    if _DIGITS.match(key):
        if len(key) > MAX_NUMBER_DIGITS:
            return None  # an identifier or pasted digits, not a quantity (float() made it inf)
        return float(key.replace("d", "."))
    return float(_UNITS[key]) if key in _UNITS else None


def _joined_numbers(text: str) -> tuple[str, dict[str, str]]:
    """The text with each number one token: the tokenizer splits at «.» and «,», so «74.00 دولارا»
    read as 00 dollars and «1,500 جندي» as 500 soldiers. Thousands («1,500») are written 1500, a
    decimal («74.00», «5,5», «٧٤٫٥») as 74d00 (one token; `_value` reads it); other runs (a date
    19.06.2018) stay as they are. Returns the text and each joined token's original spelling, for
    the counts shown as written."""
    originals: dict[str, str] = {}

    def join(match: re.Match[str]) -> str:
        raw = match.group(0)
        parts, separators = _SEPARATOR.split(raw), _SEPARATOR.findall(raw)
        if all(s in ",٬" for s in separators) and all(len(p) == 3 for p in parts[1:]):
            token = "".join(parts)
        elif len(separators) == 1:
            token = f"{parts[0]}d{parts[1]}"
        else:
            return raw
        originals[token] = raw
        return token

    return _JOINED_NUMBER.sub(join, text), originals


def _as_written(token: str, originals: dict[str, str]) -> str:
    if token in originals:
        return originals[token]
    if token[:1] in "وفبل" and token[1:] in originals:
        return token[0] + originals[token[1:]]
    return token


def _named_days(keys: list[str]) -> list[int]:
    """The weekdays a sentence names, as numbers: «الخميس», «والخميس» and «الإثنين»/«الاثنين» are
    one day each (before, the words themselves were compared, so «والخميس» clashed with «الخميس»)."""
    days = []
    for key in keys:
        day = _WEEKDAYS.get(key)
        if day is None and key[:1] in "وفبل":
            day = _WEEKDAYS.get(key[1:])
        if day is not None:
            days.append(day)
    return days


_AMBIGUOUS_MONTHS = frozenset(normalize_key(name) for name in AMBIGUOUS_MONTHS)
_MONTH_CUES = frozenset(normalize_key(word) for word in MONTH_CUES)


def _named_months(keys: list[str], bare: list[str]) -> list[int]:
    """The months a sentence names, as numbers, whichever calendar's name it uses: «يونيو»,
    «يونيه» and «حزيران» are one month (before, the words were compared, so they clashed);
    «كانون» or «تشرين» without the word after it names no month for sure and counts none, nor does
    a name that is also another word (calendar.AMBIGUOUS_MONTHS) unless a number stands beside it
    or a word of time or another month's name before it («12 مارس», «في مارس», not «مارس الضغط»),
    as the timeline reads them."""
    months = []
    for index, word in enumerate(bare):
        month = _MONTHS.get((word,))
        if month is None and index + 1 < len(keys):
            month = _MONTHS.get((word, keys[index + 1]))
        if month is not None and word in _AMBIGUOUS_MONTHS and not _dated(keys, index):
            month = None
        if month is not None:
            months.append(month)
    return months


def _dated(keys: list[str], index: int) -> bool:
    """Whether the word at `index` has a number, a word of time or a month's name before it, or a
    number or «/» («مارس/آذار») after it."""
    before = keys[index - 1] if index else ""
    after = keys[index + 1] if index + 1 < len(keys) else ""
    return before.isdigit() or before in _MONTH_CUES or (before,) in _MONTHS or after.isdigit() or after == "/"


def read_facts(text: str) -> SentenceFacts:
    """The checkable details of one sentence."""
    joined, originals = _joined_numbers(text)
    tokens = tokenize(joined)
    keys = [normalize_key(t) for t in tokens]
    bare = [_strip_prefix(k) for k in keys]
    counts: set[tuple[float, str]] = set()
    phrases: dict[tuple[float, str], str] = {}
    numbers: set[float] = set()
    for start, key in enumerate(bare):
        value = _value(key)
        if value is None:
            continue
        end = start
        if start + 1 < len(bare) and bare[start + 1] in _SCALES:
            value *= _SCALES[bare[start + 1]]
            end = start + 1
        numbers.add(value)
        if _YEAR.match(key):
            continue
        found = _counted_noun(keys, bare, end + 1)
        if found is not None:
            noun, position = found
            counts.add((value, noun))
            phrases.setdefault((value, noun), " ".join(_as_written(t, originals) for t in tokens[start : position + 1]))
    directions = {d for d in (_direction(k) for k in bare) if d is not None}
    gazetteer = _gazetteer()
    named = (_name(k, b, gazetteer) for k, b in zip(keys, bare, strict=True))
    actors = tuple(dict.fromkeys(n for n in named if n is not None))
    return SentenceFacts(
        counts=frozenset(counts),
        numbers=frozenset(numbers),
        negated=any(k in NEGATIONS for k in keys),
        directions=frozenset(directions),
        weekdays=frozenset(_named_days(keys)),
        months=frozenset(_named_months(keys, bare)),
        years=frozenset(k for k in keys if _YEAR.match(k)),
        actors=actors,
        phrases=tuple(sorted((v, n, t) for (v, n), t in phrases.items())),
    )


def number_clash(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Both count the same noun, with different values («أربع قرى» / «ثلاث قرى»)."""
    nouns_a: dict[str, set[float]] = {}
    for value, noun in a.counts:
        nouns_a.setdefault(noun, set()).add(value)
    return any(noun in nouns_a and value not in nouns_a[noun] for value, noun in b.counts)


def clashing_counts(a: SentenceFacts, b: SentenceFacts) -> list[tuple[str, str]]:
    """The counts, as written, that `number_clash` finds: [(«أربع قرى», «ثلاث قرى»), ...]."""
    pairs = []
    for value_a, noun_a, text_a in a.phrases:
        for value_b, noun_b, text_b in b.phrases:
            if noun_a == noun_b and value_a != value_b and (text_a, text_b) not in pairs:
                pairs.append((text_a, text_b))
    return pairs


def number_agreement(a: SentenceFacts, b: SentenceFacts) -> float:
    """Jaccard of the numbers both sentences mention (0 when either has none)."""
    if not a.numbers or not b.numbers:
        return 0.0
    return len(a.numbers & b.numbers) / len(a.numbers | b.numbers)


def negation_differs(a: SentenceFacts, b: SentenceFacts) -> bool:
    return a.negated != b.negated


def direction_opposed(a: SentenceFacts, b: SentenceFacts) -> bool:
    """One sentence has a predicate whose opposite (and not itself) is in the other."""
    return any((group, 1 - side) in b.directions and (group, side) not in b.directions for group, side in a.directions)


def date_clash(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Both name weekdays (or years, or months) and share none of them."""
    for mine, theirs in ((a.weekdays, b.weekdays), (a.years, b.years), (a.months, b.months)):
        if mine and theirs and not mine & theirs:
            return True
    return False


def actor_clash(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Their first named actors differ and neither occurs in the other sentence."""
    if not a.actors or not b.actors:
        return False
    first_a, first_b = a.actors[0], b.actors[0]
    return first_a != first_b and first_a not in b.actors and first_b not in a.actors


def actors_shared(a: SentenceFacts, b: SentenceFacts) -> float:
    """Jaccard of the named actors (0 when either has none)."""
    if not a.actors or not b.actors:
        return 0.0
    x, y = set(a.actors), set(b.actors)
    return len(x & y) / len(x | y)
