"""`khulasa relate`: learned judgments on pairs, JSONL in and out, in input order.

--level story:    input {"id", "a": {"title"?, "text", "time"?, "source"?}, "b": {...}} (a headline
                  alone, with empty or no text, is a report too);
                  output {"id", "same_story": p, "decision": p >= the shipped threshold}.
--level sentence: input {"id", "a": "sentence", "b": "sentence"} (or {"text": ...} objects);
                  output {"id", "relation": "same"|"partial"|"contradicts"|"unrelated",
                  "p": {label: probability}} (the relation as the product decides it: `same` and
                  `contradicts` only at their precision-chosen thresholds).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import ExitStack

from tqdm import tqdm

from khulasa.cli.files import open_output, read_json_lines
from khulasa.errors import InputError
from khulasa.model import Article
from khulasa.read.jsonl import article_from_record, iter_json_lines, skip_or_stop


def _pair_record(record: object) -> tuple[str, dict]:
    """The pair's id (a string or a number) and its object; ValueError for anything else."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    pair_id = record.get("id")
    if not isinstance(pair_id, str | int) or isinstance(pair_id, bool):
        raise ValueError("missing 'id' (a string or a number)")
    return str(pair_id), record


def _pair(record: object, number: int, origin: str) -> tuple[str, Article, Article]:
    pair_id, record = _pair_record(record)
    sides = []
    for side in ("a", "b"):
        value = record.get(side)
        if not isinstance(value, dict):
            raise ValueError(f"'{side}' must be an object with 'text'")
        try:
            sides.append(
                article_from_record({"id": f"{pair_id}/{side}", **value}, f"{number}{side}", origin, headline_only=True)
            )
        except ValueError as exc:
            raise ValueError(f"'{side}': {exc}") from exc
    return pair_id, sides[0], sides[1]


MAX_SENTENCE_CHARS = 5000


def _sentence_pair(record: object, number: int, origin: str) -> tuple[str, str, str]:
    pair_id, record = _pair_record(record)
    sides = []
    for side in ("a", "b"):
        value = record.get(side)
        if isinstance(value, dict):
            value = value.get("text")
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"'{side}' must be a non-empty sentence (a string, or an object with 'text')")
        if len(value) > MAX_SENTENCE_CHARS:
            raise ValueError(f"'{side}' has {len(value)} characters; a sentence may have at most {MAX_SENTENCE_CHARS}")
        sides.append(value)
    return pair_id, sides[0], sides[1]


def _read_pairs(args: argparse.Namespace, warn: Callable[[str], None], parse) -> list:
    lines, origin = read_json_lines(args.input)
    pairs = []
    for number, record in iter_json_lines(lines, origin, args.on_error, warn):
        try:
            pairs.append(parse(record, number, origin))
        except ValueError as exc:
            skip_or_stop(origin, number, str(exc), args.on_error, warn)
    if not pairs:
        raise InputError(origin, "no pairs in input")
    return pairs


def relate_command(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    if args.level == "sentence":
        return _relate_sentences(args, warn)
    from khulasa.relate.story import load_model, profile

    pairs = _read_pairs(args, warn, _pair)
    model = load_model()
    with ExitStack() as stack:
        out = sys.stdout if args.output == "-" else stack.enter_context(open_output(args.output))
        for pair_id, a, b in tqdm(pairs, desc="relating", unit="pair", disable=not sys.stderr.isatty()):
            p = model.probability(profile(a), profile(b))
            out.write(json.dumps({"id": pair_id, "same_story": round(p, 4), "decision": p >= model.threshold}) + "\n")
    return 0


def _relate_sentences(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    from khulasa.relate.sentence import LABELS, load_model, pair_features, profile

    pairs = _read_pairs(args, warn, _sentence_pair)
    model = load_model()
    with ExitStack() as stack:
        out = sys.stdout if args.output == "-" else stack.enter_context(open_output(args.output))
        for pair_id, a, b in tqdm(pairs, desc="relating", unit="pair", disable=not sys.stderr.isatty()):
            p = model.probabilities(pair_features(profile(a), profile(b)))
            relation = model.decide(p)[0]
            probabilities = {label: round(float(v), 4) for label, v in zip(LABELS, p[0], strict=True)}
            out.write(json.dumps({"id": pair_id, "relation": relation, "p": probabilities}) + "\n")
    return 0
