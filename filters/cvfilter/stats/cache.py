"""The statistics cache (stats.json beside cv.md): small, sorted, meant to be committed.

Each value records when it was fetched. Writing goes through a temporary file and `os.replace`,
so a crash at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..files import atomic_write

VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Fetched(_Strict):
    fetched: datetime

    @field_validator("fetched")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class RepoStats(_Fetched):
    stars: int = Field(ge=0)


class ScholarStats(_Fetched):
    author: str | None = None
    citations: int = Field(ge=0)
    h_index: int = Field(ge=0)


class StatsCache(_Strict):
    """Everything stats.json holds."""

    version: int = VERSION
    repositories: dict[str, RepoStats] = Field(default_factory=dict)
    scholar: ScholarStats | None = None


class CacheError(Exception):
    """stats.json exists but cannot be used; the message says why."""


def read_cache(path: Path) -> StatsCache:
    """The cache at `path`; an absent file is an empty cache, a broken one a CacheError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return StatsCache()
    except OSError as exc:
        raise CacheError(f"cannot read it: {exc.strerror}") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CacheError(f"not valid JSON at line {exc.lineno}: {exc.msg}") from None
    try:
        cache = StatsCache.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise CacheError(f"{where}: {first['msg']}") from None
    if cache.version != VERSION:
        raise CacheError(f"version {cache.version} is not {VERSION}")
    return cache


def dump_cache(cache: StatsCache) -> str:
    """Stable text: sorted keys, UTC timestamps, so a refresh shows as a small diff."""
    raw = cache.model_dump(mode="python", exclude_none=True)
    return json.dumps(_stamps(raw), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_cache(path: Path, cache: StatsCache) -> None:
    """Replace `path` atomically; on any failure the previous file is untouched."""
    data = dump_cache(cache).encode("utf-8")
    atomic_write(path, data, durable=True)


def _stamps(value: object) -> object:
    if isinstance(value, dict):
        return {key: _stamps(item) for key, item in value.items()}
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value
