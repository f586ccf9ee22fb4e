"""ROUGE of Khulasa's summarizers and baselines on every dev set, with paired bootstrap 95% CIs.

Sets (khulasa/evaluate/datasets.py; data read from ../shared/data, never copied):
- duc2004 (100 words, recall: the quality gate's set), duc2006 and duc2007 (250 words; DUC 2007:
  the 23 topics with summaries) for English;
- ar-mds (30 words against the BBC editor's summary line), ar-mds-100 (100 words against the first
  120 words of the BBC report), ar-long (250 words against its first 250 words; 340 clusters of 2-6
  other outlets' reports, built as long_set.py says; `ar-long-tune` / `ar-long-confirm` are its
  earlier / later halves by date) for Arabic multi-document summaries;
- single articles: bbc-arabic (a BBC article at 30 words against its editor's summary line, which
  paraphrases the story rather than repeating its lead) and single-100 (each document of the ar-mds
  clusters alone, at 100 words, against the first 120 words of the BBC report of the same story:
  a human account by another newsroom, so neither the article's lead nor any method is favoured
  by construction; a story's documents are averaged into one unit before resampling).

Methods: `ilp` (the default), `lexrank`, `centroid`, `lead` (the leading sentences of one article,
averaged over which article comes first: input order is an accident), `lead-first` (the first
article in input order), `first-words` (the first N words of the cleaned article, cutting
sentences: the single-article baseline), `sumy-lexrank`, the English background ablations
`ilp-no-background` / `ilp-duc2007-background`, and any coverage setting as `ilp[name=value,...]`
(CoverageSummarizer's parameters, for controlled experiments). A `+long` suffix lets one sentence
run over the budget (`--allow-long`).

ROUGE is the project's (evaluate/rouge.py): Arabic tokens are Unicode words under the normalized
matching key with Light10 stems (never rouge-score's tokenizer, which deletes Arabic letters);
summaries are truncated to the budget. Each method is compared with `ilp` and with `lead` by a
paired bootstrap over clusters (2,000 resamples, seed 0) of the per-cluster R-2 F difference, per
set and over the union of the sets run (resampled within each set). Each cluster is cleaned and
split once and every method selects from that same story.

    python -m benchmarks.quality [--sets ar-mds ar-long ...] [--methods ilp lexrank ...] [--limit N]

writes benchmarks/results/quality.{json,md} (or --out).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np

from khulasa.evaluate.datasets import DATASETS, EvalCluster
from khulasa.evaluate.rouge import RougeConfig, rouge
from khulasa.pipeline import prepare_story, summarize_story
from khulasa.represent.story import Story
from khulasa.summarize.coverage import CoverageSummarizer
from khulasa.summarize.lead import LeadSummarizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_SETS = ["duc2004", "ar-mds", "ar-mds-100", "ar-long", "bbc-arabic", "single-100", "duc2006", "duc2007"]
DEFAULT_METHODS = ["ilp", "lexrank", "centroid", "lead", "first-words"]
SINGLE_ONLY = {"first-words"}
ENGLISH_ONLY = {"ilp-no-background", "ilp-duc2007-background"}
METRICS = ("rouge1", "rouge2")
RESAMPLES = 2000
_SETTING = re.compile(r"^ilp\[(.*)\]$")


@lru_cache(maxsize=1)
def duc2007_background():
    from khulasa.represent.build_background import build

    return build(DATA, 2, sources=("duc2006-2007/duc2007_main.jsonl",))


def coverage_setting(spec: str) -> CoverageSummarizer | None:
    """`ilp[unigram_weight=1.0,min_df=2]` → that CoverageSummarizer; None for other names."""
    match = _SETTING.match(spec)
    if not match:
        return None
    settings = {}
    for pair in filter(None, match.group(1).split(",")):
        key, value = pair.split("=")
        settings[key.strip()] = None if value == "None" else json.loads(value)
    return CoverageSummarizer(**settings)


def summaries(method: str, cluster: EvalCluster, story: Story, words: int) -> list[str]:
    """The summary texts a method writes for a cluster (several for `lead`: one per first article)."""
    allow_long = method.endswith("+long")
    base = method.removesuffix("+long")
    options = {"allow_long": True} if allow_long else {}

    def text(summarizer) -> str:
        return summarize_story(story, words, summarizer, "lexical", **options).text

    if base == "lead":
        return [text(LeadSummarizer(d)) for d in range(story.document_count)]
    if base == "lead-first":
        return [text(LeadSummarizer(0))]
    if base == "first-words":
        cleaned = " ".join(p for clean in story.articles[:1] for p in clean.paragraphs)
        return [" ".join(cleaned.split()[:words])]
    if base == "sumy-lexrank":
        from benchmarks.sumy_peer import sumy_lexrank

        return [sumy_lexrank(cluster, words, story.language)]
    if base == "ilp-no-background":
        return [text(CoverageSummarizer(background=False))]
    if base == "ilp-duc2007-background":
        return [text(CoverageSummarizer(background=duc2007_background()))]
    return [text(coverage_setting(base) or base)]


def applies(method: str, dataset) -> bool:
    base = method.removesuffix("+long")
    if base in SINGLE_ONLY and not (dataset.single or dataset.name == "bbc-arabic"):
        return False
    if base in ENGLISH_ONLY and dataset.language != "en":
        return False
    return not (base == "sumy-lexrank" and dataset.focused)


def run_set(name: str, methods: list[str], limit: int | None) -> dict:
    """Per-unit scores {method: {metric/side: [unit scores]}} and seconds per cluster of each method."""
    dataset = DATASETS[name]
    config = RougeConfig(language=dataset.language, stem=True, word_limit=dataset.words)
    methods = [m for m in methods if applies(m, dataset)]
    units: dict[str, dict[str, dict[str, list[float]]]] = {m: defaultdict(lambda: defaultdict(list)) for m in methods}
    seconds = dict.fromkeys(methods, 0.0)
    count = 0
    for cluster in dataset.clusters(DATA, limit):
        count += 1
        story, _ = prepare_story(list(cluster.articles), dataset.language, cluster.query)
        group = cluster.group or cluster.id
        for method in methods:
            start = time.perf_counter()
            texts = summaries(method, cluster, story, dataset.words)
            seconds[method] += time.perf_counter() - start
            scored = [rouge(t, list(cluster.references), config) for t in texts]
            for metric in (*METRICS, "rougeL", "rougeSU4"):
                for side in ("f", "recall"):
                    value = float(np.mean([getattr(s[metric], side) for s in scored]))
                    units[method][f"{metric}/{side}"][group].append(value)
    means = {
        m: {key: np.array([np.mean(v) for v in groups.values()]) for key, groups in per.items()}
        for m, per in units.items()
    }
    ids = list(next(iter(units.values()))["rouge2/f"]) if units else []
    return {"dataset": dataset, "config": config, "scores": means, "seconds": seconds, "items": count, "ids": ids}


def paired_ci(differences: list[np.ndarray], resamples: int = RESAMPLES, seed: int = 0) -> tuple[float, float, float]:
    """Mean difference (points) and its 95% bootstrap interval, resampling units within each set."""
    rng = np.random.default_rng(seed)
    pooled = np.concatenate(differences)
    means = np.zeros(resamples)
    for diff in differences:
        picks = rng.integers(0, len(diff), size=(resamples, len(diff)))
        means += diff[picks].sum(axis=1)
    means /= len(pooled)
    low, high = np.percentile(means, [2.5, 97.5])
    return 100 * float(pooled.mean()), 100 * float(low), 100 * float(high)


def compare(results: list[dict], method: str, against: str, key: str = "rouge2/f") -> dict | None:
    diffs = [
        r["scores"][method][key] - r["scores"][against][key]
        for r in results
        if method in r["scores"] and against in r["scores"]
    ]
    if not diffs:
        return None
    mean, low, high = paired_ci(diffs)
    return {"diff": round(mean, 2), "low": round(low, 2), "high": round(high, 2)}


def rows_for(result: dict, default: str) -> list[dict]:
    dataset, config = result["dataset"], result["config"]
    rows = []
    for method, scores in result["scores"].items():
        row = {
            "set": dataset.name,
            "method": method,
            "units": len(scores["rouge2/f"]),
            "items": result["items"],
            "words": dataset.words,
            "measure": dataset.measure,
            "config": config.describe(),
            **{
                f"{m}_{side}": round(100 * float(scores[f"{m}/{side}"].mean()), 2)
                for m in METRICS
                for side in ("f", "recall")
            },
            "rougeL_f": round(100 * float(scores["rougeL/f"].mean()), 2),
            "rougeSU4_f": round(100 * float(scores["rougeSU4/f"].mean()), 2),
            "seconds_per_item": round(result["seconds"][method] / max(1, result["items"]), 3),
            "unit_ids": result["ids"],
            "unit_rouge2_f": [round(float(x), 5) for x in scores["rouge2/f"]],
        }
        for against in (default, "lead"):
            if method != against:
                row[f"r2f_vs_{against}"] = compare([result], method, against)
        rows.append(row)
    return rows


def _ci(c: dict | None) -> str:
    return "" if not c else f"{c['diff']:+.2f} ({c['low']:+.2f}, {c['high']:+.2f})"


def markdown(rows: list[dict], union: list[dict], default: str) -> str:
    lines = [
        f"| set | method | words | R-1 F | R-2 F | R-1 R | R-2 R | R-2 F vs {default} (95% CI) "
        "| R-2 F vs lead (95% CI) | s/item |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['set']} | {r['method']} | {r['words']} | {r['rouge1_f']:.2f} | {r['rouge2_f']:.2f} "
            f"| {r['rouge1_recall']:.2f} | {r['rouge2_recall']:.2f} | {_ci(r.get(f'r2f_vs_{default}'))} "
            f"| {_ci(r.get('r2f_vs_lead'))} | {r['seconds_per_item']} |"
        )
    lines += ["", f"Union of the sets above (R-2 F, paired, resampled within each set), method minus {default}:", ""]
    lines += [f"- {u['method']}: {_ci(u['vs_default'])} over {u['sets']} sets" for u in union]
    configs = sorted({f"- {r['set']}: {r['config']}" for r in rows})
    return "\n".join([*lines, "", "ROUGE configuration:", *configs]) + "\n"


def human_ceiling() -> list[str]:
    """MultiLing 2011 Arabic (250 words): each human reference against the other two, and the GOA
    system against the humans: the ceiling and a published system for the long Arabic task."""
    from khulasa.evaluate.agreement import leave_one_out, read_summaries, system_scores

    folder = DATA / "multiling2011-arabic-refs"
    references = read_summaries(folder / "reference")
    systems = read_summaries(folder / "system")
    config = RougeConfig(language="ar", stem=True)
    lines = []
    for label, (scores, count) in (
        ("human vs other humans", leave_one_out(references, config)),
        ("GOA system vs humans", system_scores(systems, references, config)),
    ):
        lines.append(
            f"- multiling2011-ar, {label}: R-1 F {scores['rouge1']['f']:.2f}, R-2 F {scores['rouge2']['f']:.2f} "
            f"({count} summaries)"
        )
        print(lines[-1])
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=DEFAULT_SETS, choices=sorted(DATASETS))
    parser.add_argument("--methods", nargs="+", default=DEFAULT_METHODS)
    parser.add_argument("--default", default="ilp", help="the method every other is compared with (default ilp)")
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")
    parser.add_argument("--ceiling", action="store_true", help="add the MultiLing 2011 Arabic human ceiling")
    parser.add_argument("--out", default=str(RESULTS / "quality"), help="output path without extension")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: clone the project next to shared/")
    methods = list(dict.fromkeys([args.default, *args.methods, "lead"]))
    results, rows = [], []
    for name in args.sets:
        result = run_set(name, methods, args.limit)
        results.append(result)
        for row in rows_for(result, args.default):
            rows.append(row)
            print(
                f"{row['set']:16} {row['method']:28} R1 {row['rouge1_f']:6.2f}  R2 {row['rouge2_f']:6.2f} F  "
                f"(R {row['rouge1_recall']:.2f}/{row['rouge2_recall']:.2f})  vs {args.default} "
                f"{_ci(row.get(f'r2f_vs_{args.default}')):24} vs lead {_ci(row.get('r2f_vs_lead')):24} "
                f"{row['seconds_per_item']} s",
                flush=True,
            )
    union = []
    for method in methods:
        if method != args.default:
            sets = sum(method in r["scores"] for r in results)
            union.append({"method": method, "sets": sets, "vs_default": compare(results, method, args.default)})
            print(f"union {method:28} vs {args.default}: {_ci(union[-1]['vs_default'])} ({sets} sets)")
    ceiling = human_ceiling() if args.ceiling else []
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"rows": rows, "union": union, "resamples": RESAMPLES}
    out.with_suffix(".json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(rows, union, args.default) + ("\n" + "\n".join(ceiling) + "\n" if ceiling else "")
    out.with_suffix(".md").write_text(text, encoding="utf-8")
    print(f"\nwritten: {out.with_suffix('.json')} and {out.with_suffix('.md')}")


if __name__ == "__main__":
    main()
