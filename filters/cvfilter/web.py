"""The one HTTP client of cvfilter (`cv stats --refresh`, `cv add`, `cv sync`), on urllib.

Timeouts per request and a deadline for the whole run, retries with backoff on 429 and 5xx (a
Retry-After or rate-limit reset is obeyed up to `max_wait`), a cap on the size of an answer, and a
User-Agent that names cvfilter and, where the owner gave an e-mail, their contact, as Crossref and
OpenAlex ask of polite clients. The standard library keeps `cv --help` free of an HTTP stack's
import time, and one client serves every service alike. The clock and the sleep are injectable so
that tests exercise waiting without ever waiting long.
"""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

from . import __version__

USER_AGENT = f"cvfilter/{__version__}"
MAX_BYTES = 16 * 1024 * 1024


class FetchError(Exception):
    """A request that failed for good; `reason` is one line a user can act on."""

    def __init__(self, reason: str, status: int | None = None, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.unreachable = unreachable


def base_url(variable: str, default: str, environ: dict[str, str] | None = None) -> str:
    """A service's address: the environment variable when set (tests point it at 127.0.0.1)."""
    env = os.environ if environ is None else environ
    return (env.get(variable) or default).rstrip("/")


def user_agent(contact: str | None) -> str:
    """cvfilter's name and version, and `mailto:` the owner when metadata.yaml has an e-mail."""
    return f"{USER_AGENT} (mailto:{contact})" if contact else USER_AGENT


@dataclass
class HttpClient:
    """GET with bounded retries. `max_wait` caps any single wait, rate limits included; `deadline`
    (seconds from the first request) caps the whole run; `max_bytes` caps one answer."""

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    deadline: float | None = 300.0
    max_bytes: int = MAX_BYTES
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], float] = time.time
    headers: dict[str, str] = field(default_factory=dict)
    contact: str | None = None
    _started: float | None = field(default=None, init=False, repr=False)
    _last: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def pace(self, service: str, seconds: float) -> None:
        """Wait until `seconds` have passed since the last request to `service` (arXiv asks for
        three seconds between requests)."""
        last = self._last.get(service)
        if last is not None:
            wait = last + seconds - self.now()
            if wait > 0:
                self.sleep(wait)
        self._last[service] = self.now()

    def get_json(self, url: str, headers: dict[str, str] | None = None) -> Any:
        """The decoded JSON body of `url`; raises FetchError after the last attempt fails."""
        body = self.get_bytes(url, {"Accept": "application/json", **(headers or {})})
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FetchError(f"the answer is not valid JSON ({exc})") from None

    def get_text(self, url: str, headers: dict[str, str] | None = None) -> str:
        """The body of `url` as UTF-8 text (XML, BibTeX)."""
        body = self.get_bytes(url, headers)
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FetchError(f"the answer is not UTF-8 text ({exc})") from None

    def get_bytes(self, url: str, headers: dict[str, str] | None = None) -> bytes:
        if self._started is None:
            self._started = self.now()
        attempt = 0
        while True:
            try:
                return self._once(url, headers or {})
            except _Retry as retry:
                attempt += 1
                if attempt > self.retries:
                    raise FetchError(retry.reason, retry.status) from None
                wait = retry.wait if retry.wait is not None else self.backoff * 2 ** (attempt - 1)
                if wait > self.max_wait:
                    raise FetchError(f"{retry.reason}; would have to wait {wait:.0f} s", retry.status) from None
                if self._remaining() is not None and wait > self._remaining():
                    raise FetchError(f"{retry.reason}; gave up: the run's {self.deadline:g} s are used", retry.status) from None
                self.sleep(max(wait, 0.0))

    def _remaining(self) -> float | None:
        if self.deadline is None or self._started is None:
            return None
        return self.deadline - (self.now() - self._started)

    def _once(self, url: str, headers: dict[str, str]) -> bytes:
        remaining = self._remaining()
        if remaining is not None and remaining <= 0:
            raise FetchError(f"gave up: the run's {self.deadline:g} s are used")
        timeout = self.timeout if remaining is None else max(min(self.timeout, remaining), 0.1)
        request = urllib.request.Request(url, headers={"User-Agent": user_agent(self.contact), **self.headers, **headers})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as exc:
            raise self._from_status(exc) from None
        except (TimeoutError, socket.timeout):
            raise _Retry(f"no answer within {timeout:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise _Retry(f"no answer within {timeout:g} s") from None
            raise FetchError(f"cannot connect: {exc.reason}", unreachable=True) from None
        except (ConnectionResetError, ConnectionAbortedError) as exc:
            raise _Retry(f"connection lost: {exc}") from None
        except OSError as exc:
            raise FetchError(f"cannot connect: {exc}", unreachable=True) from None
        if len(body) > self.max_bytes:
            raise FetchError(f"the answer is larger than {self.max_bytes // (1024 * 1024)} MiB; refused")
        return body

    def _from_status(self, exc: urllib.error.HTTPError) -> Exception:
        status = exc.code
        if status in (403, 429):
            wait = self._rate_limit_wait(exc.headers)
            if wait is not None or status == 429:
                return _Retry(f"rate limited (HTTP {status})", status, wait)
            return FetchError(f"access refused (HTTP {status})", status)
        if status == 404:
            return FetchError("not found (HTTP 404)", status)
        if status >= 500:
            return _Retry(f"server error (HTTP {status})", status, self._retry_after(exc.headers))
        return FetchError(f"request refused (HTTP {status})", status)

    def _rate_limit_wait(self, headers: Any) -> float | None:
        """Seconds to wait according to Retry-After or an exhausted X-RateLimit-Reset, if either says."""
        retry_after = self._retry_after(headers)
        if retry_after is not None:
            return retry_after
        remaining = headers.get("X-RateLimit-Remaining") if headers else None
        reset = headers.get("X-RateLimit-Reset") if headers else None
        if reset and reset.strip().isdigit() and (remaining is None or remaining.strip() == "0"):
            return max(float(reset.strip()) - self.now(), 0.0) + 1.0
        return None

    def _retry_after(self, headers: Any) -> float | None:
        """Retry-After in seconds or as an HTTP date; None when absent or unreadable."""
        value = (headers.get("Retry-After") or "").strip() if headers else ""
        if value.isdigit():
            return float(value)
        if value:
            try:
                return max(parsedate_to_datetime(value).timestamp() - self.now(), 0.0)
            except (TypeError, ValueError):
                return None
        return None


class _Retry(Exception):
    """A failure worth another attempt, perhaps after a wait the server asked for."""

    def __init__(self, reason: str, status: int | None = None, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.status, self.wait = reason, status, wait
