"""The `.repositories` macro: numbered GitHub repositories with stars, description and year.

Star counts come from `star_count`, the one place a statistics cache plugs in; the total sentence
is computed from the same counts, so it can never disagree with the list.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Repository
from ..elements import date_span, entry, link, span, text
from ..numbers import at_least, compact
from ..stats import lookup
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, Option, macro

STAR = "★"


def star_count(repo: Repository, context: Context) -> int | None:
    """The repository's star count: stats.json (`cv stats --refresh`) wins over `stars:` in the data."""
    return lookup.stars(context, repo.name)


@macro("repositories", "Open-source repositories: owner/name, stars, description and year", {
    **LIST_OPTIONS,
    "numbering": Option(("none", "ascending", "descending"), "ascending", "number the entries"),
    "total": Option(bool, True, "open with the total star count of all repositories in the data"),
})
def expand_repositories(call: MacroCall, context: Context) -> list[pf.Block]:
    repos = context.data.repositories
    chosen = select(repos, call, dates=lambda r: r.year, title=lambda r: r.name)
    context.show("repositories", chosen)
    lead = _total(repos, call, context) if call.options["total"] else []
    return list_section("repositories", chosen, call, lambda r: render_repository(r, context), lead)


def render_repository(repo: Repository, context: Context) -> pf.Div:
    """owner/name (linked) ★1.3k description, the year on the right."""
    line: list[pf.Inline] = [span(link(text(repo.name), repo.link), "cv-repo-name")]
    stars = star_count(repo, context)
    if stars is not None:
        line += [pf.Space(), span([pf.Str(context.labels.isolate(STAR + compact(stars, context.config.lang)))], "cv-stars", count=str(stars))]
    if repo.symbol:
        line += [pf.Space(), span(text(repo.symbol), "cv-symbol")]
    if repo.description:
        line += [pf.Space(), span([pf.Emph(*text(repo.description))], "cv-description")]
    line += date_span(repo.year, context.labels)
    return entry(line, (), "cv-repo")


def _total(repos: list[Repository], call: MacroCall, context: Context) -> list[pf.Block]:
    """"27.1k+ GitHub stars across all repositories.", or a warning when no count is known."""
    counts = [star_count(r, context) for r in repos]
    known = [c for c in counts if c is not None]
    if not known:
        context.diagnostics.warn(call.location, "no repository has a star count, so the total is left out",
                                 "add `stars:` to the repositories in the data, or write total=false")
        return []
    sentence = [span([pf.Str(context.labels.isolate(at_least(sum(known), context.config.lang)))], "cv-stars-total", count=str(sum(known))),
                pf.Space(), *text(context.labels["stars-total"])]
    return [pf.Div(pf.Para(*sentence), classes=["cv-lead"])]
