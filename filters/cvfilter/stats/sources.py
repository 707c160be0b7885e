"""The two services asked: GitHub's REST API for stars, OpenAlex for citations and h-index.

Google Scholar has no API and forbids scraping, so citation metrics come from OpenAlex.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ..web import FetchError, HttpClient

GITHUB_API = "https://api.github.com"
OPENALEX_API = "https://api.openalex.org"


@dataclass(frozen=True)
class Endpoints:
    """Where to ask; tests point these at a fake server on 127.0.0.1."""

    github: str = GITHUB_API
    openalex: str = OPENALEX_API
    github_token: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Endpoints:
        env = os.environ if environ is None else environ
        return cls(
            github=(env.get("CVFILTER_GITHUB_API") or GITHUB_API).rstrip("/"),
            openalex=(env.get("CVFILTER_OPENALEX_API") or OPENALEX_API).rstrip("/"),
            github_token=env.get("GITHUB_TOKEN") or None,
        )


@dataclass(frozen=True)
class Repo:
    """What GitHub says about one repository."""

    stars: int
    full_name: str


@dataclass(frozen=True)
class Metrics:
    """What OpenAlex says about one author."""

    citations: int
    h_index: int


def fetch_repository(client: HttpClient, endpoints: Endpoints, name: str) -> Repo:
    """Star count of `owner/name`; a 404 means the repository was renamed, deleted or made private."""
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    if endpoints.github_token:
        headers["Authorization"] = f"Bearer {endpoints.github_token}"
    url = f"{endpoints.github}/repos/{urllib.parse.quote(name, safe='/')}"
    try:
        body = client.get_json(url, headers)
    except FetchError as exc:
        if exc.status == 404:
            raise FetchError("not found on GitHub (renamed, deleted or private?)", 404) from None
        if exc.status in (403, 429) and not endpoints.github_token:
            raise FetchError(f"{exc.reason}; set GITHUB_TOKEN for a higher rate limit", exc.status) from None
        raise
    stars = _count(body, "stargazers_count")
    full_name = body.get("full_name") if isinstance(body.get("full_name"), str) else name
    return Repo(stars, full_name)


def fetch_author(client: HttpClient, endpoints: Endpoints, author: str) -> Metrics:
    """Citations and h-index of an OpenAlex author id (A123… or its https://openalex.org/ URL)."""
    ident = normalize_author(author)
    body = client.get_json(f"{endpoints.openalex}/authors/{ident}")
    summary = body.get("summary_stats") if isinstance(body, dict) else None
    if not isinstance(summary, dict):
        raise FetchError("the answer has no summary_stats")
    return Metrics(_count(body, "cited_by_count"), _count(summary, "h_index"))


def normalize_author(author: str) -> str:
    """The bare OpenAlex id; an id that does not look like one is refused before any request."""
    ident = author.strip().rstrip("/").rsplit("/", 1)[-1]
    if not re.fullmatch(r"[Aa]\d{4,12}", ident):
        raise FetchError(f"{author!r} is not an OpenAlex author id (like A5012345678)")
    return ident.upper()


def _count(body: Any, key: str) -> int:
    value = body.get(key) if isinstance(body, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise FetchError(f"the answer has no whole number {key!r}")
    return value
