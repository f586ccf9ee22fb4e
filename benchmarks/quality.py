"""ROUGE of Khulasa's summarizers and baselines on the shared evaluation sets, in one run.

Writes benchmarks/results/quality.json and quality.md and prints the table with the ROUGE
configuration. Data are read from ../shared/data and never copied.

    python -m benchmarks.quality [--sets duc2004 ar-mds ...] [--methods ilp lexrank ...] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

from benchmarks.sumy_peer import sumy_lexrank
from khulasa.evaluate.datasets import DATASETS
from khulasa.evaluate.rouge import RougeConfig
from khulasa.evaluate.runner import evaluate_system, khulasa_system
from khulasa.summarize.coverage import CoverageSummarizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_SETS = ["duc2004", "ar-mds", "bbc-arabic", "duc2006", "duc2006-focused"]
DEFAULT_METHODS = ["ilp", "ilp-no-background", "ilp-duc2007-background", "lexrank", "centroid", "lead", "sumy-lexrank"]
# Ablations of the English background model (Arabic has none, so they would repeat the ilp row):
# without it, and with one built from DUC 2007 alone, which keeps DUC 2006 held out.
ENGLISH_ONLY = {"ilp-no-background", "ilp-duc2007-background"}


@lru_cache(maxsize=1)
def duc2007_background():
    from khulasa.represent.build_background import build

    return build(DATA, 2, sources=("duc2006-2007/duc2007_main.jsonl",))


def system_for(method: str):
    if method == "sumy-lexrank":
        return sumy_lexrank
    if method == "ilp-no-background":
        return khulasa_system(CoverageSummarizer(background=False))
    if method == "ilp-duc2007-background":
        return khulasa_system(CoverageSummarizer(background=duc2007_background()))
    return khulasa_system(method)


def run(sets: list[str], methods: list[str], limit: int | None) -> list[dict]:
    rows = []
    for name in sets:
        dataset = DATASETS[name]
        config = RougeConfig(language=dataset.language, stem=True, word_limit=dataset.words)
        for method in methods:
            if method == "sumy-lexrank" and dataset.focused:
                continue
            if method in ENGLISH_ONLY and dataset.language != "en":
                continue
            result = evaluate_system(system_for(method), dataset.clusters(DATA, limit), dataset.words, config)
            side = dataset.measure
            row = {
                "set": name,
                "method": method,
                "clusters": result.clusters,
                "measure": side,
                "words": dataset.words,
                "config": config.describe(),
                "rouge1": result.scores["rouge1"][side],
                "rouge2": result.scores["rouge2"][side],
                "rougeL": result.scores["rougeL"][side],
                "rougeSU4": result.scores["rougeSU4"][side],
                "seconds_per_cluster": round(result.seconds / max(1, result.clusters), 3),
            }
            rows.append(row)
            print(
                f"{name:16} {method:13} R1 {row['rouge1']:6.2f}  R2 {row['rouge2']:6.2f}  RL {row['rougeL']:6.2f}  "
                f"SU4 {row['rougeSU4']:6.2f}  ({side}, {result.clusters} clusters, {row['seconds_per_cluster']} s)",
                flush=True,
            )
    return rows


def human_ceiling() -> list[dict]:
    """MultiLing 2011 Arabic: each human reference against the other two, and the GOA system."""
    from khulasa.evaluate.agreement import leave_one_out, read_summaries, system_scores

    folder = DATA / "multiling2011-arabic-refs"
    references = read_summaries(folder / "reference")
    systems = read_summaries(folder / "system")
    rows = []
    for stem in (True, False):
        config = RougeConfig(language="ar", stem=stem)
        for label, (scores, count) in (
            ("human vs other humans", leave_one_out(references, config)),
            ("GOA system vs humans", system_scores(systems, references, config)),
        ):
            rows.append(
                {
                    "set": "multiling2011-ar",
                    "method": label,
                    "clusters": count,
                    "measure": "f",
                    "words": 250,
                    "config": config.describe(),
                    "seconds_per_cluster": 0.0,
                    **{metric: scores[metric]["f"] for metric in ("rouge1", "rouge2", "rougeL", "rougeSU4")},
                }
            )
            print(
                f"multiling2011-ar {label:22} stem={stem!s:5} R1 {rows[-1]['rouge1']:6.2f}  "
                f"R2 {rows[-1]['rouge2']:6.2f}  ({count} summaries, F)"
            )
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| set | method | measure | words | R-1 | R-2 | R-L | R-SU4 | s/cluster |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['set']} | {r['method']} | {r['measure']} | {r['words']} | {r['rouge1']:.2f} | {r['rouge2']:.2f} "
            f"| {r['rougeL']:.2f} | {r['rougeSU4']:.2f} | {r['seconds_per_cluster']} |"
        )
    configs = sorted({f"- {r['set']}: {r['config']}" for r in rows})
    note = (
        "English `ilp` uses a background model built from the DUC 2006 and 2007 topics, so its DUC 2006 rows "
        "are not held out; `ilp-duc2007-background` (built from DUC 2007 alone) is."
    )
    return "\n".join([*lines, "", "ROUGE configuration:", *configs, "", note]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", nargs="+", default=DEFAULT_SETS, choices=sorted(DATASETS))
    parser.add_argument("--methods", nargs="+", default=DEFAULT_METHODS)
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")
    parser.add_argument("--no-ceiling", action="store_true", help="skip the MultiLing human agreement ceiling")
    parser.add_argument("--out", default=str(RESULTS / "quality"), help="output path without extension")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: clone the project next to shared/")
    rows = run(args.sets, args.methods, args.limit)
    if not args.no_ceiling:
        rows.extend(human_ceiling())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(markdown(rows), encoding="utf-8")
    print(f"\nwritten: {out.with_suffix('.json')} and {out.with_suffix('.md')}")


if __name__ == "__main__":
    main()
