"""`cv stats --refresh`: ask GitHub and OpenAlex, merge into the cache, write it atomically.

A value that could not be fetched keeps its old cached value and is reported; an unexpected
exception while fetching one repository is contained to that repository.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..context import Context
from ..errors import Location, Problem
from .cache import CacheError, RepoStats, ScholarStats, StatsCache, read_cache, write_cache
from ..web import FetchError, HttpClient
from .lookup import cache_path
from .sources import Endpoints, fetch_author, fetch_repository

MAX_WORKERS = 4


@dataclass
class RefreshReport:
    """What a refresh changed and what it could not do, for the terminal."""

    path: Path
    updated: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False


def refresh(
    context: Context,
    client: HttpClient | None = None,
    endpoints: Endpoints | None = None,
    now: Callable[[], datetime] | None = None,
) -> RefreshReport:
    """Fetch every repository of metadata.yaml and the owner's metrics, then write the cache."""
    client = client or HttpClient(contact=context.data.contact.email)  # OpenAlex asks for a mailto
    endpoints = endpoints or Endpoints.from_env()
    stamp = (now or _utc_now)().replace(microsecond=0)
    path = cache_path(context)
    report = RefreshReport(path)
    shown = context.config.stats
    try:
        old = read_cache(path, shown_as=shown)
    except CacheError as exc:
        report.problems.extend(Problem(problem.location, f"ignored the old cache: {problem.message}", "it is rewritten now", "warning")
                               for problem in exc.problems)
        old = StatsCache()
    cache = copy.deepcopy(old)

    names = list(dict.fromkeys(repo.name for repo in context.data.repositories))
    where = {repo.name: context.data_location("repositories", index) for index, repo in enumerate(context.data.repositories)}
    with ThreadPoolExecutor(max_workers=min(MAX_WORKERS, max(len(names), 1))) as pool:
        futures = {name: pool.submit(fetch_repository, client, endpoints, name) for name in names}
    unreachable: dict[str, list[str]] = {}
    for name, future in futures.items():
        try:
            repo = future.result()
        except FetchError as exc:
            if exc.unreachable:
                unreachable.setdefault(exc.reason, []).append(name)
            else:
                _failed(report, name, exc.reason, where[name], name in old.repositories)
            continue
        except Exception as exc:  # a bug or a surprise in one fetch must not lose the others
            _failed(report, name, f"unexpected {type(exc).__name__}: {exc}", where[name], name in old.repositories)
            continue
        cache.repositories[name] = RepoStats(stars=repo.stars, fetched=stamp)
        report.updated.append(name)
        if repo.full_name.lower() != name.lower():
            report.problems.append(Problem(where[name], f"{name} is now {repo.full_name} on GitHub", "update the name in metadata.yaml", "warning"))
    for reason, group in unreachable.items():
        if len(group) == 1:
            _failed(report, group[0], reason, where[group[0]], group[0] in old.repositories)
            continue
        report.failed.update(dict.fromkeys(group, reason))
        report.problems.append(Problem(
            context.data_location("repositories"), f"could not reach GitHub for {len(group)} repositories: {reason}",
            "their cached values are kept; check the network, or CVFILTER_GITHUB_API", "warning",
        ))

    _refresh_scholar(context, client, endpoints, stamp, old, cache, report)
    if cache != old:
        write_cache(path, cache)
        report.written = True
    return report


def _refresh_scholar(
    context: Context, client: HttpClient, endpoints: Endpoints, stamp: datetime,
    old: StatsCache, cache: StatsCache, report: RefreshReport,
) -> None:
    author = context.data.scholar.openalex
    if not author:
        report.problems.append(Problem(
            context.data_location("scholar"), "no OpenAlex author id: citations and h-index were not refreshed",
            "add `scholar: {openalex: A...}` to metadata.yaml (find it on openalex.org)", "warning",
        ))
        return
    try:
        metrics = fetch_author(client, endpoints, author)
    except FetchError as exc:
        _failed(report, "OpenAlex", exc.reason, context.data_location("scholar", "openalex"), old.scholar is not None)
        return
    cache.scholar = ScholarStats(author=author, citations=metrics.citations, h_index=metrics.h_index, fetched=stamp)
    report.updated.append("OpenAlex")


def _failed(report: RefreshReport, name: str, reason: str, where: Location, had_old: bool) -> None:
    report.failed[name] = reason
    kept = "kept the cached value" if had_old else "no cached value yet"
    report.problems.append(Problem(where, f"could not refresh {name}: {reason}", kept, "warning"))


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)
