"""Named entities of a story: mentions in every outlet, merged across spellings into entities.

Mentions come from the CRF, completed by the given-name rule and by propagating names found in
one sentence to untagged occurrences elsewhere in the story (cross-document label propagation).
Canonicalization merges equal keys, listed aliases (أمريكا = الولايات المتحدة), transliteration
variants of a person (جين بساكي = جاين ساكي: first and last names each within one edit) and a
surname standing alone (ساكي) with its full name; علي خامنئي and علي شمخاني stay apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from khulasa.analyze.disjoint import DisjointSets
from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.rules import ALL_RULES, MAX_NAME_ZIPF, Rules, given_name_spans, latin_name_spans
from khulasa.analyze.ner.tagger import EntitySpan, tag_tokens
from khulasa.represent.story import Story
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_key
from khulasa.text.tokenize import WORD

NER_TOKEN = re.compile(rf"{WORD}|[^\w\s]")
"""Run-time NER tokens: whole words (inner diacritics kept: عمّان is one token) and single punctuation marks."""


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a sentence of one outlet's article."""

    text: str
    type: str
    doc: str
    outlet: str
    sentence: int


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or other name, with its spellings and mentions."""

    name: str
    type: str
    variants: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.outlet for m in self.mentions))


def name_key(name: str) -> tuple[str, ...]:
    """Matching key of a name: normalized words, article removed."""
    words = []
    for word in name.split():
        key = normalize_key(word)
        words.append(key[2:] if key.startswith("ال") and len(key) > 4 else key)
    return tuple(words)


@lru_cache(maxsize=1)
def aliases() -> dict[tuple[str, ...], str]:
    """Alias key → canonical name, from data/aliases-ar.txt."""
    text = files("khulasa.analyze").joinpath("data", "aliases-ar.txt").read_text(encoding="utf-8")
    table: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("=")
        for variant in [canonical, *variants.split("|")]:
            table[name_key(variant.strip())] = canonical.strip()
    return table


SpanTagger = Callable[[list[str]], list[EntitySpan]]
"""The model: entity spans of one tokenized sentence (`tag_tokens`; the benchmark may pass another)."""


def sentence_spans(tokens: list[str], rules: Rules = ALL_RULES, tagger: SpanTagger | None = None) -> list[EntitySpan]:
    """Entity spans of one sentence: the model's, completed by the sentence-level rules."""
    spans = (tagger or tag_tokens)(tokens)
    taken = {i for s in spans for i in range(s.start, s.end)}
    if rules.given_names:
        spans = spans + given_name_spans(tokens, taken)
        taken = {i for s in spans for i in range(s.start, s.end)}
    if rules.latin_names:
        spans = spans + latin_name_spans(tokens, taken)
    spans = sorted(spans, key=lambda s: s.start)
    return _join_adjacent_people(tokens, spans) if rules.join_people else spans


def story_spans(
    sentences: list[list[str]], rules: Rules = ALL_RULES, tagger: SpanTagger | None = None
) -> list[list[EntitySpan]]:
    """Entity spans of every sentence of one story: sentence rules, then propagation across the story."""
    tagged = [(tokens, sentence_spans(tokens, rules, tagger)) for tokens in sentences]
    if rules.propagate or rules.surnames:
        tagged = _propagate(tagged, rules)
    return [spans for _, spans in tagged]


def _story_spans(story: Story) -> list[tuple[list[str], list[EntitySpan]]]:
    sentences = [NER_TOKEN.findall(sentence.text) for sentence in story.sentences]
    return list(zip(sentences, story_spans(sentences), strict=True))


def _opens_with_clitic(token: str) -> bool:
    """بمحمد, ودان, وبن (short words too, which strip_proclitics leaves whole): a clitic starts a new name."""
    return strip_proclitics(token) != token or (len(token) == 3 and token[0] == "و")


def _join_adjacent_people(tokens: list[str], spans: list[EntitySpan]) -> list[EntitySpan]:
    """حسين | أمير عبد اللهيان → one person: two person spans that touch are one name, unless the
    second opens with a clitic (جون كيري | بمحمد جواد ظريف, عمير بيرتس | ودان حالوتس, موسي | وبن عيسي:
    two people; 24 of the 25 joins on the dev blocks were of that kind)."""
    joined: list[EntitySpan] = []
    for span in spans:
        previous = joined[-1] if joined else None
        first = tokens[span.start]
        if (
            previous
            and previous.type == span.type == "PER"
            and previous.end == span.start
            and not _opens_with_clitic(first)
        ):
            words = tokens[previous.start : span.end]
            text = " ".join([strip_proclitics(words[0]), *words[1:]])
            joined[-1] = EntitySpan(previous.start, span.end, "PER", text)
        else:
            joined.append(span)
    return joined


MAX_NAME_TOKENS = 12  # "الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى" has 9


def _has_article(word: str) -> bool:
    return normalize_key(strip_proclitics(word)).startswith("ال")


def _lone_surname(span: EntitySpan, key: tuple[str, ...]) -> tuple[str, ...] | None:
    """The key of a person's last word when it may stand alone for the person: not a word with the
    article (الثاني of عبدالله الثاني, الأميركي, الله of عبد الله: 31 of the 35 wrong lone surnames on
    the dev blocks), not a common word (ثاني of آل ثاني is "second"; MAX_NAME_ZIPF) and longer than
    three letters."""
    last = span.text.split()[-1]
    if span.type != "PER" or len(key) < 2 or len(key[-1]) <= 3 or _has_article(last) or zipf(last) >= MAX_NAME_ZIPF:
        return None
    return key[-1:]


def _propagate(
    tagged: list[tuple[list[str], list[EntitySpan]]], rules: Rules = ALL_RULES
) -> list[tuple[list[str], list[EntitySpan]]]:
    """Tag untagged occurrences of names (and of persons' surnames) found elsewhere in the story.

    A one-word name is carried to the other occurrences only when it was tagged at least as often
    as it is left untagged (a surname excepted: news names a person once, then by surname): a word
    tagged once and left alone five times (الفرنسية, السنة) is more likely the model's slip than five
    misses. Names of several words are specific enough to carry
    (الدولة الإسلامية, tagged once in the example story, is found in its eight other mentions). A
    one-word person never seen with the article is not found in a word that has it (جمعة of علي
    جمعة is not الجمعة, Friday)."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    articled: set[tuple[str, ...]] = set()  # one-word names seen with the article (العراق)
    surnames: set[tuple[str, ...]] = set()  # last words of full names: a person named once, then by surname
    for _, spans in tagged:
        for span in spans:
            key = name_key(span.text)
            if rules.propagate:
                votes[key][span.type] += 1
                if len(key) == 1 and _has_article(span.text):
                    articled.add(key)
            surname = _lone_surname(span, key) if rules.surnames else None
            if surname:
                votes[surname]["PER"] += 1
                surnames.add(surname)
    # Names of at most MAX_NAME_TOKENS words are propagated, and only window sizes that some known
    # name has are tried: a CRF "ORG" over a run of 3,000 dots (a fuzz case) made every position try
    # every size up to 3,001 (minutes of work); several such spans kept it quadratic.
    known = {key: counts.most_common(1)[0][0] for key, counts in votes.items() if len(key) <= MAX_NAME_TOKENS}
    sizes = sorted({len(k) for k in known}, reverse=True)
    found: list[list[tuple[tuple[str, ...], EntitySpan]]] = []
    for tokens, spans in tagged:
        taken = {i for s in spans for i in range(s.start, s.end)}
        keys = [name_key(strip_proclitics(t))[0] if name_key(strip_proclitics(t)) else "" for t in tokens]
        extra = []
        index = 0
        while index < len(tokens):
            for size in (size for size in sizes if size <= len(tokens) - index):
                window = range(index, index + size)
                key = tuple(keys[i] for i in window)
                if key in known and not taken.intersection(window) and all(key):
                    words = tokens[index : index + size]
                    text = " ".join([strip_proclitics(words[0]), *words[1:]])
                    extra.append((key, EntitySpan(index, index + size, known[key], text)))
                    taken.update(window)
                    index += size - 1
                    break
            index += 1
        found.append(extra)
    untagged = Counter(key for extra in found for key, _ in extra)
    result = []
    for (tokens, spans), extra in zip(tagged, found, strict=True):
        kept = [
            span
            for key, span in extra
            if len(key) > 1
            or (
                (key in surnames or votes[key].total() >= untagged[key])
                and not (span.type == "PER" and key not in articled and _has_article(span.text))
            )
        ]
        result.append((tokens, sorted(spans + kept, key=lambda s: s.start)))
    return result


def story_mentions(story: Story) -> list[Mention]:
    """Every entity mention in the story, in reading order."""
    mentions = []
    for sentence, (_, spans) in zip(story.sentences, _story_spans(story), strict=True):
        for span in spans:
            mentions.append(Mention(span.text, span.type, sentence.doc_id, sentence.outlet, sentence.index))
    return mentions


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _close(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 3 and _edit_distance(a, b) <= 1)


_HONORIFICS = frozenset({"شيخ", "سيد", "سيده", "دكتور", "رييس", "ملك", "مرشد", "حاج"})


def without_honorifics(key: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name key without leading titles: آية الله علي خامنئي → علي خامنئي."""
    while len(key) > 1:
        if key[:2] == ("ايه", "الله") and len(key) > 2:
            key = key[2:]
        elif key[0] in _HONORIFICS:
            key = key[1:]
        else:
            break
    return key


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two person names that denote one person: a surname alone, or each name part within one edit."""
    a, b = without_honorifics(a), without_honorifics(b)
    if len(a) == 1 or len(b) == 1:
        single, full = (a, b) if len(a) == 1 else (b, a)
        return len(single[0]) > 3 and _close(single[0], full[-1])
    return _close(a[-1], b[-1]) and _close(a[0], b[0])


def canonicalize(mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities; most mentioned first."""
    by_name: dict[tuple[str, tuple[str, ...]], list[Mention]] = defaultdict(list)
    for mention in mentions:
        key = name_key(mention.text)
        alias = aliases().get(key)
        by_name[(mention.type, name_key(alias) if alias else key)].append(mention)
    names = list(by_name)
    sets = DisjointSets(len(names))
    people = [i for i, (kind, _) in enumerate(names) if kind == "PER"]
    full = [i for i in people if len(without_honorifics(names[i][1])) > 1]
    alone = [i for i in people if len(without_honorifics(names[i][1])) == 1]
    for position, i in enumerate(full):  # full names first: variants of one person
        for j in full[position + 1 :]:
            if same_person(names[i][1], names[j][1]):
                sets.union(i, j)
    for i in alone:  # then a surname alone joins its full name, when exactly one person fits
        fits = {sets.find(k) for k in full if same_person(names[i][1], names[k][1])}
        if len(fits) == 1:
            sets.union(i, fits.pop())
    entities = []
    for members in sets.groups():
        group_mentions = [m for i in members for m in by_name[names[i]]]
        spellings = Counter(m.text for m in group_mentions)
        alias = aliases().get(name_key(group_mentions[0].text))
        canonical = alias or max(spellings, key=lambda s: (len(s.split()), spellings[s]))
        entities.append(
            Entity(
                name=canonical,
                type=Counter(m.type for m in group_mentions).most_common(1)[0][0],
                variants=tuple(s for s, _ in spellings.most_common()),
                mentions=tuple(group_mentions),
            )
        )
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))
