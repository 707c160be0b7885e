"""A JSON Resume document (jsonresume.org, schema v1.0.0) from the typed data and the bibliography.

Every field of the schema has its place in metadata.yaml, so a JSON Resume imported with `cv import`
comes back field for field (tests/e2e/test_vendored_imports.py tests it and names the few exceptions).
JSON Resume has no place for students, reviewing, teaching, patents or grants; talks go to `projects`
with type "presentation" (the schema's own example), the rest stays in the CV formats.

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
from ..data.model import Address, Contact, CvData, Entry, Line, Person, SkillGroup
from ..data.networks import NETWORKS, profile_url
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
        "volunteer": [_volunteer(e, context) for e in [*listed("activities"), *listed("volunteering")]],
        "education": [_education(e, context) for e in listed("education")],
        "awards": [_award(e) for e in listed("honors")],
        "certificates": [_certificate(e) for e in listed("certificates")],
        "publications": [_publication(p, context) for p in _shown_publications(context)],
        "skills": [*map(_skill, listed("skills")), *(_line(line) for name in data.lines for line in _lines(context, name))],
        "languages": [_compact({"language": item.language, "fluency": item.fluency}) for item in listed("languages")],
        "interests": [{"name": g.name, "keywords": list(g.items)} for g in listed("interests")],
        "references": [_compact({"name": r.name, "reference": r.reference}) for r in listed("referees")],
        "projects": [*(_project(e) for e in listed("projects")), *map(_repository, listed("repositories")),
                     *map(_talk, listed("talks"))],
        "meta": {"version": "v1.0.0", **({"lastModified": f"{context.config.updated.isoformat()}T00:00:00"} if context.config.updated else {})},
    }
    return {key: value for key, value in document.items() if value}


def _lines(context: Context, name: str) -> list[Any]:
    return _listed(context, f"lines:{name}", context.data.lines[name])


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
    photo = data.portrait
    basics = {"name": data.name, "label": data.headline, "image": photo.file if photo else None,
              "email": contact.email, "phone": contact.phone,
              "url": contact.website, "summary": data.summary, "location": _location(contact.location),
              "profiles": _profiles(contact)}
    return _compact(basics)


def _location(place: str | Address | None) -> dict[str, str] | None:
    """JSON Resume's location in parts; a place written as one line goes in as the city."""
    if place is None:
        return None
    if isinstance(place, str):
        return {"city": place}
    return _compact({"address": place.address, "postalCode": place.postal_code, "city": place.city,
                     "countryCode": place.country_code, "region": place.region})


def _profiles(contact: Contact) -> list[dict[str, str]]:
    known = [{"network": n.name, "username": name, "url": profile_url(n.key, name)}
             for n in NETWORKS if (name := getattr(contact, n.key))]
    others = [{"network": p.network, "username": p.username, "url": p.url} for p in contact.profiles]
    return [_compact(profile) for profile in [*known, *others]]


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


def _highlights(item: Entry) -> list[str]:
    """Bullets as JSON Resume's flat list: a bullet's own bullets follow it."""
    return [line for h in item.highlights for line in ([h] if isinstance(h, str) else [h.text, *h.items])]


def _detail(item: Entry, context: Context) -> str | None:
    """The summary: the entry's line of detail, then the aside the CV prints in parentheses."""
    return "; ".join(p for p in (item.detail, _summary(item, context)) if p) or None


def _work(item: Entry, context: Context) -> dict[str, Any]:
    return _compact({
        "name": item.org, "position": item.title, "url": item.org_url or item.url, "location": item.location,
        "description": item.description, **_dates(item.dates), "summary": _detail(item, context), "highlights": _highlights(item),
    })


def _volunteer(item: Entry, context: Context) -> dict[str, Any]:
    return _compact({
        "organization": item.org, "position": item.title, "url": item.org_url or item.url, **_dates(item.dates),
        "summary": _detail(item, context), "highlights": _highlights(item),
    })


def _education(item: Entry, context: Context) -> dict[str, Any]:
    """The GPA is the schema's `score`; the rest of the aside goes to `summary`, a key the schema's
    education lacks but allows, so that a note or topic is not lost."""
    degree = _DEGREE.match(item.title) if item.org else None
    study, area = (degree["type"], degree["area"]) if degree else (item.title if item.org else None, None)
    return _compact({
        "institution": item.org or item.title, "url": item.org_url or item.url, "area": area, "studyType": study,
        **_dates(item.dates), "score": item.gpa, "courses": list(item.courses), "summary": _detail(item, context),
    })


def _single(item: Entry) -> str | None:
    when = (item.dates.end or item.dates.start) if item.dates else None
    return when.iso() if when else None


def _award(item: Entry) -> dict[str, Any]:
    return _compact({"title": item.title, "date": _single(item), "awarder": item.org, "summary": item.detail, "url": item.url})


def _certificate(item: Entry) -> dict[str, Any]:
    return _compact({"name": item.title, "date": _single(item), "url": item.url, "issuer": item.org})


def _skill(group: SkillGroup) -> dict[str, Any]:
    return _compact({"name": group.name, "level": group.level, "keywords": list(group.items)})


def _line(line: Line) -> dict[str, Any]:
    return {"name": line.label, "keywords": [line.text]}


def _project(item: Entry) -> dict[str, Any]:
    return _compact({
        "name": item.title, "description": item.description, "highlights": _highlights(item), "keywords": list(item.keywords),
        **_dates(item.dates), "url": item.url, "roles": item.role.split(", ") if item.role else [], "entity": item.org,
        "type": item.kind,
    })


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
    return _compact({
        "name": entry.get("title"),
        "publisher": entry.get("_venue", "journal", "booktitle", "publisher", "school", "institution", "howpublished"),
        "releaseDate": _release(entry),
        "url": _web(entry.get("url") or (f"https://doi.org/{entry.get('doi')}" if entry.get("doi") else None)),
        "summary": entry.get("_note") or _authors(shown, context) or None,
    })


def _release(entry) -> str | None:
    """The date at the precision the .bib has it: 2014, 2014-10 or 2014-10-01."""
    if not entry.year:
        return None
    month, day = entry.fields.get("month", ""), entry.fields.get("day", "")
    if not (month.isdigit() and 1 <= int(month) <= 12):
        return f"{entry.year:04d}"
    if day.isdigit() and 1 <= int(day) <= 31:
        return f"{entry.year:04d}-{int(month):02d}-{int(day):02d}"
    return f"{entry.year:04d}-{int(month):02d}"


def _authors(shown: ShownPublication, context: Context) -> str:
    """The authors as the list names them: cut to its max-authors, with the owner always kept."""
    authors = shown.entry.authors
    owner = owner_of(context)
    if len(authors.authors) == 1 and not authors.others and owner.matches(authors.authors[0]):
        return ""  # the owner's own work, as JSON Resume lists it: no authors to name
    chosen, cut = cut_authors(authors.authors, owner, shown.max_authors)
    names = [ELLIPSIS if author is None else author.full for _, author in chosen]
    return ", ".join([*names, *([context.labels["et-al"]] if authors.others or cut else [])])


def _web(url: str | None) -> str | None:
    """Only web addresses: the schema wants a URI, and a bib `url` is sometimes a bare host."""
    if not url:
        return None
    return url if re.match(r"^https?://", url, re.IGNORECASE) else f"https://{url.lstrip('/')}"


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}
