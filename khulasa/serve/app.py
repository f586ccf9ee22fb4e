"""ASGI application (FastAPI): story pages, an upload/paste form and a JSON API over the store.

Article text is untrusted: templates escape everything (Jinja2 autoescape) and the pages run no
script under a strict Content-Security-Policy. Requests are bounded before any work (serve/limits.py):
bodies as their bytes arrive, the token of a write endpoint before its body is read, and what an
unauthenticated client may ask to summarize. Errors are one-line JSON {"error": ...}, never traces.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from importlib.resources import files
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Header, HTTPException, Path, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from khulasa.errors import KhulasaError
from khulasa.model import Article
from khulasa.serve.limits import (
    MAX_BODY_BYTES,
    MAX_CONCURRENT_SUMMARIES,
    MAX_DOC_CHARS,
    MAX_DOCS,
    MAX_HTML_BYTES,
    MAX_QUERY_CHARS,
    MAX_SUMMARY_WORDS,
    PAGE_MAX_TOTAL_CHARS,
    LimitError,
    check_texts,
)
from khulasa.serve.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware, TokenGuardMiddleware

StoryId = Annotated[int, Path(ge=0, lt=2**63, description="a story id (SQLite integers are below 2^63)")]
SearchQuery = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description="word or name to search for")]
WRITE_ENDPOINTS = {("POST", "/api/articles")}


class ArticleIn(BaseModel):
    id: str | None = None
    text: str = Field(min_length=1, max_length=MAX_DOC_CHARS)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    time: str | None = None


class SummarizeIn(BaseModel):
    docs: list[ArticleIn] = Field(min_length=1, max_length=MAX_DOCS)
    id: str | None = None
    lang: str | None = Field(default=None, pattern="^(ar|en)$")
    words: int = Field(default=100, ge=5, le=MAX_SUMMARY_WORDS)
    method: str = "ilp"


def _articles(docs: list[ArticleIn]) -> list[Article]:
    """Request articles as Articles; one without an id gets one derived from its content, so the
    same text always has the same id and different texts never share one."""
    from khulasa.store import content_hash

    articles = []
    for d in docs:
        article = Article(
            id=d.id or "", text=d.text, title=d.title, source=d.source, url=d.url, time=d.time, origin="<request>"
        )
        if not d.id:
            article = replace(article, id="sha-" + content_hash(article)[:16])
        articles.append(article)
    return articles


def create_app(db: str = "khulasa.sqlite", token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The application over one store (SQLite path or postgresql:// address)."""
    from khulasa.store import open_store

    app = FastAPI(title="Khulasa", version="0.1.0", description="Source-attributed summaries of Arabic news stories.")
    templates = Jinja2Templates(directory=str(files("khulasa.serve").joinpath("templates")))
    stylesheet = files("khulasa.serve").joinpath("templates", "style.css").read_bytes()
    # The last added runs first: headers on every answer, then the token, then the body limit.
    app.add_middleware(BodyLimitMiddleware, limit=max_body)
    app.add_middleware(
        TokenGuardMiddleware, token=token, guarded=lambda method, path: (method, path) in WRITE_ENDPOINTS
    )
    app.add_middleware(SecurityHeadersMiddleware)

    def store():
        return open_store(db)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        headers = dict(exc.headers or {})
        if exc.status_code == 413:  # the rest of the body is not read: close rather than drain it
            headers["connection"] = "close"
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        # Only where and what: the offending input may be huge, or NaN, which JSON cannot carry.
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid')}"}, status_code=422)

    @app.exception_handler(LimitError)
    async def limit_error(request: Request, exc: LimitError):
        return JSONResponse({"error": str(exc)}, status_code=413)

    @app.exception_handler(KhulasaError)
    async def input_error(request: Request, exc: KhulasaError):
        return JSONResponse({"error": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        return JSONResponse({"error": "internal error"}, status_code=500)

    def require_token(authorization: str | None) -> None:
        expected = f"Bearer {token}" if token else None
        if expected is None or authorization is None or not hmac.compare_digest(authorization, expected):
            raise HTTPException(401, "a valid token is required (Authorization: Bearer TOKEN)")

    def story_list(q: str | None) -> list[dict[str, Any]]:
        with store() as s:
            stories = s.stories()
            if q:
                ids = s.search(q)
                stories = [x for x in stories if x.id in ids]
        return [
            {
                "id": x.id,
                "title": x.title,
                "article_count": x.article_count,
                "outlets": list(x.outlets),
                "last": datetime.fromtimestamp(x.last_published, tz=UTC).strftime("%Y-%m-%d")
                if x.last_published
                else "",
            }
            for x in stories[:200]
        ]

    slots = threading.BoundedSemaphore(MAX_CONCURRENT_SUMMARIES)

    @contextmanager
    def summary_slot() -> Iterator[None]:
        """Run summarization work only while fewer than MAX_CONCURRENT_SUMMARIES are running;
        otherwise answer 503 at once (a client is told to retry, nothing queues up)."""
        if not slots.acquire(blocking=False):
            raise HTTPException(503, "the server is busy summarizing; retry in a few seconds", {"Retry-After": "5"})
        try:
            yield
        finally:
            slots.release()

    def story_record(story_id: int) -> tuple[dict, list[Article], dict[str, list[str]]]:
        """The story's record, its articles and each article's cited sentences."""
        from khulasa.stream.summaries import current_summary, refresh_summary

        with store() as s:
            if s.story(story_id) is None:
                raise HTTPException(404, f"no story {story_id}")
            record = current_summary(s, story_id)
            if record is None:  # articles joined since the last summary: recompute, within the work bound
                with summary_slot():
                    record = refresh_summary(s, story_id)
            articles = [a.article for a in s.articles(story_id=story_id) if a.duplicate_of is None]
            sentences = {a.id: s.sentences_of(a.id) for a in articles}
        if record is None:
            raise HTTPException(404, f"story {story_id} has no articles")
        return record, articles, sentences

    @app.get("/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(stylesheet, media_type="text/css", headers={"cache-control": "public, max-age=3600"})

    @app.get("/", response_class=HTMLResponse, summary="Story list page")
    def index(request: Request, q: SearchQuery = None) -> HTMLResponse:
        return templates.TemplateResponse(request, "list.html", {"stories": story_list(q), "q": q})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="Story page")
    def story_page(request: Request, story_id: StoryId) -> HTMLResponse:
        record, articles, sentences = story_record(story_id)
        return templates.TemplateResponse(request, "story.html", _page_context(record, articles, sentences))

    @app.get("/api/stories", summary="Stories, newest first")
    def api_stories(q: SearchQuery = None) -> list[dict[str, Any]]:
        return story_list(q)

    @app.get("/api/stories/{story_id}", summary="A story: summary, attribution, entities, quotes, facts, dates")
    def api_story(story_id: StoryId) -> dict[str, Any]:
        return story_record(story_id)[0]

    @app.post("/summarize", summary="Summarize articles; the response is a `khulasa batch` record")
    def api_summarize(body: SummarizeIn) -> dict[str, Any]:
        from khulasa.pipeline import summarize_articles
        from khulasa.records import summary_record

        check_texts([d.text for d in body.docs])
        with summary_slot():
            summary = summarize_articles(_articles(body.docs), body.words, body.method, body.lang, align="lexical")
        return summary_record(summary, body.id)

    @app.get("/summarize", response_class=HTMLResponse, summary="Upload/paste form")
    def summarize_form(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "form.html", {})

    @app.post(
        "/summarize/page", response_class=HTMLResponse, summary="Form submission: the story page of the pasted articles"
    )
    def summarize_page(
        request: Request,
        text: Annotated[list[str] | None, Form()] = None,
        source: Annotated[list[str] | None, Form()] = None,
        files: Annotated[list[UploadFile] | None, File()] = None,
        words: Annotated[int, Form()] = 100,
    ) -> HTMLResponse:
        from khulasa.analyze.story import analyze_story
        from khulasa.pipeline import prepare_story
        from khulasa.read.decode import decode_bytes
        from khulasa.read.paths import HTML_SUFFIXES, looks_like_html, parse_text
        from khulasa.read.plaintext import parse_plain_text
        from khulasa.records import story_record as render_record

        def form_error(message: str, status: int) -> HTMLResponse:
            return templates.TemplateResponse(request, "form.html", {"error": message}, status_code=status)

        articles = []
        try:
            for upload in files or []:
                if not upload.filename:
                    continue
                name = upload.filename.rsplit("/", 1)[-1]
                stem, dot, suffix = name.rpartition(".")
                data = upload.file.read(max_body + 1)
                decoded = decode_bytes(data, name, max_body)
                suffix = f".{suffix.lower()}" if dot else ""
                if len(data) > MAX_HTML_BYTES and (suffix in HTML_SUFFIXES or looks_like_html(decoded)):
                    raise LimitError(f"{name}: HTML page of {len(data)} bytes: at most {MAX_HTML_BYTES}")
                articles += parse_text(decoded, stem or name, name, suffix)
                check_texts([a.text for a in articles], PAGE_MAX_TOTAL_CHARS)  # before the next upload is parsed
        except KhulasaError as exc:
            return form_error(str(exc), 422)
        except LimitError as exc:
            return form_error(str(exc), 413)
        for i, body in enumerate(text or []):
            if body.strip():
                names = source or []
                name = (names[i] if i < len(names) else "").strip() or f"مصدر {i + 1}"
                parsed = parse_plain_text(body, name, "<form>")
                articles.append(parsed)
        if not articles:
            return form_error("الصق نص تقرير واحد على الأقل", 422)
        try:
            check_texts([a.text for a in articles], PAGE_MAX_TOTAL_CHARS)
        except LimitError as exc:
            return form_error(str(exc), 413)
        try:
            with summary_slot():
                story, _ = prepare_story(articles)
                words = max(10, min(words, MAX_SUMMARY_WORDS))
                record = render_record(analyze_story(story, words=words))
        except KhulasaError as exc:
            return form_error(str(exc), 422)
        except HTTPException as exc:
            return form_error(str(exc.detail), exc.status_code)
        sentences = {
            c.article.id: [x.text for x in story.sentences if x.doc_id == c.article.id] for c in story.articles
        }
        return templates.TemplateResponse(request, "story.html", _page_context(record, articles, sentences))

    @app.post("/api/articles", summary="Ingest articles into the store (needs the token)")
    def api_ingest(docs: list[ArticleIn], authorization: str | None = Header(default=None)) -> dict[str, Any]:
        require_token(authorization)
        from khulasa.stream.ingest import ingest_articles

        with store() as s:
            report = ingest_articles(s, _articles(docs))
        return {
            "added": report.added,
            "duplicates": report.duplicates,
            "already_stored": report.already_stored,
            "renamed": [{"id": given, "stored_as": stored} for given, stored in report.renamed],
            "stories": sorted(report.stories),
        }

    return app


def _page_context(record: dict, articles: list[Article], sentences: dict[str, list[str]]) -> dict[str, Any]:
    """What the story template needs besides the record: title, safe links, and for each cited
    sentence its neighbours in the article (from the sentences the summary was made of)."""
    contexts: dict[str, tuple[str, str]] = {}
    for article_id, texts in sentences.items():
        for index in range(len(texts)):
            before = texts[index - 1] if index > 0 else ""
            after = texts[index + 1] if index + 1 < len(texts) else ""
            contexts[f"{article_id}#{index}"] = (before, after)
    title = next((a.title for a in articles if a.title), None) or (record.get("sentences") or [{"text": ""}])[0]["text"]
    return {
        "record": record,
        "articles": articles,
        "title": title,
        "contexts": contexts,
        "urls": {a.id: a.url for a in articles if a.url and a.url.startswith(("http://", "https://"))},
    }
