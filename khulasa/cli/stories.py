"""`khulasa ingest`, `khulasa stories` and `khulasa show`: the stream side of the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from khulasa.cli.files import open_output
from khulasa.errors import InputError
from khulasa.store import SQLStore, open_store
from khulasa.stream.summaries import refresh_summary

if TYPE_CHECKING:  # ingest pulls in datasketch and scipy (0.7 s): only `khulasa ingest` loads it
    from khulasa.stream.ingest import IngestReport


def _open(target: str, must_exist: bool = False) -> SQLStore:
    """SQLite file by default; a postgresql:// address opens PostgreSQL."""
    postgres = target.startswith(("postgresql://", "postgres://"))
    if must_exist and not postgres and not Path(target).exists():
        raise InputError(target, "no such database (run khulasa ingest first)")
    try:
        return open_store(target)
    except Exception as exc:  # sqlite3 / psycopg connection errors
        raise InputError(target, f"cannot open database: {exc}".splitlines()[0]) from exc


def _day(timestamp: float | None) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d") if timestamp else "?"


def ingest_command(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    from tqdm import tqdm

    from khulasa.read import read_paths
    from khulasa.read.decode import MAX_BYTES
    from khulasa.stream.ingest import ingest_articles

    articles = read_paths(args.paths, args.on_error, warn, max_bytes=max(MAX_BYTES, 2**34))
    with _open(args.db) as store:
        report = ingest_articles(
            store,
            articles,
            args.window_days,
            args.threshold,
            batch_size=max(1, args.batch_size),
            progress=sys.stderr.isatty(),
            wait=warn,
        )
        _warn_about(report, warn)
        # Every story whose summary is missing or out of date, including those a killed run left.
        stale = [] if args.no_summaries else store.stale_summaries()
        for story_id in tqdm(stale, desc="summarizing", unit="story", disable=not sys.stderr.isatty()):
            refresh_summary(store, story_id)
    print(
        f"read {report.read} articles: {report.added} new ({len(report.renamed)} under derived ids), "
        f"{report.exact_copies} exact copies and {report.near_duplicates} near-duplicates linked, "
        f"{report.already_stored} already stored; {len(report.stories)} stories touched, "
        f"{len(stale)} summaries refreshed in {args.db}"
    )
    return 0


def _warn_about(report: IngestReport, warn: Callable[[str], None]) -> None:
    """Say what became of articles whose id or time could not be used as given."""
    for given, stored in report.renamed[:5]:
        warn(f"article id '{given}' is already stored with different text: stored as '{stored}'")
    if len(report.renamed) > 5:
        warn(f"{len(report.renamed) - 5} more articles stored under derived ids (their ids held other text)")
    if report.future:
        warn(f"{report.future} articles dated more than a day in the future: their time is ignored")
    if report.undated:
        warn(f"{report.undated} articles without a usable time placed at the time of the newest open story")
    if report.late:
        warn(f"{report.late} articles came over a day after newer ones: placed out of time order")


def archive_command(args: argparse.Namespace, warn: Callable[[str], None]) -> int:
    import json

    from khulasa.read import read_paths
    from khulasa.read.decode import MAX_BYTES
    from khulasa.stream.distributed import cluster_archive

    articles = read_paths(args.paths, args.on_error, warn, max_bytes=max(MAX_BYTES, 2**34))
    with open_output(args.out) as handle:  # opened first: an unwritable --out fails before the Dask job
        stories, report = cluster_archive(
            articles,
            args.partitions,
            args.threshold,
            args.window_days,
            args.scheduler,
            progress=sys.stderr.isatty(),
        )
        for story in stories:
            handle.write(json.dumps(story, ensure_ascii=False) + "\n")
    _warn_about(report, warn)
    several = sum(1 for s in stories if len(s["articles"]) > 1)
    print(
        f"{report.read} articles -> {len(stories)} stories ({several} with several articles), "
        f"{report.exact_copies} exact copies and {report.near_duplicates} near-duplicates linked, "
        f"{report.already_stored} repeated (same id and text), {len(report.renamed)} under derived ids -> {args.out}"
    )
    return 0


def stories_command(args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since).replace(tzinfo=UTC).timestamp()
        except ValueError as exc:
            raise InputError("--since", f"not a date: {args.since}") from exc
    with _open(args.db, must_exist=True) as store:
        found = store.stories(since, args.min_articles)
    shown = found[: args.limit] if args.limit > 0 else found
    for story in shown:
        outlets = "، ".join(story.outlets)
        print(
            f"{story.id:>6}  {_day(story.first_published)}..{_day(story.last_published)}  "
            f"{story.article_count:>3} articles  [{outlets}]  {story.title or ''}"
        )
    if len(shown) < len(found):  # never cut a list silently
        print(f"khulasa: listed {len(shown)} of {len(found)} stories (--limit N for more, 0 for all)", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace) -> int:
    """Print a stored story: its stored record when current (any format renders from it, so
    showing a story costs no analysis), else one computed now."""
    from khulasa.cli.render_story import STORY_RENDERERS
    from khulasa.records import analysis_from_record

    with _open(args.db, must_exist=True) as store:
        if store.story(args.story_id) is None:
            raise InputError(args.db, f"no story {args.story_id}")
        record = refresh_summary(store, args.story_id, args.words)
    if record is None:
        raise InputError(args.db, f"story {args.story_id} has no articles")
    sys.stdout.write(STORY_RENDERERS[args.format](analysis_from_record(record)))
    return 0
