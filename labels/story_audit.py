"""Reading audit of story clustering (issue 11): random multi-outlet stories of a two-month slice.

    python -m labels.story_audit build --db /tmp/audit.sqlite      # ingest June + July 2018 (ANT)
    python -m labels.story_audit sample --db /tmp/audit.sqlite     # 20 stories, ids to story-audit/sample.json
    python -m labels.story_audit build|sample|show --months 4 5 ...  # another slice (its own sample file)
    python -m labels.story_audit sample|show --months 4 5 --tag core8 ...  # a later round on that slice
    python -m labels.story_audit show --db /tmp/audit.sqlite [--story ID]   # their articles, for a reader
    python -m labels.story_audit find --db /tmp/audit.sqlite WORD [WORD ...]  # stories whose titles match

June is the same-event model's test month and July its dev month; neither trained it. `--months 4 5`
audits April-May 2018, the slice the issue itself read (6 of 15 stories coherent then); its sample
goes to story-audit/sample-04-05.json. Stories with 3+ articles from 2+ outlets are drawn with a
fixed seed. Only story and article ids and the
reader's verdicts are kept in the repository.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, datetime
from pathlib import Path

from khulasa.read.timestamps import parse_time
from khulasa.relate.story.train import corpus_articles
from khulasa.store import SQLiteStore
from khulasa.stream.ingest import ingest_articles

OUT = Path(__file__).resolve().parent / "story-audit" / "sample.json"
SEED = 11
MONTHS = (6, 7)


def sample_file(months: tuple[int, ...], tag: str = "") -> Path:
    """Where a slice's sample is kept: sample.json for June-July (the first audit), else by months,
    with `tag` for a later round on the same slice."""
    if tuple(months) == MONTHS and not tag:
        return OUT
    return OUT.with_name(f"sample-{'-'.join(f'{m:02d}' for m in months)}{'-' + tag if tag else ''}.json")


def build(db: Path, months: tuple[int, ...] = MONTHS) -> None:
    articles = []
    for _, article in corpus_articles():
        when = parse_time(article.time)
        if when is not None and when.astimezone(UTC).year == 2018 and when.astimezone(UTC).month in months:
            articles.append(article)
    with SQLiteStore(db) as store:
        report = ingest_articles(store, articles, progress=True)
    print(f"{report.read} articles, {len(report.stories)} stories")


def sample(db: Path, months: tuple[int, ...] = MONTHS, size: int = 20, tag: str = "") -> None:
    with SQLiteStore(db) as store:
        eligible = [s for s in store.stories(min_articles=3) if len(s.outlets) >= 2]
        chosen = sorted(random.Random(SEED).sample(eligible, min(size, len(eligible))), key=lambda s: s.id)
        record = {
            "seed": SEED,
            "months": list(months),
            "eligible_stories": len(eligible),
            "stories": [
                {"story": s.id, "articles": [a.article.id for a in store.articles(story_id=s.id)]} for s in chosen
            ],
        }
    out = sample_file(months, tag)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(chosen)} of {len(eligible)} eligible stories -> {out}")


def _day(t: float | None) -> str:
    return datetime.fromtimestamp(t, tz=UTC).strftime("%Y-%m-%d %H:%M") if t else "?"


def show(db: Path, story: int | None, words: int, months: tuple[int, ...] = MONTHS, tag: str = "") -> None:
    if story is not None:
        ids = [story]
    else:
        ids = [s["story"] for s in json.loads(sample_file(months, tag).read_text("utf-8"))["stories"]]
    with SQLiteStore(db) as store:
        for story_id in ids:
            info = store.story(story_id)
            print(
                f"##### story {story_id}: {info.article_count} articles, {_day(info.first_published)} .. "
                f"{_day(info.last_published)}"
            )
            for stored in store.articles(story_id=story_id):
                a = stored.article
                lead = " ".join(a.text.split()[:words])
                copy = f" (copy of {stored.duplicate_of})" if stored.duplicate_of else ""
                print(f"- {a.id} | {a.source} | {_day(stored.published)}{copy}\n  TITLE: {a.title}\n  TEXT: {lead}")
            print()


def find(db: Path, words: list[str]) -> None:
    with SQLiteStore(db) as store:
        for info in store.stories():
            titles = [s.article.title or "" for s in store.articles(story_id=info.id)]
            if any(all(w in t for w in words) for t in titles):
                print(
                    f"story {info.id}: {info.article_count} articles {_day(info.first_published)} .. "
                    f"{_day(info.last_published)} | {' || '.join(titles[:4])}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "sample", "show", "find"):
        command = commands.add_parser(name)
        command.add_argument("--db", type=Path, required=True)
        if name != "find":  # find reads the whole database; --months would swallow its words
            command.add_argument("--months", type=int, nargs="+", default=list(MONTHS))
        if name in ("sample", "show"):
            command.add_argument("--tag", default="", help="names a later round's sample file")
        if name == "show":
            command.add_argument("--story", type=int)
            command.add_argument("--words", type=int, default=50)
        if name == "find":
            command.add_argument("words", nargs="+")
    args = parser.parse_args()
    months = tuple(getattr(args, "months", MONTHS))
    if args.command == "build":
        build(args.db, months)
    elif args.command == "sample":
        sample(args.db, months, tag=args.tag)
    elif args.command == "show":
        show(args.db, args.story, args.words, months, args.tag)
    else:
        find(args.db, args.words)


if __name__ == "__main__":
    main()
