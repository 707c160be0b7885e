"""`cv add ID...` and `cv sync`: read the CV's configuration, ask the services, change the .bib.

Every failure is one line naming the id or service, what went wrong and what to do; the
bibliography is then left exactly as it was, and the exit status says nothing was added.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import CvError, Location, Problem
from ..web import FetchError, HttpClient
from .cache import NAME, Fetched, WorksCache, age, read_works_cache, write_works_cache
from .ids import HINT, BadId, parse_id
from .library import Library
from .parse import MalformedAnswer
from .plan import Plan, make_plan
from .record import Work, work_keys
from .sources import Endpoints, NotFound, dblp_works, fetch_work, openalex_works, orcid_works

_SERVICE_HINT = "try again later; set CVFILTER_{name}_API if you use a mirror"


@dataclass
class Setup:
    """What both commands need from cv.md and metadata.yaml."""

    base_dir: Path
    library: Library
    contact: str | None
    scholar: dict[str, str]
    ignore: list[str]
    where: Callable[..., Location]
    owner: str


def load_setup(source: Path) -> Setup:
    from ..stats.command import load_source_context

    context = load_source_context(source)
    names = context.config.bibliography
    if not names:
        raise CvError.at(Location(context.config.source, 1), "the front matter names no bibliography to add to",
                         "add `cvfilter: {bibliography: publications.bib}` to the front matter")
    path = context.files.bibliography[0]
    scholar = context.data.scholar
    ids = {name: value for name, value in (("openalex", scholar.openalex), ("orcid", scholar.orcid), ("dblp", scholar.dblp)) if value}
    return Setup(context.base_dir, Library.read(path, names[0]), context.data.contact.email, ids,
                 list(context.data.sync.ignore), context.data_location, context.data.name)


def _client(setup: Setup, client: HttpClient | None) -> HttpClient:
    if client is None:
        client = HttpClient()
    client.contact = client.contact or setup.contact
    return client


def run_add(source: Path, written: list[str], client: HttpClient | None = None, endpoints: Endpoints | None = None) -> int:
    """Fetch each id and append its entry; 1 when any id failed, the others still added."""
    from ..report import print_problems

    setup = load_setup(source)
    client, endpoints = _client(setup, client), endpoints or Endpoints.from_env()
    library, problems, chosen = setup.library, [], []
    taken = library.keys()
    for text in written:
        where = Location(text)
        try:
            ident = parse_id(text)
            asked = (ident.kind, ident.value.lower() if ident.kind == "doi" else ident.value)
            known = library.index.get(asked)
            if known is not None:  # no need to ask anyone
                print(f"{text}: already in {library.shown} as {known.key} (same {_by(ident.kind)}); not added again", file=sys.stderr)
                continue
            twin = next((key for earlier, key in chosen if asked in work_keys(earlier)), None)
            if twin is not None:
                print(f"{text}: the same work as an id before it; added once, as {twin}", file=sys.stderr)
                continue
            work = fetch_work(client, endpoints, ident)
        except BadId as exc:
            problems.append(Problem(where, str(exc), HINT))
            continue
        except NotFound as exc:
            problems.append(Problem(where, f"not found: {exc}", "check the id; nothing was added for it"))
            continue
        except FetchError as exc:
            problems.append(Problem(where, f"could not fetch it: {exc.reason}", _fetch_hint(exc, ident.kind)))
            continue
        except MalformedAnswer as exc:
            problems.append(Problem(where, f"the service's answer could not be read: {exc}", "nothing was added for it; try again later"))
            continue
        twin = next((key for earlier, key in chosen if set(work_keys(earlier)) & set(work_keys(work))), None)
        if twin is not None:
            print(f"{text}: the same work as an id before it; added once, as {twin}", file=sys.stderr)
            continue
        match = library.find(work)
        if match is not None:
            print(f"{text}: already in {library.shown} as {match.entry.key} (same {_by(match.by)}); not added again", file=sys.stderr)
            continue
        chosen.append((work, entry_key_for(work, taken)))
    library.append(chosen)
    for work, key in chosen:
        print(f"added {key} to {library.shown}: {work.title} ({work.year or 'no year'}, from {work.source})")
    print_problems(problems)
    return 1 if problems else 0


def entry_key_for(work: Work, taken: set[str]) -> str:
    from .bibtex import entry_key

    key = entry_key(work, taken)
    taken.add(key)
    return key


def _by(kind: str) -> str:
    return {"doi": "DOI", "arxiv": "arXiv id", "title": "title and year", "preprint": "title, as preprint and published version"}.get(kind, kind)


def _fetch_hint(exc: FetchError, kind: str) -> str:
    name = {"doi": "CROSSREF", "arxiv": "ARXIV", "dblp": "DBLP"}.get(kind, kind.upper())
    if exc.unreachable:
        return f"check the network connection (or CVFILTER_{name}_API); nothing was added for it"
    if exc.status in (403, 429):
        return "the service limits how often it is asked; wait a minute and run the command again"
    return _SERVICE_HINT.format(name=name) + "; nothing was added for it"


# cv sync ----------------------------------------------------------------------------------------

@dataclass
class Gathered:
    works: list[Work] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: bool = False


_LABELS = {"openalex": "OpenAlex", "orcid": "ORCID", "dblp": "DBLP"}
_SOURCE_NAMES = {**_LABELS, "crossref": "Crossref", "datacite": "DataCite", "arxiv": "arXiv"}


def gather(setup: Setup, client: HttpClient, endpoints: Endpoints, now: datetime) -> Gathered:
    """Each source of `scholar:` asked; one that cannot be is answered from sync.json, with its age."""
    cache_path = setup.base_dir / NAME
    cache = read_works_cache(cache_path)
    result = Gathered()
    if cache.problem:
        result.problems.append(Problem(Location(NAME), cache.problem, severity="warning"))
    fresh = WorksCache(dict(cache.sources))
    for name, ident in setup.scholar.items():
        label, slot = _LABELS[name], f"{name}:{ident}"
        try:
            if name == "openalex":
                works, cut = openalex_works(client, endpoints, _openalex_id(ident))
                if cut:
                    result.notes.append(f"{label}: more pages than cvfilter reads; the oldest works were not listed")
            elif name == "orcid":
                works = orcid_works(client, endpoints, ident)
            else:
                works = dblp_works(client, endpoints, ident)
        except (FetchError, MalformedAnswer) as exc:
            reason = exc.reason if isinstance(exc, FetchError) else f"its answer could not be read: {exc}"
            result.failed = True
            kept = cache.sources.get(slot)
            where = setup.where("scholar", name)
            if kept is None:
                result.problems.append(Problem(where, f"could not ask {label}: {reason}", f"{_hint(exc, name)}; sync.json has nothing from {label} yet"))
                continue
            result.problems.append(Problem(where, f"could not ask {label}: {reason}",
                                           f"{_hint(exc, name)}; showing what sync.json knew, fetched {age(kept.fetched, now)} ago "
                                           f"({kept.fetched:%Y-%m-%d %H:%M} UTC)", "warning"))
            result.works.extend(kept.works)
            continue
        fresh.sources[slot] = Fetched(now, works)
        result.works.extend(works)
        result.notes.append(f"{label}: {len(works)} works")
    if fresh.sources != cache.sources:
        write_works_cache(cache_path, fresh)
    return result


def _openalex_id(ident: str) -> str:
    from ..stats.sources import normalize_author

    return normalize_author(ident)


def _hint(exc: Exception, name: str) -> str:
    if isinstance(exc, FetchError) and exc.unreachable:
        return f"check the network connection (or CVFILTER_{name.upper()}_API)"
    if isinstance(exc, FetchError) and exc.status in (403, 429):
        return "the service limits how often it is asked; wait a minute and run `cv sync` again"
    return "try again later"


def run_sync(source: Path, write: bool, since: int | None, update: str | None,
             client: HttpClient | None = None, endpoints: Endpoints | None = None,
             now: Callable[[], datetime] | None = None) -> int:
    from ..report import print_problems

    setup = load_setup(source)
    if not setup.scholar:
        raise CvError.at(setup.where("scholar"), "`scholar:` names none of your author ids for `cv sync`",
                         "add `scholar: {openalex: A5012345678, orcid: 0000-0002-1825-0097, dblp: 00/1}` (any of them)")
    stamp = (now or (lambda: datetime.now(timezone.utc)))().replace(microsecond=0)
    client, endpoints = _client(setup, client), endpoints or Endpoints.from_env()
    gathered = gather(setup, client, endpoints, stamp)
    print_problems(gathered.problems)
    if not gathered.works and gathered.failed:
        print(f"nothing to compare: no source answered; {setup.library.shown} is unchanged", file=sys.stderr)
        return 1
    plan = make_plan(gathered.works, setup.library, setup.ignore, since, setup.owner)
    found, unnamed = _complete([c.work for c in plan.missing if not c.work.authors], client, endpoints)
    if found:
        plan = make_plan([*gathered.works, *found], setup.library, setup.ignore, since, setup.owner)
    print_problems(unnamed)
    if update:
        return _update(setup, plan, update)
    show_plan(plan, setup, write)
    for note in gathered.notes:
        print(note, file=sys.stderr)
    if write and plan.missing:
        setup.library.append([(c.work, c.key) for c in plan.missing])
        print(f"added {len(plan.missing)} entr{'ies' if len(plan.missing) != 1 else 'y'} to {setup.library.shown}")
    elif write:
        print(f"nothing to add: {setup.library.shown} has every work the sources list")
    return 1 if gathered.failed and not (write and plan.missing) else 0


def _complete(works: list[Work], client: HttpClient, endpoints: Endpoints) -> tuple[list[Work], list[Problem]]:
    """The registry's record (Crossref, else DataCite) of each missing work whose sources name no
    authors (ORCID's lists do not); it joins the others by its DOI. A work that cannot be had so is
    written without authors, and said so."""
    found, problems = [], []
    for work in works:
        try:
            if work.doi is None:
                raise NotFound("it has no DOI to ask Crossref or DataCite about")
            found.append(fetch_work(client, endpoints, parse_id(work.doi)))
        except (NotFound, FetchError, MalformedAnswer, BadId) as exc:
            reason = exc.reason if isinstance(exc, FetchError) else str(exc)
            problems.append(Problem(Location(work.doi or work.title), f"{_SOURCE_NAMES.get(work.source, work.source)} names no authors "
                                    f"of {work.title!r}, and the registry could not tell them: {reason}",
                                    "its entry is written without authors; add them by hand", "warning"))
    return found, problems


def show_plan(plan: Plan, setup: Setup, write: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if plan.missing:
        count = len(plan.missing)
        table = Table(title=f"{count} work{'s' if count != 1 else ''} missing from {setup.library.shown}"
                      + ("" if write else " (`cv sync --write` appends them)"))
        table.add_column("Title", overflow="fold", ratio=3)
        table.add_column("Year", no_wrap=True)
        table.add_column("Venue", overflow="fold", ratio=2)
        table.add_column("Source", overflow="fold", ratio=1)
        table.add_column("Entry", overflow="fold", ratio=2)
        for candidate in plan.missing:
            work = candidate.work
            table.add_row(work.title, str(work.year or ""), work.venue or "", ", ".join(_SOURCE_NAMES.get(s, s) for s in candidate.sources), f"@{work.kind}{{{candidate.key}}}")
        console.print(table)
    else:
        print(f"{setup.library.shown} has every work the sources list")
    print(f"{len(plan.present)} already in {setup.library.shown}, {len(plan.ignored)} ignored (sync: ignore:)", file=sys.stderr)
    for item in plan.disagreements:
        now = f"has {item.field} {{{item.written}}}" if item.written else f"has no {item.field}"
        print(f"{setup.library.shown}: {item.key} {now}; {_LABELS.get(item.source, item.source)} says {item.source_says} "
              f"(`cv sync --update {item.key}` sets it)", file=sys.stderr)


def _update(setup: Setup, plan: Plan, key: str) -> int:
    changes = {d.field: d.source_says for d in plan.disagreements if d.key == key}
    if key not in setup.library.bib.entries:
        raise CvError.at(Location(setup.library.shown), f"no entry {key!r} in {setup.library.shown}", "give a key of the bibliography")
    if not changes:
        print(f"{key}: the sources agree with {setup.library.shown}; nothing to update", file=sys.stderr)
        return 0
    setup.library.set_fields(key, changes)
    for name, value in changes.items():
        print(f"set {name} = {{{value}}} in {key} of {setup.library.shown}")
    return 0
