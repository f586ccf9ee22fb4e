"""Agreement between two independent labelling passes: Cohen's kappa with a bootstrap 95% CI,
the confusion matrix, and the items the two disagree on (for adjudication).

    python -m labels.agreement labels/story-pairs/labels-a.jsonl labels/story-pairs/labels-b.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

ID_FIELDS = ("pair", "id", "item", "claim")


def read_labels(path: Path) -> dict[str, str]:
    """item id → label; the last line wins when an item was labelled twice in one file."""
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            key = next(record[f] for f in ID_FIELDS if f in record)
            labels[key] = record["label"]
    return labels


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa of two label sequences over the same items (1 = perfect, 0 = chance)."""
    n = len(first)
    if n == 0:
        return float("nan")
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[k] * counts_b[k] for k in counts_a.keys() | counts_b.keys()) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def bootstrap_kappa(first: list[str], second: list[str], rounds: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of kappa over items resampled with replacement."""
    rng = np.random.default_rng(seed)
    n = len(first)
    values = []
    for _ in range(rounds):
        picks = rng.integers(0, n, n)
        values.append(cohen_kappa([first[i] for i in picks], [second[i] for i in picks]))
    low, high = np.nanpercentile(values, [2.5, 97.5])
    return float(low), float(high)


def report(first: dict[str, str], second: dict[str, str], merge: dict[str, str] | None = None) -> dict:
    """Kappa, CI and confusion over the items both passes labelled (labels optionally merged,
    e.g. same_topic → different to measure the binary decision)."""
    items = sorted(first.keys() & second.keys())
    a = [(merge or {}).get(first[i], first[i]) for i in items]
    b = [(merge or {}).get(second[i], second[i]) for i in items]
    low, high = bootstrap_kappa(a, b)
    return {
        "items": len(items),
        "agreement": round(sum(x == y for x, y in zip(a, b, strict=True)) / max(1, len(items)), 3),
        "kappa": round(cohen_kappa(a, b), 3),
        "kappa_ci95": [round(low, 3), round(high, 3)],
        "confusion": {f"{x} / {y}": c for (x, y), c in sorted(Counter(zip(a, b, strict=True)).items())},
        "disagreements": [i for i, x, y in zip(items, a, b, strict=True) if x != y],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--merge", nargs="*", default=[], help="FROM=TO label merges, e.g. same_topic=unrelated")
    args = parser.parse_args()
    merge = dict(item.split("=", 1) for item in args.merge)
    print(json.dumps(report(read_labels(args.first), read_labels(args.second), merge), indent=2))


if __name__ == "__main__":
    main()
