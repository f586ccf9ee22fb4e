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
from dataclasses import dataclass

from khulasa.analyze.disjoint import DisjointSets
from khulasa.analyze.names import alias_of, base_key, fits_alone, merge_key, same_person
from khulasa.analyze.names import aliases as aliases  # re-exported: callers look aliases up here
from khulasa.analyze.names import without_honorifics as without_honorifics
from khulasa.analyze.ner.clitics import strip_proclitics
from khulasa.analyze.ner.rules import given_name_spans
from khulasa.analyze.ner.tagger import EntitySpan, tag_tokens
from khulasa.represent.story import Story
from khulasa.text.normalize import normalize_key

NER_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


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


def _story_spans(story: Story) -> list[tuple[list[str], list[EntitySpan]]]:
    tagged = []
    for sentence in story.sentences:
        tokens = NER_TOKEN.findall(sentence.text)
        spans = tag_tokens(tokens)
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans = _join_adjacent_people(tokens, sorted(spans + given_name_spans(tokens, taken), key=lambda s: s.start))
        tagged.append((tokens, spans))
    return _propagate(tagged)


def _join_adjacent_people(tokens: list[str], spans: list[EntitySpan]) -> list[EntitySpan]:
    """حسين | أمير عبد اللهيان → one person: two person spans that touch are one name."""
    joined: list[EntitySpan] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous and previous.type == span.type == "PER" and previous.end == span.start:
            words = tokens[previous.start : span.end]
            text = " ".join([strip_proclitics(words[0]), *words[1:]])
            joined[-1] = EntitySpan(previous.start, span.end, "PER", text)
        else:
            joined.append(span)
    return joined


MAX_NAME_TOKENS = 12  # "الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى" has 9


def _propagate(tagged: list[tuple[list[str], list[EntitySpan]]]) -> list[tuple[list[str], list[EntitySpan]]]:
    """Tag untagged occurrences of names (and of persons' surnames) found elsewhere in the story."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for _, spans in tagged:
        for span in spans:
            key = name_key(span.text)
            votes[key][span.type] += 1
            if span.type == "PER" and len(key) > 1 and len(key[-1]) > 3:
                votes[key[-1:]]["PER"] += 1
    # Names of at most MAX_NAME_TOKENS words are propagated, and only window sizes that some known
    # name has are tried: a CRF "ORG" over a run of 3,000 dots (a fuzz case) made every position try
    # every size up to 3,001 (minutes of work); several such spans kept it quadratic.
    known = {key: counts.most_common(1)[0][0] for key, counts in votes.items() if len(key) <= MAX_NAME_TOKENS}
    sizes = sorted({len(k) for k in known}, reverse=True)
    result = []
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
                    extra.append(EntitySpan(index, index + size, known[key], text))
                    taken.update(window)
                    index += size - 1
                    break
            index += 1
        result.append((tokens, sorted(spans + extra, key=lambda s: s.start)))
    return result


def story_mentions(story: Story) -> list[Mention]:
    """Every entity mention in the story, in reading order."""
    mentions = []
    for sentence, (_, spans) in zip(story.sentences, _story_spans(story), strict=True):
        for span in spans:
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
        by_key[base_key(alias) if alias else merge_key(mention.text, mention.type)].append(mention)
    keys = list(by_key)
    kinds = [_majority_type(by_key[k]) for k in keys]
    sets = DisjointSets(len(keys))
    _merge_people(keys, [i for i, kind in enumerate(kinds) if kind == "PER"], sets)
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


TYPE_ORDER = ("PER", "ORG", "LOC", "MISC")
"""Tie order of types when a group's mentions are split evenly."""


def _majority_type(group: list[Mention]) -> str:
    counts = Counter(m.type for m in group)
    return max(counts, key=lambda t: (counts[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -len(TYPE_ORDER)))


def _entity_name(group: list[Mention]) -> str:
    """A listed alias's canonical name, else the most used spelling among the fullest ones (a
    one-off long span does not name the entity)."""
    for mention in group:
        alias = alias_of(mention.text, mention.type)
        if alias:
            return alias
    spellings = Counter(m.text for m in group)
    return max(spellings, key=lambda s: (len(s.split()) > 1, spellings[s], len(s.split())))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(longer) > len(shorter) and any(
        longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)
    )


def _merge_people(keys: list[tuple[str, ...]], people: list[int], sets: DisjointSets) -> None:
    full = [i for i in people if len(keys[i]) > 1]
    alone = [i for i in people if len(keys[i]) == 1]
    for position, i in enumerate(full):  # variants of one full name
        for j in full[position + 1 :]:
            if same_person(keys[i], keys[j]):
                sets.union(i, j)
    inside = {i: {sets.find(j) for j in full if _contains(keys[i], keys[j])} for i in full}
    compound = {i for i in full if len(inside[i]) > 1}
    for j in full:  # a full name inside exactly one longer one
        hosts = {sets.find(i) for i in full if i not in compound and _contains(keys[i], keys[j])}
        if len(hosts) == 1:
            sets.union(j, hosts.pop())
    for i in alone:  # a name alone joins its full name, when exactly one person fits
        fits = {sets.find(k) for k in full if k not in compound and fits_alone(keys[i][0], keys[k])}
        if len(fits) == 1:
            sets.union(i, fits.pop())
