"""JSON Resume (jsonresume.org) into cvfilter's sources.

Every section of the schema has a place: work, education and awards become the built-in lists,
the rest become lists under `collections` shown with `.entries`, publications a .bib file. Text
is plain in JSON Resume, so it goes into cv.md as literal paragraphs.
"""

from __future__ import annotations

from typing import Any

import re

from ..errors import CvError, Location
from .bibtex import BibRecord, cite_key
from .document import ImportedCv, Section, paragraph, slug
from .fields import Reader, contact_from_profiles, date_range, entry

_SECTIONS = ("basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
             "languages", "interests", "references", "projects", "meta", "$schema")


def from_json_resume(document: Any, shown: str) -> ImportedCv:
    if not isinstance(document, dict):
        raise CvError.at(Location(shown, 1), "a JSON Resume document is a JSON object", "see jsonresume.org/schema")
    read = Reader(shown)
    for key in document:
        if key not in _SECTIONS:
            read.warn(f"section {key!r} is not part of JSON Resume; it was not imported")
    basics = read.mapping(document.get("basics") or {}, "basics")
    name = read.text(basics.get("name"), "basics.name") or read.fail("basics.name is required", "the CV needs a name")
    contact, other_profiles = contact_from_profiles(read, basics.get("profiles") or [], "basics.profiles")
    for key, target in (("email", "email"), ("phone", "phone"), ("url", "website")):
        if basics.get(key):
            contact[target] = read.text(basics[key], f"basics.{key}")
    if basics.get("image"):
        read.warn("basics.image: a photo is not part of cvfilter's CV; it was not imported")
    metadata: dict[str, Any] = {"name": name, "contact": contact}
    imported = ImportedCv(metadata=metadata, warnings=read.warnings)
    intro = [read.text(basics.get("label"), "basics.label"), _location(read, basics.get("location"))]
    imported.intro = [paragraph(line) for line in intro if line]
    taken: set[str] = set()
    sections = imported.sections

    if basics.get("summary"):
        sections.append(Section("About", blocks=[paragraph(p) for p in _paragraphs(read.text(basics["summary"], "basics.summary"))]))
    work = [_work(read, item, f"work[{i}]") for i, item in enumerate(read.items(document, "work"))]
    if work:
        metadata["positions"] = work
        sections.append(Section("Experience", "entries", {"from": "positions"}))
    education = [_education(read, item, f"education[{i}]") for i, item in enumerate(read.items(document, "education"))]
    if education:
        metadata["education"] = education
        sections.append(Section("Education", "entries", {"from": "education"}))
    collections: dict[str, list[dict]] = {}

    def collection(title: str, entries: list[dict]) -> None:
        if entries:
            name = slug(title, taken)
            collections[name] = entries
            sections.append(Section(title, "entries", {"from": name}))

    collection("Volunteering", [_volunteer(read, item, f"volunteer[{i}]") for i, item in enumerate(read.items(document, "volunteer"))])
    collection("Projects", [_project(read, item, f"projects[{i}]") for i, item in enumerate(read.items(document, "projects"))])
    awards = [_award(read, item, f"awards[{i}]") for i, item in enumerate(read.items(document, "awards"))]
    if awards:
        metadata["honors"] = awards
        sections.append(Section("Awards", "entries", {"from": "honors"}))
    collection("Certificates", [_certificate(read, item, f"certificates[{i}]") for i, item in enumerate(read.items(document, "certificates"))])
    publications = [_publication(read, item, f"publications[{i}]") for i, item in enumerate(read.items(document, "publications"))]
    keys: set[str] = set()
    for record in publications:
        record.key = cite_key(record.fields["title"], record.fields.get("year"), keys)
    if publications:
        imported.publications = publications
        sections.append(Section("Publications", "publications", {"group-by": "none"}))
    skills = [_skill(read, item, f"skills[{i}]", "skills") for i, item in enumerate(read.items(document, "skills"))]
    languages = [_language(read, item, f"languages[{i}]") for i, item in enumerate(read.items(document, "languages"))]
    interests = [_skill(read, item, f"interests[{i}]", "interests") for i, item in enumerate(read.items(document, "interests"))]
    if languages:
        # Against the names as written too: "Languages" with a level shows as "Languages (Advanced)".
        written = [item.get("name") for key in ("skills", "interests") for item in read.items(document, key)]
        named = {str(name).casefold() for name in [*written, *(group["name"] for group in skills + interests)]}
        skills.append({"name": _unused(("Languages", "Spoken languages"), named), "items": languages, "tags": ["skills"]})
    if skills or interests:
        metadata["skills"] = skills + interests
    if skills:
        sections.append(Section("Skills", "skills", {"tags": "skills"}))
    if interests:
        sections.append(Section("Interests", "skills", {"tags": "interests"}))
    collection("Profiles", other_profiles)
    references = list(read.items(document, "references"))
    if references:
        blocks = []
        for i, item in enumerate(references):
            item = read.mapping(item, f"references[{i}]")
            quote = read.text(item.get("reference"), f"references[{i}].reference")
            who = read.text(item.get("name"), f"references[{i}].name")
            blocks.append(paragraph(f"{quote} — {who}" if quote and who else quote or who or ""))
        sections.append(Section("References", blocks=blocks))
    if collections:
        metadata["collections"] = collections
    return imported


def _paragraphs(value: str) -> list[str]:
    return [p for p in (part.strip() for part in value.split("\n\n")) if p]


def _location(read: Reader, value: Any) -> str | None:
    if not value:
        return None
    place = read.mapping(value, "basics.location")
    parts = [read.text(place.get(k), f"basics.location.{k}") for k in ("address", "postalCode", "city", "region", "countryCode")]
    return ", ".join(p for p in parts if p) or None


def _work(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    lines = [read.text(item.get("description"), f"{where}.description")]
    return entry(read, where, title=item.get("position") or item.get("name"), org=item.get("name") if item.get("position") else None,
                 org_url=item.get("url"), location=item.get("location"), dates=date_range(read, item, where),
                 detail=item.get("summary"), highlights=[*filter(None, lines), *read.strings(item.get("highlights"), f"{where}.highlights")])


def _volunteer(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    return entry(read, where, title=item.get("position") or item.get("organization"),
                 org=item.get("organization") if item.get("position") else None, org_url=item.get("url"),
                 dates=date_range(read, item, where), detail=item.get("summary"),
                 highlights=read.strings(item.get("highlights"), f"{where}.highlights"))


def _education(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    study, area = item.get("studyType"), item.get("area")
    title = f"{study} in {area}" if study and area else study or area or item.get("institution")
    courses = read.strings(item.get("courses"), f"{where}.courses")
    return entry(read, where, title=title, org=item.get("institution") if (study or area) else None, org_url=item.get("url"),
                 dates=date_range(read, item, where), gpa=item.get("score"),
                 detail=", ".join(courses) if courses else None)


def _award(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    return entry(read, where, title=item.get("title"), org=item.get("awarder"), dates=date_range(read, item, where, single="date"),
                 detail=item.get("summary"), url=item.get("url"))


def _certificate(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    return entry(read, where, title=item.get("name"), org=item.get("issuer"), url=item.get("url"),
                 dates=date_range(read, item, where, single="date"))


def _project(read: Reader, item: Any, where: str) -> dict:
    item = read.mapping(item, where)
    roles = read.strings(item.get("roles"), f"{where}.roles")
    keywords = read.strings(item.get("keywords"), f"{where}.keywords")
    aside = "; ".join(p for p in (", ".join(roles), item.get("type")) if p) or None
    return entry(read, where, title=item.get("name"), url=item.get("url"), org=item.get("entity"), note=aside,
                 dates=date_range(read, item, where), detail=item.get("description"),
                 highlights=[*read.strings(item.get("highlights"), f"{where}.highlights"), *([", ".join(keywords)] if keywords else [])])


def _skill(read: Reader, item: Any, where: str, tag: str) -> dict:
    item = read.mapping(item, where)
    name = read.text(item.get("name"), f"{where}.name") or read.fail(f"{where}.name is required")
    level = read.text(item.get("level"), f"{where}.level")
    items = read.strings(item.get("keywords"), f"{where}.keywords") or ([level] if level else [name])
    shown = f"{name} ({level})" if level and items != [level] else name
    return {"name": shown, "items": items, "tags": [tag]}


def _unused(names: tuple[str, ...], taken: set[str]) -> str:
    """The first name no other skill group has (a group called "Languages" may list programming
    languages), else the last one numbered."""
    free = [name for name in names if name.casefold() not in taken]
    if free:
        return free[0]
    return next(f"{names[-1]} {n}" for n in range(2, len(taken) + 3) if f"{names[-1]} {n}".casefold() not in taken)


def _language(read: Reader, item: Any, where: str) -> str:
    item = read.mapping(item, where)
    language = read.text(item.get("language"), f"{where}.language") or read.fail(f"{where}.language is required")
    fluency = read.text(item.get("fluency"), f"{where}.fluency")
    return f"{language} ({fluency})" if fluency else language


def _publication(read: Reader, item: Any, where: str) -> BibRecord:
    item = read.mapping(item, where)
    title = read.text(item.get("name"), f"{where}.name") or read.fail(f"{where}.name is required")
    fields = {"title": title}
    when = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?", date_range(read, item, where, single="releaseDate") or "")
    if when:
        fields["year"] = when[1]
        if when[2]:
            fields["month"] = str(int(when[2]))
    for source, target in (("publisher", "_venue"), ("summary", "_note"), ("url", "url")):
        value = read.text(item.get(source), f"{where}.{source}")
        if value:
            fields[target] = value
    return BibRecord("", "misc", fields)

