"""A JSON Resume document (jsonresume.org, schema v1.0.0) from the typed data and the bibliography.

JSON Resume has no place for talks, students, reviewing or teaching; talks go to `projects` with
type "presentation" (the schema's own example), the rest stays in the CV formats.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..context import Context
from ..data.dates import DateRange
from ..data.model import Contact, CvData, Entry, Person
from ..errors import CvError, Location

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
_DEGREE = re.compile(r"^(?P<type>.+?)\s+in\s+(?P<area>.+)$")


def write_json_resume(context: Context | None) -> bytes:
    if context is None:
        raise CvError.at(Location("cv.md"), "JSON Resume needs the CV's data, but this document was already expanded")
    return (json.dumps(json_resume(context), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_resume(context: Context) -> dict[str, Any]:
    """The whole document; empty sections are left out."""
    data = context.data
    document: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": _basics(data),
        "work": [_work(e, context) for e in [*data.current_position, *data.positions]],
        "volunteer": [_volunteer(e, context) for e in data.activities],
        "education": [_education(e) for e in data.education],
        "awards": [_award(e) for e in data.honors],
        "publications": _publications(context),
        "skills": [{"name": g.name, "keywords": list(g.items)} for g in data.skills],
        "projects": [*map(_repository, data.repositories), *map(_talk, data.talks)],
        "meta": {"version": "v1.0.0", **({"lastModified": f"{context.config.updated.isoformat()}T00:00:00"} if context.config.updated else {})},
    }
    return {key: value for key, value in document.items() if value}


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


def _education(item: Entry) -> dict[str, Any]:
    degree = _DEGREE.match(item.title)
    study, area = (degree["type"], degree["area"]) if degree else (item.title, None)
    return _compact({
        "institution": item.org or item.title, "url": item.org_url or item.url, "studyType": study, "area": area,
        "score": item.gpa, **_dates(item.dates),
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


def _publications(context: Context) -> list[dict[str, Any]]:
    if not context.config.bibliography:
        return []
    from ..bibliography.session import bibliography_of

    out = []
    for entry in bibliography_of(context, Location(context.config.source, 1)):
        authors = [a.full for a in entry.authors.authors] + ([context.labels["et-al"]] if entry.authors.others else [])
        month = entry.fields.get("month", "")
        date = f"{entry.year:04d}-{int(month):02d}" if entry.year and month.isdigit() and 1 <= int(month) <= 12 else (
            f"{entry.year:04d}" if entry.year else None)
        out.append(_compact({
            "name": entry.get("title"),
            "publisher": entry.get("_venue", "journal", "booktitle", "publisher", "school", "institution", "howpublished"),
            "releaseDate": date,
            "url": _web(entry.get("url") or (f"https://doi.org/{entry.get('doi')}" if entry.get("doi") else None)),
            "summary": ", ".join(authors) or None,
        }))
    return out


def _web(url: str | None) -> str | None:
    """Only web addresses: the schema wants a URI, and a bib `url` is sometimes a bare host."""
    if not url:
        return None
    return url if re.match(r"^https?://", url, re.IGNORECASE) else f"https://{url.lstrip('/')}"


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}
