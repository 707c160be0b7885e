"""RenderCV's YAML (`cv: {name, email, ..., sections: {title: [entries]}}`) into cvfilter's sources.

RenderCV infers each entry's type from its keys; so does this module. Dated kinds (education,
experience, normal) become lists under `collections`, one per section; one-line entries become
skill groups tagged with the section; publications go to the .bib with the section as keyword;
text, bullet and numbered entries are Markdown in RenderCV, so they go into cv.md as Markdown. The
texts of the other entries are Markdown too; metadata.yaml and the .bib get them as plain text.
The `design`, `locale` and `rendercv_settings` parts describe RenderCV's own layout and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import panflute as pf

from ..data.model import ENTRY_LISTS
from ..errors import CvError, Location
from .bibtex import BibRecord, author_list, cite_key
from .document import ImportedCv, Section, markdown_blocks, paragraph, slug
from .fields import Reader, contact_from_profiles, date_range, entry
from .markdown_text import plain_texts

_TOP = ("cv", "design", "locale", "locale_catalog", "rendercv_settings")
_CV_KEYS = ("name", "location", "email", "phone", "website", "photo", "social_networks", "sections", "label", "headline")
_KINDS = (  # (kind, keys that identify it), in the order RenderCV tries them
    ("publication", {"title", "authors"}),
    ("experience", {"company", "position"}),
    ("education", {"institution", "area"}),
    ("normal", {"name"}),
    ("one_line", {"label", "details"}),
    ("bullet", {"bullet"}),
    ("numbered", {"number"}),
    ("reversed_numbered", {"reversed_number"}),
)
_ENTRY_KEYS = {"location", "date", "start_date", "end_date", "summary", "highlights", "url", "doi", "journal",
               "degree", "company", "position", "institution", "area", "name", "title", "authors", "label", "details",
               "bullet", "number", "reversed_number"}


def from_rendercv(document: Any, shown: str, locate: Callable[[tuple[str | int, ...]], Location] | None = None) -> ImportedCv:
    """`locate` gives the line of a value by its path in `document`, for the warnings."""
    if not isinstance(document, dict) or not isinstance(document.get("cv"), dict):
        raise CvError.at(Location(shown, 1), "a RenderCV file starts with `cv:` holding name, contact and sections",
                         "see docs.rendercv.com: the YAML input file")
    read = Reader(shown, locate)
    for key in document:
        if key not in _TOP:
            read.warn(f"top-level key {key!r} is not part of RenderCV's format; it was not imported")
    cv = document["cv"]
    for key in cv:
        if key not in _CV_KEYS:
            read.warn(f"cv.{key} is not part of RenderCV's format; it was not imported")
    name = read.text(cv.get("name"), "cv.name") or read.fail("cv.name is required", "the CV needs a name")
    contact, other_profiles = contact_from_profiles(read, cv.get("social_networks") or [], "cv.social_networks")
    if cv.get("email"):
        contact["email"] = read.text(cv["email"], "cv.email")
    if cv.get("phone"):
        contact["phone"] = re.sub(r"^tel:", "", read.text(cv["phone"], "cv.phone") or "")
    if cv.get("website"):
        contact["website"] = read.text(cv["website"], "cv.website")
    if cv.get("photo"):
        read.warn("cv.photo: a photo is not part of cvfilter's CV; it was not imported")
    metadata: dict[str, Any] = {"name": name, "contact": contact}
    imported = ImportedCv(metadata=metadata, warnings=read.warnings)
    imported.intro = [paragraph(t) for t in (read.text(cv.get(k), f"cv.{k}") for k in ("label", "headline", "location")) if t]
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        read.fail("cv.sections must map section titles to lists of entries")
    taken: set[str] = set()
    collections: dict[str, list[dict]] = {}
    skills: list[dict] = []
    keys: set[str] = set()
    kinds = {}
    for raw_title, entries in sections.items():
        if not isinstance(entries, list):
            read.fail(f"cv.sections.{raw_title} must be a list of entries")
        kinds[raw_title] = _kind(read, entries, f"cv.sections.{raw_title}")
    plain = _without_markdown(read, {t: e for t, e in sections.items() if kinds[t] not in _MARKDOWN_KINDS}, shown)
    for raw_title, entries in sections.items():
        title = _title(str(raw_title))
        where = f"cv.sections.{raw_title}"
        name = slug(title, taken)
        kind = kinds[raw_title]
        if kind in _MARKDOWN_KINDS:
            imported.sections.append(Section(title, blocks=_markdown_section(read, kind, entries, where, shown)))
        elif kind == "one_line":
            for i, (item, _org_url) in enumerate(plain[raw_title]):
                label = read.text(item.get("label"), f"{where}[{i}].label") or read.fail(f"{where}[{i}].label is required")
                details = read.text(item.get("details"), f"{where}[{i}].details") or ""
                skills.append({"name": label, "items": [details] if details else [label], "tags": [name]})
            imported.sections.append(Section(title, "skills", {"tags": name}))
        elif kind == "publication":
            for i, (item, _org_url) in enumerate(plain[raw_title]):
                imported.publications.append(_publication(read, item, f"{where}[{i}]", name, keys))
            imported.sections.append(Section(title, "publications", {"keywords": name, "group-by": "none"}))
        else:
            dated = [_dated(read, kind, item, f"{where}[{i}]", org_url) for i, (item, org_url) in enumerate(plain[raw_title])]
            # A section called "education" fills the built-in list of that name; others are collections.
            (metadata if name in ENTRY_LISTS else collections)[name] = dated
            imported.sections.append(Section(title, "entries", {"from": name}))
    if other_profiles:
        profiles = slug("Profiles", taken)
        collections[profiles] = other_profiles
        imported.sections.append(Section("Profiles", "entries", {"from": profiles}))
    if collections:
        metadata["collections"] = collections
    if skills:
        metadata["skills"] = skills
    return imported


def _title(key: str) -> str:
    """RenderCV shows a section key with its underscores as spaces and each word capitalised."""
    words = key.replace("_", " ").split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or key


def _kind(read: Reader, entries: list, where: str) -> str:
    """One kind per section, as RenderCV requires; a section mixing kinds is an error."""
    kinds = set()
    for i, item in enumerate(entries):
        if isinstance(item, str):
            kinds.add("text")
            continue
        item = read.mapping(item, f"{where}[{i}]")
        found = next((kind for kind, needed in _KINDS if needed <= item.keys()), None)
        if found is None:
            read.fail(f"{where}[{i}] is no RenderCV entry type I know", f"its keys: {', '.join(item)}")
        unknown = sorted(set(item) - _ENTRY_KEYS)
        if unknown:
            read.warn(f"{where}[{i}]: {', '.join(unknown)} not imported (not a RenderCV entry field)")
        kinds.add(found)
    if len(kinds) > 1:
        read.fail(f"{where} mixes entry types ({', '.join(sorted(kinds))})", "RenderCV sections hold one type each")
    return kinds.pop() if kinds else "text"


def _markdown_section(read: Reader, kind: str, entries: list, where: str, shown: str) -> list[pf.Block]:
    if kind == "text":
        return [b for i, item in enumerate(entries) for b in markdown_blocks(read.text(item, f"{where}[{i}]") or "", shown)]
    field = {"bullet": "bullet", "numbered": "number", "reversed_numbered": "reversed_number"}[kind]
    items = [pf.ListItem(*markdown_blocks(read.text(item.get(field), f"{where}[{i}].{field}") or "", shown))
             for i, item in enumerate(entries)]
    if kind == "bullet":
        return [pf.BulletList(*items)]
    if kind == "reversed_numbered":
        # Pandoc lists count up only; a count-down list writes its numbers into the text.
        blocks: list[pf.Block] = []
        for number, item in zip(range(len(items), 0, -1), items):
            first, *rest = list(item.content) or [pf.Para()]
            if isinstance(first, (pf.Para, pf.Plain)):
                blocks.append(pf.Para(pf.Str(f"{number}."), pf.Space(), *first.content))
            else:
                blocks.extend([pf.Para(pf.Str(f"{number}.")), first])
            blocks.extend(rest)
        return blocks
    return [pf.OrderedList(*items)]


def _dated(read: Reader, kind: str, item: dict, where: str, org_url: str | None) -> dict:
    dates = date_range(read, item, where, start="start_date", end="end_date") or read.text(item.get("date"), f"{where}.date")
    common = {"dates": dates, "location": item.get("location"), "detail": item.get("summary"), "url": item.get("url"),
              "highlights": read.strings(item.get("highlights"), f"{where}.highlights")}
    if kind == "experience":
        return entry(read, where, title=item.get("position"), org=item.get("company"), org_url=org_url, **common)
    if kind == "education":
        degree, area = item.get("degree"), item.get("area")
        return entry(read, where, title=f"{degree} in {area}" if degree else area, org=item.get("institution"), org_url=org_url, **common)
    return entry(read, where, title=item.get("name"), **common)


# RenderCV reads every text of an entry as Markdown but these; the ones of a text, bullet or
# numbered section go into cv.md as Markdown, so only the fields of the other kinds are made plain.
_NOT_MARKDOWN = {"start_date", "end_date", "date", "doi", "url"}
_MARKDOWN_KINDS = ("text", "bullet", "numbered", "reversed_numbered")
# Where the address of a link that makes up a field goes, if the entry has none there yet.
_LINK_HOME = {"position": "url", "name": "url", "title": "url", "area": "url", "company": "org_url", "institution": "org_url"}


def _without_markdown(read: Reader, sections: dict[str, list[dict]], shown: str) -> dict[str, list[tuple[dict, str | None]]]:
    """Each entry with its texts as plain text, and the organisation's link if one was written
    into its name. A link's address that has no place is reported, as is anything else lost."""
    places: list[tuple[str, int, str, int | None]] = []
    values: list[str] = []
    copies = {title: [{k: list(v) if isinstance(v, list) else v for k, v in item.items()} for item in entries]
              for title, entries in sections.items()}
    for title, entries in copies.items():
        for i, item in enumerate(entries):
            for key, value in item.items():
                if key in _NOT_MARKDOWN:
                    continue
                for j, each in enumerate(value) if isinstance(value, list) else [(None, value)]:
                    if isinstance(each, str):
                        places.append((title, i, key, j))
                        values.append(each)
    org_urls: dict[tuple[str, int], str] = {}
    for (title, i, key, j), plain in zip(places, plain_texts(values, shown)):
        item = copies[title][i]
        path = ("cv", "sections", title, i, key, *(() if j is None else (j,)))
        where = f"cv.sections.{title}[{i}].{key}" + ("" if j is None else f"[{j}]")
        if j is None:
            item[key] = plain.text
        else:
            item[key][j] = plain.text
        home = _LINK_HOME.get(key) if j is None and len(plain.links) == 1 else None
        if home == "url" and not item.get("url"):
            item["url"] = plain.links.pop()[1]
        elif home == "org_url" and (title, i) not in org_urls:
            org_urls[(title, i)] = plain.links.pop()[1]
        for words, address in plain.links:
            read.warn(f"{where}: the link to {address} was not kept, only its text {words!r}",
                      "metadata.yaml holds plain text; write the address out where readers need it", path)
        for lost in plain.lost:
            read.warn(f"{where}: {lost} was not kept", "metadata.yaml holds plain text", path)
    return {title: [(item, org_urls.get((title, i))) for i, item in enumerate(entries)] for title, entries in copies.items()}


def _publication(read: Reader, item: dict, where: str, section: str, keys: set[str]) -> BibRecord:
    title = read.text(item.get("title"), f"{where}.title") or read.fail(f"{where}.title is required")
    authors = read.strings(item.get("authors"), f"{where}.authors")
    fields = {"title": title, "author": author_list(authors)}
    when = read.text(item.get("date"), f"{where}.date") or ""
    found = re.search(r"(\d{4})(?:-(\d{2}))?", when)
    if found:
        fields["year"] = found[1]
        if found[2]:
            fields["month"] = str(int(found[2]))
    notes = [when] if when and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", when) else []
    notes += [summary] if (summary := read.text(item.get("summary"), f"{where}.summary")) else []
    if notes:
        fields["_note"] = "; ".join(notes)  # the field the bibliography shows after the title
    kind = "misc"
    venue = read.text(item.get("journal"), f"{where}.journal")
    if venue:
        kind = "inproceedings" if _PROCEEDINGS.search(venue) else "article"
        fields["booktitle" if kind == "inproceedings" else "journal"] = venue
    for source in ("doi", "url"):
        value = read.text(item.get(source), f"{where}.{source}")
        if value:
            fields[source] = value
    fields["keywords"] = section
    return BibRecord(cite_key(title, fields.get("year"), keys), kind, fields)


# RenderCV has one venue field, `journal`, which people fill with conference names too.
_PROCEEDINGS = re.compile(r"\b(proceedings|proc\.|conference|workshop|symposium|congress)", re.IGNORECASE)
