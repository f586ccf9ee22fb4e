"""Quote labelling set for speaker attribution (issue 12, item 4): sampling and display.

    python -m labels.quotes sample                  # writes labels/quotes/candidates.jsonl (ids only)
    python -m labels.quotes show --split test --start 0 --count 30   # texts, for an annotator
    python -m labels.quotes show --ids q-test-0007 --context 2
    python -m labels.quotes names labels/quotes/labels.jsonl --split test3   # fullest-name check
    python -m labels.quotes agree labels/quotes/labels.jsonl labels/quotes/labels-test3-recheck.jsonl

Candidates are sentences of ANT news articles (../shared/data/ant-news-2018), drawn with a fixed
seed inside the story pairs' date blocks: train = 2018-02..05 and 08..10, dev = 2018-07,
test = 2018-06, as are the later held-out rounds test2 to test5 (articles not drawn before).
The detector that finds them is deliberately independent of the extractor under test
(khulasa.analyze.quotes) and wider than it, so that recall and "not a quote" are measured too:
a sentence is a candidate when it has a quotation mark pair around at least one word («», “”, "")
or a reporting verb (قال، قالت، أضاف، أضافت، أكد، أوضح، صرح، أعلن، نفى ...; with و/ف) followed
later in the sentence by أن/إن/أنه/إنه/بأن (and their pronoun forms) or a colon.

Articles are taken in a seeded random order; each gives at most PER_ARTICLE candidates (random
among its candidate sentences), so the set covers many outlets and topics. Sentences are the
pipeline's own (`clean_article`, then `split_sentences`, glued words left as published: see
labels/sentence_pairs.py), stored as (article id, sentence index, sha1 of the text); `show` refuses a
candidate whose sentence changed. Only ids, split, index, hash and the trigger ("marks", "verb" or
both) are written.
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import sys
from pathlib import Path

from labels.common import read_jsonl, record_article, select
from labels.sentence_pairs import article_sentences, locate, sentence_hash
from labels.story_pairs import CORPUS, split_of

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "labels" / "quotes"
OUT = FOLDER / "candidates.jsonl"
LABELS = FOLDER / "labels.jsonl"
SEED = 20261201
ROUND3_SEED = SEED + 2  # round 1 drew with SEED, round 2 with SEED + 1
ROUND4_SEED = SEED + 3
ROUND5_SEED = SEED + 4
TEST3_SIZE = 120
TEST4_SIZE = 120
TEST5_SIZE = 120
# The held-out rounds drawn after the first two, in order: split name, seed, size. Each draws from
# June 2018 (the test month) by the same detector and per-article draw, skipping every article
# of the rounds before it.
HELD_OUT = (
    ("test3", ROUND3_SEED, TEST3_SIZE),
    ("test4", ROUND4_SEED, TEST4_SIZE),
    ("test5", ROUND5_SEED, TEST5_SIZE),
)
SIZES = {"train": 110, "dev": 110, "test": 110}
PER_ARTICLE = 2

_VERB_WORDS = (
    "قال قالت يقول تقول أضاف أضافت يضيف تضيف تابع تابعت أكد أكدت يؤكد تؤكد أوضح أوضحت صرح صرحت أعلن أعلنت "
    "نفى نفت ذكر ذكرت أشار أشارت اعتبر اعتبرت رأى رأت شدد شددت لفت لفتت كشف كشفت أفاد أفادت زعم زعمت "
    "أوضح أبلغ أبلغت حذر حذرت دعا دعت طالب طالبت مضيفا مضيفة مؤكدا مؤكدة مشيرا مشيرة موضحا موضحة لافتا لافتة "
    "معتبرا معتبرة مشددا مشددة"
)
_ALEF = str.maketrans("أإآ", "ااا")
VERB = re.compile(
    r"(?<![\w])[وف]?("
    + "|".join(sorted({v.translate(_ALEF) for v in _VERB_WORDS.split()}, key=len, reverse=True))
    + r")(?!\w)"
)
COMPLEMENT = re.compile(r"(?<![\w])ب?[اأإ]ن(?:ه|ها|هم|هما|هن|نا|ني)?(?!\w)|:")
MARKS = re.compile(r"«[^»]*\w[^»]*»|“[^”]*\w[^”]*”|\"[^\"]*\w[^\"]*\"")


def trigger(sentence: str) -> str | None:
    """Why the detector takes a sentence: "marks", "verb", "marks+verb", or None."""
    marks = bool(MARKS.search(sentence))
    plain = sentence.translate(_ALEF)
    verb = any(COMPLEMENT.search(plain, match.end()) for match in VERB.finditer(plain))
    if marks and verb:
        return "marks+verb"
    return "marks" if marks else "verb" if verb else None


def _articles() -> dict[str, list[dict]]:
    from datetime import UTC

    from khulasa.read.timestamps import parse_time

    by_split: dict[str, list[dict]] = {s: [] for s in SIZES}
    with lzma.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            when = parse_time(record.get("time"))
            if when is None:
                continue
            split = split_of(when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC))
            if split is not None:
                by_split[split].append(record)
    return by_split


def _draw(records: list[dict], split: str, size: int, rng: random.Random, used: set[str]) -> list[dict]:
    """Up to `size` candidates from articles in a seeded random order, PER_ARTICLE at most each."""
    drawn: list[dict] = []
    records = sorted(records, key=lambda r: r["id"])
    rng.shuffle(records)
    for record in records:
        if len(drawn) >= size:
            break
        if record["id"] in used:
            continue
        sentences = article_sentences(record)
        found = [(i, t) for i, s in enumerate(sentences) if (t := trigger(s))]
        for index, why in sorted(rng.sample(found, min(PER_ARTICLE, len(found)))):
            drawn.append(
                {
                    "split": split,
                    "article": record["id"],
                    "outlet": record["src"],
                    "index": index,
                    "hash": sentence_hash(sentences[index]),
                    "trigger": why,
                }
            )
    return drawn[:size]


def sample(out: Path = OUT) -> None:
    """Draw the candidates of every split and write their ids (no text).

    Round 2 (after the test split had been run once): 60 more train candidates (q-train-0111 on)
    and a fresh held-out split `test2` of 100 from June 2018, from articles not drawn before, with
    a second seed; round 1 is drawn exactly as before. Rounds 3, 4 and 5: `draw_held_out`."""
    rng = random.Random(SEED)
    rows: list[dict] = []
    by_split = _articles()
    for split, size in SIZES.items():
        drawn = _draw(by_split[split], split, size, rng, set())
        for number, row in enumerate(drawn, 1):
            rows.append({"id": f"q-{split}-{number:04d}", **row})
        print(f"{split}: {len(drawn)} candidates", file=sys.stderr)
    rng = random.Random(SEED + 1)
    used = {row["article"] for row in rows}
    for split, source, size, first in (("train", "train", 60, SIZES["train"] + 1), ("test2", "test", 100, 1)):
        drawn = _draw(by_split[source], split, size, rng, used)
        used |= {row["article"] for row in drawn}
        for number, row in enumerate(drawn, first):
            rows.append({"id": f"q-{split}-{number:04d}", **row})
        print(f"round 2, {split}: {len(drawn)} candidates", file=sys.stderr)
    for number, (split, _, _) in enumerate(HELD_OUT, 3):
        drawn = draw_held_out(by_split, {row["article"] for row in rows}, split)
        rows.extend(drawn)
        print(f"round {number}, {split}: {len(drawn)} candidates", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def draw_held_out(by_split: dict[str, list[dict]], used: set[str], split: str) -> list[dict]:
    """A held-out round of HELD_OUT (`test3`, drawn 2026-11-29 after test2 had been run once;
    `test4`, drawn 2026-11-29 after test3 had been run with two extractors; `test5`, drawn
    2026-11-29 after test4 had been run once, to hold out session 8's extractor): its size in
    candidates from June 2018 articles that no earlier round drew (`used`: every article of
    candidates.jsonl before it), by the same detector and per-article draw as the earlier rounds,
    with its own seed so the rounds before it are drawn exactly as before."""
    seed, size = next((seed, size) for name, seed, size in HELD_OUT if name == split)
    drawn = _draw(by_split["test"], split, size, random.Random(seed), used)
    return [{"id": f"q-{split}-{number:04d}", **row} for number, row in enumerate(drawn, 1)]


def load_records(ids: set[str]) -> dict[str, dict]:
    from khulasa.evaluate.datasets import ant_records

    return ant_records(ids, CORPUS)


def article_story(record: dict):
    """A one-article Story of the record, its sentences exactly the ones the candidates index
    (cleaned with glued words left as published, as `labels.sentence_pairs.article_sentences`)."""
    from contextlib import nullcontext
    from unittest import mock

    import khulasa.clean
    from khulasa.clean import clean_article
    from khulasa.represent.story import build_story

    article = record_article(record)
    verbatim = (
        mock.patch("khulasa.clean.unglue_line", lambda line: (line, []))
        if hasattr(khulasa.clean, "unglue_line")
        else nullcontext()
    )
    with verbatim:
        clean = clean_article(article, "ar")
    return build_story([clean], "ar")


def checked_sentences(candidates: list[dict], records: dict[str, dict]) -> dict[str, list[str]]:
    """Each candidate article's sentences, after finding every candidate's sentence by its hash.

    The stored index is where the sentence was when it was sampled; when the cleaner has since
    dropped an earlier line (page furniture), the same sentence is found at its new index (the
    occurrence nearest the old one) and the candidate's `index` is updated in place. A candidate
    that is itself a line the cleaner now drops as page furniture gets index None: the pipeline
    shows nothing of it, so it holds no quote. A sentence whose words changed stops the run."""
    from khulasa.clean.boilerplate import boilerplate_reason

    sentences, hashes = {}, {}
    for candidate in candidates:
        article = candidate["article"]
        if article not in sentences:
            sentences[article] = article_sentences(records[article])
            hashes[article] = [sentence_hash(text) for text in sentences[article]]
        index = locate(hashes[article], candidate["hash"], candidate["index"])
        if index is not None:
            candidate["index"] = index
        elif any(
            sentence_hash(line.strip()) == candidate["hash"] and boilerplate_reason(line.strip())
            for line in records[article]["text"].splitlines()
        ):
            candidate["index"] = None
        else:
            raise SystemExit(f"{candidate['id']}: the sentence changed since sampling (cleaner or splitter)")
    return sentences


def show(candidates: list[dict], context: int) -> None:
    """Print each candidate for an annotator: outlet, headline, `context` sentences before, the sentence."""
    records = load_records({c["article"] for c in candidates})
    sentences = checked_sentences(candidates, records)
    for candidate in candidates:
        record = records[candidate["article"]]
        index = candidate["index"]
        print(f"=== {candidate['id']}  {record['src']} | {(record.get('title') or '').strip()}")
        if index is None:
            print("    (the cleaner now drops this line as page furniture)\n")
            continue
        for line in sentences[candidate["article"]][max(0, index - context) : index]:
            print(f"    (before) {line}")
        print(f"    SENTENCE: {sentences[candidate['article']][index]}\n")


_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")


def speaker_key(name: str) -> str:
    """A speaker's words compared loosely, as the scoring rule of the README says: diacritics and
    tatweel dropped, أ/إ/آ as ا, hashtag marks as spaces, and the proclitics و/ب/ل and the article
    ال taken off each word («والرئيس الأفغاني» and «رئيس أفغاني» have one key)."""
    words = []
    for word in _DIACRITICS.sub("", name).translate(_ALEF).replace("#", " ").replace("_", " ").split():
        if len(word) > 3 and word[0] in "وبل" and word[1:3] == "ال":
            word = word[1:]
        if len(word) > 3 and word.startswith("ال"):
            word = word[2:]
        words.append(word)
    return " ".join(words)


def speaker_agreement(first: list[dict], second: list[dict]) -> dict:
    """Self-consistency of two labelling passes over the same candidates: Cohen's kappa (bootstrap
    95% CI) on quote yes/no, and, on the items both passes call quotes, how often they name the
    same speaker: `strict` (the same `speaker` string) and `exact` (the scoring rule: one pass's
    speaker key is the key of the other's speaker or of one of its `also` forms)."""
    from labels.agreement import report

    one = {label["id"]: label for label in first}
    two = {label["id"]: label for label in second}
    items = sorted(one.keys() & two.keys())
    quotes = report({i: str(one[i]["quote"]) for i in items}, {i: str(two[i]["quote"]) for i in items})
    both = [i for i in items if one[i]["quote"] and two[i]["quote"]]

    def forms(label: dict) -> set[str]:
        return {speaker_key(name) for name in [label["speaker"], *label.get("also", [])]}

    strict = [i for i in both if one[i]["speaker"] == two[i]["speaker"]]
    exact = [
        i
        for i in both
        if speaker_key(two[i]["speaker"]) in forms(one[i]) or speaker_key(one[i]["speaker"]) in forms(two[i])
    ]
    return {
        "items": len(items),
        "quote": {key: quotes[key] for key in ("agreement", "kappa", "kappa_ci95", "confusion", "disagreements")},
        "both_quotes": len(both),
        "speaker_strict": round(len(strict) / max(1, len(both)), 3),
        "speaker_exact": round(len(exact) / max(1, len(both)), 3),
        "speaker_disagreements": [i for i in both if i not in exact],
        "speaker_form_differences": [i for i in exact if i not in strict],
    }


def name_forms(name: str, text: str, before: int = 3, after: int = 2) -> list[str]:
    """Every distinct stretch of `text` around a use of the one-word speaker `name` (with its
    proclitics and article, hashtag marks read as spaces), `before` words before and `after` after:
    the annotator reads them for a fuller form of the name, which the protocol asks for."""
    words = text.replace("#", " ").replace("_", " ").split()
    key = speaker_key(name)
    found = []
    for index, word in enumerate(words):
        if speaker_key(word.strip('،,.:؛"«»()')) == key:
            window = " ".join(words[max(0, index - before) : index + after + 1])
            if window not in found:
                found.append(window)
    return found


def names(labels: list[dict], split: str) -> None:
    """For each one-word speaker of `split`, print where its article uses the word (the check made
    after labelling each round, before any extractor is run; the label keeps the fullest form)."""
    candidates = {c["id"]: c for c in read_jsonl(OUT)}
    chosen = [
        label
        for label in labels
        if candidates[label["id"]]["split"] == split
        and label["quote"]
        and len(label["speaker"].split()) == 1
        and label["speaker"] != "unknown"
    ]
    records = load_records({candidates[label["id"]]["article"] for label in chosen})
    for label in chosen:
        record = records[candidates[label["id"]]["article"]]
        text = f"{record.get('title') or ''}\n{record['text']}"
        print(f"{label['id']}  {label['speaker']}: " + " | ".join(name_forms(label["speaker"], text)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawn = commands.add_parser("sample", help="draw the candidates (ids only) into labels/quotes/candidates.jsonl")
    drawn.add_argument("--out", type=Path, default=OUT)
    shown = commands.add_parser("show", help="print candidates with their texts for labelling")
    shown.add_argument("--split", choices=[*SIZES, "test2", *(split for split, _, _ in HELD_OUT)])
    shown.add_argument("--start", type=int, default=0)
    shown.add_argument("--count", type=int, default=30)
    shown.add_argument("--ids", nargs="*")
    shown.add_argument("--context", type=int, default=2, help="sentences before each one to show")
    agree = commands.add_parser("agree", help="self-consistency of two labelling passes (kappa, speaker agreement)")
    agree.add_argument("first", type=Path)
    agree.add_argument("second", type=Path)
    named = commands.add_parser("names", help="list the article's uses of each one-word speaker (fullest-name check)")
    named.add_argument("labels", type=Path)
    named.add_argument("--split", required=True)
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.out)
        return
    if args.command == "names":
        names(read_jsonl(args.labels), args.split)
        return
    if args.command == "agree":
        print(
            json.dumps(speaker_agreement(read_jsonl(args.first), read_jsonl(args.second)), ensure_ascii=False, indent=2)
        )
        return
    show(select(read_jsonl(OUT), "id", args.ids, args.start, args.count, args.split), args.context)


if __name__ == "__main__":
    main()
