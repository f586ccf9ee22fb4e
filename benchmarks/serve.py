"""Load on loopback: requests/second and p50/p99 latency of the story page and of POST /summarize
for the example story, bounded in requests and time. Prints figures; asserts nothing.

    python -m benchmarks.serve [--requests 300] [--concurrency 8] [--seconds 60]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "story-iran-2014"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load(call, requests: int, concurrency: int, seconds: float) -> tuple[float, float, float, int, int]:
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    failures = 0

    def one(_: int) -> None:
        nonlocal failures
        if time.perf_counter() > deadline:
            return
        start = time.perf_counter()
        ok = call()
        latencies.append(time.perf_counter() - start)
        failures += not ok

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]
    return len(latencies) / elapsed, statistics.median(latencies), p99, len(latencies), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    import uvicorn

    from khulasa.read import read_paths
    from khulasa.serve.app import create_app
    from khulasa.serve.protocol import server_config
    from khulasa.store import SQLiteStore
    from khulasa.stream.ingest import ingest_articles

    articles = read_paths([EXAMPLE])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "k.sqlite"
        with SQLiteStore(db) as store:
            ingest_articles(store, articles, threshold=0.1)
            story = next(s.story_id for s in store.articles() if s.article.id == "report-a")
        port = _port()
        server = uvicorn.Server(server_config(create_app(str(db)), "127.0.0.1", port, log_level="error"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{port}"
        client = httpx.Client(timeout=30)
        for _ in range(100):
            try:
                client.get(base + f"/stories/{story}")  # also computes and caches the analysis
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        body = {"docs": [{"id": a.id, "text": a.text, "title": a.title, "source": a.source} for a in articles]}
        cases = {
            "GET /stories/{id} (story page)": lambda: client.get(f"{base}/stories/{story}").status_code == 200,
            "POST /summarize (3 articles)": lambda: client.post(base + "/summarize", json=body).status_code == 200,
        }
        print(
            f"loopback, {args.concurrency} concurrent clients, at most {args.requests} requests / {args.seconds} s each"
        )
        print(f"{'endpoint':34} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'done':>5} {'failed':>6}")
        for name, call in cases.items():
            rate, p50, p99, done, failed = load(call, args.requests, args.concurrency, args.seconds)
            print(f"{name:34} {rate:7.1f} {p50 * 1000:8.1f} {p99 * 1000:8.1f} {done:5} {failed:6}", flush=True)
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
