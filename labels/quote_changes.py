"""A blind audit of what an extractor change does to quote speakers on articles nobody tuned on.

A labelled split scores the first quote of 120 sentences; a change that fixes rare patterns can
leave all of them alone (round 3 of the quote rules did: test4 unchanged) and still change many
quotes elsewhere. This tool finds every quote two versions of the extractor disagree on, in a fixed
sample of unseen articles, and scores a reader's blind verdicts on them:

    python -m labels.quote_changes dump REPO OUT.json   # quotes of the extractor checked out in REPO
    python -m labels.quote_changes items BEFORE.json AFTER.json --out items.jsonl --key key.json
    python -m labels.quote_changes score --key labels/quotes/changes-r3/key.jsonl \
        --verdicts labels/quotes/changes-r3/verdicts.jsonl

`dump` runs on the 400 June 2018 ANT articles (the quotes' test month) that no labelled round drew
(`sample`, seed 20261129), each read as a one-article story as `benchmarks.quotes` reads them.
`items` pairs the two dumps by (article, sentence, words): a quote whose speaker changed becomes a
`which_speaker` item (the two speakers as X and Y in a seeded random order), one found by only one
version a `judge_quote` item; the reader is never told which version gave what (`key` says). The
items file holds article text and stays out of the repo; the key and verdicts (ids, verdicts,
speaker names) are kept. `score` counts, per item, +1 when the change made it right, -1 when it
made it wrong, 0 when both or neither version is right, with a bootstrap 95% CI of the sum.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from labels.common import read_jsonl

SEED = 20261129
ARTICLES = 400
MONTH = 6


ROUNDS = ("train", "dev", "test", "test2", "test3", "test4")
"""The labelled rounds drawn before the audit (its sample stays the same when later rounds are added)."""


def sample(candidates: Path = Path("labels/quotes/candidates.jsonl")) -> list[str]:
    """The audit's articles: ARTICLES of June 2018 that no labelled quote round up to test4 drew."""
    from khulasa.relate.story.train import corpus_articles

    drawn = {item["article"] for item in read_jsonl(candidates) if item["split"] in ROUNDS}
    june = sorted(a.id for month, a in corpus_articles() if month == MONTH and a.id not in drawn)
    return random.Random(SEED).sample(june, ARTICLES)


def dump(out: Path) -> int:
    """Every quote the importable extractor finds in the sample: [article, sentence, words, speaker]."""
    from khulasa.analyze.entities import canonicalize, story_mentions
    from khulasa.analyze.quotes import extract_quotes
    from labels.quotes import article_story, load_records

    articles = sample()
    records = load_records(set(articles))
    quotes = []
    for article in articles:
        story = article_story(records[article])
        mentions = story_mentions(story)
        for quote in extract_quotes(story, mentions, canonicalize(mentions)):
            quotes.append([article, quote.sentence, quote.text, quote.speaker])
    out.write_text(json.dumps(quotes, ensure_ascii=False), encoding="utf-8")
    return len(quotes)


def _keyed(quotes: list[list]) -> dict[tuple[str, str, int], list]:
    """Quotes by (article, words, how many times the article said those words before): a cleaner
    that drops a line moves every later sentence's index, so the index cannot pair two versions'
    quotes (it made 99 items of 39 real changes in session 9); the sentence shown is the quote's own."""
    keyed: dict[tuple[str, str, int], list] = {}
    for quote in sorted(quotes, key=lambda q: (q[0], q[1])):
        words = " ".join(quote[2].split())
        n = 0
        while (quote[0], words, n) in keyed:
            n += 1
        keyed[(quote[0], words, n)] = quote
    return keyed


def items(before: list[list], after: list[list], seed: int = 7, prefix: str = "r3a") -> tuple[list[dict], list[dict]]:
    """(blind items for the reader, the key) for every quote the two versions disagree on: changed
    speakers, then quotes only the new version finds, then quotes only the old one found, shuffled."""
    rng = random.Random(seed)
    old = _keyed(before)
    new = _keyed(after)
    drawn: list[tuple[dict, dict]] = []
    for key, quote in old.items():
        if key in new and new[key][3] != quote[3]:
            pair = [("before", quote[3]), ("after", new[key][3])]
            rng.shuffle(pair)
            where = {"article": key[0], "sentence": new[key][1], "quote": quote[2]}
            drawn.append(
                (
                    {"task": "which_speaker", **where, "X": pair[0][1], "Y": pair[1][1]},
                    {"kind": "speaker", "x": pair[0][0]},
                )
            )
    for kind, mine, theirs in (("added", new, old), ("removed", old, new)):
        for key, quote in mine.items():
            if key not in theirs:
                where = {"article": key[0], "sentence": quote[1], "quote": quote[2]}
                drawn.append(({"task": "judge_quote", **where, "speaker": quote[3]}, {"kind": kind}))
    rng.shuffle(drawn)
    blind, key_rows = [], []
    for number, (item, mark) in enumerate(drawn, 1):
        ident = f"{prefix}-{number:03d}"
        blind.append({"id": ident, **item})
        key_rows.append({"id": ident, "article": item["article"], "sentence": item["sentence"], **mark})
    return blind, key_rows


def score(key: list[dict], verdicts: list[dict]) -> dict:
    """Counts and the net effect of the change (+1 made right, -1 made wrong) with a bootstrap CI."""
    by_id = {row["id"]: row for row in key}
    counts: dict[str, int] = {}
    effect = []
    for verdict in verdicts:
        row = by_id[verdict["id"]]
        answer = verdict["verdict"]
        if row["kind"] == "speaker":
            if answer in ("both", "neither"):
                outcome, value = answer, 0
            else:
                before_won = (answer == "X") == (row["x"] == "before")
                outcome, value = ("before right", -1) if before_won else ("after right", 1)
        else:
            right = answer == "right"
            outcome = answer
            value = (1 if right else -1) if row["kind"] == "added" else (-1 if right else 1)
        counts[f"{row['kind']}: {outcome}"] = counts.get(f"{row['kind']}: {outcome}", 0) + 1
        effect.append(value)
    from khulasa.evaluate.binary import bootstrap

    values = np.array(effect)
    low, high = bootstrap(lambda pick: (values[pick].sum(),), len(values))
    return {"items": len(effect), "counts": counts, "net": sum(effect), "ci95": [float(low[0]), float(high[0])]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    dumped = commands.add_parser("dump", help="quotes of the extractor in REPO on the audit's articles")
    dumped.add_argument("repo", type=Path)
    dumped.add_argument("out", type=Path)
    paired = commands.add_parser("items", help="blind items and their key from two dumps")
    paired.add_argument("before", type=Path)
    paired.add_argument("after", type=Path)
    paired.add_argument("--out", type=Path, required=True)
    paired.add_argument("--key", type=Path, required=True)
    paired.add_argument("--prefix", default="r3a", help="item ids PREFIX-001 ... (one per audit round)")
    scored = commands.add_parser("score", help="the change's effect from the key and a reader's verdicts")
    scored.add_argument("--key", type=Path, required=True)
    scored.add_argument("--verdicts", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "dump":
        sys.path.insert(0, str(args.repo.resolve()))
        print(dump(args.out))
    elif args.command == "items":
        before = json.loads(args.before.read_text(encoding="utf-8"))
        after = json.loads(args.after.read_text(encoding="utf-8"))
        blind, key = items(before, after, prefix=args.prefix)
        args.out.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in blind), encoding="utf-8")
        args.key.write_text("".join(json.dumps(k, ensure_ascii=False) + "\n" for k in key), encoding="utf-8")
    else:
        print(json.dumps(score(read_jsonl(args.key), read_jsonl(args.verdicts)), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
