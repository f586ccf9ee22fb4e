"""ASGI application (FastAPI): story pages, an upload/paste form and a JSON API over the store.

Article text is untrusted: templates escape everything (Jinja2 autoescape), request bodies are
capped, write endpoints need the configured token, and errors never carry stack traces.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from importlib.resources import files
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from khulasa.errors import KhulasaError
from khulasa.model import Article

MAX_BODY_BYTES = 5 * 1024 * 1024


class ArticleIn(BaseModel):
    id: str | None = None
    text: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    time: str | None = None


class SummarizeIn(BaseModel):
    docs: list[ArticleIn] = Field(min_length=1, max_length=500)
    id: str | None = None
    lang: str | None = Field(default=None, pattern="^(ar|en)$")
    words: int = Field(default=100, ge=5, le=2000)
    method: str = "ilp"


def _articles(docs: list[ArticleIn]) -> list[Article]:
    return [
        Article(
            id=d.id or f"doc{i + 1}",
            text=d.text,
            title=d.title,
            source=d.source,
            url=d.url,
            time=d.time,
            origin="<request>",
        )
        for i, d in enumerate(docs)
    ]


def create_app(db: str = "khulasa.sqlite", token: str | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The application over one store (SQLite path or postgresql:// address)."""
    from khulasa.store import open_store

    app = FastAPI(title="Khulasa", version="0.1.0", description="Source-attributed summaries of Arabic news stories.")
    templates = Jinja2Templates(directory=str(files("khulasa.serve").joinpath("templates")))

    def store():
        return open_store(db)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            return JSONResponse({"error": f"request body over {max_body} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

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

    def story_record(story_id: int) -> tuple[dict, list[Article], dict[str, list[str]]]:
        """The story's record, its articles and each article's cited sentences."""
        from khulasa.stream.summaries import refresh_summary

        with store() as s:
            if s.story(story_id) is None:
                raise HTTPException(404, f"no story {story_id}")
            record = refresh_summary(s, story_id)
            articles = [a.article for a in s.articles(story_id=story_id) if a.duplicate_of is None]
            sentences = {a.id: s.sentences_of(a.id) for a in articles}
        if record is None:
            raise HTTPException(404, f"story {story_id} has no articles")
        return record, articles, sentences

    @app.get("/", response_class=HTMLResponse, summary="Story list page")
    def index(request: Request, q: str | None = None) -> HTMLResponse:
        return templates.TemplateResponse(request, "list.html", {"stories": story_list(q), "q": q})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, summary="Story page")
    def story_page(request: Request, story_id: int) -> HTMLResponse:
        record, articles, sentences = story_record(story_id)
        return templates.TemplateResponse(request, "story.html", _page_context(record, articles, sentences))

    @app.get("/api/stories", summary="Stories, newest first")
    def api_stories(q: str | None = None) -> list[dict[str, Any]]:
        return story_list(q)

    @app.get("/api/stories/{story_id}", summary="A story: summary, attribution, entities, quotes, facts, dates")
    def api_story(story_id: int) -> dict[str, Any]:
        return story_record(story_id)[0]

    @app.post("/summarize", summary="Summarize articles; the response is a `khulasa batch` record")
    def api_summarize(body: SummarizeIn) -> dict[str, Any]:
        from khulasa.cli.render import summary_record
        from khulasa.pipeline import summarize_articles

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
        from khulasa.cli.render_story import story_record as render_record
        from khulasa.pipeline import prepare_story
        from khulasa.read.decode import decode_bytes
        from khulasa.read.paths import parse_text
        from khulasa.read.plaintext import parse_plain_text

        articles = []
        try:
            for upload in files or []:
                if not upload.filename:
                    continue
                name = upload.filename.rsplit("/", 1)[-1]
                stem, dot, suffix = name.rpartition(".")
                data = upload.file.read(max_body + 1)
                articles += parse_text(
                    decode_bytes(data, name, max_body), stem or name, name, f".{suffix.lower()}" if dot else ""
                )
        except KhulasaError as exc:
            return templates.TemplateResponse(request, "form.html", {"error": str(exc)}, status_code=422)
        for i, body in enumerate(text or []):
            if body.strip():
                names = source or []
                name = (names[i] if i < len(names) else "").strip() or f"مصدر {i + 1}"
                parsed = parse_plain_text(body, name, "<form>")
                articles.append(parsed)
        if not articles:
            return templates.TemplateResponse(
                request, "form.html", {"error": "الصق نص تقرير واحد على الأقل"}, status_code=422
            )
        try:
            story, _ = prepare_story(articles)
            record = render_record(analyze_story(story, words=max(10, min(words, 1000)), align="semantic"))
        except KhulasaError as exc:
            return templates.TemplateResponse(request, "form.html", {"error": str(exc)}, status_code=422)
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
