"""A small JSON-over-HTTP client on urllib: timeouts, retries with backoff, rate limits respected.

The clock and the sleep are injectable so that tests exercise waiting without ever waiting long.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

USER_AGENT = "cvfilter-stats"


class FetchError(Exception):
    """A request that failed for good; `reason` is one line a user can act on."""

    def __init__(self, reason: str, status: int | None = None, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.unreachable = unreachable


@dataclass
class HttpClient:
    """GET JSON with bounded retries. `max_wait` caps any single wait, rate limits included."""

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], float] = time.time
    headers: dict[str, str] = field(default_factory=dict)

    def get_json(self, url: str, headers: dict[str, str] | None = None) -> Any:
        """The decoded JSON body of `url`; raises FetchError after the last attempt fails."""
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
                self.sleep(max(wait, 0.0))

    def _once(self, url: str, headers: dict[str, str]) -> Any:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **self.headers, **headers})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise self._from_status(exc) from None
        except (TimeoutError, socket.timeout):
            raise _Retry(f"no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise _Retry(f"no answer within {self.timeout:g} s") from None
            raise FetchError(f"cannot connect: {exc.reason}", unreachable=True) from None
        except (ConnectionResetError, ConnectionAbortedError) as exc:
            raise _Retry(f"connection lost: {exc}") from None
        except OSError as exc:
            raise FetchError(f"cannot connect: {exc}", unreachable=True) from None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FetchError(f"the answer is not valid JSON ({exc})") from None

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
