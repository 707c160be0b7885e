"""JSON Resume (jsonresume.org) into cvfilter's sources.

Every section of the schema has a place in metadata.yaml (publications in the .bib) and a macro in
cv.md; `cv build --to json` writes the same fields back. Text is plain in JSON Resume, and stays
plain text.
"""

from __future__ import annotations

from typing import Any

import re

from ..errors import CvError, Location
from .bibtex import BibRecord, author_list, cite_key
from .document import ImportedCv, Section
from .fields import Reader, contact_from_profiles, date_range, entry

_SECTIONS = ("basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
             "languages", "interests", "references", "projects", "meta", "$schema")
# The fields each part of JSON Resume 1.0 has (and the few 0.x ones read as well: an award's url, an
# interest's summary); any other is a warning, so nothing is lost quietly.
_FIELDS = {
    "basics": {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"},
    "work": {"name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights"},
    "volunteer": {"organization", "position", "url", "startDate", "endDate", "summary", "highlights"},
    "education": {"institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses", "summary"},
    "awards": {"title", "date", "awarder", "summary", "url"},
    "certificates": {"name", "date", "url", "issuer"},
    "publications": {"name", "publisher", "releaseDate", "url", "summary"},
    "skills": {"name", "level", "keywords", "summary"},
    "languages": {"language", "fluency"},
    "interests": {"name", "keywords", "summary"},
    "references": {"name", "reference"},
    "projects": {"name", "description", "highlights", "keywords", "startDate", "endDate", "url", "roles", "entity", "type"},
}
# JSON Resume 0.x names (schema 0.0.16, still in many resume.json files) and the 1.0 names they became.
_OLD_NAMES = {
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "publications": {"website": "url"},
}


def from_json_resume(document: Any, shown: str) -> ImportedCv:
    if not isinstance(document, dict):
        raise CvError.at(Location(shown, 1), "a JSON Resume document is a JSON object", "see jsonresume.org/schema")
    read = Reader(shown)
    for key in document:
        if key not in _SECTIONS:
            read.warn(f"section {key!r} is not part of JSON Resume; it was not imported")
    basics = _fields(read, document.get("basics") or {}, "basics")
    name = read.text(basics.get("name"), "basics.name") or read.fail("basics.name is required", "the CV needs a name")
    contact, other_profiles = contact_from_profiles(read, basics.get("profiles") or [], "basics.profiles")
    for key, target in (("email", "email"), ("phone", "phone"), ("url", "website")):
        if basics.get(key):
            contact[target] = read.text(basics[key], f"basics.{key}")
    if (place := _location(read, basics.get("location"))):
        contact["location"] = place
    if other_profiles:
        contact["profiles"] = other_profiles
    if basics.get("image"):
        read.warn("basics.image: the photo was not imported (a CV's photo is a file in its folder)",
                  "copy the image into the CV's folder and name it in metadata.yaml: `photo: me.jpg`")
    metadata: dict[str, Any] = {"name": name}
    if (label := read.text(basics.get("label"), "basics.label")):
        metadata["headline"] = label
    metadata["contact"] = contact
    imported = ImportedCv(metadata=metadata, warnings=read.warnings, theme="compact")  # a résumé: one page where it fits
    sections = imported.sections

    def listed(key: str, title: str, entries: list, macro: str = "entries") -> None:
        if entries:
            metadata[key] = entries
            sections.append(Section(title, macro, {"from": key} if macro == "entries" else {}))

    if basics.get("summary"):
        metadata["summary"] = read.text(basics["summary"], "basics.summary")
        sections.append(Section("Summary", "summary"))
    listed("positions", "Experience", [_work(read, item, f"work[{i}]") for i, item in enumerate(read.items(document, "work"))])
    listed("education", "Education", [_education(read, item, f"education[{i}]") for i, item in enumerate(read.items(document, "education"))])
    listed("volunteering", "Volunteering", [_volunteer(read, item, f"volunteer[{i}]") for i, item in enumerate(read.items(document, "volunteer"))])
    listed("projects", "Projects", [_project(read, item, f"projects[{i}]") for i, item in enumerate(read.items(document, "projects"))])
    listed("honors", "Awards", [_award(read, item, f"awards[{i}]") for i, item in enumerate(read.items(document, "awards"))])
    listed("certificates", "Certificates", [_certificate(read, item, f"certificates[{i}]") for i, item in enumerate(read.items(document, "certificates"))])
    publications = [_publication(read, item, f"publications[{i}]", name) for i, item in enumerate(read.items(document, "publications"))]
    keys: set[str] = set()
    for record in publications:
        record.key = cite_key(record.fields["title"], record.fields.get("year"), keys)
    if publications:
        imported.publications = publications
        sections.append(Section("Publications", "publications", {"group-by": "none"}))
    listed("skills", "Skills", [_skill(read, item, f"skills[{i}]") for i, item in enumerate(read.items(document, "skills"))], "skills")
    listed("languages", "Languages", [_language(read, item, f"languages[{i}]") for i, item in enumerate(read.items(document, "languages"))], "languages")
    listed("interests", "Interests", [_skill(read, item, f"interests[{i}]") for i, item in enumerate(read.items(document, "interests"))], "interests")
    listed("referees", "References", [_referee(read, item, f"references[{i}]") for i, item in enumerate(read.items(document, "references"))], "referees")
    return imported


def _fields(read: Reader, value: Any, where: str) -> dict:
    """One object of the document with its 0.x field names renamed; a field JSON Resume lacks is a warning."""
    part = where.split("[", 1)[0]
    item = read.mapping(value, where)
    renamed = {_OLD_NAMES.get(part, {}).get(key, key): field for key, field in item.items()
               if not (key in _OLD_NAMES.get(part, {}) and _OLD_NAMES[part][key] in item)}
    for key in sorted(item.keys() - _FIELDS[part] - _OLD_NAMES.get(part, {}).keys()):
        read.warn(f"{where}.{key} is not part of JSON Resume; it was not imported")
    return renamed


def _paragraphs(value: str) -> list[str]:
    return [p for p in (part.strip() for part in value.split("\n\n")) if p]


def _location(read: Reader, value: Any) -> dict | None:
    """basics.location in its parts, as metadata.yaml's contact.location keeps them."""
    if not value:
        return None
    place = read.mapping(value, "basics.location")
    parts = {target: read.text(place.get(source), f"basics.location.{source}") for source, target in (
        ("address", "address"), ("postalCode", "postal_code"), ("city", "city"), ("region", "region"), ("countryCode", "country_code"))}
    for key in set(place) - {"address", "postalCode", "city", "region", "countryCode"}:
        read.warn(f"basics.location.{key} is not part of JSON Resume; it was not imported")
    return {k: v for k, v in parts.items() if v} or None


def _work(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    return entry(read, where, title=item.get("position") or item.get("name"), org=item.get("name") if item.get("position") else None,
                 org_url=item.get("url"), location=item.get("location"), dates=date_range(read, item, where),
                 description=item.get("description"), detail=item.get("summary"),
                 highlights=read.strings(item.get("highlights"), f"{where}.highlights"))


def _volunteer(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    return entry(read, where, title=item.get("position") or item.get("organization"),
                 org=item.get("organization") if item.get("position") else None, org_url=item.get("url"),
                 dates=date_range(read, item, where), detail=item.get("summary"),
                 highlights=read.strings(item.get("highlights"), f"{where}.highlights"))


def _education(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    study, area = item.get("studyType"), item.get("area")
    title = f"{study} in {area}" if study and area else study or area or item.get("institution")
    record = entry(read, where, title=title, org=item.get("institution") if (study or area) else None, org_url=item.get("url"),
                   dates=date_range(read, item, where), gpa=item.get("score"), detail=item.get("summary"))
    if (courses := read.strings(item.get("courses"), f"{where}.courses")):
        record["courses"] = courses
    return record


def _award(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    return entry(read, where, title=item.get("title"), org=item.get("awarder"), dates=date_range(read, item, where, single="date"),
                 detail=item.get("summary"), url=item.get("url"))


def _certificate(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    return entry(read, where, title=item.get("name"), org=item.get("issuer"), url=item.get("url"),
                 dates=date_range(read, item, where, single="date"))


def _project(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    roles = read.strings(item.get("roles"), f"{where}.roles")
    record = entry(read, where, title=item.get("name"), url=item.get("url"), org=item.get("entity"),
                   role=", ".join(roles) or None, dates=date_range(read, item, where), description=item.get("description"),
                   kind=item.get("type"), highlights=read.strings(item.get("highlights"), f"{where}.highlights"))
    if (keywords := read.strings(item.get("keywords"), f"{where}.keywords")):
        record["keywords"] = keywords
    return record


def _skill(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    name = read.text(item.get("name"), f"{where}.name") or read.fail(f"{where}.name is required")
    group: dict[str, Any] = {"name": name}
    if (level := read.text(item.get("level"), f"{where}.level")):
        group["level"] = level
    group["items"] = read.strings(item.get("keywords"), f"{where}.keywords")
    if (summary := read.text(item.get("summary"), f"{where}.summary")):
        group["items"].append(summary)  # interests carried a summary in JSON Resume 0.x
    return group


def _language(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    language = read.text(item.get("language"), f"{where}.language") or read.fail(f"{where}.language is required")
    fluency = read.text(item.get("fluency"), f"{where}.fluency")
    return {"language": language, **({"fluency": fluency} if fluency else {})}


def _referee(read: Reader, item: Any, where: str) -> dict:
    item = _fields(read, item, where)
    name = read.text(item.get("name"), f"{where}.name") or read.fail(f"{where}.name is required")
    quote = read.text(item.get("reference"), f"{where}.reference")
    return {"name": name, **({"reference": quote} if quote else {})}


def _publication(read: Reader, item: Any, where: str, owner: str) -> BibRecord:
    """The owner's own work: JSON Resume names no authors, so the owner is its author."""
    item = _fields(read, item, where)
    title = read.text(item.get("name"), f"{where}.name") or read.fail(f"{where}.name is required")
    fields = {"title": title, "author": author_list([owner])}
    when = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date_range(read, item, where, single="releaseDate") or "")
    if when:
        fields["year"] = when[1]
        if when[2]:
            fields["month"] = str(int(when[2]))
        if when[3]:
            fields["day"] = str(int(when[3]))
    for source, target in (("publisher", "_venue"), ("summary", "_note"), ("url", "url")):
        value = read.text(item.get(source), f"{where}.{source}")
        if value:
            fields[target] = value
    return BibRecord("", "misc", fields)
