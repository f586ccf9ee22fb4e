"""Named entities of a story: mentions in every outlet, merged across spellings into entities.

Mentions come from the CRF, completed by the given-name rule and by propagating names found in
one sentence to untagged occurrences elsewhere in the story (cross-document label propagation).
`canonicalize` merges mentions into entities (keys and person tests in khulasa/analyze/names.py):
equal keys whatever the spacing of عبد/أبو, the article or a title (عبد الله الثاني = عبدالله
الثاني, الزعيم كيم = كيم), listed aliases (داعش = تنظيم الدولة), transliteration variants of a
person (جين بساكي = جاين ساكي), a surname or given name alone with the one full name it fits
(الأسد = بشار الأسد, دونالد = دونالد ترامب), and an organisation or place with its descriptor or
the one longer name it opens (شركة غوغل = غوغل, مجلس الأمن = مجلس الأمن الدولي); علي خامنئي and
علي شمخاني stay apart, and a span running two names together joins neither. An entity's type is
the majority of its mentions'. Measured on labelled mention pairs: benchmarks/entity_merging.py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from khulasa.analyze.disjoint import DisjointSets
from khulasa.analyze.names import alias_of, base_key, close, fits_alone, merge_key, same_person, within
from khulasa.analyze.names import aliases as aliases  # re-exported: callers look aliases up here
from khulasa.analyze.names import without_honorifics as without_honorifics
from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.rules import (
    ALL_RULES,
    MAX_NAME_ZIPF,
    Rules,
    given_name_spans,
    given_names,
    latin_name_spans,
)
from khulasa.analyze.ner.tagger import EntitySpan, tag_tokens
from khulasa.represent.story import Story
from khulasa.text.frequency import zipf
from khulasa.text.normalize import normalize_key, normalize_light
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
    two people; 24 of the 25 joins on the dev blocks were of that kind). So are two person spans
    with one untagged given name between them (حسين [أمير] عبد اللهيان: the tagger reads أمير as the
    title it often is), unless a clitic opens the middle word or the second span."""
    joined: list[EntitySpan] = []
    names = given_names()
    for span in spans:
        previous = joined[-1] if joined else None
        first = tokens[span.start]
        bridged = (
            previous is not None
            and previous.end + 1 == span.start
            and normalize_light(tokens[previous.end]) in names
            and not _opens_with_clitic(tokens[previous.end])
        )
        if (
            previous
            and previous.type == span.type == "PER"
            and (previous.end == span.start or bridged)
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
    """Every entity mention in the story, in reading order. A span without a letter (the tagger
    can mark a run of dots) names nothing and is left out."""
    mentions = []
    for sentence, (_, spans) in zip(story.sentences, _story_spans(story), strict=True):
        for span in spans:
            if any(char.isalpha() for char in span.text):
                mentions.append(Mention(span.text, span.type, sentence.doc_id, sentence.outlet, sentence.index))
    return mentions


def canonicalize(mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities; most mentioned first.

    Mentions with one `merge_key` (or one listed alias) are one group whatever their tagged type;
    a group's type is the majority of its mentions (a name the tagger calls a place twice and a
    person five times is a person). Person groups then merge: full names that `same_person` says
    are one; a full name that is a run of exactly one longer name («رجب طيب» in «رجب طيب
    أردوغان»); a name alone with the one full name it `fits_alone`. A longer span that holds two
    different names («دونالد ترامب والروسي فلاديمير بوتين») is a tagging error and joins none."""
    by_key: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for mention in mentions:
        alias = alias_of(mention.text, mention.type)
        key = base_key(alias) if alias else merge_key(mention.text, mention.type)
        if key and all(key):  # a mention with no word to match (only marks) is no entity
            by_key[key].append(mention)
    by_key = _without_clitics(by_key)
    keys = list(by_key)
    kinds = [_majority_type(by_key[k]) for k in keys]
    sets = DisjointSets(len(keys))
    sizes = [len(by_key[k]) for k in keys]
    people = [i for i, k in enumerate(keys) if any(m.type == "PER" for m in by_key[k])]
    joined = {i for i, k in enumerate(keys) if any(_joins_two(m.text) for m in by_key[k])}
    _merge_people(keys, people, sizes, joined, sets)
    _given_names_mistyped(keys, people, by_key, joined, sets)
    for kind in ("ORG", "LOC", "MISC"):
        _merge_names(keys, [i for i, k in enumerate(kinds) if k == kind], sets)
    entities = []
    for members in sets.groups():
        group = [m for i in members for m in by_key[keys[i]]]
        entities.append(
            Entity(
                name=_entity_name(group),
                type=_majority_type(group),
                variants=tuple(s for s, _ in Counter(m.text for m in group).most_common()),
                mentions=tuple(group),
            )
        )
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _without_clitics(by_key: dict[tuple[str, ...], list[Mention]]) -> dict[tuple[str, ...], list[Mention]]:
    """Keys whose first word carries a preposition or conjunction the tagger took in (لكوتينيو،
    لحزب العمال الكردستاني) move to the key without it, when that key, or a longer one it opens,
    is in the story: a name is not renamed on a guess (لبنان stays)."""
    moved: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for key, group in by_key.items():
        first = key[0]
        bare = first[1:] if first[0] in "لبوفك" and len(first) > 3 else first
        stripped = (bare, *key[1:])
        known = bare != first and any(other[: len(stripped)] == stripped for other in by_key if other != key)
        moved[stripped if known else key].extend(group)
    return dict(moved)


TYPE_ORDER = ("LOC", "ORG", "PER", "MISC")
"""Tie order of types when a group's votes are split evenly (كوراشيكي once a place, once a person)."""


def _majority_type(group: list[Mention]) -> str:
    """The type most of the group's mentions have; a mention of two or more words votes twice (the
    tagger types a full name more reliably than a lone word: رياض درار is a person, رياض alone was
    tagged a place)."""
    votes: Counter[str] = Counter()
    for mention in group:
        votes[mention.type] += 2 if len(mention.text.split()) > 1 else 1
    return max(votes, key=lambda t: (votes[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -len(TYPE_ORDER)))


def _entity_name(group: list[Mention]) -> str:
    """A listed alias's canonical name; else, for a person, the most used spelling among the fullest
    ones (the full name is often written once, then the surname: «حسين أمير عبد اللهيان» over
    «عبد اللهيان»); for a place or an organisation the most used spelling, the longer on a tie — a
    one-off longer span there is the tagger running into the next word («بولندا هدفا», once, beside
    «بولندا» nine times, as a reader's audit of June 2018 stories found)."""
    for mention in group:
        alias = alias_of(mention.text, mention.type)
        if alias:
            return alias
    spellings = Counter(m.text for m in group)
    if Counter(m.type for m in group).most_common(1)[0][0] != "PER":
        return max(spellings, key=lambda s: (spellings[s], len(s.split())))
    return max(spellings, key=lambda s: (len(s.split()) > 1, spellings[s], len(s.split())))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and any(
        longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)
    )


DOMINANCE = 3
"""A name alone that fits several people joins the one mentioned at least this many times as often as
each other (كيم: كيم جونغ أون, 3 mentions, over a one-off «معاوني كيم»)."""


def _joins_two(text: str) -> bool:
    """A span whose inner word opens with «و» or «لل» before a name («ترامب والروسي بوتين»,
    «ماكرون وأنغيلا ميركل», «بوتين للأسد»): two names the tagger ran together."""
    return any(word.startswith(("وال", "وأ", "وإ", "لل")) or word == "و" for word in text.split()[1:])


def _merge_people(
    keys: list[tuple[str, ...]], people: list[int], sizes: list[int], joined: set[int], sets: DisjointSets
) -> None:
    full = [i for i in people if len(keys[i]) > 1]
    alone = [i for i in people if len(keys[i]) == 1]
    for position, i in enumerate(full):  # variants of one full name
        for j in full[position + 1 :]:
            if same_person(keys[i], keys[j]):
                sets.union(i, j)
    compound = _compound_spans(keys, full, alone, sets) | (joined & set(full))
    for j in full:  # a full name inside exactly one longer one
        hosts = {sets.find(i) for i in full if i not in compound and _contains(keys[i], keys[j])}
        if len(hosts) == 1:
            sets.union(j, hosts.pop())
    for i in alone:  # a name alone joins its full name: the one person it fits, or the one that
        # dominates, or else the one whose surname it is («ترامب» is not the «ترامب يقول» span)
        candidates = [k for k in full if k not in compound]
        fits = {sets.find(k) for k in candidates if fits_alone(keys[i][0], keys[k])}
        chosen = _dominant(fits, people, sizes, sets)
        if chosen is None:
            surnames = {sets.find(k) for k in candidates if fits_alone(keys[i][0], keys[k][-1:])}
            chosen = surnames.pop() if len(surnames) == 1 else None
        if chosen is not None:
            sets.union(i, chosen)


def _given_names_mistyped(
    keys: list[tuple[str, ...]],
    people: list[int],
    by_key: dict[tuple[str, ...], list[Mention]],
    joined: set[int],
    sets: DisjointSets,
) -> None:
    """A one-word name tagged only as a place or organisation, written without article, that is
    the given name of exactly one person of the story («رياض» of رياض درار, «نيل» of نيل باسو)
    joins that person; the entity's majority type then decides. «الرياض», with its article, is
    the city and stays."""
    full = [i for i in people if len(keys[i]) > 1 and i not in joined]
    for i, key in enumerate(keys):
        if i in people or len(key) != 1 or any(m.text.startswith("ال") for m in by_key[key]):
            continue
        fits = {sets.find(k) for k in full if keys[k][0] == key[0]}
        if len(fits) == 1:
            sets.union(i, fits.pop())


def _compound_spans(keys: list[tuple[str, ...]], full: list[int], alone: list[int], sets: DisjointSets) -> set[int]:
    """Full names that are two names run together by the tagger: a span holding a full name of the
    story plus a word that is another person's name (its surname, or a name standing alone):
    «دونالد ترامب والروسي فلاديمير بوتين», «جون بولتون دعوة بوتن»."""
    compound = set()
    for i in full:
        for j in full:
            if not _contains(keys[i], keys[j]):
                continue
            start = next(s for s in range(len(keys[i])) if keys[i][s : s + len(keys[j])] == keys[j])
            extra = keys[i][:start] + keys[i][start + len(keys[j]) :]
            others = [
                k for k in full + alone if sets.find(k) != sets.find(j) and k != i and not _fits(keys[k], keys[i])
            ]
            if any(len(w) > 3 and any(close(w, keys[k][-1]) for k in others) for w in extra):
                compound.add(i)
    return compound


def _fits(name: tuple[str, ...], span: tuple[str, ...]) -> bool:
    """Whether a person's key may be the person a longer span names (then it is no second name in it)."""
    return fits_alone(name[0], span) if len(name) == 1 else same_person(name, span)


def _dominant(fits: set[int], people: list[int], sizes: list[int], sets: DisjointSets) -> int | None:
    """The one set that fits, or the set with DOMINANCE times the mentions of every other; else None."""
    if len(fits) <= 1:
        return next(iter(fits), None)
    counts = {root: sum(sizes[k] for k in people if sets.find(k) == root) for root in fits}
    ranked = sorted(fits, key=lambda root: -counts[root])
    return ranked[0] if counts[ranked[0]] >= DOMINANCE * counts[ranked[1]] else None


def _merge_names(keys: list[tuple[str, ...]], names: list[int], sets: DisjointSets) -> None:
    """Organisations and places: spellings of each word close (سالزبري / سولزبري, long words only),
    and a name that opens exactly one longer name of its type (مجلس الأمن / مجلس الأمن الدولي)."""
    for position, i in enumerate(names):
        for j in names[position + 1 :]:
            if len(keys[i]) == len(keys[j]) and all(_close_long(a, b) for a, b in zip(keys[i], keys[j], strict=True)):
                sets.union(i, j)
    for j in names:
        hosts = {sets.find(i) for i in names if len(keys[i]) > len(keys[j]) and keys[i][: len(keys[j])] == keys[j]}
        if len(hosts) == 1:
            sets.union(j, hosts.pop())


def _close_long(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= LONG_WORD and within(a, b, 1))


LONG_WORD = 6
"""Letters a word of an organisation or place name needs before one edit counts as a spelling
variant: حزب الشعب and حزب الشعوب are two parties."""
