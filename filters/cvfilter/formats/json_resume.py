"""A JSON Resume document (jsonresume.org, schema v1.0.0) from the typed data and the bibliography.

JSON Resume has no place for talks, students, reviewing or teaching; talks go to `projects` with
type "presentation" (the schema's own example), the rest stays in the CV formats.

The full CV exports all the data. A variant exports what its document shows: the entries its macros
listed (its sections, tags, limits), and its publications as its lists chose and cut them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import panflute as pf

from ..bibliography.csl import ELLIPSIS, cut_authors
from ..bibliography.session import bibliography_of, owner_of
from ..clock import Clock
from ..context import Context, ShownPublication
from ..data.dates import DateRange
from ..data.model import Contact, CvData, Entry, Person
from ..errors import CvError, Location
from .output import OutputFormat

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
_DEGREE = re.compile(r"^(?P<type>.+?)\s+in\s+(?P<area>.+)$")


def finish(doc: pf.Doc, context: Context | None) -> None:
    """Nothing to finish: JSON Resume is made from the data, not from the document."""


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    with clock(fmt.name):
        return write_json_resume(context)


def write_json_resume(context: Context | None) -> bytes:
    if context is None:
        raise CvError.at(Location("cv.md"), "JSON Resume needs the CV's data, but this document was already expanded")
    return (json.dumps(json_resume(context), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_resume(context: Context) -> dict[str, Any]:
    """The whole document; empty sections are left out."""
    data = context.data

    def listed(kind: str) -> list[Any]:
        return _listed(context, kind, getattr(data, kind))

    document: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": _basics(data),
        "work": [_work(e, context) for e in [*listed("current_position"), *listed("positions")]],
        "volunteer": [_volunteer(e, context) for e in listed("activities")],
        "education": [_education(e, context) for e in listed("education")],
        "awards": [_award(e) for e in listed("honors")],
        "publications": [_publication(p, context) for p in _shown_publications(context)],
        "skills": [{"name": g.name, "keywords": list(g.items)} for g in listed("skills")],
        "projects": [*map(_repository, listed("repositories")), *map(_talk, listed("talks"))],
        "meta": {"version": "v1.0.0", **({"lastModified": f"{context.config.updated.isoformat()}T00:00:00"} if context.config.updated else {})},
    }
    return {key: value for key, value in document.items() if value}


def _listed(context: Context, kind: str, everything: Iterable[Any]) -> list[Any]:
    """The full CV's data list, or the items of it a variant's macros showed: once each, as first shown."""
    if context.variant is None:
        return list(everything)
    return _first_each(context.shown.of(kind), id)


def _first_each(items: Iterable[Any], key: Callable[[Any], object]) -> list[Any]:
    """A list two macros both showed from is exported once, in the order its items first appear."""
    found: dict[object, Any] = {}
    for item in items:
        found.setdefault(key(item), item)
    return list(found.values())


def _basics(data: CvData) -> dict[str, Any]:
    contact = data.contact
    basics = {"name": data.name, "email": contact.email, "phone": contact.phone, "url": contact.website,
              "profiles": _profiles(contact)}
    return _compact(basics)


def _profiles(contact: Contact) -> list[dict[str, str]]:
    known = [
        ("LinkedIn", contact.linkedin, "https://www.linkedin.com/in/{}"),
        ("Twitter", contact.twitter, "https://twitter.com/{}"),
        ("GitHub", contact.github, "https://github.com/{}"),
        ("Google Scholar", contact.scholar, "https://scholar.google.com/citations?user={}"),
        ("ORCID", contact.orcid, "https://orcid.org/{}"),
    ]
    return [{"network": network, "username": name, "url": url.format(name)} for network, name, url in known if name]


def _dates(dates: DateRange | None, start: str = "startDate", end: str = "endDate") -> dict[str, str]:
    if dates is None:
        return {}
    out = {start: dates.start.iso()}
    if dates.end and not dates.ongoing:
        out[end] = dates.end.iso()
    return out


def _summary(item: Entry, context: Context) -> str | None:
    """The aside the CV prints in parentheses: "with A and B on topic; note"."""
    labels = context.labels
    parts = []
    if item.with_:
        parts.append(f"{labels['with']} {_people(item.with_, labels['and'])}")
    if item.topic:
        parts.append(f"{labels['on']} {item.topic}")
    aside = " ".join(parts)
    return "; ".join(p for p in (aside, item.note) if p) or None


def _people(people: list[Person], and_word: str) -> str:
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {and_word} {names[-1]}"


def _work(item: Entry, context: Context) -> dict[str, Any]:
    return _compact({
        "name": item.org, "position": item.title, "url": item.org_url or item.url, "location": item.location,
        **_dates(item.dates), "summary": _summary(item, context), "highlights": [*([item.detail] if item.detail else []), *item.highlights],
    })


def _volunteer(item: Entry, context: Context) -> dict[str, Any]:
    return _compact({
        "organization": item.org, "position": item.title, "url": item.url or item.org_url, **_dates(item.dates),
        "summary": _summary(item, context), "highlights": [*([item.detail] if item.detail else []), *item.highlights],
    })


def _education(item: Entry, context: Context) -> dict[str, Any]:
    """The GPA is the schema's `score`; the rest of the aside goes to `summary`, a key the schema's
    education lacks but allows, so that a note or topic is not lost."""
    degree = _DEGREE.match(item.title)
    study, area = (degree["type"], degree["area"]) if degree else (item.title, None)
    return _compact({
        "institution": item.org or item.title, "url": item.org_url or item.url, "studyType": study, "area": area,
        "score": item.gpa, **_dates(item.dates), "summary": _summary(item, context),
    })


def _award(item: Entry) -> dict[str, Any]:
    when = (item.dates.end or item.dates.start) if item.dates else None
    return _compact({"title": item.title, "date": when.iso() if when else None, "awarder": item.org,
                     "summary": item.detail, "url": item.url})


def _repository(repo) -> dict[str, Any]:
    return _compact({"name": repo.name, "description": repo.description, "url": repo.link,
                     **_dates(repo.year), "type": "application", "keywords": list(repo.tags)})


def _talk(talk) -> dict[str, Any]:
    return _compact({"name": talk.title, "entity": talk.venue, "url": talk.url, **_dates(talk.year),
                     "type": "presentation"})


def _shown_publications(context: Context) -> list[ShownPublication]:
    """Every entry of the bibliography with all its authors, or for a variant the ones its lists show."""
    if context.variant is not None:
        return _first_each(context.shown.of("publications"), lambda p: p.entry.key)
    if not context.config.bibliography:
        return []
    return [ShownPublication(entry) for entry in bibliography_of(context, Location(context.config.source, 1))]


def _publication(shown: ShownPublication, context: Context) -> dict[str, Any]:
    entry = shown.entry
    month = entry.fields.get("month", "")
    date = f"{entry.year:04d}-{int(month):02d}" if entry.year and month.isdigit() and 1 <= int(month) <= 12 else (
        f"{entry.year:04d}" if entry.year else None)
    return _compact({
        "name": entry.get("title"),
        "publisher": entry.get("_venue", "journal", "booktitle", "publisher", "school", "institution", "howpublished"),
        "releaseDate": date,
        "url": _web(entry.get("url") or (f"https://doi.org/{entry.get('doi')}" if entry.get("doi") else None)),
        "summary": _authors(shown, context) or None,
    })


def _authors(shown: ShownPublication, context: Context) -> str:
    """The authors as the list names them: cut to its max-authors, with the owner always kept."""
    authors = shown.entry.authors
    chosen, cut = cut_authors(authors.authors, owner_of(context), shown.max_authors)
    names = [ELLIPSIS if author is None else author.full for _, author in chosen]
    return ", ".join([*names, *([context.labels["et-al"]] if authors.others or cut else [])])


def _web(url: str | None) -> str | None:
    """Only web addresses: the schema wants a URI, and a bib `url` is sometimes a bare host."""
    if not url:
        return None
    return url if re.match(r"^https?://", url, re.IGNORECASE) else f"https://{url.lstrip('/')}"


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}
