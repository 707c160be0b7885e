"""`cv watch --serve` exposes only the build's own files, to local Host headers only, with bounded
workers, and is quiet when a client goes away."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from pathlib import Path

import pytest

from cvfilter import serve
from cvfilter.serve import PreviewServer


@pytest.fixture
def server(tmp_path: Path):
    build = tmp_path / "build"
    build.mkdir()
    (build / "cv.html").write_text("<html><body>My CV</body></html>", encoding="utf-8")
    (build / "cv.pdf").write_bytes(b"%PDF-1.7 fake")
    (tmp_path / "secret.txt").write_text("private", encoding="utf-8")
    (build / "notes.txt").write_text("not the build's", encoding="utf-8")
    (build / "cv-linked.html").symlink_to(tmp_path / "secret.txt")
    (build / "sub").mkdir()
    running = PreviewServer(build, port=0)
    running.start()
    yield running
    running.stop()


def _get(server: PreviewServer, path: str, host: str | None = None) -> tuple[int, bytes]:
    port = server.httpd.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_the_build_files_are_served_with_the_reload_script(server: PreviewServer) -> None:
    status, body = _get(server, "/")
    assert status == 200 and b"My CV" in body and serve.VERSION_PATH.encode() in body
    assert _get(server, "/cv.pdf") == (200, b"%PDF-1.7 fake")
    assert _get(server, "/cv.html", host="localhost")[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "", "localhost.attacker:8000"])
def test_a_foreign_host_header_is_refused(server: PreviewServer, host: str) -> None:
    """A DNS-rebinding page reaches 127.0.0.1 with its own name in Host."""
    status, body = _get(server, "/cv.html", host=host)
    assert status == 421 and b"My CV" not in body


@pytest.mark.parametrize("path", ["/cv-linked.html", "/notes.txt", "/sub/", "/../secret.txt", "/%2e%2e/secret.txt",
                                  "/build/", "/?", "/.cv.html.1234.tmp", "/sub"])
def test_only_the_builds_own_regular_files_are_served(server: PreviewServer, path: str) -> None:
    status, body = _get(server, path)
    if path in ("/?",):
        assert status == 200  # the page itself
        return
    assert status == 404
    assert b"private" not in body and b"Index of" not in body


def test_idle_connections_do_not_take_a_thread_each(server: PreviewServer) -> None:
    port = server.httpd.server_address[1]
    before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(100)]
    time.sleep(0.5)
    try:
        assert threading.active_count() - before <= serve.MAX_CONNECTIONS
    finally:
        for connection in idle:
            connection.close()
    time.sleep(0.3)
    assert _get(server, "/cv.pdf")[0] == 200


def test_a_client_that_leaves_mid_request_is_no_error(server: PreviewServer, capfd) -> None:
    port = server.httpd.server_address[1]
    for _ in range(5):
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(b"GET /cv.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        connection.close()  # a reset, not a clean close
    time.sleep(0.5)
    assert _get(server, "/cv.pdf")[0] == 200
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and "Exception" not in captured.err
