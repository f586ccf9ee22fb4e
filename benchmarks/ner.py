"""NER on honest test blocks: the CRF baseline (today's recipe retrained on the train blocks) beside the neural
tagger. Prints figures and writes benchmarks/results/ner.json; asserts nothing.

    python -m benchmarks.ner [--draws 1000] [--model PATH]

Tests (khulasa/analyze/ner/splits.py): the ANERcorp test block (last 15% of its train file), AQMAR test, the
NewsFANE test block. Exact span match; headline = PER/LOC/ORG micro F1 (MISC excluded: its meaning differs by
corpus). 95% CIs by resampling sentences (1,000 draws, seed 14), and the paired CI of F1(model) - F1(CRF) on the
same draws. Speed: tokens per CPU-second of each run-time path on one core (one sentence per call, as the
pipeline tags; numpy limited to one thread), and of the neural model's batched path; wall-clock figures beside
them (they include time the shared machine gave to other processes).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: set before numpy loads its BLAS
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from khulasa.analyze.ner.features import sentence_features
from khulasa.analyze.ner.neural.features import word_key
from khulasa.analyze.ner.neural.model import MODEL_NAME, NeuralTagger
from khulasa.analyze.ner.neural.train import corpus
from khulasa.analyze.ner.scoring import HEADLINE, Counts, bootstrap, count
from khulasa.analyze.ner.tagger import decode_bio
from khulasa.analyze.ner.train import train as train_crf

ROOT = Path(__file__).resolve().parents[1]
NEURAL = ROOT / "khulasa" / "analyze" / "ner" / "neural" / "model" / MODEL_NAME
TESTS = ("anercorp", "aqmar", "newsfane")
TYPES = ("PER", "LOC", "ORG", "MISC")


def crf_baseline(workdir: Path):
    """Today's CRF recipe (features.py, c1 0.2, c2 0.01, 200 iterations, jackknifed gazetteer) on the honest
    train blocks of ANERcorp + NewsFANE; returns a per-sentence tagging function."""
    import pycrfsuite

    train_set = corpus("anercorp", "train") + corpus("newsfane", "train")
    path = workdir / "crf-baseline.crfsuite"
    gazetteer = train_crf(train_set, path, iterations=200, c1=0.2, c2=0.01)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return lambda tokens: list(tagger.tag(sentence_features(tokens, gazetteer))) if tokens else []


def seen_words() -> set[str]:
    """Light-normalized words found inside a PER/LOC/ORG span of the train blocks the CRF baseline saw."""
    return {
        word_key(w)
        for s in corpus("anercorp", "train") + corpus("newsfane", "train")
        for w, t in s
        if t != "O" and not t.endswith("MISC")
    }


def unseen_recall(tokens, gold, predicted, seen: set[str]) -> tuple[float, int]:
    """Recall on gold PER/LOC/ORG spans none of whose words occurs in a training entity (names never seen)."""
    found = total = 0
    for words, g, p in zip(tokens, gold, predicted, strict=True):
        predicted_spans = {(s.start, s.end, s.type) for s in decode_bio(words, p)}
        for span in decode_bio(words, g):
            if span.type in HEADLINE and not any(word_key(w) in seen for w in words[span.start : span.end]):
                total += 1
                found += (span.start, span.end, span.type) in predicted_spans
    return (found / total if total else 0.0), total


def timed(tag, sentences: list[list[str]]) -> tuple[list[list[str]], float, float]:
    """Labels, tokens per CPU-second of this (single-threaded) process, and tokens per wall-second. On a
    shared machine the CPU figure is what one core delivers; the wall figure also counts time spent waiting."""
    wall, cpu = time.perf_counter(), time.process_time()
    labels = tag(sentences)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    tokens = sum(map(len, sentences))
    return labels, tokens / cpu, tokens / wall


def summary(counts: Counts, baseline: Counts | None, draws: int) -> dict:
    """Per-type and micro P/R/F1 with bootstrap CIs (and the paired ΔF1 CI when a baseline is given)."""
    result = {}
    for kind in (*TYPES, "micro"):
        types = HEADLINE if kind == "micro" else (kind,)
        p, r, f = counts.micro(types)
        cis = bootstrap(counts, baseline if kind == "micro" else None, types, draws)
        entry = {
            "P": round(p, 3),
            "R": round(r, 3),
            "F1": round(f, 3),
            "spans": int(sum(counts.by_type[t][:, [0, 2]].sum() for t in types)),
            **{f"{key}_ci": [round(lo, 3), round(hi, 3)] for key, (lo, hi) in cis.items()},
        }
        if kind == "micro" and baseline is not None:
            entry["dF1"] = round(f - baseline.micro(types)[2], 3)
        result[kind] = entry
    return result


def print_table(name: str, test: str, table: dict) -> None:
    print(f"\n{name} on {test}")
    print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6}  {'F1 95% CI':>13} {'spans':>6}")
    for kind, e in table.items():
        if e["spans"] or e["F1"]:
            lo, hi = e["F1_ci"]
            print(f"{kind:6} {e['P']:6.3f} {e['R']:6.3f} {e['F1']:6.3f}  [{lo:.3f}, {hi:.3f}] {e['spans']:6}")
    if "dF1" in table["micro"]:
        lo, hi = table["micro"]["dF1_ci"]
        print(f"micro F1 - CRF baseline: {table['micro']['dF1']:+.3f} [{lo:+.3f}, {hi:+.3f}]")


def markdown(report: dict) -> str:
    """The model card's tables, straight from the report."""
    lines = [
        "| test | model | PER P / R / F1 | LOC P / R / F1 | ORG P / R / F1 | micro P / R | micro F1 (95% CI) | "
        "ΔF1 vs CRF (95% CI) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for test, entry in report["tests"].items():
        for name in ("crf", "neural"):
            t = entry[name]
            cells = [f"{t[k]['P']:.3f} / {t[k]['R']:.3f} / {t[k]['F1']:.3f}" for k in HEADLINE]
            m = t["micro"]
            delta = f"{m['dF1']:+.3f} ({m['dF1_ci'][0]:+.3f}, {m['dF1_ci'][1]:+.3f})" if "dF1" in m else ""
            label = "CRF baseline" if name == "crf" else "neural"
            lines.append(
                f"| {test} | {label} | {' | '.join(cells)} | {m['P']:.3f} / {m['R']:.3f} | "
                f"**{m['F1']:.3f}** ({m['F1_ci'][0]:.3f}-{m['F1_ci'][1]:.3f}) | {delta} |"
            )
    lines += [
        "",
        "| test | gold spans with no word seen in a train entity | CRF recall | neural recall |",
        "|---|---|---|---|",
    ]
    for test, entry in report["tests"].items():
        u = entry["unseen_names"]
        lines.append(f"| {test} | {u['spans']} | {u['crf_recall']:.3f} | {u['neural_recall']:.3f} |")
    lines += [
        "",
        "| test | tokens | CRF tokens/CPU-s (wall) | neural, per sentence | neural, batched |",
        "|---|---|---|---|---|",
    ]
    for test, entry in report["tests"].items():
        cpu, wall = entry["tokens_per_s"], entry["tokens_per_wall_s"]
        cells = [f"{cpu[k]:,} ({wall[k]:,})" for k in ("crf", "neural", "neural_batched")]
        lines.append(f"| {test} | {entry['tokens']:,} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--model", default=str(NEURAL))
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "ner.json"))
    args = parser.parse_args()
    neural = NeuralTagger(Path(args.model))
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        crf = crf_baseline(Path(tmp))
        print(f"CRF baseline retrained on the train blocks in {time.perf_counter() - start:.0f} s")
        report: dict = {"draws": args.draws, "tests": {}}
        seen = seen_words()
        for test in TESTS:
            sentences = corpus(test, "test")
            tokens = [[w for w, _ in s] for s in sentences]
            gold = [[t for _, t in s] for s in sentences]
            crf_labels, crf_speed, crf_wall = timed(lambda ss: [crf(t) for t in ss], tokens)
            neural.labels(tokens[0])  # load the model before timing
            nn_labels, nn_speed, nn_wall = timed(lambda ss: [neural.labels(t) for t in ss], tokens)
            batch_labels, batch_speed, batch_wall = timed(neural.labels_batch, tokens)
            assert batch_labels == nn_labels, "batched and per-sentence neural labels differ"
            crf_counts = count(tokens, gold, crf_labels)
            nn_counts = count(tokens, gold, nn_labels)
            entry = {
                "sentences": len(tokens),
                "tokens": sum(map(len, tokens)),
                "crf": summary(crf_counts, None, args.draws),
                "neural": summary(nn_counts, crf_counts, args.draws),
                "tokens_per_s": {
                    "crf": round(crf_speed),
                    "neural": round(nn_speed),
                    "neural_batched": round(batch_speed),
                },
                "tokens_per_wall_s": {
                    "crf": round(crf_wall),
                    "neural": round(nn_wall),
                    "neural_batched": round(batch_wall),
                },
            }
            crf_unseen, n_unseen = unseen_recall(tokens, gold, crf_labels, seen)
            nn_unseen, _ = unseen_recall(tokens, gold, nn_labels, seen)
            entry["unseen_names"] = {
                "spans": n_unseen,
                "crf_recall": round(crf_unseen, 3),
                "neural_recall": round(nn_unseen, 3),
            }
            report["tests"][test] = entry
            print(
                f"\n=== {test} test: {entry['sentences']} sentences, {entry['tokens']} tokens; tokens/s on one core: "
                f"CRF {crf_speed:,.0f}, neural {nn_speed:,.0f} (batched {batch_speed:,.0f})"
            )
            print(
                f"recall on the {n_unseen} PER/LOC/ORG spans with no word seen in a train-block entity: "
                f"CRF {crf_unseen:.3f}, neural {nn_unseen:.3f}"
            )
            print_table("CRF baseline", test, entry["crf"])
            print_table("neural", test, entry["neural"])
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print("\n" + markdown(report))
    print(f"\n-> {args.out}")


if __name__ == "__main__":
    main()
