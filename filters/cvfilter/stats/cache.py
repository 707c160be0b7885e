"""The statistics cache (stats.json beside cv.md): small, sorted, meant to be committed.

Each value records when it was fetched. Writing goes through a temporary file and `os.replace`,
so a crash at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any

from ..cache import code_version
from ..data.typed import STRICT, Checked, recall, to_plain, validate
from ..files import atomic_write

VERSION = 1


def _aware(value: Any) -> datetime:
    """A time as written in stats.json; one without a zone is taken as UTC."""
    stamp = validate(datetime, value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


Fetched = Annotated[datetime, Checked(_aware, {"type": "string", "format": "date-time"})]
NOT_NEGATIVE = {"ge": 0}


@dataclass(kw_only=True)
class RepoStats:
    __pydantic_config__ = STRICT

    stars: int = field(metadata=NOT_NEGATIVE)
    fetched: Fetched


@dataclass(kw_only=True)
class ScholarStats:
    __pydantic_config__ = STRICT

    author: str | None = None
    citations: int = field(metadata=NOT_NEGATIVE)
    h_index: int = field(metadata=NOT_NEGATIVE)
    fetched: Fetched


@dataclass(kw_only=True)
class StatsCache:
    """Everything stats.json holds."""

    __pydantic_config__ = STRICT

    version: int = VERSION
    repositories: dict[str, RepoStats] = field(default_factory=dict)
    scholar: ScholarStats | None = None


class CacheError(Exception):
    """stats.json exists but cannot be used; the message says why."""


def read_cache(path: Path, base_dir: Path | None = None) -> StatsCache:
    """The cache at `path`; an absent file is an empty cache, a broken one a CacheError.
    With `base_dir`, a file that validated before is read back from the cache folder there."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return StatsCache()
    except OSError as exc:
        raise CacheError(f"cannot read it: {exc.strerror}") from None
    found, remember = recall(StatsCache, text, path.name, base_dir, "statistics", _code_version())
    if found is not None:
        return found
    cache = _validated(text)
    remember(cache)
    return cache


def _validated(text: str) -> StatsCache:
    from pydantic import ValidationError

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CacheError(f"not valid JSON at line {exc.lineno}: {exc.msg}") from None
    try:
        cache = validate(StatsCache, raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise CacheError(f"{where}: {first['msg'].removeprefix('Value error, ')}") from None
    if cache.version != VERSION:
        raise CacheError(f"version {cache.version} is not {VERSION}")
    return cache


def _code_version() -> str:
    return code_version(Path(__file__).parent, ("cache.py",), ())


def dump_cache(cache: StatsCache) -> str:
    """Stable text: sorted keys, UTC timestamps, so a refresh shows as a small diff."""
    return json.dumps(_stamps(_without_none(to_plain(cache))), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_cache(path: Path, cache: StatsCache) -> None:
    """Replace `path` atomically; on any failure the previous file is untouched."""
    data = dump_cache(cache).encode("utf-8")
    atomic_write(path, data, durable=True)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    return value


def _stamps(value: object) -> object:
    """Each time (ISO text from `to_plain`) in UTC to the second, written with a Z."""
    if isinstance(value, dict):
        return {key: _stamps(item) if key != "fetched" else _utc(item) for key, item in value.items()}
    return value


def _utc(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
