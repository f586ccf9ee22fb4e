"""Glued-word splits for reading (issue 12, item 5): sampling, display and the false-split rate.

    python -m labels.glued_splits words             # rebuilds labels/glued-splits/ant-words.txt.xz
    python -m labels.glued_splits sample            # writes labels/glued-splits/splits.jsonl
    python -m labels.glued_splits show --start 0 --count 50   # each token in its sentence, to label
    python -m labels.glued_splits rate              # false-split rate with a bootstrap 95% CI

`sample` runs the splitter of labels/glued_splitter.py on every token of every ANT article
(headline and text, tokenized as the pipeline's matching keys are) and keeps each split it makes:
all of them when there are fewer than SAMPLE_SIZE, else SAMPLE_SIZE drawn with a fixed seed. A row
is an item number, the article id, the token's occurrence number in the article, the token and its
split: single words, no article text. `show` re-derives the sentence around each token from
../shared for the reader; `rate` reads the labels (labels.jsonl: `{"item", "label":
"right"|"wrong", "note"?}`; protocol in labels/glued-splits/README.md).
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import sys
from pathlib import Path

import numpy as np

from labels.common import read_jsonl, select

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "ant-news-2018" / "articles.jsonl.xz"
FOLDER = ROOT / "labels" / "glued-splits"
SPLITS = FOLDER / "splits.jsonl"
LABELS = FOLDER / "labels.jsonl"
SEED = 20261129
SAMPLE_SIZE = 1000
CONTEXT_WORDS = 12


def article_tokens(record: dict) -> list[str]:
    """The tokens matching keys are built from: headline, then text."""
    from khulasa.text.tokenize import tokenize

    return tokenize(f"{record.get('title') or ''}\n{record['text']}")


def _records():
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def sample(out: Path = SPLITS) -> None:
    """Every split the splitter makes on the corpus (or SAMPLE_SIZE of them), ids and words only."""
    from labels.glued_splitter import split_glued

    rows: list[dict] = []
    articles = tokens = 0
    for record in _records():
        articles += 1
        seen: dict[str, int] = {}
        for token in article_tokens(record):
            tokens += 1
            parts = split_glued(token)
            if parts is None:
                continue
            seen[token] = seen.get(token, 0) + 1
            rows.append({"id": record["id"], "occurrence": seen[token], "token": token, "split": " ".join(parts)})
    print(f"{len(rows)} splits in {tokens} tokens of {articles} articles", file=sys.stderr)
    if len(rows) > SAMPLE_SIZE:
        rows = random.Random(SEED).sample(rows, SAMPLE_SIZE)
    rows = [{"item": f"gs-{number:04d}", **row} for number, row in enumerate(rows, 1)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def context_of(record: dict, token: str, occurrence: int) -> str:
    """The words around the `occurrence`-th appearance of `token`, the token marked with [[ ]]."""
    text = f"{record.get('title') or ''}\n{record['text']}"
    start = -1
    for _ in range(occurrence):
        start = text.find(token, start + 1)
        while start >= 0 and not _whole_token(text, start, len(token)):
            start = text.find(token, start + 1)
        if start < 0:
            return f"[[{token}]] (not found)"
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[start + len(token) :].split()[:CONTEXT_WORDS]
    return " ".join([*before, f"[[{token}]]", *after])


def _whole_token(text: str, start: int, length: int) -> bool:
    def letter(index: int) -> bool:
        return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")

    return not letter(start - 1) and not letter(start + length)


def show(rows: list[dict]) -> None:
    wanted = {row["id"] for row in rows}
    records = {record["id"]: record for record in _records() if record["id"] in wanted}
    for row in rows:
        print(f"{row['item']} | {row['token']} -> {row['split']}")
        print(f"    {context_of(records[row['id']], row['token'], row['occurrence'])}")


def rate(splits: list[dict], labels: list[dict]) -> dict:
    """Share of labelled splits that are wrong, with a bootstrap 95% CI over splits."""
    from khulasa.evaluate.binary import bootstrap

    by_item = {label["item"]: label["label"] for label in labels}
    missing = [row["item"] for row in splits if row["item"] not in by_item]
    wrong = np.array([by_item[row["item"]] == "wrong" for row in splits if row["item"] in by_item])
    low, high = bootstrap(lambda index: (float(np.mean(wrong[index])),), len(wrong))
    return {
        "labelled": len(wrong),
        "unlabelled": len(missing),
        "wrong": int(wrong.sum()),
        "false_split_rate": round(float(wrong.mean()), 4),
        "ci95": [round(float(low[0]), 4), round(float(high[0]), 4)],
        "types": len({row["token"] for row in splits}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("words", help="rebuild the corpus word list the splitter never splits")
    commands.add_parser("sample", help="draw the splits (ids and words) into labels/glued-splits/splits.jsonl")
    shown = commands.add_parser("show", help="print each split token in its sentence")
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=50)
    shown.add_argument("--ids", nargs="*")
    commands.add_parser("rate", help="false-split rate of the labelled splits")
    args = parser.parse_args()
    if args.command == "words":
        from labels.glued_splitter import WORDS_FILE, build_words

        print(f"{build_words()} words -> {WORDS_FILE}")
    elif args.command == "sample":
        sample()
    elif args.command == "show":
        show(select(read_jsonl(SPLITS), "item", args.ids, args.start, args.count))
    else:
        print(json.dumps(rate(read_jsonl(SPLITS), read_jsonl(LABELS)), ensure_ascii=False))


if __name__ == "__main__":
    main()
