"""Entity-pair labelling set for entity merging (issue 14, item 4): sampling and display.

    python -m labels.entity_pairs sample      # writes labels/entity-pairs/{stories,pairs}.jsonl
    python -m labels.entity_pairs show --split test --start 0 --count 20
    python -m labels.entity_pairs show --ids ep-test-0007 --context 1

Stories are groups of ANT articles of different outlets that the story-pair labels call
`same_event` (joined where pairs share an article, at most MAX_ARTICLES each), in the dev (2018-07)
and test (2018-06) date blocks. Each story runs through the pipeline (`clean_article`,
`build_story`, `story_mentions`); its mentions are stored (text, type, article, sentence index),
never its sentences. A pair is two distinct mention strings of one story with the same type,
drawn by stratum (see labels/entity-pairs/README.md). `show` re-derives each occurrence's
sentence from ../shared and refuses one whose hash changed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from labels.common import read_jsonl, record_article, select
from labels.sentence_pairs import article_sentences, sentence_hash

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
FOLDER = ROOT / "labels" / "entity-pairs"
PAIRS = FOLDER / "pairs.jsonl"
STORIES = FOLDER / "stories.jsonl"
SEED = 20261129
SIZES = {"dev": 160, "test": 240}
MAX_ARTICLES = 8
PER_STORY = 8
STRATA = ("spacing", "article", "contained", "surname", "spelling", "shared", "random")
RANDOM_SHARE = 0.2
"""Share of a split's pairs drawn at random among the story's same-type pairs; the rest are hard."""


def _records(ids: set[str]) -> dict[str, dict]:
    from khulasa.evaluate.datasets import ant_records

    return ant_records(ids, CORPUS)


def stories_of(pairs: list[dict]) -> list[list[str]]:
    """Article ids of each story: same-event pairs joined where they share an article (in file
    order, first MAX_ARTICLES articles kept)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[find(pair["a"])] = find(pair["b"])
    groups: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        for side in ("a", "b"):
            members = groups[find(pair[side])]
            if pair[side] not in members:
                members.append(pair[side])
    return [members[:MAX_ARTICLES] for members in groups.values()]


def story_mentions_of(records: list[dict]) -> list[list]:
    """[text, type, article id, sentence index] of every mention the pipeline finds in the story."""
    from khulasa.analyze.entities import story_mentions
    from khulasa.clean import clean_article
    from khulasa.represent.story import build_story

    cleaned = [c for c in (clean_article(record_article(r), "ar") for r in records) if c.paragraphs]
    story = build_story(cleaned, "ar")
    return [[m.text, m.type, m.doc, m.sentence] for m in story_mentions(story)]


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def one_edit_apart(a: str, b: str) -> bool:
    """One edit apart (3+ letters): the spelling test of the merging at sampling time (commit
    0e1eecd), kept here so that `sample` draws the same pairs whatever the merging has become; the
    frozen baseline merging (benchmarks/entity_merging_baseline.py) uses it too."""
    return a == b or (min(len(a), len(b)) >= 3 and _levenshtein(a, b) <= 1)


def stratum(a: str, b: str) -> str | None:
    """Why a pair of distinct strings is hard, or None when their match keys are already equal."""
    from khulasa.analyze.entities import name_key

    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return None
    if "".join(ka) == "".join(kb):
        return "spacing"
    bare_a = tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in ka)
    bare_b = tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in kb)
    if bare_a == bare_b:
        return "article"
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return "contained"
    if len(ka) > 1 and len(kb) > 1 and ka[-1] == kb[-1]:
        return "surname"
    if (len(ka[-1]) > 3 and one_edit_apart(ka[-1], kb[-1])) or (len(ka) == len(kb) and one_edit_apart(ka[0], kb[0])):
        return "spelling"
    if set(ka) & set(kb):
        return "shared"
    return "random"


def story_pairs(story: dict) -> list[dict]:
    """Every candidate pair of one story: distinct strings of one type whose keys differ."""
    first: dict[tuple[str, str], list] = {}
    for text, kind, doc, index in story["mentions"]:
        first.setdefault((text, kind), [text, kind, doc, index])
    by_type: dict[str, list[list]] = defaultdict(list)
    for mention in first.values():
        by_type[mention[1]].append(mention)
    pairs = []
    for kind, mentions in sorted(by_type.items()):
        for x, y in combinations(sorted(mentions), 2):
            name = stratum(x[0], y[0])
            if name:
                pairs.append({"story": story["story"], "type": kind, "stratum": name, "x": x, "y": y})
    return pairs


def draw(candidates: list[dict], size: int, rng: random.Random) -> list[dict]:
    """`size` pairs: RANDOM_SHARE random ones, the rest taken from the hard strata in turn (a
    stratum that runs out leaves its turns to the others), at most PER_STORY pairs a story."""
    pools = {name: [p for p in candidates if p["stratum"] == name] for name in STRATA}
    for pool in pools.values():
        rng.shuffle(pool)
    per_story: dict[str, int] = defaultdict(int)
    picked: list[dict] = []

    def take(name: str) -> bool:
        while pools[name]:
            pair = pools[name].pop()
            if per_story[pair["story"]] < PER_STORY:
                per_story[pair["story"]] += 1
                picked.append(pair)
                return True
        return False

    for _ in range(round(size * RANDOM_SHARE)):
        take("random")
    hard = list(STRATA[:-1])
    while len(picked) < size and hard:
        hard = [name for name in hard if take(name) and len(picked) <= size]
    rng.shuffle(picked)
    return picked[:size]


def sample() -> None:
    """Build the stories, store their mentions, and draw the pairs of every split (no text)."""
    sys.path.insert(0, str(ROOT))
    from khulasa.relate.story.train import read_labelled
    from labels.common import cross_outlet

    labelled = [p for p in read_labelled() if p["label"] == "same_event" and p["split"] in SIZES]
    labelled, records = cross_outlet(labelled, CORPUS)
    rng = random.Random(SEED)
    stories: list[dict] = []
    rows: list[dict] = []
    for split, size in SIZES.items():
        groups = stories_of([p for p in labelled if p["split"] == split])
        groups.sort(key=lambda ids: min(records[i].get("time") or "" for i in ids))
        candidates: list[dict] = []
        for number, ids in enumerate(groups, 1):
            story = {
                "story": f"es-{split}-{number:03d}",
                "split": split,
                "articles": ids,
                "mentions": story_mentions_of([records[i] for i in ids]),
            }
            stories.append(story)
            candidates += story_pairs(story)
        picked = draw(candidates, size, rng)
        counts: dict[str, int] = defaultdict(int)
        for number, pair in enumerate(picked, 1):
            counts[pair["stratum"]] += 1
            rows.append(_row(f"ep-{split}-{number:04d}", split, pair, records))
        print(f"{split}: {len(groups)} stories, {len(picked)} pairs {dict(sorted(counts.items()))}", file=sys.stderr)
    FOLDER.mkdir(parents=True, exist_ok=True)
    STORIES.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories), encoding="utf-8")
    PAIRS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


_SENTENCES: dict[str, list[str]] = {}


def _sentences(record: dict) -> list[str]:
    if record["id"] not in _SENTENCES:
        _SENTENCES[record["id"]] = article_sentences(record)
    return _SENTENCES[record["id"]]


def _row(name: str, split: str, pair: dict, records: dict[str, dict]) -> dict:
    """One drawn pair as stored: strings, type, stratum, one occurrence of each (ids and hashes)."""
    row = {"id": name, "split": split, "story": pair["story"], "a": pair["x"][0], "b": pair["y"][0]}
    row.update({"type": pair["type"], "stratum": pair["stratum"]})
    for side, (_, _, doc, index) in (("a", pair["x"]), ("b", pair["y"])):
        row.update({f"{side}_doc": doc, f"{side}_sentence": index})
        row[f"{side}_hash"] = sentence_hash(_sentences(records[doc])[index])
    return row


def read_pairs(path: Path = PAIRS) -> list[dict]:
    return read_jsonl(path)


def read_stories(path: Path = STORIES) -> dict[str, dict]:
    return {s["story"]: s for s in read_jsonl(path)}


def show(pairs: list[dict], context: int) -> None:
    """Print each pair for an annotator: the two strings, and for each the outlet, headline and
    the sentence it occurs in (and `context` sentences before it)."""
    records = _records({p[f"{side}_doc"] for p in pairs for side in ("a", "b")})
    for pair in pairs:
        print(f"=== {pair['id']}  [{pair['type']}]  A: «{pair['a']}»   B: «{pair['b']}»")
        for side in ("a", "b"):
            record = records[pair[f"{side}_doc"]]
            sentences, index = _sentences(record), pair[f"{side}_sentence"]
            if index >= len(sentences) or sentence_hash(sentences[index]) != pair[f"{side}_hash"]:
                raise SystemExit(f"{pair['id']}: sentence {side} changed since sampling (cleaner or splitter)")
            print(f"[{side.upper()}] {record['src']} | headline: {(record.get('title') or '').strip()}")
            for line in sentences[max(0, index - context) : index]:
                print(f"    (before) {line}")
            print(f"    «{pair[side]}» in: {sentences[index]}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("sample", help="draw stories and pairs into labels/entity-pairs/")
    shown = commands.add_parser("show", help="print pairs with one sentence of each mention")
    shown.add_argument("--split", choices=list(SIZES))
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=20)
    shown.add_argument("--ids", nargs="*")
    shown.add_argument("--context", type=int, default=0, help="sentences before each one to show")
    args = parser.parse_args()
    if args.command == "sample":
        sample()
        return
    show(select(read_pairs(), "id", args.ids, args.start, args.count, args.split), args.context)


if __name__ == "__main__":
    main()
