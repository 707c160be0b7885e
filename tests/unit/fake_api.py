"""A fake GitHub, OpenAlex, Crossref, DataCite, arXiv, DBLP or ORCID on 127.0.0.1, in a thread, so
no test touches the real network.

Each route answers from a queue of scripted replies; the last reply repeats. A route ending in `*`
answers every path it starts (a query string, say). Requests are recorded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    hang: bool = False


@dataclass
class FakeApi:
    url: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def repo(self, name: str, stars: int, full_name: str | None = None) -> None:
        self.route(f"/repos/{name}", Reply(body={"full_name": full_name or name, "stargazers_count": stars}))

    def author(self, ident: str, citations: int, h_index: int) -> None:
        self.route(f"/authors/{ident}", Reply(body={"id": ident, "cited_by_count": citations, "summary_stats": {"h_index": h_index}}))

    def hits(self, path: str) -> int:
        if path.endswith("*"):
            return sum(1 for seen, _ in self.requests if seen.startswith(path[:-1]))
        return sum(1 for seen, _ in self.requests if seen == path)

    def next_reply(self, path: str) -> Reply:
        queue = self.routes.get(path)
        if queue is None:
            prefixes = [route for route in self.routes if route.endswith("*") and path.startswith(route[:-1])]
            queue = self.routes[max(prefixes, key=len)] if prefixes else None
        if not queue:
            return Reply(404, {"message": "Not Found"})
        return queue.pop(0) if len(queue) > 1 else queue[0]


@contextmanager
def serve() -> Iterator[FakeApi]:
    api = FakeApi()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            api.requests.append((self.path, dict(self.headers)))
            reply = api.next_reply(self.path)
            if reply.hang:
                api.release.wait(10)
                return
            data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    api.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield api
    finally:
        api.release.set()
        server.shutdown()
        server.server_close()
