"""Fuzz the readers and the command line with generated hostile input and count the outcomes.

Every case is made by a generator from its own seeded `random.Random`, so case I of seed N is
the same on every run and can be replayed alone. The only acceptable outcomes are success and a
one-line input error (KhulasaError in-process, exit 2 with one `khulasa: error:` line from the
CLI); anything else is an internal error and gets a reproducer directory under /tmp.

    python -m benchmarks.fuzz --cases 10000 [--seed N] [--timeout 10] [--case I]

tests/test_fuzz.py drives the same generators from hypothesis at CI size.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import lzma
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "story-iran-2014"
REPRO_ROOT = Path("/tmp/khulasa-fuzz")

# Short texts written for this harness (the example story is read from ../shared at run time).
OWN_ARABIC = [
    "قال وزير الخارجية إن المحادثات مع الوفد الزائر ستستأنف الأسبوع المقبل في العاصمة.\n"
    "وأضاف أن الجانبين اتفقا على جدول أعمال يشمل ملفات الحدود والمياه والتجارة.",
    "أعلنت وزارة الصحة تسجيل حالات جديدة في ثلاث محافظات، ودعت المواطنين إلى الحذر.\n"
    "وقال المتحدث باسم الوزارة: «الوضع تحت السيطرة».",
]
OWN_ENGLISH = [
    "The foreign minister said talks with the visiting delegation would resume next week in the capital.\n"
    "He added that both sides had agreed on an agenda covering borders, water and trade.",
    "The health ministry reported new cases in three provinces and urged citizens to be careful.\n"
    'A spokesman said: "The situation is under control."',
]
CONTROL = [chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 0x7F, 0x85]]
MARKS = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069", "\u061c"]
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"]
SEPARATORS = ["\u2028", "\u2029", "\r", "\r\n", "\n\n\n", "\t", "\u00a0", "\u3000"]
ODD_CHARS = ["\ufeff", "\ufffd", "\U0001f600", "\u0301" * 50, "ﷺ", "﷽", "«", "»", "“", "”", '"', "'", "<", "&", "\\"]
TIMES = [
    "2014-09-15",
    "2014-09-15T10:00:00+04:00",
    "2018-04-01T10:00:00+0400",
    "Mon, 15 Sep 2014 10:00:00 GMT",
    "0000-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59+14:00",
    "9999-12-31T23:59:59-14:00",
    "1e30",
    "-1",
    "أمس",
    "2014-02-30",
    "2014-09-15T25:61:61",
    "Mon, 01 Jan 99999 00:00:00 +9999",
    "",
    " " * 100,
    "9" * 5000,
]


def base_texts() -> list[str]:
    """Real Arabic articles (the example story, read in place) plus the short texts above."""
    texts = list(OWN_ARABIC)
    if EXAMPLE.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    return texts


_BASE: list[str] | None = None


def _base() -> list[str]:
    global _BASE
    if _BASE is None:
        _BASE = base_texts()
    return _BASE


# --- text and byte mutations -------------------------------------------------------------


def readable_text(rng: random.Random, huge: bool = True) -> str:
    """Arabic, English or mixed text: a real article, sometimes cut, with a few mutations
    (`huge`: tokens up to 20,000 characters, else up to 1,000)."""
    choice = rng.random()
    if choice < 0.6:
        text = rng.choice(_base())
    elif choice < 0.8:
        text = rng.choice(OWN_ENGLISH)
    else:
        text = rng.choice(_base()) + "\n" + rng.choice(OWN_ENGLISH)
    if rng.random() < 0.3:
        lines = text.split("\n")
        text = "\n".join(lines[: rng.randint(1, len(lines))])
    return mutate_text(rng, text, rng.choice([0, 1, 2, 4]), huge)


def _huge_token(rng: random.Random, huge: bool) -> str:
    unit = rng.choice(["ا", "الولاياتالمتحدة", "x", "١٢٣", "http://a.b/", "ـ", "-", "."])
    return (unit * rng.choice([100, 1000, 20000] if huge else [100, 1000]))[: 20000 if huge else 1000]


MUTATIONS: list[Callable[[random.Random], str]] = [  # and _huge_token, which takes a size switch
    lambda rng: rng.choice(CONTROL),
    lambda rng: rng.choice(MARKS) * rng.randint(1, 5),
    lambda rng: "".join(rng.choice(DIACRITICS) for _ in range(rng.randint(1, 30))),
    lambda rng: rng.choice(SEPARATORS),
    lambda rng: rng.choice(ODD_CHARS),
    lambda rng: " " * rng.randint(1, 5000),
    lambda rng: "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(rng.randint(1, 50))),
    lambda rng: "\n".join(["تابعونا على تويتر"] * rng.randint(2, 20)),
    lambda rng: "<p>" * rng.randint(1, 3) + "<b>نص</b>" + "</div>" * rng.randint(0, 2),
]


def mutate_text(rng: random.Random, text: str, count: int, huge: bool = True) -> str:
    """Insert `count` hostile fragments at random places; sometimes cut or repeat the text."""
    for _ in range(count):
        roll = rng.random()
        if roll < 0.08 and text:
            text = text[: rng.randint(0, len(text))]
        elif roll < 0.12:
            text = text + "\n" + text
        else:
            at = rng.randint(0, len(text))
            mutation = rng.randrange(len(MUTATIONS) + 1)
            fragment = _huge_token(rng, huge) if mutation == len(MUTATIONS) else MUTATIONS[mutation](rng)
            text = text[:at] + fragment + text[at:]
    return text


def encode(rng: random.Random, text: str) -> bytes:
    """UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1256, as files in the wild."""
    roll = rng.random()
    if roll < 0.65:
        data = text.encode("utf-8", "surrogatepass")
    elif roll < 0.75:
        data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    elif roll < 0.85:
        data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]), "surrogatepass")
    else:
        data = text.encode("cp1256", "replace")
    return data


def mutate_bytes(rng: random.Random, data: bytes, count: int) -> bytes:
    """Byte-level damage: cuts inside a character, lone surrogates, BOMs, NUL, flipped bytes."""
    pieces = [
        b"\xed\xa0\x80",  # a lone surrogate as UTF-8 bytes
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\x00",
        b"\x00" * 100,
        b"\xc3",
        b"\x80\x81\x82",
        bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 64))),
    ]
    for _ in range(count):
        roll = rng.random()
        at = rng.randint(0, len(data))
        if roll < 0.25:
            data = data[:at]
        elif roll < 0.35 and data:
            data = data[:at] + bytes([rng.randint(0, 255)]) + data[at + 1 :]
        else:
            data = data[:at] + rng.choice(pieces) + data[at:]
    return data


# --- JSON generators ---------------------------------------------------------------------


def random_json(rng: random.Random, depth: int = 0) -> object:
    """Any JSON value, wrong types included: nested containers, huge numbers, odd strings."""
    roll = rng.random()
    if depth < 4 and roll < 0.15:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if depth < 4 and roll < 0.3:
        return {rng.choice(["id", "text", "docs", "time", "x", ""]): random_json(rng, depth + 1) for _ in range(3)}
    if roll < 0.4:
        return rng.choice([None, True, False, 0, -1, 2**63, 10**300, 1e308, -0.0, 0.5])
    if roll < 0.5:
        return rng.choice(TIMES)
    return mutate_text(rng, rng.choice(["", "نص", "x", *OWN_ARABIC]), rng.randint(0, 2))


def article_record(rng: random.Random, readable: bool = True, huge: bool = True) -> dict:
    """An article object: mostly right, with wrong types and hostile values now and then."""
    record: dict = {"id": rng.choice(["1", "خبر-٢", "a\nb", "x" * 300, 7, 1.5, "\u202e\u200f"])}
    record["text"] = readable_text(rng, huge) if readable else random_json(rng)
    for key in ("title", "source", "outlet", "src", "url", "time"):
        if rng.random() < 0.3:
            record[key] = rng.choice(TIMES) if key == "time" else mutate_text(rng, rng.choice(OWN_ARABIC)[:60], 1)
    if rng.random() < 0.08:  # a wrong type or a hostile value in any field
        record[rng.choice(["id", "text", "time", "title", "source", "url"])] = random_json(rng)
    return record


def json_line(rng: random.Random, record: object) -> str:
    """One JSONL line for `record`, sometimes broken: cut, deeply nested, huge integers, escapes."""
    line = json.dumps(record, ensure_ascii=rng.random() < 0.3)
    if rng.random() < 0.85:
        return line
    roll = rng.random() * 0.21
    if roll < 0.05:
        return "[" * rng.choice([10, 1000, 100000])
    if roll < 0.08:
        return '{"id": "n", "text": "نص", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    if roll < 0.11:
        return '{"id": ' + "9" * rng.choice([4000, 4301, 10000]) + ', "text": "نص"}'
    if roll < 0.14:
        return line.replace('"text": "', '"text": "\\ud800', 1)
    if roll < 0.17:
        return line[: rng.randint(0, len(line))]
    if roll < 0.19:
        return json.dumps(random_json(rng))
    return "NaN" if rng.random() < 0.5 else '{"id": 1, "text": "نص", "n": Infinity}'


def article_jsonl(rng: random.Random, huge: bool = True) -> str:
    lines = [json_line(rng, article_record(rng, rng.random() < 0.8, huge)) for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.2:
        lines.insert(rng.randint(0, len(lines)), "")
    return ("\r\n" if rng.random() < 0.1 else "\n").join(lines)


def cluster_record(rng: random.Random, huge: bool = True) -> object:
    """A `khulasa batch` line: id, docs (articles), lang and query, each sometimes wrong."""
    if rng.random() < 0.05:
        return random_json(rng)
    ids: list[object] = ["c1", "عنقود", "c\n2", 5, 1e300, "x" * 500]
    record: dict = {"id": rng.choice(ids) if rng.random() < 0.9 else random_json(rng)}
    docs: object = [article_record(rng, rng.random() < 0.9, huge) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.1:
        docs = random_json(rng)
    record["docs"] = docs
    if rng.random() < 0.3:
        record["lang"] = rng.choice(["ar", "en", "ar", "en", "fr", 1, None, ["ar"]])
    if rng.random() < 0.2:
        record["query"] = rng.choice(["المحادثات", "talks", "المحادثات", "talks", 5, None, ["x"], "\ud800"])
    return record


def cluster_jsonl(rng: random.Random, huge: bool = True) -> str:
    return "\n".join(json_line(rng, cluster_record(rng, huge)) for _ in range(rng.randint(1, 3)))


def html_page(rng: random.Random, huge: bool = True) -> str:
    """An HTML page around readable paragraphs, with tag soup, deep nesting or an XML declaration."""
    paragraphs = "".join(f"<p>{line}</p>" for line in readable_text(rng, huge).split("\n") if line.strip())
    head = rng.choice(["", "<title>خبر</title>", '<meta charset="windows-1256">', "<title>" + "ت" * 5000 + "</title>"])
    body = f"<article>{paragraphs}</article>"
    roll = rng.random()
    if roll < 0.1:
        body = "<div>" * rng.choice([100, 3000, 20000]) + body
    elif roll < 0.2:
        body = body.replace("</p>", "", rng.randint(1, 5)) + "<p><b><i>"
    elif roll < 0.25:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<html><body>' + body + "</body></html>"
    elif roll < 0.3:
        body = "<script>" + body + "</script>"
    return f"<html><head>{head}</head><body>{body}</body></html>"


# --- cases -------------------------------------------------------------------------------


@dataclass
class Case:
    """One generated input: what to run on it and the files it needs (name → bytes)."""

    kind: str
    files: dict[str, bytes] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    on_error: str = "stop"


FILE_SUFFIXES = [".txt", ".html", ".jsonl", ".jsonl.xz", ""]


def _file_bytes(rng: random.Random, suffix: str, huge: bool = True) -> bytes:
    if suffix in (".jsonl", ".jsonl.xz"):
        text = article_jsonl(rng, huge)
    elif suffix == ".html" or (suffix == "" and rng.random() < 0.2):
        text = html_page(rng, huge)
    else:
        text = readable_text(rng, huge)
    data = encode(rng, text)
    if rng.random() < 0.3:
        data = mutate_bytes(rng, data, rng.randint(1, 3))
    if suffix == ".jsonl.xz":
        data = lzma.compress(data) if rng.random() < 0.9 else mutate_bytes(rng, lzma.compress(data), 2)
    return data


def make_read_case(rng: random.Random) -> Case:
    suffix = rng.choice(FILE_SUFFIXES)
    return Case("read", {f"input{suffix}": _file_bytes(rng, suffix)}, on_error=rng.choice(["stop", "skip"]))


def make_decode_case(rng: random.Random) -> Case:
    data = mutate_bytes(rng, encode(rng, readable_text(rng)), rng.randint(0, 4))
    return Case("decode", {"input.txt": data})


def make_clusters_case(rng: random.Random) -> Case:
    data = encode(rng, cluster_jsonl(rng)) if rng.random() < 0.9 else mutate_bytes(rng, b"{}", 3)
    return Case("clusters", {"clusters.jsonl": data}, on_error=rng.choice(["stop", "skip"]))


def make_cli_case(rng: random.Random, huge: bool = True) -> Case:
    """`khulasa summarize` or `story` on one to three files of readable, mutated text."""
    files = {}
    for number in range(rng.randint(1, 3)):
        suffix = rng.choice([".txt", ".txt", ".txt", ".jsonl", ".html"])
        files[f"report-{number}{suffix}"] = _file_bytes(rng, suffix, huge)
    command = rng.choice(["summarize", "summarize", "story"])
    args = [command, *files, "--words", str(rng.choice([1, 5, 20, 40])), "--align", "lexical"]
    if command == "summarize":
        args += ["--method", rng.choice(["ilp", "ilp", "lexrank", "centroid", "lead"])]
    if rng.random() < 0.2:
        args += ["--lang", rng.choice(["ar", "en"])]
    on_error = rng.choice(["stop", "skip"])
    return Case("cli", files, [*args, "--on-error", on_error], on_error)


def make_batch_case(rng: random.Random, huge: bool = True) -> Case:
    files = {"clusters.jsonl": encode(rng, cluster_jsonl(rng, huge))}
    on_error = rng.choice(["stop", "skip"])
    args = ["batch", "--in", "clusters.jsonl", "--out", "out.jsonl", "--words", str(rng.choice([5, 30]))]
    return Case("cli", files, [*args, "--on-error", on_error], on_error)


def make_eval_case(rng: random.Random) -> Case:
    def line(number: int) -> str:
        record: dict = {"id": f"c{number}", "summary": readable_text(rng), "refs": [readable_text(rng)]}
        if rng.random() < 0.15:
            record[rng.choice(["id", "summary", "refs"])] = random_json(rng)
        return json_line(rng, record)

    files = {name: encode(rng, "\n".join(line(n) for n in range(2))) for name in ("s.jsonl", "r.jsonl")}
    args = ["eval", "--summaries", "s.jsonl", "--refs", "r.jsonl", "--lang", rng.choice(["ar", "en"])]
    return Case("cli", files, args)


def make_ingest_case(rng: random.Random) -> Case:
    files = {f"feed-{n}.jsonl": encode(rng, article_jsonl(rng)) for n in range(rng.randint(1, 2))}
    on_error = rng.choice(["stop", "skip"])
    return Case("cli", files, ["ingest", *files, "--no-summaries", "--db", "fuzz.sqlite", "--on-error", on_error])


GENERATORS: dict[str, Callable[[random.Random], Case]] = {
    "read": make_read_case,
    "decode": make_decode_case,
    "clusters": make_clusters_case,
    "cli": make_cli_case,
    "batch": make_batch_case,
    "eval": make_eval_case,
    "ingest": make_ingest_case,
}
WEIGHTS = {"read": 30, "decode": 10, "clusters": 15, "cli": 25, "batch": 8, "eval": 5, "ingest": 7}


def case_for(seed: int, index: int) -> tuple[str, Case]:
    """Case `index` of a run seeded `seed` and its generator's name: its own Random, so it replays alone."""
    rng = random.Random(f"{seed}:{index}")
    generator = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    return generator, GENERATORS[generator](rng)


# --- running a case ----------------------------------------------------------------------


@dataclass
class Outcome:
    """ok, input error, internal error or timeout; for internal errors the exception and traceback."""

    status: str
    detail: str = ""
    trace: str = ""


class CaseTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the code swallows it."""


def _alarm(signum, frame):
    raise CaseTimeout


def run_case(case: Case, workdir: Path) -> Outcome:
    """Write the case's files into `workdir` and run it; only success and one-line input errors are fine."""
    from khulasa.errors import KhulasaError

    for name, data in case.files.items():
        (workdir / name).write_bytes(data)
    try:
        if case.kind == "cli":
            return _run_cli(case, workdir)
        _run_direct(case, workdir)
        return Outcome("ok")
    except KhulasaError as exc:
        text = str(exc)
        if "\n" in text or "\r" in text:
            return Outcome("internal", "KhulasaError spanning lines", repr(text))
        return Outcome("input")
    except RecursionError as exc:
        return Outcome("internal", "RecursionError", _trace(exc))
    except Exception as exc:
        return Outcome("internal", type(exc).__name__, _trace(exc))


def _trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc))[-6000:]


def _run_direct(case: Case, workdir: Path) -> None:
    from khulasa.read.decode import decode_bytes
    from khulasa.read.jsonl import iter_clusters, json_lines
    from khulasa.read.paths import read_file

    [(name, data)] = case.files.items()
    if case.kind == "decode":
        decode_bytes(data, name)
    elif case.kind == "read":
        read_file(workdir / name, case.on_error, warn=lambda message: None)
    elif case.kind == "clusters":
        text = decode_bytes(data, name)
        list(iter_clusters(json_lines(text), name, case.on_error, warn=lambda message: None))
    else:
        raise ValueError(f"unknown case kind {case.kind}")


def _run_cli(case: Case, workdir: Path) -> Outcome:
    """Run `khulasa ARGS` in-process in `workdir` with KHULASA_DEBUG=1, so that an internal error
    surfaces as its exception; exit 2 must come with exactly one `khulasa: error:` line."""
    from khulasa.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.environ["KHULASA_DEBUG"] = "1"
    try:
        os.chdir(workdir)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(case.args)
    except SystemExit as exc:  # argparse: the generated arguments themselves were wrong
        return Outcome("internal", f"SystemExit {exc.code}", err.getvalue()[-2000:])
    finally:
        os.chdir(previous)
        del os.environ["KHULASA_DEBUG"]
    lines = err.getvalue().splitlines()
    if any(not line.startswith("khulasa: ") for line in lines):
        return Outcome("internal", "stderr line without the khulasa: prefix", err.getvalue()[-2000:])
    if code == 0:
        return Outcome("ok")
    errors = [line for line in lines if line.startswith("khulasa: error: ")]
    if code == 2 and len(errors) == 1 and lines[-1] == errors[0]:
        return Outcome("input")
    return Outcome("internal", f"exit {code} with {len(errors)} error lines", err.getvalue()[-2000:])


def run_with_timeout(case: Case, timeout: float) -> tuple[Outcome, float]:
    """Run one case in a fresh temporary directory, stopped after `timeout` seconds of CPU time
    (SIGPROF: a busy machine does not turn slow cases into timeouts) or 5x that in wall time
    (SIGALRM: a case that waits instead of working). Returns the outcome and the CPU seconds used."""
    with tempfile.TemporaryDirectory(prefix="khulasa-fuzz-") as tmp:
        previous = {sig: signal.signal(sig, _alarm) for sig in (signal.SIGALRM, signal.SIGPROF)}
        signal.setitimer(signal.ITIMER_PROF, timeout)
        signal.setitimer(signal.ITIMER_REAL, 5 * timeout)
        start = time.process_time()
        try:
            outcome = run_case(case, Path(tmp))
        except CaseTimeout:
            outcome = Outcome("timeout", f"over {timeout:.0f} s")
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.setitimer(signal.ITIMER_REAL, 0)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return outcome, time.process_time() - start


def warm_up() -> None:
    """Import the heavy modules before the first alarm can fire, so no timeout lands mid-import
    and leaves a half-initialised module behind for the cases after it."""
    import trafilatura  # noqa: F401

    import khulasa.analyze.story
    import khulasa.cli.batch
    import khulasa.cli.evaluate
    import khulasa.cli.main
    import khulasa.cli.stories
    import khulasa.pipeline  # noqa: F401


def write_reproducer(case: Case, outcome: Outcome, seed: int, index: int) -> Path:
    """A directory with the case's files, its command and the traceback, to replay by hand."""
    folder = REPRO_ROOT / f"seed{seed}-case{index}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    how = (
        f"cd {folder} && khulasa {' '.join(case.args)}"
        if case.kind == "cli"
        else f"{case.kind} of {next(iter(case.files))} (on_error={case.on_error})"
    )
    replay = f"python -m benchmarks.fuzz --seed {seed} --case {index}"
    (folder / "README.txt").write_text(f"{how}\nreplay: {replay}\n\n{outcome.detail}\n\n{outcome.trace}\n")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="CPU seconds per case (then 5x in wall time)")
    parser.add_argument("--case", type=int, help="run only this case index (replay)")
    args = parser.parse_args(argv)

    indexes = [args.case] if args.case is not None else range(args.cases)
    warm_up()
    counts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    by_generator: Counter[tuple[str, str]] = Counter()
    slowest = (0.0, -1, "")
    internal: list[tuple[int, str, Path]] = []
    started = time.perf_counter()
    for index in indexes:
        generator, case = case_for(args.seed, index)
        outcome, seconds = run_with_timeout(case, args.timeout)
        counts[outcome.status] += 1
        kinds[generator] += 1
        by_generator[generator, outcome.status] += 1
        if seconds > slowest[0]:
            slowest = (seconds, index, " ".join(case.args) or f"{case.kind} {next(iter(case.files))}")
        if outcome.status in ("internal", "timeout"):
            folder = write_reproducer(case, outcome, args.seed, index)
            internal.append((index, f"{outcome.status}: {outcome.detail}", folder))
            print(f"case {index}: {outcome.status}: {outcome.detail} -> {folder}", file=sys.stderr, flush=True)
        if args.case is not None and outcome.trace:
            print(outcome.trace, file=sys.stderr)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(counts.values())
    print(f"cases: {total} (seed {args.seed}) in {elapsed:.0f} s; kinds: {dict(sorted(kinds.items()))}")
    print(
        f"outcomes: ok {counts['ok']}, input error {counts['input']}, "
        f"internal error {counts['internal']}, timeout {counts['timeout']}"
    )
    for generator in sorted(kinds):
        split = ", ".join(
            f"{status} {by_generator[generator, status]}" for status in ("ok", "input", "internal", "timeout")
        )
        print(f"  {generator}: {split}")
    print(f"slowest case: {slowest[0]:.2f} s of CPU (case {slowest[1]}: {slowest[2][:120]})")
    print(f"peak RSS: {peak_mb:.0f} MB")
    for index, what, folder in internal:
        print(f"  case {index}: {what} -> {folder}")
    return 1 if internal else 0


if __name__ == "__main__":
    sys.exit(main())
