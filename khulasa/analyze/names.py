"""Matching keys of entity names and the tests that say two keys name one person.

Mentions found by the tagger are spelled many ways in Arabic news: عبد الله / عبدالله, أبو الغيط /
أبوالغيط, the article on or off (الجباوي / جباوي), a title or a nationality in front (الزعيم كيم،
الروسي بوتن), a descriptor around a company (شركة غوغل، يوفنتوس الإيطالي), a function word the
tagger took in (لأن غوغل), foreign names transliterated differently (ترامب / ترمب, كورتز / كورز).
`merge_key` removes what does not tell two entities apart, `aliases` maps listed alternative names
(داعش = تنظيم الدولة) to one, and `same_person` compares two person keys. The pairs labelled in
labels/entity-pairs are the measure (benchmarks/entity_merging.py).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from khulasa.text.normalize import normalize_key
from khulasa.text.stopwords import is_stopword


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


JOINED = frozenset({"عبد", "ابو", "دي", "دا", "فان", "فون"})
"""Words written apart or glued to the next one (عبد الله / عبدالله, دي لورينتيس): glued in keys."""

HONORIFICS = _set(
    "شيخ سيد سيده دكتور رييس ملك مرشد حاج زعيم جنرال عميد لواء عقيد امير اميره وزير وزيره مستشار مستشاره "
    "قاضي قس داعيه سلطان عاهل مدرب لاعب نجم حارس مهاجم مدافع متحدث متحدثه ناطق سفير مبعوث"
)
"""Titles and roles that precede a person's name (normalized, article removed): dropped from the key."""

NATIONALITIES = _set(
    "امريكي اميركي روسي بريطاني فرنسي الماني ايطالي اسباني برتغالي انكليزي انجليزي نمساوي كندي صيني ياباني "
    "كوري تركي ايراني عراقي سوري لبناني اردني مصري سعودي اماراتي قطري كويتي بحريني عماني يمني ليبي تونسي "
    "جزايري مغربي سوداني فلسطيني اسراييلي هولندي بلجيكي سويسري سويدي نرويجي دنماركي بولندي يوناني اوكراني "
    "ارجنتيني برازيلي مكسيكي كولومبي تشيلي اوروغوياني بيروفي استرالي هندي باكستاني افغاني اثيوبي اريتري "
    "نيجيري عاجي كاميروني سنغالي غاني صربي كرواتي اسكتلندي ايرلندي ويلزي"
)
"""Nationality adjectives (masculine, normalized, article removed; the feminine adds ه)."""

ORG_DESCRIPTORS = _set("شركه مجموعه مؤسسه موسسه حركه عملاق نادي صحيفه مجله قناه شبكه تلفزيون وكاله")
"""Nouns that describe an organisation in front of its name (شركة غوغل = غوغل)."""

LOC_DESCRIPTORS = _set("اقليم ولايه مدينه")
"""Nouns that describe a place in front of its name (إقليم كردستان = كردستان)."""

GENERIC = _set("اتحاد مجلس حزب جيش شرطه حكومه وزاره هييه منظمه جامعه بنك صندوق محكمه برلمان دوله جمهوريه مملكه")
"""Nouns that name no organisation alone: a descriptor or nationality is kept when only one of these remains."""


def _word(token: str) -> str:
    return normalize_key(token)


def _bare(word: str) -> str:
    """A word without its article, when long enough to be a word without it (الاسد → اسد, اله stays)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def base_key(name: str) -> tuple[str, ...]:
    """Normalized words of a name, particles glued to the next word, articles removed, dots dropped.

    The same for عبد الله الثاني and عبدالله الثاني, أبو الغيط and أبوالغيط, إف.بي.آي and إف . بي . آي."""
    words = [_word(t) for t in name.replace(".", " ").split()]
    words = [w for w in words if w]
    glued: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in JOINED and index + 1 < len(words):
            glued.append(word + words[index + 1])
            index += 2
            continue
        glued.append(_bare(word))
        index += 1
    return tuple(glued)


def _nationality(word: str) -> bool:
    return word in NATIONALITIES or (word.endswith("ه") and word[:-1] in NATIONALITIES)


def merge_key(name: str, kind: str) -> tuple[str, ...]:
    """The key two mentions of one entity share: `base_key` without the words around a name that
    do not tell entities apart — leading function words the tagger took in (لأن غوغل), and by type
    a person's titles and nationality (الرئيس الروسي بوتن → بوتن), an organisation's descriptor
    and nationality (شركة غوغل، يوفنتوس الإيطالي), a place's descriptor (إقليم كردستان)."""
    raw = name.replace(".", " ").split()
    key = list(base_key(name))
    while len(key) > 1 and raw and is_stopword(raw[0]):
        key, raw = key[1:], raw[1:]
    if kind == "PER":
        key = list(without_honorifics(tuple(key)))
        while len(key) > 1 and (_nationality(key[0]) or key[0] in HONORIFICS):
            key = key[1:]
    elif kind in ("ORG", "LOC"):
        descriptors = ORG_DESCRIPTORS if kind == "ORG" else LOC_DESCRIPTORS
        if len(key) > 1 and key[0] in descriptors and _specific(key[1:]):
            key = key[1:]
        if kind == "ORG" and len(key) > 1 and _nationality(key[-1]) and _specific(key[:-1]):
            key = key[:-1]
    return tuple(key)


def _specific(rest: list[str]) -> bool:
    """Whether the words left name something on their own (not a lone اتحاد or مجلس)."""
    return len(rest) > 1 or (len(rest) == 1 and rest[0] not in GENERIC)


@lru_cache(maxsize=1)
def aliases() -> dict[tuple[str, ...], str]:
    """Alias key (`base_key`) → canonical name, from data/aliases-ar.txt."""
    text = files("khulasa.analyze").joinpath("data", "aliases-ar.txt").read_text(encoding="utf-8")
    table: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("=")
        for variant in [canonical, *variants.split("|")]:
            table[base_key(variant.strip())] = canonical.strip()
    return table


def alias_of(name: str, kind: str) -> str | None:
    """The canonical name of a listed alias, looked up as written and without descriptors."""
    table = aliases()
    return table.get(base_key(name)) or table.get(merge_key(name, kind))


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from a to b."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, start=1):
        row = [i]
        for j, cb in enumerate(b, start=1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


@lru_cache(maxsize=65536)
def within(a: str, b: str, limit: int) -> bool:
    """Whether `edit_distance(a, b) <= limit`, without the full table when the lengths already say
    no: a story pools hundreds of names and compares them pairwise."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    big = limit + 1  # any cell outside the band costs more than the limit
    before: list[int] = []
    previous = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        row = [i if i <= limit else big] + [big] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cost = min(cost, before[j - 2] + 1)
            row[j] = min(cost, big)
        if min(row) > limit:
            return False
        before, previous = previous, row
    return previous[-1] <= limit


def close(a: str, b: str) -> bool:
    """Two spellings of one name part: equal, or one edit apart when both have 3+ letters, two when
    both have 6+ (أورليكه / أولريكي)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    return shorter >= 3 and within(a, b, 2 if shorter >= 6 else 1)


def without_honorifics(key: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name key without leading titles: آية الله علي خامنئي → علي خامنئي."""
    while len(key) > 1:
        if key[:2] == ("ايه", "الله") and len(key) > 2:
            key = key[2:]
        elif key[0] in HONORIFICS:
            key = key[1:]
        else:
            break
    return key


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two person keys that may denote one person: a name alone that `fits_alone` the other; two
    full names whose first and last names are each close (جين بساكي / جاين ساكي, جولن لوبيتيغي /
    جولين لوبيتيجي), or that are close once their spaces are dropped (أوريليو دي لاورينتيس /
    أوريليودي لورينتيس). Titles are not part of the comparison."""
    a, b = without_honorifics(a), without_honorifics(b)
    if len(a) == 1 or len(b) == 1:
        single, full = (a, b) if len(a) == 1 else (b, a)
        return len(full) > 1 and fits_alone(single[0], full)
    if close(a[0], b[0]) and close(a[-1], b[-1]):
        return True
    joined_a, joined_b = "".join(a), "".join(b)
    shorter = min(len(joined_a), len(joined_b))
    return shorter >= 8 and within(joined_a, joined_b, shorter // 8)


def fits_alone(single: str, full: tuple[str, ...]) -> bool:
    """Whether a one-word person key can stand for a full name: its surname (within one edit, 4+
    letters), the end of the name written together (دي لورينتيس in أوريليودي لورينتيس), or its
    given name written the same (دونالد, بوريس, كيم)."""
    if single == full[-1] or (len(single) > 3 and close(single, full[-1])):
        return True
    if len(single) >= 5 and "".join(full).endswith(single):
        return True
    return len(single) > 2 and single == full[0]
