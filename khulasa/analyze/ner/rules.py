"""Sentence-level rules that complete the tagger where a model trained on 2000s newswire is blind.

- given names: a full name opened by a common given name (علي خامنئي، علي اكبر ولايتي);
- Latin names: a capitalized Latin-script word, bare or glued to an Arabic clitic (وLenovo, لـGoogle);
- joins: two person spans that touch are one name (حسين | أمير عبد اللهيان), never across a clitic.

Story-level propagation lives in `khulasa.analyze.entities`. Each rule is measured on the dev
blocks by `benchmarks/ner_rules.py` (precision of the spans it adds, and F1 with and without it);
`Rules` switches them, so the benchmark and the tests can take one away. On the dev blocks
(ANERcorp + NewsFANE, CRF retrained on the train blocks) the audit found the given-name rule right
0 times in 60 (علي for على), joins right 1 in 25 (across و or ب), lone surnames 5 in 40
(الثاني، الأميركي، الله): the rules cost 0.035 F1. Fixed as documented below and in entities.py,
they are neutral on those 2000s corpora (F1 0.815 with and without) and keep what the example
story of 2014 needs (علي خامنئي، علي اكبر ولايتي, the surnames, الدولة الإسلامية in all mentions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.tagger import EntitySpan
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_light
from khulasa.text.stopwords import is_stopword

MAX_NAME_ZIPF = 4.6  # words rarer than this (in wordfreq's Arabic) can be part of a name


@dataclass(frozen=True)
class Rules:
    """Which rules run after the tagger; all on is the run-time default."""

    given_names: bool = True
    latin_names: bool = True
    join_people: bool = True
    propagate: bool = True  # story level: names tagged in one sentence, found in the others
    surnames: bool = True  # story level: a multi-word person's last word found alone


ALL_RULES = Rules()
NO_RULES = Rules(False, False, False, False, False)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    text = files("khulasa.analyze").joinpath("data", "given-names-ar.txt").read_text(encoding="utf-8")
    return frozenset(normalize_light(w) for w in text.split() if not w.startswith("#"))


# Words that end in ى written with a final ي (إلي، حتي): a text that spells them so writes the
# preposition على as علي too, and علي there is not the given name.
_YA_SPELLINGS = frozenset(
    ["الي", "حتي", "لدي", "متي", "مدي", "مستوي", "اخري", "الاخري", "سوي", "عسي", "اولي", "الاولي", "كبري", "الكبري"]
)
AMBIGUOUS_NAME = "علي"  # the given name, and the preposition على written with ي


def _ya_for_alif_maqsura(token: str) -> bool:
    """A word ending in ى written with ي (إلي، مستوي، موسي): the ى form is far commoner in wordfreq."""
    word = strip_proclitics(token)
    if not word.endswith("ي") or len(word) < 3 or normalize_light(word) == AMBIGUOUS_NAME:
        return False
    return zipf(word[:-1] + "ى") >= zipf(word) + 1.0


def _writes_ya_for_alif_maqsura(tokens: list[str]) -> bool | None:
    """True when the sentence spells final ى as ي (إلي), False when it writes ى, None when it shows neither."""
    if any(normalize_light(strip_proclitics(t)) in _YA_SPELLINGS or _ya_for_alif_maqsura(t) for t in tokens):
        return True
    if any(t.endswith("ى") for t in tokens):
        return False
    return None


# Given names that are also common words (اكبر "biggest", امير "prince"): they continue a name
# (علي اكبر ولايتي، حسين امير عبد اللهيان) but never open one (اكبر مستشفيات، امير بالمفهوم).
_CONTINUATION_ONLY = frozenset({"اكبر", "امير"})


def _given_name(token: str, names: frozenset[str]) -> str | None:
    """The given name a token opens with, bare or after the conjunction و (وعلي), never inside
    another word (فعلي is "actual"); None when it is no given name."""
    key = normalize_light(token)
    key = key[1:] if key[:1] == "و" and key not in names else key
    return key if key in names and key not in _CONTINUATION_ONLY else None


@lru_cache(maxsize=1)
def person_triggers() -> frozenset[str]:
    """Titles and reporting verbs that announce a person (data/person-triggers-ar.txt), as light keys."""
    text = files("khulasa.analyze").joinpath("data", "person-triggers-ar.txt").read_text(encoding="utf-8")
    return frozenset(normalize_light(w) for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _ali_is_preposition(previous: str | None, ya_spelling: bool | None) -> bool:
    """علي after `previous`: the preposition على written with ي, unless the sentence writes ى (then
    it is the name) or, with no evidence either way, a title or reporting verb announces a person
    (قال علي لاريجاني; not تغلبوا علي أخطائهم)."""
    if ya_spelling is not None:
        return ya_spelling
    return previous is None or normalize_light(previous) not in person_triggers()


MARK_CHARS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670"}


def _name_tail(token: str) -> bool:
    """A word that can follow given names in a full name: three or more Arabic letters (علي | نا is
    علينا cut), no clitic (عمر وزينب are two people), no stop word, rarer than MAX_NAME_ZIPF (age:
    عمر يناهز23 has a digit)."""
    letters = token.replace("\u0640", "")
    return (
        len(letters) > 2
        and strip_proclitics(token) == token
        and all("\u0621" <= ch <= "\u064a" or ch in MARK_CHARS for ch in letters)
        and not is_stopword(token)
        and zipf(token) < MAX_NAME_ZIPF
    )


def given_name_spans(tokens: list[str], taken: set[int]) -> list[EntitySpan]:
    """Given name(s) followed by one to three rarer words: علي خامنئي، علي اكبر ولايتي.

    علي is also the preposition على written with ي (علي الأرض; 60 of the rule's 60 dev spans were
    wrong before this check): it opens a name only in a sentence that writes ى elsewhere and not
    إلي-style spellings, or, with no evidence either way, after a title or reporting verb."""
    names = given_names()
    ya_spelling = _writes_ya_for_alif_maqsura(tokens)
    spans = []
    index = 0
    while index < len(tokens):
        first = _given_name(tokens[index], names)
        if index in taken or first is None:
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and end not in taken and normalize_light(tokens[end]) in names:
            end += 1
        tail = end
        while tail < len(tokens) and tail - end < 3 and tail not in taken and _name_tail(tokens[tail]):
            tail += 1
        if (
            first == AMBIGUOUS_NAME
            and end == index + 1 < tail
            and _ali_is_preposition(tokens[index - 1] if index else None, ya_spelling)
        ):
            tail = end
        if tail > end:
            words = tokens[index:tail]
            spans.append(EntitySpan(index, tail, "PER", " ".join([strip_proclitics(words[0]), *words[1:]])))
            index = tail
        else:
            index = end
    return spans


_LATIN_NAME = re.compile(r"(?:[وفبلك]{1,3}\u0640?)?[A-Z][A-Za-z0-9&'’.\-]*[A-Za-z0-9]")
_BARE_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&'’.\-]*[A-Za-z0-9]")
LATIN_NAME_TYPE = "ORG"  # in Arabic news a Latin-script name is mostly a company, brand or outlet (CIA, Lenovo)


def _arabic(token: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in token)


def latin_name_spans(tokens: list[str], taken: set[int]) -> list[EntitySpan]:
    """Capitalized Latin-script words in an Arabic sentence, bare or after an Arabic clitic (وLenovo,
    لـ Google, لـCIA): one span per run, named without the clitic. Sentences without Arabic are left
    alone (every capital there would count)."""
    if not any(_arabic(token) for token in tokens):
        return []
    spans = []
    index = 0
    while index < len(tokens):
        if index in taken or not _LATIN_NAME.fullmatch(tokens[index]):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and end not in taken and _BARE_LATIN_NAME.fullmatch(tokens[end]):
            end += 1
        words = tokens[index:end]
        spans.append(EntitySpan(index, end, LATIN_NAME_TYPE, " ".join([strip_proclitics(words[0]), *words[1:]])))
        index = end
    return spans


def labels_of(spans: list[EntitySpan], length: int) -> list[str]:
    """BIO labels of `length` tokens from non-overlapping spans (the inverse of decode_bio)."""
    labels = ["O"] * length
    for span in spans:
        labels[span.start] = f"B-{span.type}"
        for index in range(span.start + 1, span.end):
            labels[index] = f"I-{span.type}"
    return labels
