"""From the works the services list to what `cv sync` would write: duplicates merged, each
preprint joined to its published version, the ignore list applied, the bibliography consulted."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .bibtex import entry_key
from .library import Library, Match
from .record import Work, doi_key, normalize_arxiv, normalize_title, work_keys

# Which service's record is kept when several describe one work: the publisher's registry first.
_RANK = {"crossref": 0, "datacite": 1, "dblp": 2, "openalex": 3, "arxiv": 4, "orcid": 5}


@dataclass
class Candidate:
    work: Work
    key: str
    sources: list[str]


@dataclass
class Disagreement:
    key: str
    field: str
    written: str | None
    source_says: str
    source: str


@dataclass
class Plan:
    missing: list[Candidate] = field(default_factory=list)
    present: list[tuple[Work, Match]] = field(default_factory=list)
    ignored: list[Work] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


def merge(works: list[Work]) -> list[list[Work]]:
    """Group the records of one work: same DOI, arXiv id, or title and year; and a preprint with
    a published record of the same title. Linear in the number of records."""
    parent = list(range(len(works)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, str], int] = {}
    by_title: dict[str, list[int]] = {}
    for index, work in enumerate(works):
        for key in work_keys(work):
            if key in seen:
                parent[root(index)] = root(seen[key])
            else:
                seen[key] = index
        by_title.setdefault(normalize_title(work.title), []).append(index)
    for indices in by_title.values():
        preprints = [i for i in indices if works[i].preprint]
        published = [i for i in indices if not works[i].preprint]
        if preprints and published:
            for i in preprints:
                parent[root(i)] = root(published[0])
    groups: dict[int, list[Work]] = {}
    for index, work in enumerate(works):
        groups.setdefault(root(index), []).append(work)
    return list(groups.values())


def best(group: list[Work]) -> Work:
    """The published record of the group, the most complete first, filled from the others: its
    authors if it has none, the preprint's arXiv id as its eprint."""
    ordered = sorted(group, key=lambda w: (w.preprint, not w.authors, _RANK.get(w.source, 9), -_filled(w)))
    chosen = ordered[0]
    arxiv = chosen.arxiv or next((w.arxiv for w in ordered if w.arxiv), None)
    authors = chosen.authors or next((w.authors for w in ordered if w.authors), ())
    extra = chosen.extra
    if arxiv and not chosen.arxiv:
        extra = tuple(dict([*extra, *next(w.extra for w in ordered if w.arxiv)]).items())
    return replace(chosen, arxiv=arxiv, authors=authors, extra=extra, venue=chosen.venue or next((w.venue for w in ordered if w.venue), None))


def _filled(work: Work) -> int:
    return sum(1 for value in (work.venue, work.volume, work.pages, work.doi, work.year) if value)


def ignored(work: Work, group: list[Work], ignore: list[str]) -> bool:
    """Whether an item of `sync: ignore:` names the work: its DOI, arXiv id, a source's id, or its title."""
    marks = set()
    for item in ignore:
        text = item.strip()
        marks |= {("doi", doi_key(text)), ("arxiv", normalize_arxiv(text)), ("id", text.upper()),
                  ("id", text.removeprefix("https://openalex.org/").upper()), ("title", normalize_title(text))}
    for member in group:
        if {("doi", doi_key(member.doi)), ("arxiv", member.arxiv), ("id", (member.ident or "").upper()),
                ("title", normalize_title(member.title))} & {m for m in marks if m[1]}:
            return True
    return False


def make_plan(works: list[Work], library: Library, ignore: list[str], since: int | None = None, owner: str = "") -> Plan:
    """`owner` names the key of a work no source gives authors for (ORCID's): it is the owner's."""
    plan = Plan()
    taken = library.keys()
    for group in merge(works):
        work = best(group)
        if since and (work.year or 0) < since:
            continue
        if ignored(work, group, ignore):
            plan.ignored.append(work)
            continue
        match = next((m for m in (library.find(member) for member in [work, *group]) if m is not None), None)
        if match is not None:
            plan.present.append((work, match))
            plan.disagreements.extend(_disagreements(work, match))
            continue
        key = entry_key(work, taken, owner)
        taken.add(key)
        plan.missing.append(Candidate(work, key, sorted({w.source for w in group}, key=lambda s: _RANK.get(s, 9))))
    plan.missing.sort(key=lambda c: (-(c.work.year or 0), normalize_title(c.work.title)))
    return plan


def _disagreements(work: Work, match: Match) -> list[Disagreement]:
    """What the source knows that the entry does not: a DOI (the preprint was published), an eprint."""
    entry = match.entry
    found = []
    written = entry.get("doi")
    if work.doi and not work.preprint and doi_key(written) != doi_key(work.doi):
        found.append(Disagreement(entry.key, "doi", written, work.doi, work.source))
    if work.arxiv and not entry.get("eprint") and not normalize_arxiv(entry.get("url")):
        found.append(Disagreement(entry.key, "eprint", None, work.arxiv, work.source))
    return found
