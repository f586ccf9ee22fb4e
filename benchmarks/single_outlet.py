"""How often "only one outlet reports this" is right, per system, from the readers' audit.

    python -m benchmarks.single_outlet

Reads labels/single-outlet (claims and each reader's labels). A claim is right when the other
outlet does not report its fact (`not_reported`). Reports, per system (the shipped relation rule
and the lexical components used before), the share of right claims with a bootstrap 95% CI for
each reader and for the claims both readers agree on, plus Cohen's kappa between the readers.
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


def read(path: Path) -> dict[str, str]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            labels[record["claim"]] = record["label"]
    return labels


def share(right: np.ndarray) -> dict:
    if not len(right):
        return {"claims": 0}
    low, high = bootstrap(lambda pick: (float(right[pick].mean()),), len(right))
    return {"claims": len(right), "right": round(float(right.mean()), 3), "ci95": [round(low[0], 3), round(high[0], 3)]}


def main() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from labels.agreement import cohen_kappa

    claims = [json.loads(x) for x in (FOLDER / "claims.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    readers = {p.stem: read(p) for p in sorted(FOLDER.glob("labels-*.jsonl"))}
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
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "single-outlet.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
