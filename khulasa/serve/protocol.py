"""Uvicorn's h11 protocol with a header read timeout, and the server configuration that uses it.

Uvicorn has no timeout for a request's headers: a client that sends "GET / HTTP/1.1\\r\\n" and
never finishes holds its connection (and a file descriptor) forever, so a thousand of them exhaust
the server. Here a timer starts when a connection opens (and again after each response, for the
next request on a keep-alive connection) and is cancelled once h11 has parsed the complete request
headers; when it fires first, the connection is closed.
"""

from __future__ import annotations

import asyncio
import socket
import sys
from functools import partial
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from khulasa.serve.limits import HEADER_TIMEOUT, KEEP_ALIVE_TIMEOUT, MAX_CONNECTIONS


class HeaderTimeoutProtocol(H11Protocol):
    """H11Protocol that closes a connection whose request headers are not complete in `header_timeout` s."""

    def __init__(self, *args: Any, header_timeout: float = HEADER_TIMEOUT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout
        self.header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:  # the request line and headers are in
            self._cancel_header_timer()

    def on_response_complete(self) -> None:
        # Armed before the parent handles a pipelined request, which then cancels it.
        self._arm_header_timer()
        super().on_response_complete()

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        if not self.transport.is_closing():
            self.header_timer = self.loop.call_later(self.header_timeout, self._header_timeout_expired)

    def _cancel_header_timer(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _header_timeout_expired(self) -> None:
        self.header_timer = None
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self.transport.close()


def server_config(app: Any, host: str, port: int, header_timeout: float = HEADER_TIMEOUT, **kwargs: Any):
    """uvicorn.Config for the app: the header timeout protocol, bounded connections, short keep-alive."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=partial(HeaderTimeoutProtocol, header_timeout=header_timeout),  # type: ignore[arg-type]
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        **kwargs,
    )


class Server(uvicorn.Server):
    """uvicorn.Server that says on stderr where it serves, once it listens (the real port when 0)."""

    def __init__(self, config: uvicorn.Config, db: str) -> None:
        super().__init__(config)
        self.db = db

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            port = next((s.getsockname()[1] for server in self.servers for s in server.sockets), self.config.port)
            host = f"[{self.config.host}]" if ":" in self.config.host else self.config.host
            print(f"khulasa: serving http://{host}:{port} (db {self.db})", file=sys.stderr, flush=True)
