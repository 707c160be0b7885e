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
from .document import ImportedCv, Section, slug
from .fields import Reader, contact_from_profiles, date_range, entry
from ..macros.listing import count_down
from .markdown_text import inline_markdown, plain_texts

_TOP = ("cv", "design", "locale", "locale_catalog", "rendercv_settings", "settings")
_CV_KEYS = ("name", "location", "email", "phone", "website", "photo", "social_networks", "custom_connections", "sections",
            "label", "headline")
# RenderCV's networks that `contact:` has no key for, with the addresses RenderCV makes of a user name.
_OTHER_NETWORKS = {"IMDB": "https://imdb.com/name/{}", "Instagram": "https://instagram.com/{}", "YouTube": "https://youtube.com/@{}",
                   "Telegram": "https://t.me/{}", "WhatsApp": "https://wa.me/{}", "Leetcode": "https://leetcode.com/u/{}",
                   "Reddit": "https://reddit.com/user/{}"}
_LANGUAGES = {"english": "en", "german": "de", "french": "fr", "spanish": "es"}
# RenderCV's themes as the nearest of cvfilter's: one-page engineering résumés, serif classics, sans-serif.
_THEMES = {"classic": "academic", "engineeringresumes": "compact", "engineeringclassic": "compact", "sb2nov": "compact",
           "harvard": "classic", "moderncv": "classic", "ember": "modern", "ink": "modern", "opal": "modern"}
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
    networks = [dict(n, url=_OTHER_NETWORKS[n["network"]].format(n.get("username", ""))) if isinstance(n, dict)
                and n.get("network") in _OTHER_NETWORKS else n for n in (cv.get("social_networks") or [])]
    contact, other_profiles = contact_from_profiles(read, networks, "cv.social_networks")
    emails, websites = _one_or_more(read, cv.get("email"), "cv.email"), _one_or_more(read, cv.get("website"), "cv.website")
    if emails:
        contact["email"] = emails[0]
        other_profiles += [{"network": "E-mail", "username": e, "url": f"mailto:{e}"} for e in emails[1:]]
    if cv.get("phone"):
        contact["phone"] = re.sub(r"^tel:", "", read.text(cv["phone"], "cv.phone") or "")
    if websites:
        contact["website"] = websites[0]
        other_profiles += [{"network": "Website", "url": w} for w in websites[1:]]
    for i, custom in enumerate(cv.get("custom_connections") or []):
        custom = read.mapping(custom, f"cv.custom_connections[{i}]")
        label = read.text(custom.get("placeholder"), f"cv.custom_connections[{i}].placeholder") or "Link"
        url = read.url(custom.get("url"), f"cv.custom_connections[{i}].url")
        other_profiles.append({"network": label, **({"url": url} if url else {})})
    if (place := read.text(cv.get("location"), "cv.location")):
        contact["location"] = place
    if other_profiles:
        contact["profiles"] = other_profiles
    if cv.get("photo"):
        read.warn("cv.photo: the photo was not imported (a CV's photo is a file in its folder)",
                  "copy the image into the CV's folder and name it in metadata.yaml: `photo: me.jpg`", at=("cv", "photo"))
    metadata: dict[str, Any] = {"name": name}
    if (headline := read.text(cv.get("headline") or cv.get("label"), "cv.headline")):
        metadata["headline"] = headline
    metadata["contact"] = contact
    imported = ImportedCv(metadata=metadata, warnings=read.warnings)
    _settings(read, document, imported)
    sections = cv.get("sections") or {}
    if not isinstance(sections, dict):
        read.fail("cv.sections must map section titles to lists of entries")
    taken: set[str] = set()
    collections: dict[str, list[dict]] = {}
    keys: set[str] = set()
    kinds = {}
    for raw_title, entries in sections.items():
        if not isinstance(entries, list):
            read.fail(f"cv.sections.{raw_title} must be a list of entries")
        kinds[raw_title] = _kind(read, entries, f"cv.sections.{raw_title}")
    aliases = _marked_authors(read, sections, kinds, name)
    if aliases:
        metadata["owner"] = {"aliases": aliases}
    plain = _without_markdown(read, {t: e for t, e in sections.items() if kinds[t] not in _MARKDOWN_KINDS}, shown)
    for raw_title, entries in sections.items():
        title = _title(str(raw_title))
        where = f"cv.sections.{raw_title}"
        name = slug(title, taken)
        kind = kinds[raw_title]
        if kind in _MARKDOWN_KINDS:
            imported.sections.append(Section(title, blocks=_markdown_section(read, kind, entries, where, shown)))
        elif kind == "one_line":
            lines = []
            for i, (item, _org_url) in enumerate(plain[raw_title]):
                label = read.text(item.get("label"), f"{where}[{i}].label") or read.fail(f"{where}[{i}].label is required")
                lines.append({"label": label, "text": read.text(item.get("details"), f"{where}[{i}].details") or ""})
            metadata.setdefault("lines", {})[name] = lines
            imported.sections.append(Section(title, "lines", {"from": name}))
        elif kind == "publication":
            for i, (item, _org_url) in enumerate(plain[raw_title]):
                imported.publications.append(_publication(read, item, f"{where}[{i}]", name, keys))
            imported.sections.append(Section(title, "publications", {"keywords": name, "group-by": "none"}))
        else:
            dated = [_dated(read, kind, item, f"{where}[{i}]", org_url) for i, (item, org_url) in enumerate(plain[raw_title])]
            # A section called "education" fills the built-in list of that name; others are collections.
            (metadata if name in ENTRY_LISTS else collections)[name] = dated
            imported.sections.append(Section(title, "entries", {"from": name}))
    if collections:
        metadata["collections"] = collections
    return imported


def _title(key: str) -> str:
    """The title RenderCV shows for a section key: as written if it has a space or a capital,
    else its underscores as spaces and each word capitalised but the small ones ("and", "of")."""
    if " " in key or any(c.isupper() for c in key):
        return key
    return " ".join(w if w in _SMALL_WORDS else w.capitalize() for w in key.replace("_", " ").split(" ")) or key


_SMALL_WORDS = set("a and as at but by for from if in into like near nor of off on onto or over so than that to upon when with yet".split())


def _one_or_more(read: Reader, value: Any, where: str) -> list[str]:
    """RenderCV 2.8 takes one e-mail address or website, or a list of them."""
    return read.strings(value if isinstance(value, list) else [value] if value else [], where)


def _settings(read: Reader, document: dict, imported: ImportedCv) -> None:
    """What of RenderCV's design, locale and settings cvfilter has an option for; the rest is listed."""
    design = document.get("design") or {}
    locale = document.get("locale") or {}
    settings = document.get("settings") or document.get("rendercv_settings") or {}
    for part, value in (("design", design), ("locale", locale), ("settings", settings)):
        read.mapping(value, part)
    size = (design.get("page") or {}).get("size") if isinstance(design.get("page"), dict) else None
    if size:
        imported.page = {"us-letter": "letter", "a4": "a4", "a5": "a5", "us-legal": "legal"}.get(str(size))
    imported.theme = _THEMES.get(str(design.get("theme") or "classic"))
    language = str(locale.get("language") or "english").casefold()
    if language in _LANGUAGES:
        imported.lang = _LANGUAGES[language] if language != "english" else None
    else:
        read.warn(f"locale.language {language!r}: cvfilter prints English, German, French or Spanish; the CV is in English",
                  at=("locale", "language"))
    when = settings.get("current_date")
    if when and str(when) != "today":
        imported.date = str(when)
    kept = {"theme", "page"} if size else {"theme"}
    for key in design:
        if key not in kept and design[key] not in (None, {}, []):
            read.warn(f"design.{key}: RenderCV's layout settings have no counterpart in cvfilter's theme; not imported",
                      at=("design", key))
    for key in locale:
        if key != "language" and locale[key] not in (None, {}, []):
            read.warn(f"locale.{key}: cvfilter's own words are set with `cvfilter: labels:` in cv.md; not imported",
                      at=("locale", key))
    if settings.get("bold_keywords"):
        read.warn("settings.bold_keywords: cvfilter bolds only the owner's name; not imported", at=("settings", "bold_keywords"))


def _marked_authors(read: Reader, sections: dict, kinds: dict, name: str) -> list[str]:
    """RenderCV marks the CV's owner in author lists with bold or italics (`*John Doe*`): each
    marked name that is not the owner's name as written becomes an alias, so it is bold here too."""
    found: list[str] = []
    for title, entries in sections.items():
        if kinds[title] != "publication":
            continue
        for item in entries:
            for author in item.get("authors") or []:
                marked = re.fullmatch(r"(\*{1,3}|_{1,3})(.+?)\1", str(author).strip())
                if marked and marked[2].strip() != name and marked[2].strip() not in found:
                    found.append(marked[2].strip())
    return found


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
    """Text, bullet and numbered entries, whose Markdown cv.md keeps: bold, italic and safe links."""
    field = {"text": None, "bullet": "bullet", "numbered": "number", "reversed_numbered": "reversed_number"}[kind]
    values = [read.text(item if field is None else item.get(field), f"{where}[{i}]" + (f".{field}" if field else "")) or ""
              for i, item in enumerate(entries)]
    runs = inline_markdown(values, shown)
    if kind == "text":
        return [pf.Para(*inlines) for inlines in runs]
    items = [pf.ListItem(pf.Plain(*inlines)) for inlines in runs]
    if kind == "bullet":
        return [pf.BulletList(*items)]
    if kind == "reversed_numbered":
        return [count_down(items)]
    return [pf.OrderedList(*items)]


def _dated(read: Reader, kind: str, item: dict, where: str, org_url: str | None) -> dict:
    dates = date_range(read, item, where, start="start_date", end="end_date") or read.text(item.get("date"), f"{where}.date")
    common = {"dates": dates, "location": item.get("location"), "detail": item.get("summary"), "url": item.get("url"),
              "highlights": [_nested(h) for h in read.strings(item.get("highlights"), f"{where}.highlights")]}
    if kind == "experience":
        return entry(read, where, title=item.get("position"), org=item.get("company"), org_url=org_url, **common)
    if kind == "education":
        degree, area = item.get("degree"), item.get("area")
        return entry(read, where, title=f"{degree} in {area}" if degree else area, org=item.get("institution"), org_url=org_url, **common)
    return entry(read, where, title=item.get("name"), **common)


def _nested(highlight: str) -> str | dict:
    """RenderCV's nested bullets: "Main point - first - second" is a bullet with two below it."""
    head, *below = highlight.split(" - ")
    return {"text": head, "items": below} if below else highlight


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
