"""How often "only one outlet reports this" is right, per system, from the readers' audit, and
the threshold that makes it right.

    python -m benchmarks.single_outlet

Reads labels/single-outlet (claims and each reader's labels). A claim is right when the other
outlet does not report its fact (`not_reported`). Reports, per system (the shipped relation rule
and the lexical components used before), the share of right claims with a bootstrap 95% CI for
each reader and for the claims both readers agree on, plus Cohen's kappa between the readers.
Calibration (dev month, labels/single-outlet/dev-*): every sentence the relation model leaves
alone, with its highest P(same) + P(partial) against the other outlet; a claim counts as right
only when every reader says `not_reported`. For each candidate threshold t it reports how many
lone sentences would be called single-outlet (score < t) and how many of them are right; the
chosen t is the largest whose dev precision is >= TARGET, or, when none reaches it, the most
precise one that still makes MIN_CLAIMS claims (the larger on a tie). Then the test claims of the shipped
rule are re-scored with that t (the subset it still makes).
Writes benchmarks/results/single-outlet.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from khulasa.evaluate.binary import bootstrap

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "labels" / "single-outlet"
RESULTS = Path(__file__).resolve().parent / "results"
TARGET = 0.95
MIN_CLAIMS = 10


def share(right: np.ndarray) -> dict:
    if not len(right):
        return {"claims": 0}
    low, high = bootstrap(lambda pick: (float(right[pick].mean()),), len(right))
    return {"claims": len(right), "right": round(float(right.mean()), 3), "ci95": [round(low[0], 3), round(high[0], 3)]}


def main() -> None:
    from labels.agreement import cohen_kappa, read_labels
    from labels.common import read_jsonl

    claims = read_jsonl(FOLDER / "claims.jsonl")
    readers = {p.stem: read_labels(p) for p in sorted(FOLDER.glob("labels-*.jsonl"))}
    results: dict = {"readers": {}, "agreed": {}}
    for name, labels in readers.items():
        results["readers"][name] = {
            system: share(np.array([labels[c["claim"]] == "not_reported" for c in claims
                                    if c["system"] == system and c["claim"] in labels]))
            for system in ("relation", "lexical")
        }  # fmt: skip
    if len(readers) >= 2:
        first, second = list(readers.values())[:2]
        both = [c["claim"] for c in claims if c["claim"] in first and c["claim"] in second]
        results["kappa"] = round(cohen_kappa([first[c] for c in both], [second[c] for c in both]), 3)
        results["agreement"] = round(float(np.mean([first[c] == second[c] for c in both])), 3)
        for system in ("relation", "lexical"):
            agreed = [
                c
                for c in claims
                if c["system"] == system and c["claim"] in both and first[c["claim"]] == second[c["claim"]]
            ]
            results["agreed"][system] = share(np.array([first[c["claim"]] == "not_reported" for c in agreed]))
    dev_files = sorted(FOLDER.glob("dev-labels-*.jsonl"))
    if dev_files:
        results["calibration"] = calibrate(dev_files)
        results["test_with_calibrated_threshold"] = rescore_test(claims, readers, results["calibration"]["threshold"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "single-outlet.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


def calibrate(files: list[Path]) -> dict:
    """Precision of lone-sentence claims by threshold on the dev month; the chosen threshold."""
    from labels.agreement import read_labels
    from labels.common import read_jsonl

    claims = read_jsonl(FOLDER / "dev-claims.jsonl")
    readers = [read_labels(f) for f in files]
    labelled = [c for c in claims if all(c["claim"] in r for r in readers)]
    right = np.array([all(r[c["claim"]] == "not_reported" for r in readers) for c in labelled])
    score = np.array([c["related"] for c in labelled])
    table, chosen, reached = [], 0.0, False
    best = (-1.0, 0.0)
    for t in sorted({0.001, *np.round(np.linspace(0.05, 0.6, 12), 3)}):
        kept = score < t
        precision = float(right[kept].mean()) if kept.any() else float("nan")
        table.append({"threshold": float(t), "claims": int(kept.sum()), "right": round(precision, 3)})
        if kept.any() and precision >= TARGET:
            chosen, reached = float(t), True
        if kept.sum() >= MIN_CLAIMS and precision >= best[0]:
            best = (precision, float(t))
    if not reached:  # no threshold reaches the target: the most precise one with MIN_CLAIMS claims
        chosen = best[1]
    kept = score < chosen
    return {
        "dev_claims": len(labelled),
        "right_at_any_score": round(float(right.mean()), 3),
        "table": table,
        "threshold": chosen,
        "target_reached": reached,
        "at_threshold": share(right[kept]) if kept.any() else {"claims": 0},
    }


def rescore_test(claims: list[dict], readers: dict[str, dict[str, str]], threshold: float) -> dict:
    """The shipped rule's test claims that a threshold would still make, and how many are right."""
    from khulasa.evaluate.datasets import ant_records
    from labels.single_outlet import CORPUS, _max_related, _story, claim_sentence

    relation = [c for c in claims if c["system"] == "relation" and all(c["claim"] in r for r in readers.values())]
    records = ant_records({c["doc"] for c in relation} | {c["other"] for c in relation}, CORPUS)
    kept, dropped = [], 0
    for claim in relation:
        story = _story(records[claim["doc"]], records[claim["other"]])
        index = claim_sentence(story, claim)
        if index is None:  # the line itself is now dropped by cleaning (page furniture): no claim
            dropped += 1
            continue
        if _max_related(story, index) < threshold:
            kept.append(all(r[claim["claim"]] == "not_reported" for r in readers.values()))
    return {"threshold": threshold, "of_claims": len(relation), "dropped_by_cleaning": dropped, **share(np.array(kept))}


if __name__ == "__main__":
    main()
