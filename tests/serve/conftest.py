"""A real Khulasa server on a free loopback port, over a store holding the example story and an
article full of HTML meant to run as script."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from khulasa.model import Article

TOKEN = "test-token"
MAX_BODY = 200_000
HOSTILE = Article(
    id="xss",
    title='<script>window.__xss=1</script> عنوان "مريب"',
    text='<img src=x onerror="window.__xss=2"> قال المتحدث إن <b onmouseover="window.__xss=3">المحادثات</b> '
    "ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين.",
    source='evil" onclick="window.__xss=4',
    url="javascript:window.__xss=5",
    time="2014-09-20T12:00:00",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory, example_articles):
    from khulasa.serve.app import create_app
    from khulasa.serve.protocol import server_config
    from khulasa.store import SQLiteStore
    from khulasa.stream.ingest import ingest_articles

    db = tmp_path_factory.mktemp("serve") / "k.sqlite"
    dated = [
        Article(a.id, a.text, a.title, a.source, f"https://example.org/{a.id}", "2014-09-15T12:00:00", a.origin)
        for a in example_articles
    ]
    with SQLiteStore(db) as store:
        ingest_articles(store, [*dated, HOSTILE], threshold=0.1)
        story_of = {s.article.id: s.story_id for s in store.articles()}
    port = free_port()
    app = create_app(str(db), TOKEN, max_body=MAX_BODY)
    with running(server_config(app, "127.0.0.1", port, log_level="warning")) as base:
        yield {"base": base, "port": port, "db": db, "story": story_of["report-a"], "hostile": story_of["xss"]}


@contextmanager
def running(config) -> Iterator[str]:
    """Run a uvicorn server in a thread while the block runs; yields its base address."""
    import uvicorn

    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    base = f"http://{config.host}:{config.port}"
    for _ in range(100):
        try:
            httpx.get(base + "/api/stories", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
