"""Audit of "only one outlet reports this" claims (issue 12): sampling and display.

    python -m labels.single_outlet sample      # writes labels/single-outlet/claims.jsonl (ids only)
    python -m labels.single_outlet show --start 0 --count 10

Two-outlet stories are the test-split article pairs of labels/story-pairs labelled `same_event`
whose outlets differ. Each is analysed by the pipeline (`analyze_story`), and its facts of
coverage "one" are the claims: sentence X is reported by its outlet only. Claims come from two
systems, mixed and shuffled so a reader cannot tell them apart: `relation` (the shipped rule:
single-outlet only when no sentence of the other outlet is even possibly related) and `lexical`
(the connected components of the lexical alignment graph the project used before). A reader
judges each claim by reading the other outlet's whole article: does it report the claim's fact,
wholly or in part (`reported`), or not (`not_reported`)? A claim is right when it is not reported.
Only ids, sentence indices, hashes and the system are stored; `show` prints no system.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from labels.common import cross_outlet, read_jsonl, select

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
OUT = ROOT / "labels" / "single-outlet" / "claims.jsonl"
DEV = ROOT / "labels" / "single-outlet" / "dev-claims.jsonl"
DEV_CLAIMS = 100
SEED = 20261131
PER_SYSTEM = 60


def _records(ids: set[str]) -> dict[str, dict]:
    from khulasa.evaluate.datasets import ant_records

    return ant_records(ids, CORPUS)


def _story(a: dict, b: dict):
    from khulasa.model import Article
    from khulasa.pipeline import prepare_story

    articles = [Article(r["id"], r["text"], r.get("title"), r["src"], None, r.get("time")) for r in (a, b)]
    return prepare_story(articles, "ar")[0]


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def sample(out: Path = OUT) -> None:
    sys.path.insert(0, str(ROOT))
    from khulasa.analyze.agreement import _component_facts, group_facts
    from khulasa.relate.story.train import read_labelled

    pairs = [p for p in read_labelled() if p["split"] == "test" and p["label"] == "same_event"]
    pairs, records = cross_outlet(pairs, CORPUS)
    claims: dict[str, list[dict]] = {"relation": [], "lexical": []}
    for pair in pairs:
        story = _story(records[pair["a"]], records[pair["b"]])
        for system, facts in (("relation", group_facts(story)), ("lexical", _component_facts(story, "lexical"))):
            for fact in facts:
                if fact.coverage != "one" or len(fact.sentences) != 1:
                    continue
                ref = fact.sentences[0]
                if len(ref.text.split()) < 6:
                    continue
                other = pair["b"] if ref.doc == pair["a"] else pair["a"]
                claims[system].append(
                    {"system": system, "story_pair": pair["pair"], "doc": ref.doc, "sentence": ref.sentence,
                     "hash": _hash(ref.text), "other": other}
                )  # fmt: skip
    rng = random.Random(SEED)
    rows = []
    for system in ("relation", "lexical"):
        rng.shuffle(claims[system])
        rows += claims[system][:PER_SYSTEM]
        print(f"{system}: {len(claims[system])} claims, {min(PER_SYSTEM, len(claims[system]))} drawn", file=sys.stderr)
    rng.shuffle(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "".join(json.dumps({"claim": f"so-{n:04d}", **r}, ensure_ascii=False) + "\n" for n, r in enumerate(rows, 1)),
        encoding="utf-8",
    )


def _max_related(story, index: int) -> float:
    """The sentence's highest P(same) + P(partial) against the other outlet (rounded for storage)."""
    from khulasa.analyze.agreement import related_score

    return round(related_score(story, index), 4)


def calibration(out: Path = DEV) -> None:
    """Dev-month claims for choosing the single-outlet threshold: every sentence the relation
    model leaves alone (no same/partial link, coverage "one" or "unclear") in the dev split's
    two-outlet stories, with its highest P(same) + P(partial) against the other outlet; DEV_CLAIMS
    drawn at random. Readers label them like the test claims; the threshold is chosen on these."""
    sys.path.insert(0, str(ROOT))
    from khulasa.analyze.agreement import group_facts
    from khulasa.relate.story.train import read_labelled

    pairs = [p for p in read_labelled() if p["split"] == "dev" and p["label"] == "same_event"]
    pairs, records = cross_outlet(pairs, CORPUS)
    claims = []
    for pair in pairs:
        story = _story(records[pair["a"]], records[pair["b"]])
        index = {(s.doc_id, s.index): k for k, s in enumerate(story.sentences)}
        for fact in group_facts(story):
            if fact.coverage not in ("one", "unclear") or len(fact.sentences) != 1:
                continue
            ref = fact.sentences[0]
            if len(ref.text.split()) < 6:
                continue
            other = pair["b"] if ref.doc == pair["a"] else pair["a"]
            related = _max_related(story, index[(ref.doc, ref.sentence)])
            claims.append(
                {"system": "relation-alone", "story_pair": pair["pair"], "doc": ref.doc, "sentence": ref.sentence,
                 "hash": _hash(ref.text), "other": other, "related": related}
            )  # fmt: skip
    rng = random.Random(SEED + 1)
    rng.shuffle(claims)
    print(f"dev: {len(claims)} lone sentences, {min(DEV_CLAIMS, len(claims))} drawn", file=sys.stderr)
    out.write_text(
        "".join(
            json.dumps({"claim": f"sd-{n:04d}", **r}, ensure_ascii=False) + "\n"
            for n, r in enumerate(claims[:DEV_CLAIMS], 1)
        ),
        encoding="utf-8",
    )


def read_claims(path: Path = OUT) -> list[dict]:
    return read_jsonl(path)


def claim_sentence(story, claim: dict) -> int | None:
    """Where the claim's sentence is in a story holding its article, found by its text's hash
    (cleaning may since have dropped an earlier line); None when cleaning now drops the claim's own
    line as page furniture, so the pipeline would no longer make the claim."""
    where = (claim["doc"], claim["hash"])
    return next((k for k, s in enumerate(story.sentences) if (s.doc_id, _hash(s.text)) == where), None)


def show(claims: list[dict]) -> None:
    from khulasa.model import Article
    from khulasa.pipeline import prepare_story

    records = _records({c["doc"] for c in claims} | {c["other"] for c in claims})
    for claim in claims:
        own = records[claim["doc"]]
        story = prepare_story([Article(own["id"], own["text"], own.get("title"), own["src"])], "ar")[0]
        index = claim_sentence(story, claim)
        if index is None:
            print(f"=== {claim['claim']}: left out (cleaning now drops the claim's line as page furniture)\n")
            continue
        text = story.sentences[index].text
        other = records[claim["other"]]
        print(f"=== {claim['claim']}")
        print(f"CLAIM ({own['src']}, headline: {(own.get('title') or '').strip()}):\n    {text}")
        print(f"OTHER OUTLET ({other['src']}), headline: {(other.get('title') or '').strip()}")
        print(f"    {other['text'].strip()}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("sample", help="draw the claims (ids only)")
    commands.add_parser("calibration", help="draw the dev-month claims for the threshold (ids only)")
    shown = commands.add_parser("show", help="print claims with the other outlet's article")
    shown.add_argument("--set", choices=("test", "dev"), default="test", help="test claims or dev claims")
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=10)
    shown.add_argument("--ids", nargs="*")
    args = parser.parse_args()
    if args.command == "sample":
        sample()
        return
    if args.command == "calibration":
        calibration()
        return
    show(select(read_claims(DEV if args.set == "dev" else OUT), "claim", args.ids, args.start, args.count))


if __name__ == "__main__":
    main()
