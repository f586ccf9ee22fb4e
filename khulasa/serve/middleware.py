"""Pure ASGI middleware: body limit on the streamed bytes, token check before the body, security
headers on every response.

Pure ASGI (not Starlette's BaseHTTPMiddleware, which buffers) so that a body is counted chunk by
chunk as it arrives and a request can be refused before its body is read at all.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Collection
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


async def send_error(send: Send, status: int, message: str) -> None:
    """A JSON {"error": message} response that also closes the connection, so a body the client is
    still sending is not read any further."""
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(HTTPException):
    """Raised from `receive` once the body passes the limit; FastAPI re-raises HTTPExceptions met
    while parsing the body, so the app's handler answers 413 (and the middleware does otherwise)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


class BodyLimitMiddleware:
    """413 as soon as a request body passes `limit` bytes: at once when Content-Length says so
    (or is not a number), else when the running total of the received chunks passes it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await send_error(send, 413, f"request body over {self.limit} bytes")
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:
            if started:
                raise
            await send_error(send, 413, str(exc.detail))


class TokenGuardMiddleware:
    """401 for a request to a write endpoint without the right `Authorization: Bearer TOKEN`,
    decided on the headers alone: the body of an unauthenticated request is never read."""

    def __init__(self, app: ASGIApp, token: str | None, guarded: Callable[[str, str], bool]) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode() if token else None
        self.guarded = guarded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.guarded(scope["method"], scope["path"]):
            given = _header(scope, b"authorization")
            if self.expected is None or given is None or not hmac.compare_digest(given.encode(), self.expected):
                await send_error(send, 401, "a valid token is required (Authorization: Bearer TOKEN)")
                return
        await self.app(scope, receive, send)


class SecurityHeadersMiddleware:
    """Content-Security-Policy, nosniff, Referrer-Policy and X-Frame-Options on every response."""

    def __init__(self, app: ASGIApp, headers: Collection[tuple[bytes, bytes]] = SECURITY_HEADERS) -> None:
        self.app = app
        self.headers = list(headers)
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key.lower() == name:
            return value.decode("latin-1")
    return None
