"""A hostile client against the server: bodies that never end, requests without a token, work
that is too large, inputs that used to give 500, and the security headers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import select
import socket

import httpx
import pytest

from khulasa.serve.limits import (
    MAX_DOC_CHARS,
    MAX_DOCS,
    MAX_GLUED_LETTERS,
    MAX_HTML_BYTES,
    MAX_QUERY_CHARS,
    MAX_TOTAL_CHARS,
    PAGE_MAX_TOTAL_CHARS,
)
from tests.serve.conftest import MAX_BODY, TOKEN

SENTENCE = "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين. "


def asgi(app, method: str, path: str, chunks: list[bytes] | None = None, **kwargs) -> tuple[httpx.Response, int]:
    """Send one request to the app in process; a chunked body (no Content-Length) when `chunks`
    is given. Returns the response and how many chunks the app pulled."""
    pulled = 0

    async def body():
        nonlocal pulled
        for chunk in chunks or []:
            pulled += 1
            yield chunk

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            content = body() if chunks is not None else kwargs.pop("content", None)
            return await client.request(method, path, content=content, **kwargs)

    return asyncio.run(call()), pulled


def raw_get(app, path: str, query: bytes) -> int:
    """The status of a GET sent straight to the app: no client limits the length of its query."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"]


@pytest.fixture(scope="module")
def app(server):
    from khulasa.serve.app import create_app

    return create_app(str(server["db"]), TOKEN, max_body=MAX_BODY)


def test_a_chunked_body_is_cut_at_the_limit_as_it_streams(app):
    chunks = [b"{" + b" " * 65_535] + [b" " * 65_536] * 300  # 19.7 MB, no Content-Length
    response, pulled = asgi(app, "POST", "/summarize", chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "over" in response.json()["error"]
    assert pulled <= MAX_BODY // 65_536 + 2  # stopped at the limit, not after 300 chunks


def test_a_chunked_body_over_a_real_socket_gets_413_before_it_ends(server):
    head = (
        b"POST /summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"10000\r\n" + b" " * 65_536 + b"\r\n"
    answer, sent = b"", 0
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=30) as sock:
        sock.sendall(head + b"1\r\n{\r\n")
        try:
            while sent < 50_000_000 and not answer:
                sock.sendall(chunk)
                sent += len(chunk)
                if select.select([sock], [], [], 0)[0]:
                    answer = sock.recv(65_536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        if not answer:
            with contextlib.suppress(OSError):
                answer = sock.recv(65_536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 50_000_000  # answered while the body was still coming


def test_write_endpoint_checks_the_token_before_reading_the_body(server, app):
    url = server["base"] + "/api/articles"
    with socket.create_connection(("127.0.0.1", server["port"]), timeout=30) as sock:
        sock.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n[")
        assert sock.recv(65_536).startswith(b"HTTP/1.1 401")  # not 413: the token is checked first
    invalid = httpx.post(url, content=b"not json at all", headers={"content-type": "application/json"})
    assert invalid.status_code == 401 and "token" in invalid.json()["error"]
    response, pulled = asgi(app, "POST", "/api/articles", [b"[" + b" " * 65_535] * 100)
    assert response.status_code == 401 and pulled == 0  # the body was never read


def test_summarize_caps_what_a_request_may_ask(server):
    url = server["base"] + "/summarize"
    too_many = httpx.post(url, json={"docs": [{"text": SENTENCE, "source": str(i)} for i in range(MAX_DOCS + 1)]})
    assert too_many.status_code in (413, 422) and str(MAX_DOCS) in too_many.json()["error"]
    long_doc = SENTENCE * (MAX_DOC_CHARS // len(SENTENCE) + 1)
    too_long = httpx.post(url, json={"docs": [{"text": long_doc}]})
    assert too_long.status_code in (413, 422) and "error" in too_long.json()
    third = SENTENCE * (MAX_TOTAL_CHARS // 3 // len(SENTENCE) + 1)  # each article under its cap, not all three
    too_much = httpx.post(url, json={"docs": [{"text": third, "source": s} for s in "abc"]})
    assert too_much.status_code == 413 and str(MAX_TOTAL_CHARS) in too_much.json()["error"]


def test_glued_runs_past_the_cap_are_refused_before_work(server):
    glued = SENTENCE + "الولاياتالمتحدة" * (MAX_GLUED_LETTERS // 15 + 1) + " " + SENTENCE
    response = httpx.post(server["base"] + "/summarize", json={"docs": [{"text": glued}]})
    assert response.status_code == 413 and "without a space" in response.json()["error"]
    page = httpx.post(server["base"] + "/summarize/page", data={"text": [glued]})
    assert page.status_code == 413 and "without a space" in page.text


def test_a_large_html_upload_is_refused_before_extraction(server):
    from khulasa.serve.app import create_app

    paragraph = f"<p>{SENTENCE}</p>\n"
    html = "<!doctype html><html><body>" + paragraph * (MAX_HTML_BYTES // len(paragraph.encode()) + 1)
    files = [("files", ("big.html", html.encode(), "text/html"))]
    response, _ = asgi(create_app(str(server["db"]), TOKEN), "POST", "/summarize/page", files=files)
    assert response.status_code == 413 and "HTML" in response.text and str(MAX_HTML_BYTES) in response.text


def test_the_form_caps_pasted_text_with_a_message(server):
    third = SENTENCE * (PAGE_MAX_TOTAL_CHARS // 3 // len(SENTENCE) + 1)
    fields = [("text", (None, third.encode())) for _ in range(3)]  # multipart: the body stays under its limit
    page = httpx.post(server["base"] + "/summarize/page", files=fields)
    assert page.status_code == 413 and str(PAGE_MAX_TOTAL_CHARS) in page.text and 'dir="rtl"' in page.text


def test_nan_in_json_is_a_client_error(server):
    response = httpx.post(
        server["base"] + "/summarize", content=b'{"docs":[{"text": NaN}]}', headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422) and "text" in response.json()["error"]


def test_an_unknown_method_is_405(server):
    for method, path in (("PATCH", "/summarize"), ("FOO", "/api/stories"), ("DELETE", f"/stories/{server['story']}")):
        response = httpx.request(method, server["base"] + path)
        assert response.status_code == 405, (method, path, response.status_code)


def test_story_ids_past_sqlite_integers_are_not_found(server):
    for path in ("/stories/", "/api/stories/"):
        for story in (2**63, 10**30, -1):
            response = httpx.get(f"{server['base']}{path}{story}")
            assert response.status_code in (404, 422), (path, story, response.status_code)
            assert "error" in response.json()


def test_a_long_search_query_is_refused(server, app):
    long_query = "خامنئي " * 300
    response = httpx.get(server["base"] + "/api/stories", params={"q": long_query})
    assert response.status_code == 422 and str(MAX_QUERY_CHARS) in response.json()["error"]
    page = httpx.get(server["base"] + "/", params={"q": long_query})
    assert page.status_code == 422
    assert raw_get(app, "/api/stories", b"q=" + b"x" * 100_000) == 422  # past SQLite's LIKE pattern limit


def test_search_matches_percent_and_underscore_literally(server):
    assert httpx.get(server["base"] + "/api/stories", params={"q": "خامنئي"}).json()
    for q in ("%", "%%", "خامنئ_", "خامن%"):  # would match خامنئي as LIKE wildcards
        assert httpx.get(server["base"] + "/api/stories", params={"q": q}).json() == [], q


def test_the_form_summarizes_an_html_upload(server, example_dir):
    body = (example_dir / "report-a.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    html = f"<!doctype html><html><head><title>تقرير</title></head><body><article>{paragraphs}</article></body></html>"
    page = httpx.post(
        server["base"] + "/summarize/page", files=[("files", ("report.html", html.encode(), "text/html"))], timeout=120
    )
    assert page.status_code in (200, 422), page.status_code
    assert "خامنئي" in page.text if page.status_code == 200 else "error" in page.text
    broken = httpx.post(
        server["base"] + "/summarize/page", files=[("files", ("x.html", b"<html><body>", "text/html"))], timeout=120
    )
    assert broken.status_code in (200, 422) and "Traceback" not in broken.text


def test_articles_without_ids_get_ids_from_their_content(server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    url = server["base"] + "/api/articles"
    first = [{"text": "أعلنت وزارة الزراعة اليوم عن خطة لدعم مزارعي القمح في الشمال.", "source": "A"}]
    second = [{"text": "افتتح رئيس البلدية جسراً جديداً فوق النهر بعد عامين من العمل.", "source": "B"}]
    assert httpx.post(url, json=first, headers=auth).json()["added"] == 1
    assert httpx.post(url, json=second, headers=auth).json()["added"] == 1
    assert httpx.post(url, json=first, headers=auth).json()["added"] == 0


def test_every_response_carries_the_security_headers(server):
    base = server["base"]
    responses = [
        httpx.get(base + "/"),
        httpx.get(base + "/style.css"),
        httpx.get(f"{base}/stories/{server['story']}", timeout=120),
        httpx.get(base + "/api/stories/99999"),
        httpx.post(base + "/api/articles", json=[]),
        httpx.post(base + "/summarize", content=b"x" * (MAX_BODY + 1)),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 401, 413]
    for response in responses:
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY" and response.headers["referrer-policy"]
    assert responses[1].headers["content-type"].startswith("text/css")


def test_validation_errors_are_one_line_json(server):
    response = httpx.post(server["base"] + "/summarize", json={"docs": [{"text": 5}], "words": "many"})
    assert response.status_code == 422
    assert set(response.json()) == {"error"} and "\n" not in response.json()["error"]
    assert json.loads(response.text)["error"].startswith("body.")


def test_summaries_past_the_concurrency_bound_get_503_at_once(tmp_path, monkeypatch):
    """Each request is capped on its own; how many run at once is capped too (busy → 503 with
    Retry-After, never a queue that grows with the number of clients)."""
    from fastapi.testclient import TestClient

    import khulasa.serve.app as serve_app

    monkeypatch.setattr(serve_app, "MAX_CONCURRENT_SUMMARIES", 0)  # every slot taken
    client = TestClient(serve_app.create_app(str(tmp_path / "k.sqlite"), "t"))
    body = {"docs": [{"text": "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."}]}
    busy = client.post("/summarize", json=body)
    assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
    assert "busy" in busy.json()["error"]
    form = client.post("/summarize/page", data={"text": body["docs"][0]["text"]})
    assert form.status_code == 503
