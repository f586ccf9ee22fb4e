"""Half-sent requests against a real uvicorn server: their connections are closed after the
header timeout, while complete requests are served as before."""

from __future__ import annotations

import socket

import httpx
import pytest

from tests.serve.conftest import TOKEN, free_port, running

HEADER_TIMEOUT = 0.5
WAIT = 15.0  # a generous bound on the wait itself, not a timing assertion


@pytest.fixture(scope="module")
def quick_server(server):
    from khulasa.serve.app import create_app
    from khulasa.serve.protocol import server_config

    config = server_config(
        create_app(str(server["db"]), TOKEN), "127.0.0.1", free_port(), header_timeout=HEADER_TIMEOUT, log_level="error"
    )
    with running(config) as base:
        yield config.port, base


def closed_by_server(sock: socket.socket) -> bool:
    """True when the server closes the connection (EOF or reset) within WAIT seconds."""
    sock.settimeout(WAIT)
    try:
        while sock.recv(65_536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_half_sent_headers_are_closed_after_the_timeout(quick_server):
    port, _ = quick_server
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=WAIT) for _ in range(20)]
    try:
        for sock in sockets:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
        assert all(closed_by_server(sock) for sock in sockets)
    finally:
        for sock in sockets:
            sock.close()


def test_a_silent_connection_is_closed(quick_server):
    port, _ = quick_server
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        assert closed_by_server(sock)


def test_a_half_sent_second_request_on_a_kept_alive_connection_is_closed(quick_server):
    port, _ = quick_server
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as sock:
        sock.sendall(b"GET /api/stories?q=%D8%AE HTTP/1.1\r\nHost: x\r\n\r\n")
        first = sock.recv(65_536)
        assert first.startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /api/stories HTTP/1.1\r\nHost:")
        assert closed_by_server(sock)


def test_complete_requests_are_still_served(quick_server):
    _, base = quick_server
    with httpx.Client(base_url=base, timeout=WAIT) as client:
        assert all(client.get("/api/stories").status_code == 200 for _ in range(3))
