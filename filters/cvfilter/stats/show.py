"""`cv stats`: what the cache holds and how old each value is, as plain lines for the terminal."""

from __future__ import annotations

from datetime import datetime, timezone

from ..context import Context
from .cache import StatsCache
from .refresh import RefreshReport


def describe(context: Context, cache: StatsCache, now: datetime | None = None) -> list[str]:
    """One line per repository of metadata.yaml, then the citation metrics, with each value's age."""
    now = now or datetime.now(timezone.utc)
    lines = [f"{context.config.stats}:"]
    names = list(dict.fromkeys(repo.name for repo in context.data.repositories))
    width = max((len(name) for name in [*names, *cache.repositories]), default=10)
    for name in names:
        entry = cache.repositories.get(name)
        shown = f"{entry.stars:>7}  {age(entry.fetched, now)}" if entry else "      -  not cached"
        lines.append(f"  {name:<{width}}  {shown}")
    for name in sorted(set(cache.repositories) - set(names)):
        entry = cache.repositories[name]
        lines.append(f"  {name:<{width}}  {entry.stars:>7}  {age(entry.fetched, now)} (not in metadata.yaml)")
    scholar = cache.scholar
    if scholar:
        lines.append(f"  citations {scholar.citations}, h-index {scholar.h_index}  {age(scholar.fetched, now)}")
    else:
        lines.append("  citations, h-index: not cached")
    return lines


def summarize(report: RefreshReport) -> str:
    """The last line of a refresh: how much was updated, what failed, whether the file changed."""
    parts = [f"refreshed {len(report.updated)}"]
    if report.failed:
        names = list(report.failed)
        more = f", and {len(names) - 5} more" if len(names) > 5 else ""
        parts.append(f"failed {len(names)} ({', '.join(names[:5])}{more})")
    parts.append(f"wrote {report.path.name}" if report.written else f"{report.path.name} unchanged")
    return "; ".join(parts)


def age(fetched: datetime, now: datetime) -> str:
    """How long ago, in the largest whole unit: 'fetched 2023-03-20, 3 days ago'."""
    seconds = max((now - fetched).total_seconds(), 0)
    for unit, size in (("year", 365 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"fetched {fetched:%Y-%m-%d}, {count} {unit}{'s' if count != 1 else ''} ago"
    return f"fetched {fetched:%Y-%m-%d}, just now"
