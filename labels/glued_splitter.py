"""The strict glued-word splitter measured for issue 12 (item 5), kept here with its measurement.

Glued words are two words that lost the space between them (المديرالفني، إلىتزايد، طهرانفي).
The cleaner used to split them in the text itself and was wrong 21 times in 24 on unseen
clusters (خلافهما → خلاف هما); it no longer rewrites any word. This splitter was built to serve
matching keys only, and splits only when the glued form is not a word and both parts are:

- not a word: wordfreq's Arabic list lacks it, two or more outlets of the ANT news corpus do not
  use it (`labels/glued-splits/ant-words.txt.xz`, `python -m labels.glued_splits words`), and it
  is not one word with clitics: a leading و/ف, ب/ل/ك/س, ال (لل) and a trailing pronoun (ه، ها،
  هما، هم، هن، ك، كم، كما، نا، ني، ي) or inflection (ون، ين، ان، ات، ا ...) around a known stem
  (حصولهما، مرافقيهم، بالتونسي، والمغلق، الاحالة are single words);
- both parts are words that stand alone: not a bare clitic or pronoun; after ة or ى, which only
  end words, the two parts need only be words (Zipf ≥ 3: مباراةله → مباراة له); elsewhere both
  are common (Zipf ≥ 4) and the cut is of a kind lost spaces take in news text (`_joins`).

On all 346 splits it makes on the 31,523 ANT articles, 6 are wrong (1.7%, bootstrap 95% CI
0.6-3.2%; labels/glued-splits). As matching keys (sentence stems, concepts, character n-grams,
story clustering terms, same-event features) it changed nothing (`python -m benchmarks.glued_keys`):
it split 154 glued tokens in those runs, and ilp ROUGE-1/2 stayed 38.00/17.19 on ar-mds and
61.37/47.55 on BBC Arabic (1,566 clusters), and the clustering dev month kept 2,533 stories of the
same sizes with the same "same story" P/R/F1 0.875/0.718/0.789, at 3-18% more clustering CPU
(three runs). It touches 346 of the corpus's 8.1 million tokens. So the package does not use it
(simpler wins a tie); it stays here, with its labels, for whoever reconsiders.

Only runs of MIN_GLUED..MAX_GLUED letters are candidates: trying every cut of an unbounded run
costs time quadratic in its length.
"""

from __future__ import annotations

import lzma
import re
from functools import lru_cache
from pathlib import Path

from khulasa.text.frequency import zipf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
WORDS_FILE = ROOT / "labels" / "glued-splits" / "ant-words.txt.xz"
MIN_OUTLETS = 2
MIN_LETTERS = 3

MIN_GLUED = 5
MAX_GLUED = 20
MIN_PART = 3
COMMON_ZIPF = 4.0
"""Both parts of a cut without an orthographic mark must be this common (a news word is ~4-6)."""
MARKED_ZIPF = 3.0
"""Parts of a cut after ة/ى, which only end words, need only be words."""
STEM_ZIPF = 1.0
"""A stem inside clitics is a word when wordfreq lists it at all (its floor is about 1)."""

_ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0641-\u064A]+")
_WORD_END = "ةى"

_LEADING = ("", "و", "ف")
_PARTICLE = ("", "ب", "ل", "ك", "س")
_ARTICLE = ("", "ال")
PROCLITICS = tuple(
    sorted(
        {(c + p + a).replace("لال", "لل") for c in _LEADING for p in _PARTICLE for a in _ARTICLE},
        key=len,
        reverse=True,
    )
)
"""Every leading clitic run: و/ف, then ب/ل/ك/س, then ال (ل + ال is written لل)."""
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي", "")
"""Attached pronouns, longest first."""
INFLECTIONS = ("تين", "تان", "يين", "يون", "ون", "ين", "ان", "ات", "وا", "ية", "ا", "ة")
"""Endings of the dual, plurals, the feminine and the accusative (يشارفون، يمتدحان، اصلاحيا)."""
SUFFIXES = tuple(sorted(set(ENCLITICS) | set(INFLECTIONS), key=len, reverse=True))
BARE_CLITICS = frozenset(PROCLITICS) | frozenset(ENCLITICS) | {"يهم", "يهما", "يها", "يه", "اتهم", "تهم", "وها"}
"""Strings that, as a part of a cut, are clitics, pronouns or suffix runs rather than words."""


@lru_cache(maxsize=1)
def corpus_words() -> frozenset[str]:
    """Words of the ANT news corpus that wordfreq lacks, used by two or more outlets."""
    with lzma.open(WORDS_FILE, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def is_word(token: str, floor: float = STEM_ZIPF) -> bool:
    """A word: listed by wordfreq at `floor` or above, or used by several outlets of the corpus."""
    return zipf(token, "ar") >= floor or token in corpus_words()


def _stems(body: str) -> list[str]:
    """Forms a stem may take before a pronoun: حكومت → حكومة, مرافقي → مرافق, أظهرو → أظهروا."""
    forms = [body]
    if body.endswith("ت"):
        forms.append(body[:-1] + "ة")
    if body.endswith("ي") or body.endswith("ا"):
        forms.append(body[:-1])
    if body.endswith("و"):
        forms.append(body + "ا")
    return forms


@lru_cache(maxsize=8192)
def is_cliticized_word(token: str) -> bool:
    """Whether `token` is one word: a known stem with leading clitics and/or a trailing pronoun."""
    for prefix in PROCLITICS:
        if not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        for suffix in SUFFIXES:
            if (not prefix and not suffix) or not rest.endswith(suffix):
                continue
            body = rest[: len(rest) - len(suffix)] if suffix else rest
            if len(body) >= 2 and any(is_word(form) for form in _stems(body) if len(form) >= 2):
                return True
    return False


PARTICLES = frozenset(
    "في من على إلى الى عن أن ان إن أنه انه إنه أو او ما منذ حتى مع بعد قبل عند خلال ذلك هذا هذه التي الذي".split()  # noqa: SIM905
)
"""Function words that often lose the space after (or before) them: في، من، على ... A looser list
(stop words: لا، لن، بين، هي) split transliterated names such as ماهيلا، هانيبين، هيتنال."""
NAME_HEADS = frozenset("عبد أبو ابو بو أم ام ابن بن بنت ذو ذي".split())  # noqa: SIM905
"""First parts of compound names, written joined by convention (عبدالله، أبوظبي، وأبوالبشر)."""
LONG_WORD = 5
"""A content word next to a particle needs this many letters: a short one after في/أو/ما is
often the rest of a transliterated name (فيلويس، أوكبير، ماهيكي)."""


def _joins(left: str, right: str) -> bool:
    """Whether an unmarked cut is believable, by the kinds of lost space that news text shows:
    the right word opens with the article (الشهرالقادم، لزيارةالولايات); a particle then a long
    word (إلىتزايد، أوبطاقات); a word then a particle (طهرانفي، الأربعاءإلى). Two content words
    (نيوزنايت، أندروميديا، تشارليستون) are most often one transliterated name, and are not cut."""
    bare = left.removeprefix("و").removeprefix("ف")
    if bare in NAME_HEADS or left in NAME_HEADS:
        return False
    if right.startswith(("ال", "لل")) and len(right) >= 5:
        return True
    if left in PARTICLES:
        return right not in PARTICLES and len(right) >= LONG_WORD
    if right in PARTICLES:
        return len(left) >= 4
    return False


def _is_part(part: str, floor: float) -> bool:
    """A part of a cut stands alone: a common word, not a bare clitic or pronoun."""
    return part not in BARE_CLITICS and zipf(part, "ar") >= floor


@lru_cache(maxsize=8192)
def _split_candidate(token: str) -> tuple[str, str] | None:
    """The cut of a candidate-length token: after a word-final ة/ى, else the best believable cut."""
    if is_word(token) or is_cliticized_word(token):
        return None
    marks = [i + 1 for i, letter in enumerate(token[:-1]) if letter in _WORD_END]
    if marks:
        if len(marks) > 1:
            return None
        left, right = token[: marks[0]], token[marks[0] :]
        if len(left) >= 2 and len(right) >= 2 and _is_part(left, MARKED_ZIPF) and _is_part(right, MARKED_ZIPF):
            return left, right
        return None
    best: tuple[float, tuple[str, str]] | None = None
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        if min(len(left), len(right)) < MIN_PART and not (left in PARTICLES or right in PARTICLES):
            continue
        if not (_is_part(left, COMMON_ZIPF) and _is_part(right, COMMON_ZIPF) and _joins(left, right)):
            continue
        score = min(zipf(left, "ar"), zipf(right, "ar"))
        if best is None or score > best[0]:
            best = (score, (left, right))
    return best[1] if best else None


def split_glued(token: str) -> tuple[str, str] | None:
    """The two words of `token` when it is two words that lost the space between them, else None."""
    if not MIN_GLUED <= len(token) <= MAX_GLUED or not _ARABIC_WORD.fullmatch(token):
        return None
    return _split_candidate(token)


def key_tokens(tokens: list[str]) -> list[str]:
    """Tokens for matching keys: each glued token replaced by its two words, the rest as they are."""
    out: list[str] = []
    for token in tokens:
        parts = split_glued(token)
        if parts is None:
            out.append(token)
        else:
            out.extend(parts)
    return out


def corpus_vocabulary(corpus: Path = CORPUS) -> dict[str, set[str]]:
    """Every Arabic letter run of the corpus (headlines and texts) with the outlets that use it."""
    import json
    from collections import defaultdict

    outlets: dict[str, set[str]] = defaultdict(set)
    with lzma.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for word in set(_ARABIC_WORD.findall(f"{record.get('title') or ''}\n{record['text']}")):
                outlets[word].add(record["src"])
    return outlets


def build_words(corpus: Path = CORPUS, out: Path = WORDS_FILE) -> int:
    """Write the corpus words wordfreq lacks that MIN_OUTLETS outlets use (a lost space is one
    outlet's accident; a name such as باركلاند or فوكسكون is written so by several): single words,
    sorted, no article text. Returns how many."""
    words = sorted(
        word
        for word, used_by in corpus_vocabulary(corpus).items()
        if len(used_by) >= MIN_OUTLETS and len(word) >= MIN_LETTERS and zipf(word, "ar") == 0
    )
    with lzma.open(out, "wt", encoding="utf-8", preset=9) as handle:
        handle.write("".join(word + "\n" for word in words))
    corpus_words.cache_clear()
    return len(words)
