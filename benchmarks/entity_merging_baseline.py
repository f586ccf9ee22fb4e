"""Entity merging as it was at commit 0e1eecd (before issue 14, item 4), frozen as the baseline of
`python -m benchmarks.entity_merging`: equal keys, the six-line aliases file of that commit,
transliteration variants of a person (first and last names each within one edit) and a lone surname
joining the one full name it fits. Not used by the package."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from khulasa.analyze.disjoint import DisjointSets
from khulasa.analyze.entities import Entity, Mention
from khulasa.text.normalize import normalize_key
from labels.entity_pairs import one_edit_apart

ALIASES_AR = """# Names that denote the same entity, one entity a line: canonical name = variant | variant ...
# Only aliases that hold in news usage; a city standing for its government (واشنطن) is NOT merged.
الولايات المتحدة = أمريكا | أميركا | امريكا | اميركا | الولايات المتحدة الأمريكية | الولايات المتحدة الاميركية
تنظيم الدولة الإسلامية = الدولة الإسلامية | داعش | تنظيم الدولة | تنظيم داعش | الدولة الإسلامية في العراق والشام
المملكة المتحدة = بريطانيا
روسيا = روسيا الاتحادية
الأمم المتحدة = الامم المتحدة | هيئة الأمم المتحدة
سوريا = سورية
"""


def name_key(name: str) -> tuple[str, ...]:
    """Matching key of a name: normalized words, article removed."""
    words = []
    for word in name.split():
        key = normalize_key(word)
        words.append(key[2:] if key.startswith("ال") and len(key) > 4 else key)
    return tuple(words)


@lru_cache(maxsize=1)
def aliases() -> dict[tuple[str, ...], str]:
    """Alias key → canonical name, from the aliases file as it was at the baseline commit."""
    text = ALIASES_AR
    table: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("=")
        for variant in [canonical, *variants.split("|")]:
            table[name_key(variant.strip())] = canonical.strip()
    return table


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
        return len(single[0]) > 3 and one_edit_apart(single[0], full[-1])
    return one_edit_apart(a[-1], b[-1]) and one_edit_apart(a[0], b[0])


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
