"""`khulasa` entry point: argument parsing and one-line errors; the work lives in the pipeline."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from khulasa import __version__
from khulasa.cli.ner import MODELS as NER_MODELS
from khulasa.errors import MAX_PROBLEM_CHARS, InputError, KhulasaError, cut, one_line, shorten
from khulasa.summarize import DEFAULT_METHOD, METHODS

UNNAMED = "<input>"  # the origin the pipeline gives errors about the articles as a whole


def warn(message: str) -> None:
    """Warnings go to stderr, one line each (escaped, cut), so stdout stays machine-readable."""
    print(f"khulasa: warning: {cut(one_line(message), 2 * MAX_PROBLEM_CHARS)}", file=sys.stderr)


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of words")
    return number


def _add_summary_options(parser: argparse.ArgumentParser, default_align: str) -> None:
    parser.add_argument("--words", type=_positive, default=100, help="length budget in words (default 100)")
    parser.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD, help="summarizer (default ilp)")
    parser.add_argument("--lang", choices=["ar", "en"], help="language (default: detected from the script)")
    parser.add_argument(
        "--align",
        choices=["semantic", "lexical"],
        default=default_align,
        help=f"redundancy and (English) attribution alignment (default {default_align}; semantic adds the bundled "
        "e5 model; Arabic attribution always uses the sentence-relation model)",
    )
    parser.add_argument(
        "--on-error",
        choices=["stop", "skip"],
        default="stop",
        help="bad file or JSONL line: stop with an error (default) or skip it with a warning",
    )


def _add_allow_long(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-long",
        action="store_true",
        help="let one whole sentence of up to twice the budget stand alone as the summary (JSON: over_budget); "
        "by default no summary has more words than --words",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khulasa", description="Source-attributed multi-document summaries of Arabic (and English) news."
    )
    parser.add_argument("--version", action="version", version=f"khulasa {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    summarize = commands.add_parser("summarize", help="summarize articles about one story")
    summarize.add_argument("files", nargs="+", help="text, HTML or JSONL files, directories, or - for stdin")
    summarize.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    summarize.add_argument("--show-removed", action="store_true", help="list what cleaning removed, on stderr")
    _add_summary_options(summarize, "lexical")
    _add_allow_long(summarize)

    story = commands.add_parser("story", help="summary plus entities, quotes, agreement and dates of one story")
    story.add_argument("files", nargs="+", help="text, HTML or JSONL files, directories, or - for stdin")
    story.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    _add_summary_options(story, "lexical")

    ingest = commands.add_parser("ingest", help="store articles, link duplicates and group them into stories")
    ingest.add_argument("paths", nargs="+", help="JSONL (.jsonl, .jsonl.xz), HTML or text files and directories")
    ingest.add_argument(
        "--db", default="khulasa.sqlite", help="SQLite file (default khulasa.sqlite) or postgresql:// address"
    )
    ingest.add_argument("--window-days", type=float, default=3.0, help="a story stays open this long (default 3)")
    ingest.add_argument(
        "--threshold",
        type=float,
        default=0.2,
        help="cosine of an article to an open story's centroid for the story to be a candidate (default 0.2); "
        "it joins a candidate only when the same-event model links it to the story's core",
    )
    ingest.add_argument("--no-summaries", action="store_true", help="do not summarize the stories touched")
    ingest.add_argument(
        "--batch-size", type=int, default=500, help="articles committed together with their stories (default 500)"
    )
    ingest.add_argument(
        "--on-error", choices=["stop", "skip"], default="stop", help="bad file or line: stop (default) or skip"
    )

    archive = commands.add_parser("archive", help="cluster a large archive into stories with Dask (scale-out)")
    archive.add_argument("paths", nargs="+", help="JSONL (.jsonl, .jsonl.xz) files or directories")
    archive.add_argument("--out", required=True, help="stories JSONL, one story a line")
    archive.add_argument(
        "--partitions",
        type=int,
        default=8,
        help="time partitions (of at most 1,000 articles; one Dask task each) prepared at once (default 8)",
    )
    archive.add_argument("--scheduler", help="Dask scheduler address (default: local processes)")
    archive.add_argument("--window-days", type=float, default=3.0, help="as for ingest (default 3)")
    archive.add_argument("--threshold", type=float, default=0.2, help="as for ingest (default 0.2)")
    archive.add_argument("--on-error", choices=["stop", "skip"], default="stop")

    stories = commands.add_parser("stories", help="list stored stories, newest first")
    stories.add_argument("--db", default="khulasa.sqlite")
    stories.add_argument("--since", help="only stories with news on or after this date (YYYY-MM-DD)")
    stories.add_argument("--min-articles", type=int, default=1, help="only stories of at least this many articles")
    stories.add_argument(
        "--limit", type=int, default=50, help="list at most this many, newest first (0: all); says when more exist"
    )

    show = commands.add_parser("show", help="summary and analysis of one stored story")
    show.add_argument("story_id", type=int)
    show.add_argument("--db", default="khulasa.sqlite")
    show.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    show.add_argument("--words", type=_positive, default=100)

    serve = commands.add_parser("serve", help="serve story pages and the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--db", default="khulasa.sqlite", help="SQLite file or postgresql:// address")
    serve.add_argument("--create", action="store_true", help="create the SQLite file when it does not exist")
    serve.add_argument("--token-file", help="file holding the token that write endpoints require (else $KHULASA_TOKEN)")

    batch = commands.add_parser("batch", help="summarize many clusters: JSONL in, JSONL out")
    batch.add_argument(
        "--in", dest="input", required=True, help="clusters JSONL ({id, docs, lang?} a line), - for stdin"
    )
    batch.add_argument("--out", dest="output", required=True, help="summaries JSONL, - for stdout")
    _add_summary_options(batch, "lexical")
    _add_allow_long(batch)

    relate = commands.add_parser("relate", help="do two articles report the same event? JSONL pairs in, scores out")
    relate.add_argument(
        "--level",
        choices=["story", "sentence"],
        default="story",
        help="story: same event of two articles (default); sentence: same/partial/contradicts/unrelated",
    )
    relate.add_argument("--in", dest="input", required=True, help='pairs JSONL ({"id", "a", "b"} a line), - for stdin')
    relate.add_argument("--out", dest="output", required=True, help="scores JSONL, - for stdout")
    relate.add_argument("--on-error", choices=["stop", "skip"], default="stop", help="bad line: stop or skip it")

    ner = commands.add_parser(
        "ner",
        help="tag tokenized Arabic sentences with names (CoNLL out)",
        description=(
            "Named entities of Arabic sentences. Input: UTF-8, one sentence a line, tokens separated by spaces or "
            "tabs. Output: one 'token<TAB>tag' line per input token (echoed unchanged, in order; tags O, B-/I- PER, "
            "LOC, ORG, MISC), a blank line after each sentence; a blank input line gives just the blank line. Each "
            "line is tagged on its own and written at once; --story reads the whole input as one story and finds "
            "the names of one sentence in the others too. Bad input: one error line, exit 2."
        ),
    )
    ner.add_argument("file", nargs="?", default="-", help="input file, or - for stdin (default)")
    ner.add_argument("--story", action="store_true", help="the whole input is one story (propagation on)")
    ner.add_argument(
        "--model",
        choices=NER_MODELS,
        default="crf",
        help="the tagger: the shipped CRF (default) or the neural tagger, better on names unseen in training",
    )

    evaluate = commands.add_parser("eval", help="ROUGE of summaries (batch output) against references")
    evaluate.add_argument("--summaries", required=True, help="JSONL with id and summary (khulasa batch output)")
    evaluate.add_argument("--refs", required=True, help="JSONL with id and refs (or abstract)")
    evaluate.add_argument(
        "--lang", choices=["ar", "en"], required=True, help="token rules: Arabic or ROUGE-1.5.5 English"
    )
    evaluate.add_argument("--words", type=_positive, help="truncate summaries to the first N words (ROUGE -l)")
    evaluate.add_argument("--no-stem", action="store_true", help="no stemming (default: Porter / Light10)")
    evaluate.add_argument("--json", help="also write the scores to this JSON file")
    return parser


def run_summarize(args: argparse.Namespace) -> int:
    from khulasa.cli.render import RENDERERS
    from khulasa.pipeline import summarize_story

    story, warnings = _read_story(args)
    if args.show_removed:
        for clean in story.articles:
            for removed in clean.removed:
                print(
                    f"{clean.article.origin}: removed line {removed.line_number} ({removed.reason}): {removed.text}",
                    file=sys.stderr,
                )
    with _naming_inputs(args.files):
        summary = summarize_story(story, args.words, args.method, args.align, warnings, args.allow_long)
    for message in summary.warnings:
        warn(message)
    sys.stdout.write(RENDERERS[args.format](summary))
    return 0


def _input_names(files: Sequence[str]) -> str:
    """The inputs of a command as an error origin: `a.txt, b.txt` (the first few, then a count)."""
    names = ["<stdin>" if f == "-" else f for f in dict.fromkeys(files)]
    shown = ", ".join(shorten(name) for name in names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")


@contextmanager
def _naming_inputs(files: Sequence[str]) -> Iterator[None]:
    """The pipeline reports problems of the whole story (no articles, no sentences) as coming
    from "<input>"; the command line knows which files those were and names them instead."""
    try:
        yield
    except InputError as exc:
        if exc.origin != UNNAMED:
            raise
        raise InputError(_input_names(files), exc.problem, exc.line) from exc


def _has_words(article) -> bool:
    """True when the article has Arabic or English text; else a warning says it is skipped."""
    from khulasa.clean.language import article_language

    if article_language(article.text) is not None:
        return True
    problem = f"article '{shorten(article.id)}' has no Arabic or English text"
    warn(f"{InputError(article.origin, problem)}; skipped")
    return False


def _read_story(args: argparse.Namespace):
    from khulasa.pipeline import prepare_story
    from khulasa.read import read_paths, read_stdin

    files = [f for f in args.files if f != "-"]
    articles = read_paths(files, args.on_error, warn) if files else []
    if "-" in args.files:
        articles.extend(read_stdin(args.on_error, warn))
    if args.on_error == "skip":  # the pipeline stops on an article without words; skipping goes on
        articles = [a for a in articles if _has_words(a)]
    if not articles:
        raise InputError(_input_names(args.files), "no articles left after skipping bad input")
    with _naming_inputs(args.files):
        return prepare_story(articles, args.lang)


def run_story(args: argparse.Namespace) -> int:
    from khulasa.analyze.story import analyze_story
    from khulasa.cli.render_story import STORY_RENDERERS

    story, warnings = _read_story(args)
    for message in warnings:
        warn(message)
    with _naming_inputs(args.files):
        analysis = analyze_story(story, args.words, args.method, args.align)
    sys.stdout.write(STORY_RENDERERS[args.format](analysis))
    return 0


def run_batch(args: argparse.Namespace) -> int:
    from khulasa.cli.batch import summarize_batch

    return summarize_batch(args, warn)


def run_relate(args: argparse.Namespace) -> int:
    from khulasa.cli.relate import relate_command

    return relate_command(args, warn)


def run_eval(args: argparse.Namespace) -> int:
    from khulasa.cli.evaluate import run_eval as evaluate

    return evaluate(args)


def run_ner(args: argparse.Namespace) -> int:
    from khulasa.cli.ner import ner_command

    return ner_command(args.file, args.story, args.model)


def run_ingest(args: argparse.Namespace) -> int:
    from khulasa.cli.stories import ingest_command

    return ingest_command(args, warn)


def run_archive(args: argparse.Namespace) -> int:
    from khulasa.cli.stories import archive_command

    return archive_command(args, warn)


def run_serve(args: argparse.Namespace) -> int:
    from khulasa.errors import InputError
    from khulasa.serve.app import create_app
    from khulasa.serve.protocol import Server, server_config
    from khulasa.store import open_store

    if not args.db.startswith(("postgresql://", "postgres://")) and not os.path.exists(args.db) and not args.create:
        raise InputError(args.db, "no such database (--create makes a new one)")
    token = os.environ.get("KHULASA_TOKEN")
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as handle:
                token = handle.read().strip()
        except OSError as exc:
            raise KhulasaError(f"{args.token_file}: {exc.strerror}") from exc
    with open_store(args.db):  # creates (--create) or migrates the store now, not at the first request
        pass
    Server(server_config(create_app(args.db, token), args.host, args.port, log_level="warning"), args.db).run()
    return 0


def run_stories(args: argparse.Namespace) -> int:
    from khulasa.cli.stories import stories_command

    return stories_command(args)


def run_show(args: argparse.Namespace) -> int:
    from khulasa.cli.stories import show_command

    return show_command(args)


COMMANDS = {
    "summarize": run_summarize,
    "story": run_story,
    "batch": run_batch,
    "eval": run_eval,
    "relate": run_relate,
    "ner": run_ner,
    "ingest": run_ingest,
    "archive": run_archive,
    "serve": run_serve,
    "stories": run_stories,
    "show": run_show,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KhulasaError as exc:
        print(f"khulasa: error: {cut(one_line(exc), 2 * MAX_PROBLEM_CHARS)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("khulasa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("KHULASA_DEBUG"):
            raise
        problem = cut(one_line(exc), MAX_PROBLEM_CHARS)
        print(
            f"khulasa: internal error: {type(exc).__name__}: {problem} (KHULASA_DEBUG=1 shows a traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
