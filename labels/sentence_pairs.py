"""Sentence-pair labelling set for the cross-outlet relation judgment (issue 12): sampling and display.

    python -m labels.sentence_pairs sample          # writes labels/sentence-pairs/pairs.jsonl (ids only)
    python -m labels.sentence_pairs show --split test --start 0 --count 20   # texts, for an annotator
    python -m labels.sentence_pairs show --ids ss-test-0007 --context 2

Sentences come from pairs of ANT articles of *different outlets* that the story-pair labels
(labels/story-pairs, final labels) call `same_event` (up to four sentence pairs each) or
`same_topic` (one each: background sentences that two reports of different happenings share are
the hard cases). The story-pair splits are date blocks, so a sentence pair inherits its split and
no story, article or day is in two splits: train = 2018-02..05 and 08..10, dev = 2018-07,
test = 2018-06.

Sentences are the project's own: `clean_article` then `split_sentences`, so a pair is what the
summarizer would align. Each side is stored as (article id, sentence index, sha1 of the sentence
text); `show` re-derives the text and refuses a pair whose hash no longer matches (a changed cleaner
or splitter must not silently relabel the set).

Strata, per `same_event` article pair, in this order, each sentence used once:

    top        the most similar cross pair (character 3-5-gram TF-IDF cosine)
    second     the next most similar pair of unused sentences, when its cosine is >= 0.2
    numbers    both sentences carry numbers, at least one differs, and they share >= 2 content
               words (contradiction candidates: four villages / three villages)
    negation   one sentence is negated (لم، لن، ليس، نفى ...) and the other not, >= 2 shared words
    middle     cosine 0.2-0.45 (a part of a claim, a consequence)
    random     any cross pair sharing >= 1 content word

the first of `numbers`, `negation`, `middle` that exists is the next pair, `random` the last.
Both sentences have at least 5 words. Only ids, split, stratum, indices, hashes and the cosine
(never shown to annotators) are written; the texts stay in ../shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

from labels.common import cross_outlet, read_jsonl, record_article, select

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
OUT = ROOT / "labels" / "sentence-pairs" / "pairs.jsonl"
CONTRAST = ROOT / "labels" / "sentence-pairs" / "contrast.jsonl"
CONTRAST_SIZES = {"train": 200, "dev": 100, "test": 200}
CONTRAST_COSINE = 0.15
PRIORITY = ("numbers", "direction", "dates", "negation")
SEED = 20261130
SIZES = {"train": 500, "dev": 200, "test": 400}
MIN_WORDS = 5
PER_EVENT_PAIR = 4
NEGATIONS = frozenset(
    [
        "لم",
        "لن",
        "لا",
        "ليس",
        "ليست",
        "لسنا",
        "ليسوا",
        "نفى",
        "نفت",
        "ينفي",
        "تنفي",
        "نفي",
        "ينفون",
        "رفض",
        "رفضت",
        "يرفض",
        "ترفض",
        "عدم",
        "غير",
    ]
)
NUMBER_WORDS = frozenset(
    [
        "واحد",
        "اثنان",
        "اثنين",
        "اثنتين",
        "ثلاث",
        "ثلاثة",
        "أربع",
        "أربعة",
        "خمس",
        "خمسة",
        "ست",
        "ستة",
        "سبع",
        "سبعة",
        "ثماني",
        "ثمانية",
        "تسع",
        "تسعة",
        "عشر",
        "عشرة",
        "عشرات",
        "مئة",
        "مائة",
        "مئات",
        "ألف",
        "آلاف",
        "مليون",
        "ملايين",
        "مليار",
        "عشرين",
        "ثلاثين",
        "أربعين",
        "خمسين",
        "ستين",
        "سبعين",
        "ثمانين",
        "تسعين",
    ]
)
_TOKEN = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف")


def sentence_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def locate(hashes: list[str], stored: str, index: int) -> int | None:
    """Where a sampled sentence is now, by its hash: at its stored index when the sentence there
    still has it, else the occurrence nearest that index (cleaning dropped an earlier line and the
    sentence moved up), else None (its own line is gone, or its words changed)."""
    found = [k for k, digest in enumerate(hashes) if digest == stored]
    return min(found, key=lambda k: (abs(k - index), k)) if found else None


def article_sentences(record: dict) -> list[str]:
    """The article's sentences as the pipeline splits them: `clean_article`, then `split_sentences`
    (verbatim slices of the kept paragraphs: cleaning never rewrites a word)."""
    from khulasa.clean import clean_article
    from khulasa.text.segment import split_sentences

    paragraphs = clean_article(record_article(record), "ar").paragraphs
    return [span.text for span in split_sentences(paragraphs, "ar")]


def content_words(text: str) -> set[str]:
    """Words of 3+ letters with a leading article/conjunction removed, stop words dropped."""
    from khulasa.text.stopwords import is_stopword

    words = set()
    for token in _TOKEN.findall(text):
        for clitic in _CLITICS:
            if token.startswith(clitic) and len(token) - len(clitic) >= 3:
                token = token[len(clitic) :]
                break
        if len(token) >= 3 and not token.isdigit() and not is_stopword(token):
            words.add(token)
    return words


def numbers(text: str) -> set[str]:
    found = {m.group(0) for m in _DIGITS.finditer(text)}
    found.update(t for t in _TOKEN.findall(text) if t in NUMBER_WORDS)
    return found


def negated(text: str) -> bool:
    return any(t in NEGATIONS for t in _TOKEN.findall(text))


def _load_records(ids: set[str]) -> dict[str, dict]:
    from khulasa.evaluate.datasets import ant_records

    return ant_records(ids, CORPUS)


def _cross_pairs(first: list[str], second: list[str]) -> list[tuple[int, int, float]]:
    """Every (i, j, cosine) of long-enough sentences of two articles, by character 3-5-grams."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    left = [i for i, s in enumerate(first) if len(s.split()) >= MIN_WORDS]
    right = [j for j, s in enumerate(second) if len(s.split()) >= MIN_WORDS]
    if not left or not right:
        return []
    texts = [first[i] for i in left] + [second[j] for j in right]
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    cosines = (matrix[: len(left)] @ matrix[len(left) :].T).toarray()
    return [(i, j, float(cosines[a, b])) for a, i in enumerate(left) for b, j in enumerate(right)]


def _pick(first: list[str], second: list[str], rng: random.Random, wanted: int) -> list[tuple[str, int, int, float]]:
    """Up to `wanted` (stratum, i, j, cosine) pairs of two articles, each sentence used once."""
    cross = _cross_pairs(first, second)
    if not cross:
        return []
    used_a: set[int] = set()
    used_b: set[int] = set()
    words_a = {i: content_words(first[i]) for i, _, _ in cross}
    words_b = {j: content_words(second[j]) for _, j, _ in cross}

    def free(pair: tuple[int, int, float]) -> bool:
        return pair[0] not in used_a and pair[1] not in used_b

    def shared(pair: tuple[int, int, float]) -> int:
        return len(words_a[pair[0]] & words_b[pair[1]])

    def numbers_differ(pair: tuple[int, int, float]) -> bool:
        x, y = numbers(first[pair[0]]), numbers(second[pair[1]])
        return bool(x) and bool(y) and x != y and shared(pair) >= 2

    def negation_differs(pair: tuple[int, int, float]) -> bool:
        return negated(first[pair[0]]) != negated(second[pair[1]]) and shared(pair) >= 2

    def middle(pair: tuple[int, int, float]) -> bool:
        return 0.2 <= pair[2] < 0.45

    chosen: list[tuple[str, int, int, float]] = []

    def take(stratum: str, pool: list[tuple[int, int, float]]) -> bool:
        pool = [p for p in pool if free(p)]
        if not pool:
            return False
        best = stratum in ("top", "second")
        i, j, cosine = max(pool, key=lambda p: p[2]) if best else rng.choice(pool)
        used_a.add(i)
        used_b.add(j)
        chosen.append((stratum, i, j, cosine))
        return True

    take("top", cross)
    if wanted >= 4:
        take("second", [p for p in cross if p[2] >= 0.2])
    if wanted >= 2:
        for stratum, test in (("numbers", numbers_differ), ("negation", negation_differs), ("middle", middle)):
            if take(stratum, [p for p in cross if test(p)]):
                break
    if wanted >= 3:
        take("random", [p for p in cross if shared(p) >= 1])
    return chosen[:wanted]


def _row(split: str, stratum: str, pair: dict, first: list[str], i: int, second: list[str], j: int, cosine: float):
    """One drawn pair as stored: ids, sentence indices and hashes, never text."""
    return {
        "split": split,
        "stratum": stratum,
        "story_pair": pair["pair"],
        "a": pair["a"],
        "a_index": i,
        "a_hash": sentence_hash(first[i]),
        "b": pair["b"],
        "b_index": j,
        "b_hash": sentence_hash(second[j]),
        "cosine": round(cosine, 3),
    }


def _numbered(drawn: list[dict], split: str, prefix: str, size: int, rng: random.Random) -> list[dict]:
    """Shuffle, keep `size`, number as PREFIX-SPLIT-0001..., and report the strata drawn."""
    rng.shuffle(drawn)
    drawn = drawn[:size]
    counts: dict[str, int] = {}
    for row in drawn:
        counts[row["stratum"]] = counts.get(row["stratum"], 0) + 1
    print(f"{split}: {len(drawn)} pairs {dict(sorted(counts.items()))}", file=sys.stderr)
    return [{"pair": f"{prefix}-{split}-{number:04d}", **row} for number, row in enumerate(drawn, 1)]


def sample(out: Path = OUT) -> None:
    """Draw the sentence pairs of every split and write their ids (no text)."""
    sys.path.insert(0, str(ROOT))
    from khulasa.relate.story.train import read_labelled

    story_pairs = [p for p in read_labelled() if p["label"] in ("same_event", "same_topic")]
    story_pairs, records = cross_outlet(story_pairs, CORPUS)
    rng = random.Random(SEED)
    sentences = {i: article_sentences(r) for i, r in records.items()}
    rows: list[dict] = []
    for split, size in SIZES.items():
        drawn: list[dict] = []
        for pair in story_pairs:
            if pair["split"] != split:
                continue
            wanted = PER_EVENT_PAIR if pair["label"] == "same_event" else 1
            first, second = sentences[pair["a"]], sentences[pair["b"]]
            for stratum, i, j, cosine in _pick(first, second, rng, wanted):
                named = stratum if pair["label"] == "same_event" else f"topic-{stratum}"
                drawn.append(_row(split, named, pair, first, i, second, j, cosine))
        rows += _numbered(drawn, split, "ss", size, rng)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_pairs(path: Path = OUT) -> list[dict]:
    return read_jsonl(path)


def contrast(out: Path = CONTRAST) -> None:
    """Draw the contrast sample: sentence pairs of same-event article pairs (different outlets)
    on which an explicit disagreement check fires — a number counted differently, opposite
    predicates, different dates, or one side negated — that share >= 2 content words and have a
    character cosine >= CONTRAST_COSINE; at most two per article pair, in PRIORITY order.
    Natural contradictions are rare (6 in 360 test pairs of the main sample), too few to measure
    a contradiction detector; this enriched sample is measured apart from the natural one."""
    sys.path.insert(0, str(ROOT))
    from khulasa.relate.sentence import checks
    from khulasa.relate.story.train import read_labelled

    story_pairs = [p for p in read_labelled() if p["label"] == "same_event"] + model_pairs()
    story_pairs, records = cross_outlet(story_pairs, CORPUS)
    taken = {frozenset((p["a_hash"], p["b_hash"])) for p in read_pairs()}
    shown = {i: article_sentences(r) for i, r in records.items()}
    rng = random.Random(SEED + 1)
    rows: list[dict] = []
    for split, size in CONTRAST_SIZES.items():
        drawn: list[dict] = []
        for pair in story_pairs:
            if pair["split"] != split:
                continue
            first, second = shown[pair["a"]], shown[pair["b"]]
            facts_a = [checks.read_facts(t) for t in first]
            facts_b = [checks.read_facts(t) for t in second]
            found = []
            for i, j, cosine in _cross_pairs(first, second):
                key = frozenset((sentence_hash(first[i]), sentence_hash(second[j])))
                if key in taken or cosine < CONTRAST_COSINE:
                    continue
                if len(content_words(first[i]) & content_words(second[j])) < 2:
                    continue
                fa, fb = facts_a[i], facts_b[j]
                fired = [
                    name
                    for name, test in (
                        ("numbers", checks.number_clash),
                        ("direction", lambda x, y: checks.direction_opposed(x, y) or checks.direction_opposed(y, x)),
                        ("dates", checks.date_clash),
                        ("negation", checks.negation_differs),
                    )
                    if test(fa, fb)
                ]
                if fired:
                    found.append((fired[0], i, j, cosine, key))
            rng.shuffle(found)
            found.sort(key=lambda f: PRIORITY.index(f[0]))
            for stratum, i, j, cosine, key in found[:2]:
                taken.add(key)
                drawn.append(_row(split, f"contrast-{stratum}", pair, first, i, second, j, cosine))
        rows += _numbered(drawn, split, "sc", size, rng)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def model_pairs(per_split: int = 150, probability: float = 0.9) -> list[dict]:
    """More same-event article pairs than the labelled ones: pairs of different outlets within two
    days whose headline + lead cosine is >= 0.3 and whose same-event probability (the shipped
    model) is >= `probability`; `per_split` drawn at random in each split (ids `model-...`)."""
    from khulasa.model import Article
    from khulasa.relate.story.features import profile
    from khulasa.relate.story.model import load_model
    from labels.story_pairs import load, vectors

    articles = load()
    matrix = vectors(articles)
    model = load_model()
    rng = random.Random(SEED + 2)
    pairs: list[dict] = []
    for split in SIZES:
        members = [i for i, a in enumerate(articles) if a["split"] == split]
        sub = matrix[members]
        cosines = (sub @ sub.T).tocoo()
        candidates = []
        for x, y, cosine in zip(cosines.row, cosines.col, cosines.data, strict=True):
            a, b = articles[members[x]], articles[members[y]]
            if x < y and cosine >= 0.3 and a["src"] != b["src"] and abs(a["t"] - b["t"]) <= 2 * 86400:
                candidates.append((a, b))
        rng.shuffle(candidates)
        chosen = 0
        for a, b in candidates:
            profiles = [profile(Article(r["id"], r["lead"], r["title"], r["src"])) for r in (a, b)]
            if model.probability(*profiles) >= probability:
                pairs.append({"pair": f"model-{split}-{chosen}", "split": split, "a": a["id"], "b": b["id"]})
                chosen += 1
                if chosen == per_split:
                    break
    return pairs


def all_pairs() -> list[dict]:
    """The main sample and, when drawn, the contrast sample."""
    return read_pairs() + (read_pairs(CONTRAST) if CONTRAST.exists() else [])


DROPPED_BY_CLEANING = {
    "ss-test-0143": "side a is a «قد يهمك أيضا:» related-link line, which cleaning drops since f7f9351",
    "ss-dev-0084": "side a is a «للمزيد:» related-link line (labelled unrelated), which cleaning drops since session 9",
    "ss-dev-0102": "side b is a «للمزيد:» related-link line (labelled unrelated), which cleaning drops since session 9",
}
"""Pairs whose sentence the pipeline no longer produces at all (cleaning now drops its line as
page furniture): no summary can cite it, so the pair is left out. Any other missing sentence is an
error — cleaning must never rewrite words."""

Side = tuple[int, str]  # (sentence index in the cleaned article, its text)


def pair_sentences(pairs: list[dict]) -> dict[str, tuple[Side, Side]]:
    """The two sentences of each pair, found by their stored hashes.

    The stored index is where the sentence was when sampled; when cleaning has since dropped an
    earlier line the same sentence is found by its hash at its new index. Pairs in
    DROPPED_BY_CLEANING are left out; any other sentence not found exits naming the pair.
    """
    records = _load_records({p["a"] for p in pairs} | {p["b"] for p in pairs})
    cache: dict[str, tuple[list[str], list[str]]] = {}  # article -> (sentences, their hashes)
    found: dict[str, tuple[Side, Side]] = {}
    for pair in pairs:
        sides: list[Side] = []
        for side in ("a", "b"):
            article_id = pair[side]
            if article_id not in cache:
                sentences = article_sentences(records[article_id])
                cache[article_id] = (sentences, [sentence_hash(text) for text in sentences])
            sentences, hashes = cache[article_id]
            index = locate(hashes, pair[f"{side}_hash"], pair[f"{side}_index"])
            if index is not None:
                sides.append((index, sentences[index]))
            elif pair["pair"] not in DROPPED_BY_CLEANING:
                raise SystemExit(f"{pair['pair']}: sentence {side} changed since sampling (cleaner or splitter)")
        if len(sides) == 2:
            found[pair["pair"]] = (sides[0], sides[1])
    return found


def pair_texts(pairs: list[dict]) -> dict[str, tuple[str, str]]:
    """The two sentences' texts of each pair (see pair_sentences)."""
    return {name: (a[1], b[1]) for name, (a, b) in pair_sentences(pairs).items()}


def show(pairs: list[dict], context: int) -> None:
    """Print each pair for an annotator: outlet, headline, the sentence (and `context` before it)."""
    records = _load_records({p["a"] for p in pairs} | {p["b"] for p in pairs})
    found = pair_sentences(pairs)
    for pair in pairs:
        if pair["pair"] not in found:
            print(f"=== {pair['pair']}: left out ({DROPPED_BY_CLEANING[pair['pair']]})\n")
            continue
        print(f"=== {pair['pair']}")
        for side, (index, text) in zip(("a", "b"), found[pair["pair"]], strict=True):
            record = records[pair[side]]
            print(f"[{side.upper()}] {record['src']} | headline: {(record.get('title') or '').strip()}")
            if context:
                for line in article_sentences(record)[max(0, index - context) : index]:
                    print(f"    (before) {line}")
            print(f"    SENTENCE: {text}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawn = commands.add_parser("sample", help="draw the pairs (ids only) into labels/sentence-pairs/pairs.jsonl")
    drawn.add_argument("--out", type=Path, default=OUT)
    enriched = commands.add_parser("contrast", help="draw the contrast sample (labels/sentence-pairs/contrast.jsonl)")
    enriched.add_argument("--out", type=Path, default=CONTRAST)
    shown = commands.add_parser("show", help="print pairs with their texts for labelling")
    shown.add_argument("--split", choices=list(SIZES))
    shown.add_argument("--sample", choices=("main", "contrast"), default="main", help="with --split: which sample")
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=20)
    shown.add_argument("--ids", nargs="*")
    shown.add_argument("--context", type=int, default=0, help="sentences before each one to show")
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.out)
        return
    if args.command == "contrast":
        contrast(args.out)
        return
    pairs = all_pairs()
    if args.split and not args.ids:
        prefix = "sc-" if args.sample == "contrast" else "ss-"
        pairs = [p for p in pairs if p["pair"].startswith(prefix)]
    show(select(pairs, "pair", args.ids, args.start, args.count, args.split), args.context)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
