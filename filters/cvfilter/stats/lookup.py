"""What the macros call while a CV is built: numbers from the cache, else from metadata.yaml.

Never touches the network. The cache is read once per build and kept in `context.stats`; a value
missing from both places is reported once as a warning, and the macro leaves its badge out.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathlib import Path

from ..context import Context
from ..errors import Location
from .cache import CacheError, StatsCache, read_cache, with_remedy

_HINT = "run `cv stats --refresh`, or write the number in metadata.yaml"


@dataclass(frozen=True)
class ScholarMetrics:
    citations: int | None
    h_index: int | None


def cache_path(context: Context) -> Path:
    """stats.json as the front matter names it, beside cv.md and never outside its folder."""
    return context.files.stats


def load(context: Context) -> StatsCache:
    """The build's cache, read on first use; an unusable file is a warning, not a failed build."""
    if context.stats is not None:
        return context.stats
    try:
        cache = read_cache(cache_path(context), context.base_dir, context.config.stats)
    except CacheError as exc:
        for problem in exc.problems:
            context.diagnostics.warn(problem.location, f"statistics cache ignored: {problem.message}",
                                     with_remedy(problem.hint, "run `cv stats --refresh` to rewrite it"))
        cache = StatsCache()
    context.stats = cache
    return cache


def stars(context: Context, repo: str) -> int | None:
    """Star count of `owner/name`: the cache, else `stars:` in metadata.yaml, else None (warned)."""
    entry = load(context).repositories.get(repo)
    if entry is not None:
        return entry.stars
    for index, item in enumerate(context.data.repositories):
        if item.name == repo:
            if item.stars is not None:
                return item.stars
            _warn_once(context, repo, context.data_location("repositories", index), f"no star count for {repo}: its badge is left out")
            return None
    _warn_once(context, repo, Location(context.config.stats), f"no star count for {repo}: its badge is left out")
    return None


def total_stars(context: Context) -> int | None:
    """Sum over the repositories of metadata.yaml whose count is known; None when none is."""
    counts = [stars(context, repo.name) for repo in context.data.repositories]
    known = [count for count in counts if count is not None]
    return sum(known) if known else None


def scholar_metrics(context: Context) -> ScholarMetrics | None:
    """Citations and h-index: the cache, else `scholar:` in metadata.yaml; None when neither has any."""
    cached = load(context).scholar
    if cached is not None:
        return ScholarMetrics(cached.citations, cached.h_index)
    written = context.data.scholar
    if written.citations is None and written.h_index is None:
        _warn_once(context, "scholar", context.data_location("scholar"), "no citation count or h-index: they are left out")
        return None
    return ScholarMetrics(written.citations, written.h_index)


def _warn_once(context: Context, key: str, where: Location, message: str) -> None:
    if key not in context.stats_warned:
        context.stats_warned.add(key)
        context.diagnostics.warn(where, message, _HINT)
