"""sync.json beside cv.md: what each service last said of the owner's works, and when.

`cv sync` without network shows this, with its age. Written atomically, sorted, small enough to
commit like stats.json. An unreadable file is set aside with a warning, never a crash."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..files import atomic_write
from .record import Work

VERSION = 1
NAME = "sync.json"


@dataclass
class Fetched:
    fetched: datetime
    works: list[Work]


@dataclass
class WorksCache:
    sources: dict[str, Fetched] = field(default_factory=dict)
    problem: str | None = None  # why an existing file could not be used


def read_works_cache(path: Path) -> WorksCache:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WorksCache()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return WorksCache(problem=f"{path.name} is unreadable ({exc}); it is rewritten on the next fetch")
    try:
        if raw.get("version") != VERSION:
            raise ValueError(f"version {raw.get('version')!r} is not {VERSION}")
        sources = {
            name: Fetched(_stamp(item["fetched"]), [Work.from_plain(work) for work in item["works"]])
            for name, item in raw["sources"].items()
        }
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        return WorksCache(problem=f"{path.name} is not a cache this cvfilter reads ({exc}); it is rewritten on the next fetch")
    return WorksCache(sources)


def write_works_cache(path: Path, cache: WorksCache) -> None:
    data = {
        "version": VERSION,
        "sources": {
            name: {"fetched": item.fetched.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                   "works": [work.to_plain() for work in item.works]}
            for name, item in sorted(cache.sources.items())
        },
    }
    atomic_write(path, (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"), durable=True)


def _stamp(text: str) -> datetime:
    stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def age(then: datetime, now: datetime) -> str:
    """How old a fetch is, in words: `3 days`, `5 hours`, `12 minutes`."""
    seconds = max((now - then).total_seconds(), 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return "less than a minute"
