"""Story-pair labelling set for the same-event judgment (issue 11): sampling and display.

    python -m labels.story_pairs sample            # writes labels/story-pairs/pairs.jsonl (ids only)
    python -m labels.story_pairs show --split test --start 0 --count 50   # texts, for an annotator
    python -m labels.story_pairs show --ids sp-test-0007 sp-test-0042

Pairs of ANT news articles (../shared/data/ant-news-2018) are drawn with a fixed seed, inside three
date blocks so that no article and no day is in two splits: train = 2018-02-01..05-31 and
08-01..10-31, dev = 2018-07-01..07-31, test = 2018-06-01..06-30 (both articles of a pair in the
same block). Strata, with their target shares (hard cases on purpose, plus a plain random share):

    random      20%  two articles of different outlets published within 2 days of each other
    similar     35%  different outlets within 3 days, by character 3-5-gram TF-IDF cosine of headline
                     + lead, evenly from three bins (>= 0.45, 0.25-0.45, 0.12-0.25)
    same-outlet 10%  one outlet, within 3 days, cosine >= 0.2 (follow-ups and re-writes)
    shared-name 15%  same day, headlines share a rare word (a name, a place: corpus df 3-150),
                     cosine < 0.35 (same person or place, often a different event)
    template    10%  headlines open with the same template («شاهد..», «عاجل», «بالفيديو», ...) or the
                     same first three words
    follow-up   10%  3 to 10 days apart, cosine >= 0.25 (later developments, or a new event)

Pairs whose headline + lead cosine is 0.9 or more (copies, re-posts under another id) are left out
in every stratum. Only ids, split, stratum, time gap and that cosine are written; the texts stay
in ../shared.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from labels.common import read_jsonl, select

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
OUT = ROOT / "labels" / "story-pairs" / "pairs.jsonl"
SEED = 20261129
SIZES = {"train": 900, "dev": 300, "test": 400}
SHARES = {
    "random": 0.20,
    "similar": 0.35,
    "same-outlet": 0.10,
    "shared-name": 0.15,
    "template": 0.10,
    "follow-up": 0.10,
}
TEMPLATES = ("شاهد", "عاجل", "بالفيديو", "فيديو", "بالصور", "إنفوغراف", "انفوغراف", "بالأرقام", "لحظة")
DAY = 86400.0
LEAD_WORDS = 60
NEAR_COPY = 0.9


def split_of(when: datetime) -> str | None:
    """The date block an article belongs to (None outside Feb-Oct 2018)."""
    if when.year != 2018 or not 2 <= when.month <= 10:
        return None
    return {6: "test", 7: "dev"}.get(when.month, "train")


def load() -> list[dict]:
    from khulasa.read.timestamps import parse_time

    articles = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            when = parse_time(record.get("time"))
            if when is None:
                continue
            when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
            split = split_of(when)
            if split is None or not (record.get("title") or "").strip():
                continue
            articles.append(
                {
                    "id": record["id"],
                    "src": record["src"],
                    "t": when.timestamp(),
                    "split": split,
                    "title": record["title"].strip(),
                    "lead": " ".join(record["text"].split()[:LEAD_WORDS]),
                }
            )
    articles.sort(key=lambda a: (a["t"], a["id"]))
    return articles


def vectors(articles: list[dict]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a['title']} {a['title']} {a['lead']}" for a in articles]
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, dtype=np.float32)
    return matrix.fit_transform(texts)


def words(title: str) -> list[str]:
    return re.findall(r"[\u0621-\u064A]{4,}", title)


class _Sampler:
    """Draws the pairs of every split, in a fixed order of random choices (the seed fixes them all)."""

    def __init__(self, articles: list[dict]) -> None:
        self.rng = random.Random(SEED)
        self.articles = articles
        self.matrix = vectors(articles)
        self.times = np.array([a["t"] for a in articles])
        self.title_df = Counter(w for a in articles for w in set(words(a["title"])))
        self.chosen: dict[tuple[str, ...], dict] = {}
        self.pool: list[int] = []

    def cosine(self, i: int, j: int) -> float:
        return float(self.matrix[i].multiply(self.matrix[j]).sum())

    def add(self, i: int, j: int, stratum: str) -> bool:
        a, b = self.articles[i], self.articles[j]
        key = tuple(sorted((a["id"], b["id"])))
        if i == j or a["split"] != b["split"] or key in self.chosen:
            return False
        if self.cosine(i, j) >= NEAR_COPY:  # copies and re-posts are the deduplicator's job, and too easy
            return False
        self.chosen[key] = {
            "a": a["id"],
            "b": b["id"],
            "split": a["split"],
            "stratum": stratum,
            "gap_hours": round(abs(a["t"] - b["t"]) / 3600, 1),
            "cosine": round(self.cosine(i, j), 3),
        }
        return True

    def window(self, i: int, low: float, high: float) -> list[int]:
        """Indexes of articles published between low and high days after (or before) article i."""
        lo = np.searchsorted(self.times, self.times[i] + low * DAY)
        hi = np.searchsorted(self.times, self.times[i] + high * DAY, side="right")
        return list(range(lo, hi))

    def scores(self, i: int, near: list[int]) -> np.ndarray:
        return (self.matrix[near] @ self.matrix[i].T).toarray().ravel()

    def random_pair(self) -> tuple[int, int] | None:
        i = self.rng.choice(self.pool)
        near = [j for j in self.window(i, -2, 2) if self.articles[j]["src"] != self.articles[i]["src"]]
        return (i, self.rng.choice(near)) if near else None

    def similar_pair(self, low: float, high: float, same_outlet: bool = False) -> tuple[int, int] | None:
        i = self.rng.choice(self.pool)
        near = [
            j
            for j in self.window(i, -3, 3)
            if (self.articles[j]["src"] == self.articles[i]["src"]) == same_outlet and j != i
        ]
        if not near:
            return None
        fitting = [j for j, s in zip(near, self.scores(i, near), strict=True) if low <= s < high]
        return (i, self.rng.choice(fitting)) if fitting else None

    def shared_name_pair(self) -> tuple[int, int] | None:
        i = self.rng.choice(self.pool)
        rare = {w for w in words(self.articles[i]["title"]) if 3 <= self.title_df[w] <= 150}
        if not rare:
            return None
        near = [j for j in self.window(i, -1, 1) if j != i and rare & set(words(self.articles[j]["title"]))]
        near = [j for j in near if self.cosine(i, j) < 0.35]
        return (i, self.rng.choice(near)) if near else None

    @staticmethod
    def opening(title: str) -> str:
        first = title.split()[0].strip(".:…،") if title.split() else ""
        return first if first in TEMPLATES else " ".join(title.split()[:3])

    def template_pair(self) -> tuple[int, int] | None:
        i = self.rng.choice(self.pool)
        head = self.opening(self.articles[i]["title"])
        near = [j for j in self.window(i, -2, 2) if j != i and self.opening(self.articles[j]["title"]) == head]
        return (i, self.rng.choice(near)) if near else None

    def follow_up_pair(self) -> tuple[int, int] | None:
        i = self.rng.choice(self.pool)
        sign = self.rng.choice((-1, 1))
        near = self.window(i, *((3, 10) if sign > 0 else (-10, -3)))
        if not near:
            return None
        fitting = [j for j, s in zip(near, self.scores(i, near), strict=True) if s >= 0.25]
        return (i, self.rng.choice(fitting)) if fitting else None

    def fill(self, counts: Counter, stratum: str, target: int, propose, tries: int = 200_000) -> None:
        for _ in range(tries):
            if counts[stratum] >= target:
                return
            pair = propose()
            if pair is not None and self.add(*pair, stratum):
                counts[stratum] += 1

    def split(self, split: str, size: int) -> Counter:
        self.pool = [i for i, a in enumerate(self.articles) if a["split"] == split]
        quota = {s: round(size * share) for s, share in SHARES.items()}
        counts: Counter = Counter()
        self.fill(counts, "random", quota["random"], self.random_pair)
        bins = [(0.45, 1.01), (0.25, 0.45), (0.12, 0.25)]
        per_bin = quota["similar"] // len(bins)
        for n, (low, high) in enumerate(bins):
            target = quota["similar"] if n == len(bins) - 1 else per_bin * (n + 1)
            self.fill(counts, "similar", target, lambda low=low, high=high: self.similar_pair(low, high))
        self.fill(counts, "same-outlet", quota["same-outlet"], lambda: self.similar_pair(0.2, 1.01, same_outlet=True))
        self.fill(counts, "shared-name", quota["shared-name"], self.shared_name_pair)
        self.fill(counts, "template", quota["template"], self.template_pair)
        self.fill(counts, "follow-up", quota["follow-up"], self.follow_up_pair)
        return counts


def sample(out: Path = OUT) -> None:
    articles = load()
    print(f"{len(articles)} articles in the three date blocks", file=sys.stderr)
    sampler = _Sampler(articles)
    for split, size in SIZES.items():
        print(f"{split}: {dict(sampler.split(split, size))}", file=sys.stderr)
    rng = sampler.rng
    pairs = list(sampler.chosen.values())
    for split in SIZES:
        members = [p for p in pairs if p["split"] == split]
        rng.shuffle(members)
        for number, pair in enumerate(members, start=1):
            pair["pair"] = f"sp-{split}-{number:04d}"
    pairs.sort(key=lambda p: (list(SIZES).index(p["split"]), p["pair"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    fields = ("pair", "split", "stratum", "a", "b", "gap_hours", "cosine")
    with out.open("w", encoding="utf-8") as handle:
        for pair in pairs:
            handle.write(json.dumps({k: pair[k] for k in fields}, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs -> {out}", file=sys.stderr)


def read_pairs(path: Path = OUT) -> list[dict]:
    return read_jsonl(path)


def show(pairs: list[dict], words_shown: int) -> None:
    """Print each pair for an annotator: outlet, time, headline and opening of both articles."""
    wanted = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    texts: dict[str, dict] = {}
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record
    for pair in pairs:
        print(f"=== {pair['pair']}   (published {pair['gap_hours']} hours apart)")
        for side in ("a", "b"):
            record = texts[pair[side]]
            body = " ".join(record["text"].split()[:words_shown])
            print(f"[{side.upper()}] {record['src']} | {record['time']}")
            print(f"TITLE: {record['title'].strip()}\nTEXT: {body}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawn = commands.add_parser("sample", help="draw the pairs (ids only) into labels/story-pairs/pairs.jsonl")
    drawn.add_argument("--out", type=Path, default=OUT)
    shown = commands.add_parser("show", help="print pairs with their texts for labelling")
    shown.add_argument("--split", choices=list(SIZES))
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=50)
    shown.add_argument("--ids", nargs="*")
    shown.add_argument("--words", type=int, default=120, help="words of each article's text to show")
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.out)
        return
    show(select(read_pairs(), "pair", args.ids, args.start, args.count, args.split), args.words)


if __name__ == "__main__":
    main()
