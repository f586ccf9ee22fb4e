"""Same input, same summary: whatever the hash seed and however loaded the machine.

A DUC 2006 topic (25 documents, 250 words: the ILP searches most there; this one changed with the seed) and the
largest ar-mds cluster are summarized by `khulasa batch` in two processes with different
PYTHONHASHSEED values, the second while two busy loops load the CPUs. The outputs must be
byte-identical. Before, set iteration order (which follows the hash seed) fed the solver its
columns in a different order, and a wall-clock time limit cut its search short under load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA, require

CLUSTERS = (("duc2006-2007/duc2006.jsonl", "D0606"), ("ar-mds/dev.jsonl", "BB-middleEast-655-20180625"))


def _record(path: str, cluster_id: str) -> str:
    with open(require(DATA / path), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("id", record.get("cluster")) == cluster_id:
                return json.dumps({"id": cluster_id, "docs": record["docs"]}, ensure_ascii=False)
    raise AssertionError(f"{cluster_id} not in {path}")


def _batch(clusters: Path, out: Path, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "khulasa.cli.main", "batch", "--in", str(clusters), "--out", str(out)]
    subprocess.run([*command, "--words", "250"], env=env, check=True, capture_output=True)
    return out.read_text(encoding="utf-8")


def test_batch_output_is_identical_across_hash_seeds_and_load(tmp_path):
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("\n".join(_record(path, cid) for path, cid in CLUSTERS) + "\n", encoding="utf-8")
    first = _batch(clusters, tmp_path / "first.jsonl", "1")
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        second = _batch(clusters, tmp_path / "second.jsonl", "2")
    finally:
        for process in busy:
            process.kill()
            process.wait()
    records = [json.loads(line) for line in first.splitlines()]
    assert [r["id"] for r in records] == [cid for _, cid in CLUSTERS]
    assert all(r["words"] > 100 for r in records)
    assert second == first
