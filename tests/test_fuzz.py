"""Fuzz, CI-sized: hostile bytes, JSON and text through the readers, the batch reader and the CLI.

The only acceptable outcomes are success and a one-line input error (a KhulasaError, or exit 2
with exactly one `khulasa: error:` line on stderr); any other exception fails the test. The
generators are benchmarks/fuzz.py's (mutated real Arabic articles from ../shared, control
characters, RTL marks, diacritics, huge tokens, lone surrogates as bytes, BOMs, NUL, cuts,
random JSON). Hypothesis picks the generators' seeds (derandomized, so every run sees the same
few hundred cases; a seed gives a whole case, which a Random that hypothesis drew byte by byte
did not: its cases were small and often repeated) and builds the JSON structures itself.
`python -m benchmarks.fuzz --cases 10000` runs the same generators at scale.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import (
    Case,
    Outcome,
    make_batch_case,
    make_cli_case,
    make_clusters_case,
    make_decode_case,
    make_read_case,
    run_case,
)
from khulasa.errors import InputError
from khulasa.read.jsonl import iter_clusters, json_lines, parse_article_lines


def ci(examples: int):
    """Deterministic (derandomized, no example database) and sized for CI."""
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def run_in_tmp(case: Case) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="khulasa-fuzz-test-") as tmp:
        return run_case(case, Path(tmp))


def assert_acceptable(outcome: Outcome, seed: int) -> None:
    assert outcome.status in ("ok", "input"), f"seed {seed}: {outcome.detail}\n{outcome.trace}"


SEEDS = st.integers(min_value=0, max_value=2**63)


@ci(150)
@given(seed=SEEDS, make=st.sampled_from([make_read_case, make_decode_case]))
def test_reading_hostile_files_gives_articles_or_one_input_error(seed, make):
    """read_file on .txt, .html, .jsonl, .jsonl.xz and suffix-less files; decode_bytes on damaged bytes."""
    assert_acceptable(run_in_tmp(make(random.Random(seed))), seed)


@ci(80)
@given(seed=SEEDS)
def test_batch_reader_on_hostile_cluster_lines(seed):
    assert_acceptable(run_in_tmp(make_clusters_case(random.Random(seed))), seed)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=12,
)
ARABIC = st.sampled_from(["قال المتحدث إن المحادثات ستستأنف.", "خبر", " ", "", "12345", "الولاياتالمتحدة"])
DOC = st.dictionaries(
    st.sampled_from(["id", "text", "title", "source", "outlet", "src", "url", "time", "file", "docno"]),
    ARABIC | JSON_VALUES,
    max_size=6,
)
CLUSTER = st.dictionaries(
    st.sampled_from(["id", "cluster", "docs", "lang", "query"]),
    JSON_VALUES | ARABIC | st.lists(DOC | JSON_VALUES, max_size=3),
    max_size=5,
)


@ci(150)
@given(record=CLUSTER | JSON_VALUES)
def test_any_json_cluster_line_is_a_cluster_or_a_line_error(record):
    """Valid JSON with wrong types anywhere: a Cluster or an InputError naming line 1, nothing else."""
    try:
        clusters = list(iter_clusters(json_lines(json.dumps(record)), "in.jsonl"))
    except InputError as error:
        assert str(error).startswith("in.jsonl:1: ")
    else:
        assert [c.line for c in clusters] == [1]
        assert all(isinstance(a.text, str) and a.text.strip() for c in clusters for a in c.articles)


@ci(100)
@given(record=DOC | JSON_VALUES)
def test_any_json_article_line_is_an_article_or_a_line_error(record):
    try:
        articles = parse_article_lines(json_lines(json.dumps(record)), "feed.jsonl")
    except InputError as error:
        assert str(error).startswith("feed.jsonl:1: ")
    else:
        assert all(isinstance(getattr(a, key), str | None) for a in articles for key in ("title", "source", "time"))


@ci(30)
@given(seed=SEEDS, batch=st.booleans())
def test_summarize_story_and_batch_on_mutated_text(seed, batch):
    """`khulasa summarize|story|batch` in-process on readable Arabic/English/mixed text with mutations
    (tokens up to 1,000 characters here; the benchmark also tries 20,000)."""
    rng = random.Random(seed)
    case = make_batch_case(rng, huge=False) if batch else make_cli_case(rng, huge=False)
    assert_acceptable(run_in_tmp(case), seed)


class WorkBudgetExceeded(Exception):
    """Raised from a profile hook once a call budget is spent: a bound on work, not on time."""


def calls_within(budget: int, function, *args):
    """Run function(*args), failing once it makes more than `budget` Python calls (generator steps count)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1
            if calls > budget:
                raise WorkBudgetExceeded(f"more than {budget} calls")

    sys.setprofile(count)
    try:
        return function(*args)
    finally:
        sys.setprofile(None)


def test_fuzz_finding_name_propagation_over_a_huge_span_does_bounded_work():
    """Found by benchmarks/fuzz.py: the NER tagged "تويتر" and the 3,000 dots after it as one ORG, and
    propagation then tried every window size up to 3,001 at every token (`khulasa story` ran for minutes).
    Only sizes that a known name has are tried now; the result is the same."""
    from khulasa.analyze.entities import _propagate
    from khulasa.analyze.ner.tagger import EntitySpan

    tail = ["تابعونا", "على", "تويتر", *["."] * 2000]
    other = ["وقال", "مدير", "تويتر", "في", "بيان"]
    tagged = [(tail, [EntitySpan(2, len(tail), "ORG", " ".join(tail[2:]))]), (other, [])]
    _propagate([(other, [])])  # first use loads word lists (about 190k calls): not what is measured
    [(_, tail_spans), (_, other_spans)] = calls_within(100_000, _propagate, tagged)  # 28k now, millions before
    assert [(s.start, s.end, s.type) for s in tail_spans] == [(2, len(tail), "ORG")]
    assert other_spans == []  # "تويتر" alone is not the 2,001-token name


def test_fuzz_finding_several_huge_spans_do_bounded_work_and_real_names_still_propagate():
    """Found by benchmarks/fuzz.py (seed 1, case 4215): spans of 7,750, 12,251 and 19,998 tokens, so
    trying only the sizes that names have still meant thousands of huge windows per sentence."""
    from khulasa.analyze.entities import _propagate
    from khulasa.analyze.ner.tagger import EntitySpan

    dots = ["."] * 2000
    first = ["تويتر", *dots]
    second = ["فيسبوك", *dots, "قال", "علي", "خامنئي"]
    tagged = [
        (first, [EntitySpan(0, 1200, "ORG", " ".join(first[:1200]))]),
        (second, [EntitySpan(0, 800, "ORG", " ".join(second[:800]))]),
        (["وقال", "علي", "خامنئي"], [EntitySpan(1, 3, "PER", "علي خامنئي")]),
    ]
    _propagate([(["خبر"], [])])
    result = calls_within(200_000, _propagate, tagged)
    assert [(s.start, s.end, s.type) for s in result[1][1]][-1] == (2002, 2004, "PER")
