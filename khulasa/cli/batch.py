"""`khulasa batch`: one summary record out for each cluster line in, with a progress bar."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import ExitStack

from tqdm import tqdm

from khulasa.cli.files import open_output, read_json_lines
from khulasa.errors import InputError, KhulasaError, shorten
from khulasa.pipeline import summarize_articles
from khulasa.read.jsonl import iter_clusters
from khulasa.records import summary_record

UNNAMED = "<input>"  # the origin the pipeline gives errors about a cluster as a whole


def summarize_batch(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    """Summarize every cluster of the input file; a failing cluster stops or is recorded."""
    lines, origin = read_json_lines(args.input)
    clusters = list(iter_clusters(lines, origin, args.on_error, warn))
    if not clusters:
        raise InputError(origin, "no clusters in input")
    failures = 0
    with ExitStack() as stack:
        out = sys.stdout if args.output == "-" else stack.enter_context(open_output(args.output))
        progress = tqdm(clusters, desc="summarizing", unit="cluster", disable=not sys.stderr.isatty())
        for cluster in progress:
            try:
                summary = summarize_articles(
                    cluster.articles,
                    args.words,
                    args.method,
                    args.lang or cluster.language,
                    args.align,
                    cluster.query,
                    allow_long=args.allow_long,
                )
                record = summary_record(summary, cluster.id)
            except KhulasaError as exc:
                # the pipeline names the cluster "<input>" or this file: the cluster's line says it better
                named = isinstance(exc, InputError) and exc.origin in (UNNAMED, origin)
                problem = exc.problem if named else str(exc)
                error = InputError(origin, f"cluster '{shorten(cluster.id)}': {problem}", line=cluster.line)
                if args.on_error != "skip":
                    raise error from exc
                warn(f"{error}; written with an error")
                record = {"id": cluster.id, "summary": "", "sentences": [], "error": problem}
                failures += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failures:
        warn(f"{failures} of {len(clusters)} clusters failed")
    return 0
