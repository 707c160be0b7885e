"""The live preview of `cv watch --serve`: build/ over HTTP on 127.0.0.1, reloading after each build.

The reload script is added only to the HTML this server sends; build/cv.html on disk stays as
`cv build` wrote it. The page polls a version number that goes up after each good build.

What it exposes (SECURITY.md): only the build's own files (cv.html, cv.pdf, cv-NAME.docx, ...),
read as regular files directly in the build folder, never through a symbolic link, never a folder
listing; only to requests whose Host is 127.0.0.1 or localhost, so a web page the user visits
cannot read the CV through DNS rebinding; with at most MAX_CONNECTIONS open at once, each dropped
after IDLE_SECONDS without a request; a client that goes away is no error.
"""

from __future__ import annotations

import mimetypes
import os
import re
import socket
import stat
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

VERSION_PATH = "/__cv_version"
RELOAD_SCRIPT = (
    "<script>(()=>{let v=null;setInterval(async()=>{try{"
    f"const r=await fetch('{VERSION_PATH}',{{cache:'no-store'}});const t=await r.text();"
    "if(v!==null&&t!==v)location.reload();v=t;}catch(e){}},500);})();</script>"
)


def with_reload_script(html: str) -> str:
    """The page with the polling script just before </body> (or at the end if there is none)."""
    marker = html.lower().rfind("</body>")
    if marker < 0:
        return html + RELOAD_SCRIPT
    return html[:marker] + RELOAD_SCRIPT + html[marker:]


MAX_CONNECTIONS = 16
IDLE_SECONDS = 10
# The files a build writes: cv.* and cv-VARIANT.*, in the formats cvfilter writes, and cv preview's PNGs.
BUILD_FILE = re.compile(r"cv(?:-[A-Za-z0-9_-]+)?\.(?:html|pdf|docx|md|txt|json|png)")
_LOCAL_HOSTS = re.compile(r"(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?", re.IGNORECASE)
_GONE = (ConnectionError, TimeoutError, socket.timeout)


class _BoundedServer(ThreadingHTTPServer):
    """One thread per connection, at most MAX_CONNECTIONS of them; a connection beyond that is
    closed at once. Clients that disconnect are not errors."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, *args, **kwargs) -> None:
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        """Quiet: a browser closing a tab mid-reply is normal, and nothing else here is the user's."""


class PreviewServer:
    """A local HTTP server in a daemon thread; `bump()` tells open pages to reload."""

    def __init__(self, folder: Path, port: int = 8000, page: str = "cv.html") -> None:
        self.folder = folder
        self.page = page
        self.version = 0
        state = self

        class Handler(_Handler):
            server_state = state

        self.httpd = _BoundedServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/{self.page}"

    def bump(self) -> None:
        self.version += 1

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_state: PreviewServer
    timeout = IDLE_SECONDS  # an idle connection is closed: it does not hold a worker forever
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._reply(head_only=False)

    def do_HEAD(self) -> None:
        self._reply(head_only=True)

    def _reply(self, head_only: bool) -> None:
        try:
            if not _LOCAL_HOSTS.fullmatch(self.headers.get("Host", "")):
                self._error(HTTPStatus.MISDIRECTED_REQUEST, "this preview answers only to 127.0.0.1 and localhost")
                return
            state = self.server_state
            path = unquote(self.path.split("?", 1)[0].split("#", 1)[0])
            if path == VERSION_PATH:
                self._send(str(state.version).encode(), "text/plain", head_only)
                return
            name = state.page if path == "/" else path[1:]
            body = _build_file(state.folder, name)
            if body is None:
                self._error(HTTPStatus.NOT_FOUND, "not a file of this build" if name != state.page else
                            "no HTML yet: the first build has not succeeded")
                return
            if name == state.page:
                self._send(with_reload_script(body.decode("utf-8", errors="replace")).encode("utf-8"), "text/html; charset=utf-8", head_only)
            else:
                self._send(body, mimetypes.guess_type(name)[0] or "application/octet-stream", head_only)
        except _GONE:
            self.close_connection = True

    def _error(self, status: HTTPStatus, message: str) -> None:
        body = f"{status.value} {message}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send(self, body: bytes, content_type: str, head_only: bool = False) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except _GONE:
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build reports."""


def _build_file(folder: Path, name: str) -> bytes | None:
    """The bytes of a file the build wrote, directly in `folder` and not a link; else None."""
    if not BUILD_FILE.fullmatch(name):
        return None
    try:
        handle = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        return stream.read()
