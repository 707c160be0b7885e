"""The live preview of `cv watch --serve`: build/ over HTTP on 127.0.0.1, reloading after each build.

The reload script is added only to the HTML this server sends; build/cv.html on disk stays as
`cv build` wrote it. The page polls a version number that goes up after each good build.
"""

from __future__ import annotations

import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


class PreviewServer:
    """A local HTTP server in a daemon thread; `bump()` tells open pages to reload."""

    def __init__(self, folder: Path, port: int = 8000, page: str = "cv.html") -> None:
        self.folder = folder
        self.page = page
        self.version = 0
        handler = partial(_Handler, self, directory=str(folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
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


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, server_state: PreviewServer, *args, **kwargs) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == VERSION_PATH:
            self._send(str(self.state.version).encode(), "text/plain")
        elif path in ("/", f"/{self.state.page}"):
            page = self.state.folder / self.state.page
            try:
                html = page.read_text(encoding="utf-8")
            except OSError:
                self.send_error(HTTPStatus.NOT_FOUND, "no HTML yet: the first build has not succeeded")
                return
            self._send(with_reload_script(html).encode("utf-8"), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build reports."""
