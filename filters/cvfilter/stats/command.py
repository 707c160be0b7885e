"""The `cv stats` command and `cv build --refresh-stats`: load the CV's context, refresh or show."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import panflute as pf

from .. import pandoc
from ..context import Context
from ..errors import Problem
from ..pipeline import load_context
from ..report import print_problems
from ..source import read_source
from .cache import CacheError, read_cache, with_remedy
from .lookup import cache_path
from .refresh import RefreshReport, refresh
from .show import describe, summarize


def load_source_context(source: Path) -> Context:
    """Front matter and metadata.yaml of `source`, the same way a build reads them."""
    text = read_source(source)
    doc = pf.load(io.StringIO(pandoc.read_markdown(text, source.name, source.parent)))
    return load_context(doc, source.parent, source.name)


def run_stats(source: Path, do_refresh: bool) -> int:
    """Print the cache (after refreshing it if asked); exit status 1 when a fetch failed."""
    context = load_source_context(source)
    status = 0
    if do_refresh:
        report = refresh(context)
        print_problems(report.problems)
        print(summarize(report), file=sys.stderr)
        status = 1 if report.failed else 0
    try:
        cache = read_cache(cache_path(context), shown_as=context.config.stats)
    except CacheError as exc:
        print_problems([Problem(p.location, p.message, with_remedy(p.hint, "run `cv stats --refresh` to rewrite it"))
                        for p in exc.problems])
        return 1
    print("\n".join(describe(context, cache)))
    return status


def refresh_before_build(source: Path) -> RefreshReport:
    """`cv build --refresh-stats`: failures are warnings; the build then uses what the cache has."""
    report = refresh(load_source_context(source))
    print_problems(report.problems)
    print(summarize(report), file=sys.stderr)
    return report
