"""Quality gate: the default summarizer must not fall below the floors in benchmarks/floors.json.

The pipeline is deterministic (the solver has work limits, not time limits); the tolerance
(stated in the floors file) only absorbs floating-point differences between machines.
"""

import json
from pathlib import Path

import pytest

from khulasa.evaluate.datasets import DATASETS
from khulasa.evaluate.rouge import RougeConfig
from khulasa.evaluate.runner import evaluate_system, khulasa_system
from tests.conftest import DATA, require

FLOORS = json.loads((Path(__file__).resolve().parents[2] / "benchmarks" / "floors.json").read_text())


@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_default_summarizer_stays_above_its_floor(name):
    floor = FLOORS["sets"][name]
    dataset = DATASETS[name]
    require(DATA / dataset.path)
    config = RougeConfig(language=dataset.language, stem=True, word_limit=dataset.words)
    clusters = dataset.clusters(DATA, floor.get("limit"))
    result = evaluate_system(khulasa_system(floor["method"]), clusters, dataset.words, config)
    for metric in ("rouge1", "rouge2"):
        measured = result.scores[metric][dataset.measure]
        assert measured >= floor[metric] - FLOORS["tolerance"], f"{name} {metric}: {measured} < floor {floor[metric]}"
