"""`khulasa eval`: score summaries (a `khulasa batch` output) against references, with the config."""

from __future__ import annotations

import argparse
import json

from khulasa.cli.files import read_json_lines
from khulasa.errors import InputError
from khulasa.evaluate.rouge import RougeConfig, average, rouge
from khulasa.read.jsonl import iter_json_lines


def _records(path: str) -> dict[str, dict]:
    lines, origin = read_json_lines(path)
    records = {}
    for number, record in iter_json_lines(lines, origin):
        if not isinstance(record, dict) or ("id" not in record and "cluster" not in record):
            raise InputError(path, "expected an object with 'id'", line=number)
        problem = _wrong_type(record)
        if problem:
            raise InputError(path, problem, line=number)
        records[str(record.get("id", record.get("cluster")))] = record
    return records


def _wrong_type(record: dict) -> str | None:
    """What is wrong with the types of a summary or reference record, if anything."""
    if not isinstance(record.get("id", record.get("cluster")), str | int | float):
        return "'id' must be a string or a number"
    if not isinstance(record.get("summary", ""), str):
        return "'summary' must be a string"
    for key in ("refs", "refs_from_pyramid"):
        if not isinstance(record.get(key, []), list):
            return f"'{key}' must be a list of strings"
    return None


def _references(record: dict) -> list[str]:
    refs = (
        record.get("refs") or record.get("refs_from_pyramid") or ([record["abstract"]] if "abstract" in record else [])
    )
    return [r for r in refs if isinstance(r, str) and r.strip()]


def run_eval(args: argparse.Namespace) -> int:
    summaries = _records(args.summaries)
    references = _records(args.refs)
    config = RougeConfig(language=args.lang, stem=not args.no_stem, word_limit=args.words)
    scores, missing = [], []
    for cluster_id, record in summaries.items():
        refs = _references(references.get(cluster_id, {}))
        if not refs:
            missing.append(cluster_id)
            continue
        scores.append(rouge(record.get("summary", ""), refs, config))
    if not scores:
        raise InputError(args.refs, "no references match the summaries' ids")
    print(f"ROUGE ({config.describe()}), {len(scores)} summaries, percent")
    print(f"{'metric':10} {'recall':>8} {'precision':>10} {'F':>8}")
    for metric, values in average(scores).items():
        print(f"{metric:10} {values['recall']:8.2f} {values['precision']:10.2f} {values['f']:8.2f}")
    if missing:
        print(f"warning: {len(missing)} summaries have no reference (first: {missing[0]})")
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump({"config": config.describe(), "scores": average(scores)}, handle, indent=2)
        except OSError as exc:
            raise InputError(args.json, f"cannot write: {exc.strerror or exc}") from exc
    return 0
