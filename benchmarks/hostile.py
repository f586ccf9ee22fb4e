"""The worst requests the caps accept, against `khulasa serve` on loopback: CPU seconds and peak
RSS of the server process per request. Prints figures; asserts nothing.

    python -m benchmarks.hostile [--repeat 1] [--only NAME-PART]

Each case gets a fresh server process (`python -m khulasa.cli.main serve`), warmed up by a small
request that loads the e5 model and word lists; its CPU time (/proc/PID/stat, user + system) and
its peak RSS (VmHWM in /proc/PID/status, reset before the request by writing 5 to
/proc/PID/clear_refs) around the request are the request's alone. "RSS MB" is the warm server
before the request, "peak MB" the most it held during it. Last, a thousand connections send half
their headers and wait: the server must close them all after its header timeout. Texts are random sequences
of the words of the example story (read from ../shared at run time, never copied), so no two
sentences repeat; "no punctuation" has no sentence ends at all and "glued" no spaces.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import select
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from khulasa.serve.limits import (
    HEADER_TIMEOUT,
    MAX_BODY_BYTES,
    MAX_DOC_CHARS,
    MAX_DOCS,
    MAX_GLUED_LETTERS,
    MAX_HTML_BYTES,
    MAX_QUERY_CHARS,
    MAX_SUMMARY_WORDS,
    MAX_TOTAL_CHARS,
    PAGE_MAX_TOTAL_CHARS,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "story-iran-2014"
TICKS = os.sysconf("SC_CLK_TCK")


class Texts:
    """Arabic text of a given length from the example story's vocabulary, seeded."""

    def __init__(self, seed: int = 7) -> None:
        words = re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))))
        self.words = [w for w in words if not w.isdigit()]
        self.random = random.Random(seed)

    def make(self, chars: int, kind: str = "punct") -> str:
        """`punct`: a sentence end every 18 words; `nopunct`: none; `glued`: words glued into runs
        of up to MAX_GLUED_LETTERS letters (the most the caps accept); `solid`: no space at all;
        `digits`: a sentence, then one run of Arabic-Indic digits to the end (the letter cap does
        not count digits)."""
        if kind == "digits":
            lead = self.make(200) + " "
            return lead + ("١٢٣٤٥٦٧٨٩٠" * (chars // 10 + 1))[: chars - len(lead)]
        out: list[str] = []
        size = 0
        while size < chars:
            word = self.random.choice(self.words)
            if kind == "punct" and len(out) % 18 == 17:
                word += "."
            if kind == "glued" and out and len(out[-1]) + len(word) <= MAX_GLUED_LETTERS:
                out[-1] += word
            else:
                out.append(word)
            size += len(word) + 1
        return ("" if kind == "solid" else " ").join(out)[:chars]


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def server_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure(pid: int, client: httpx.Client, send: Case) -> tuple[str, float, float, float]:
    """Status, server CPU seconds, server peak RSS (MB) and wall seconds of one request."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # reset the peak to the current RSS
    before = server_cpu(pid)
    start = time.perf_counter()
    try:
        status = str(send(client).status_code)
    except httpx.HTTPError as exc:  # a refused body may end in a reset while the client still sends
        status = type(exc).__name__
    wall = time.perf_counter() - start
    time.sleep(0.2)  # let the worker thread finish its bookkeeping
    return status, server_cpu(pid) - before, server_kib(pid, "VmHWM") / 1024, wall


Case = Callable[[httpx.Client], httpx.Response]


def cases(texts: Texts) -> dict[str, Case]:
    """The worst accepted requests, and refused ones for what refusing costs."""

    def summarize(docs: list[str]) -> Case:
        body = {"docs": [{"text": t, "source": f"outlet {i}"} for i, t in enumerate(docs)], "words": MAX_SUMMARY_WORDS}
        return lambda client: client.post("/summarize", json=body)

    def page(docs: list[str]) -> Case:
        fields = [("text", (None, t.encode())) for t in docs] + [("words", (None, str(MAX_SUMMARY_WORDS).encode()))]
        return lambda client: client.post("/summarize/page", files=fields)

    def html_upload(client: httpx.Client) -> httpx.Response:
        block = "<div class='c'><p>" + texts.make(300) + "</p><span>" + "<i></i>" * 40 + "</span></div>\n"
        html = "<!doctype html><html><body><article>" + block * (MAX_HTML_BYTES // len(block.encode()) - 1)
        data = (html + "</article></body></html>").encode()[:MAX_HTML_BYTES]
        return client.post("/summarize/page", files=[("files", ("page.html", data, "text/html"))])

    def padded_5mb(client: httpx.Client) -> httpx.Response:
        """The body limit exactly: one article just over its cap, padded to 5 MB."""
        doc = json.dumps({"docs": [{"text": texts.make(MAX_DOC_CHARS + 1)}]}).encode()
        return client.post("/summarize", content=doc + b" " * (MAX_BODY_BYTES - len(doc)), headers=_json)

    def chunked_200mb(client: httpx.Client) -> httpx.Response:
        def body():
            yield b'{"docs": ['
            for _ in range(3200):
                yield b" " * 65_536

        return client.post("/summarize", content=body(), headers=_json)

    half = MAX_TOTAL_CHARS // 2
    page_share = PAGE_MAX_TOTAL_CHARS // MAX_DOCS
    return {
        f"summarize 2 x {half} chars": summarize([texts.make(half) for _ in range(2)]),
        f"summarize 2 x {half} no punctuation": summarize([texts.make(half, "nopunct") for _ in range(2)]),
        f"summarize 2 x {half} glued": summarize([texts.make(half, "glued") for _ in range(2)]),
        f"summarize 2 x {half} digit run": summarize([texts.make(half, "digits") for _ in range(2)]),
        f"summarize {MAX_DOCS} x {MAX_TOTAL_CHARS // MAX_DOCS} chars": summarize(
            [texts.make(MAX_TOTAL_CHARS // MAX_DOCS) for _ in range(MAX_DOCS)]
        ),
        f"page 1 x {PAGE_MAX_TOTAL_CHARS} chars": page([texts.make(PAGE_MAX_TOTAL_CHARS)]),
        f"page 1 x {PAGE_MAX_TOTAL_CHARS} no punct.": page([texts.make(PAGE_MAX_TOTAL_CHARS, "nopunct")]),
        f"page 1 x {PAGE_MAX_TOTAL_CHARS} glued": page([texts.make(PAGE_MAX_TOTAL_CHARS, "glued")]),
        f"page 1 x {PAGE_MAX_TOTAL_CHARS} digit run": page([texts.make(PAGE_MAX_TOTAL_CHARS, "digits")]),
        f"page {MAX_DOCS} x {page_share} chars": page([texts.make(page_share) for _ in range(MAX_DOCS)]),
        f"page HTML upload {MAX_HTML_BYTES // 1024} KiB": html_upload,
        f"summarize 2 x {half} no space (refused)": summarize([texts.make(half, "solid") for _ in range(2)]),
        "summarize 5 MB body (refused)": padded_5mb,
        "summarize 200 MB chunked (refused)": chunked_200mb,
        f"search q of {MAX_QUERY_CHARS} chars": lambda client: client.get(
            "/api/stories", params={"q": "ب" * MAX_QUERY_CHARS}
        ),
    }


_json = {"content-type": "application/json"}


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(folder: str) -> Iterator[tuple[int, httpx.Client]]:
    """A fresh `khulasa serve` process (so each case's peak RSS is its own), warmed up: the models
    and word lists are loaded by a small form request first."""
    port = _port()
    server = subprocess.Popen(
        [sys.executable, "-m", "khulasa.cli.main", "serve", "--port", str(port), "--db", "k.sqlite", "--create"],
        cwd=folder,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
        for _ in range(300):
            try:
                client.get("/api/stories", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        warm = "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في العاصمة. وأضاف أن الوفد سيصل غداً."
        client.post("/summarize/page", data={"text": [warm, warm[::-1]]})
        yield server.pid, client
    finally:
        server.terminate()
        server.wait(timeout=30)


def half_sent(port: int, count: int, wait: float) -> tuple[int, float]:
    """Open `count` connections that send part of their headers and never finish; return how many
    the server closed within `wait` seconds and when the last one was closed."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        sock.setblocking(False)
        sockets.append(sock)
    start = time.perf_counter()
    open_ = set(sockets)
    last = 0.0
    while open_ and time.perf_counter() - start < wait:
        readable, _, _ = select.select(list(open_)[:1000], [], [], 0.5)
        for sock in readable:
            try:
                if sock.recv(4096):
                    continue
            except OSError:
                pass
            open_.discard(sock)
            last = time.perf_counter() - start
    for sock in sockets:
        sock.close()
    return count - len(open_), last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="requests per case (the worst is printed)")
    parser.add_argument("--half-sent", type=int, default=1000, help="connections that never finish their headers")
    parser.add_argument("--only", help="run only the cases whose name contains this (and no half-sent test)")
    args = parser.parse_args()
    texts = Texts()
    print("one fresh warmed-up server process per case; CPU and peak RSS are the server's")
    print(f"{'request':40} {'status':>6} {'CPU s':>6} {'RSS MB':>7} {'peak MB':>8} {'wall s':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for name, send in cases(texts).items():
            if args.only and args.only not in name:
                continue
            with serving(folder) as (pid, client):
                rss = server_kib(pid, "VmRSS") / 1024
                runs = [measure(pid, client, send) for _ in range(args.repeat)]
            status, cpu, peak, wall = max(runs, key=lambda run: run[1])
            print(f"{name:40} {status:>6} {cpu:6.2f} {rss:7.0f} {peak:8.0f} {wall:7.2f}", flush=True)
        if args.only:
            return
        with serving(folder) as (pid, client):
            port = client.base_url.port or 80
            closed, last = half_sent(port, args.half_sent, HEADER_TIMEOUT + 20)
            print(
                f"{args.half_sent} half-sent requests: {closed} closed by the server "
                f"(header timeout {HEADER_TIMEOUT:.0f} s), the last after {last:.1f} s; "
                f"a complete request then: {client.get('/api/stories').status_code}"
            )


if __name__ == "__main__":
    main()
