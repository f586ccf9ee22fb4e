"""`khulasa batch`: one summary record out for each cluster line in, with a progress bar."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from tqdm import tqdm

from khulasa.errors import InputError, KhulasaError
from khulasa.pipeline import summarize_articles
from khulasa.read.decode import decode_bytes
from khulasa.read.jsonl import iter_clusters, json_lines
from khulasa.records import summary_record


def _read_input(path: str) -> tuple[list[str], str]:
    if path == "-":
        return json_lines(decode_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes=2**34)), "<stdin>"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot read file") from exc
    return json_lines(decode_bytes(data, path, max_bytes=2**34)), path


def summarize_batch(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    """Summarize every cluster of the input file; a failing cluster stops or is recorded."""
    lines, origin = _read_input(args.input)
    clusters = list(iter_clusters(lines, origin, args.on_error, warn))
    if not clusters:
        raise InputError(origin, "no clusters in input")
    failures = 0
    with ExitStack() as stack:
        out = sys.stdout if args.output == "-" else stack.enter_context(open(args.output, "w", encoding="utf-8"))
        progress = tqdm(clusters, desc="summarizing", unit="cluster", disable=not sys.stderr.isatty())
        for cluster in progress:
            try:
                summary = summarize_articles(
                    cluster.articles, args.words, args.method, args.lang or cluster.language, args.align, cluster.query
                )
                record = summary_record(summary, cluster.id)
            except KhulasaError as exc:
                if args.on_error != "skip":
                    raise InputError(origin, f"cluster '{cluster.id}': {exc}", line=cluster.line) from exc
                warn(f"{origin}:{cluster.line}: cluster '{cluster.id}': {exc}; written with an error")
                record = {"id": cluster.id, "summary": "", "sentences": [], "error": str(exc)}
                failures += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failures:
        warn(f"{failures} of {len(clusters)} clusters failed")
    return 0
