"""Quote detection and speaker attribution judged on the labelled quote set (labels/quotes).

    python -m benchmarks.quotes --split train|dev|test|test2|test3|test4 [--errors]

Each labelled candidate sentence is looked up in its article, the article is run through the
extractor as a one-article story (entities tagged and canonicalized as `khulasa story` does), and
the extractor's first quote in that sentence is compared with the label. Two extractors in one
run: today's (khulasa.analyze.quotes) and the baseline (benchmarks/quotes_baseline.py, the extractor
of commit d36004a). Figures, each with a bootstrap 95% CI over candidates (2,000 resamples, seed 0):

- detection precision / recall: "the sentence holds reported speech" against `quote`;
- speaker accuracy (exact): on the labelled quotes the extractor detects, the predicted speaker's
  key equals the key of the labelled speaker or of one of its `also` forms (no speaker = "unknown");
- speaker accuracy (head): one key is a contiguous run of the other's words;
- end-to-end: exact speaker over all labelled quotes (an undetected quote counts as wrong).

Writes benchmarks/results/quotes-{split}.json and prints it; `--errors` also prints every miss.
Tune on train and dev only; the test split is run once, at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from khulasa.analyze.entities import canonicalize, name_key, story_mentions
from khulasa.evaluate.binary import bootstrap, precision_recall_f1
from labels.quotes import LABELS, OUT, article_story, checked_sentences, load_records, read_jsonl

RESULTS = Path(__file__).resolve().parent / "results"
Prediction = tuple[bool, str | None]


def speaker_key(name: str | None) -> tuple[str, ...]:
    return name_key(name) if name and name != "unknown" else ()


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return bool(inner) and any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def speaker_matches(label: dict, predicted: str | None, head: bool = False) -> bool:
    """Exact: the keys are equal (with the label's speaker or one of its `also` forms); head: one
    key is a contiguous run of the other's words. "unknown" matches only no speaker."""
    if not label["quote"]:
        return False
    got = speaker_key(predicted)
    forms = [speaker_key(label["speaker"])] + [speaker_key(a) for a in label.get("also", [])]
    if not forms[0]:
        return not got
    if any(got == form for form in forms):
        return True
    return head and any(_contains(got, form) or _contains(form, got) for form in forms if form)


def labelled(split: str) -> tuple[list[dict], list[dict]]:
    """The split's candidates and their labels, in the same order (unlabelled candidates left out)."""
    labels = {row["id"]: row for row in read_jsonl(LABELS)}
    candidates = [c for c in read_jsonl(OUT) if c["split"] == split and c["id"] in labels]
    return candidates, [labels[c["id"]] for c in candidates]


def predict(candidates: list[dict], extractors: dict[str, Callable]) -> dict[str, list[Prediction]]:
    """(detected, speaker) of the first quote each extractor finds in each candidate sentence."""
    records = load_records({c["article"] for c in candidates})
    checked_sentences(candidates, records)
    firsts: dict[str, dict[tuple[str, int], str | None]] = {name: {} for name in extractors}
    for article in dict.fromkeys(c["article"] for c in candidates):
        story = article_story(records[article])
        mentions = story_mentions(story)
        entities = canonicalize(mentions)
        for name, extract in extractors.items():
            for quote in extract(story, mentions, entities):
                firsts[name].setdefault((quote.doc, quote.sentence), quote.speaker)
    return {
        name: [((c["article"], c["index"]) in found, found.get((c["article"], c["index"]))) for c in candidates]
        for name, found in firsts.items()
    }


def scores(labels: list[dict], predictions: list[Prediction]) -> dict:
    truth = np.array([label["quote"] for label in labels])
    detected = np.array([p[0] for p in predictions])
    exact = np.array([speaker_matches(lab, p[1]) for lab, p in zip(labels, predictions, strict=True)])
    head = np.array([speaker_matches(lab, p[1], head=True) for lab, p in zip(labels, predictions, strict=True)])

    def figures(pick: np.ndarray) -> tuple[float, ...]:
        t, d = truth[pick], detected[pick]
        precision, recall, _ = precision_recall_f1(t, d)
        found = t & d
        exact_share = exact[pick][found].mean() if found.any() else np.nan
        head_share = head[pick][found].mean() if found.any() else np.nan
        end_to_end = (exact[pick] & d)[t].mean() if t.any() else np.nan
        return precision, recall, exact_share, head_share, end_to_end

    point = figures(np.arange(len(labels)))
    low, high = bootstrap(figures, len(labels))
    names = ("detection_precision", "detection_recall", "speaker_exact", "speaker_head", "speaker_end_to_end")
    result = {
        n: {"value": round(float(v), 3), "ci95": [round(float(a), 3), round(float(b), 3)]}
        for n, v, a, b in zip(names, point, low, high, strict=True)
    }
    result["quotes_detected"] = int((truth & detected).sum())
    result["speaker_exact_right"] = int((exact & truth & detected).sum())
    return result


def run(split: str, errors: bool = False) -> dict:
    from benchmarks.quotes_baseline import extract_quotes as baseline
    from khulasa.analyze.quotes import extract_quotes

    candidates, labels = labelled(split)
    start = time.process_time()
    predictions = predict(candidates, {"khulasa": extract_quotes, "baseline": baseline})
    seconds = time.process_time() - start
    if errors:
        for candidate, label, (found, speaker) in zip(candidates, labels, predictions["khulasa"], strict=True):
            if found != label["quote"] or (found and not speaker_matches(label, speaker)):
                wanted = label.get("speaker") if label["quote"] else "-"
                print(f"{candidate['id']}\tlabel={wanted}\tgot={speaker if found else '-'}", file=sys.stderr)
    return {
        "split": split,
        "candidates": len(labels),
        "labelled_quotes": int(sum(lab["quote"] for lab in labels)),
        "cpu_seconds_both": round(seconds, 1),
        "khulasa": scores(labels, predictions["khulasa"]),
        "baseline": scores(labels, predictions["baseline"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev", "test", "test2", "test3", "test4", "test5"), default="dev")
    parser.add_argument("--errors", action="store_true", help="print every candidate the extractor gets wrong")
    args = parser.parse_args()
    result = run(args.split, args.errors)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.split != "train":
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"quotes-{args.split}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
