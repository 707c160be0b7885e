"""A RenderCV 2.x input file (`cv.rendercv.yaml`'s content) from the typed data and the bibliography.

RenderCV reads every text of an entry as Markdown, so each plain text of metadata.yaml is written
with the characters Markdown would read as markup escaped (`markdown`); the owner's name is bold in
author lists, as RenderCV marks it. Sections come in a fixed order with English titles; lists
RenderCV has no entry type for (talks, students, teaching) become normal entries. Like the JSON
Resume export, it is made from the data, not the document: a variant writes the entries it showed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import panflute as pf
import yaml

from ..bibliography.session import bibliography_of, owner_of
from ..clock import Clock
from ..context import Context
from ..data.dates import DateRange
from ..data.model import Entry, Highlight
from ..errors import CvError, Location
from .output import OutputFormat

SCHEMA_LINE = "# yaml-language-server: $schema=https://raw.githubusercontent.com/rendercv/rendercv/refs/tags/v2.8/schema.json\n"
# cvfilter's contact keys as RenderCV's social network names (the rest go to custom_connections).
_NETWORK_NAMES = {"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab", "orcid": "ORCID", "mastodon": "Mastodon",
                  "stackoverflow": "StackOverflow", "researchgate": "ResearchGate", "scholar": "Google Scholar",
                  "twitter": "X", "bluesky": "Bluesky"}
_LANGUAGES = {"de": "german", "fr": "french", "es": "spanish", "it": "italian", "pt": "portuguese", "nl": "dutch",
              "da": "danish", "tr": "turkish", "ru": "russian", "ja": "japanese", "ko": "korean", "hi": "hindi",
              "he": "hebrew", "fa": "persian", "ar": "arabic", "zh": "mandarin_chinese"}
# What CommonMark (RenderCV's Markdown) reads as markup anywhere, and at a line's start.
_MARKUP = re.compile(r"([\\`*_\[\]<>#~|$])")
_BULLET = re.compile(r"^([-+=])(?=\s|$)")
_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def finish(doc: pf.Doc, context: Context | None) -> None:
    """Nothing to finish: the RenderCV file is made from the data, not from the document."""


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    if context is None:
        raise CvError.at(Location("cv.md"), "a RenderCV file needs the CV's data, but this document was already expanded")
    with clock(fmt.name):
        text = yaml.safe_dump(rendercv(context), sort_keys=False, allow_unicode=True, width=100)
        return (SCHEMA_LINE + text).encode("utf-8")


def markdown(value: str) -> str:
    """Plain text as Markdown that reads back as the same text."""
    return _NUMBER.sub(r"\1\\\2", _BULLET.sub(r"\\\1", _MARKUP.sub(r"\\\1", value)))


def rendercv(context: Context) -> dict[str, Any]:
    data = context.data
    contact = data.contact
    cv: dict[str, Any] = {"name": data.name}
    if data.headline:
        cv["headline"] = markdown(data.headline)
    if contact.location:
        cv["location"] = contact.location if isinstance(contact.location, str) else contact.location.shown()
    for key in ("email", "phone", "website"):
        if getattr(contact, key):
            cv[key] = getattr(contact, key)
    networks = [{"network": name, "username": getattr(contact, key)} for key, name in _NETWORK_NAMES.items()
                if getattr(contact, key) and (key != "mastodon" or re.fullmatch(r"@[^@]+@[^@]+", contact.mastodon))]
    if networks:
        cv["social_networks"] = networks
    custom = [{"placeholder": f"{p.network}: {p.username}" if p.username else p.network, "url": p.url,
               "fontawesome_icon": "link"} for p in contact.profiles]
    if custom:
        cv["custom_connections"] = custom
    cv["sections"] = {title: entries for title, entries in _sections(context) if entries}
    document: dict[str, Any] = {"cv": cv, "design": {"theme": "classic"}}
    language = _LANGUAGES.get(context.config.lang.split("-")[0].lower())
    if language:
        document["locale"] = {"language": language}
    if context.config.updated:
        document["settings"] = {"current_date": context.config.updated.isoformat()}
    return document


def _listed(context: Context, kind: str, everything: Iterable[Any]) -> list[Any]:
    """The full CV's list, or what a variant's macros showed of it."""
    if context.variant is None:
        return list(everything)
    return list({id(item): item for item in context.shown.of(kind)}.values())


def _sections(context: Context) -> list[tuple[str, list]]:
    data = context.data

    def listed(kind: str) -> list[Any]:
        return _listed(context, kind, getattr(data, kind))

    return [
        ("Summary", [markdown(p.strip()) for p in (data.summary or "").split("\n\n") if p.strip()]),
        ("Experience", [_experience(e) for e in [*listed("current_position"), *listed("positions")]]),
        ("Education", [_education(e) for e in listed("education")]),
        ("Projects", [_normal(e) for e in listed("projects")]),
        ("Publications", _publications(context)),
        ("Grants", [_normal(e) for e in listed("grants")]),
        ("Patents", [_normal(e) for e in listed("patents")]),
        ("Awards", [_normal(e) for e in listed("honors")]),
        ("Certificates", [_normal(e) for e in listed("certificates")]),
        ("Volunteering", [_experience(e) if e.org else _normal(e) for e in listed("volunteering")]),
        ("Activities", [_normal(e) for e in listed("activities")]),
        *((name.replace("_", " ").title(), [_normal(e) for e in _listed(context, name, entries)])
          for name, entries in data.collections.items()),
        ("Open Source", [_dated({"name": markdown(r.name), "summary": markdown(r.description) if r.description else None,
                                 "url": r.link}, r.year) for r in listed("repositories")]),
        ("Talks", [_dated({"name": markdown(t.title), "summary": markdown(t.venue), "url": t.url}, t.year)
                   for t in listed("talks")]),
        ("Students", [_dated({"name": markdown(s.name), "summary": markdown(s.detail) if s.detail else None, "url": s.url},
                             s.dates) for s in listed("students")]),
        ("Teaching", [_clean({"name": markdown(c.name), "summary": markdown(", ".join(p for p in (c.code, c.role) if p)),
                              "date": c.term, "url": c.url}) for c in listed("teaching")]),
        ("Reviewing", [{"bullet": markdown(venue)} for venue in listed("reviewing")]),
        ("Skills", [{"label": markdown(g.name + (f" ({g.level})" if g.level else "")), "details": markdown(", ".join(g.items))}
                    for g in listed("skills")]),
        *((name.replace("_", " ").title(), [{"label": markdown(line.label), "details": markdown(line.text)}
                                             for line in _listed(context, f"lines:{name}", lines)])
          for name, lines in data.lines.items()),
        ("Languages", [{"label": markdown(item.language), "details": markdown(item.fluency or "")} for item in listed("languages")]),
        ("Interests", [{"label": markdown(g.name), "details": markdown(", ".join(g.items))} for g in listed("interests")]),
        ("References", [_clean({"name": markdown(r.name), "summary": markdown(r.reference) if r.reference else None,
                                "highlights": [markdown(r.contact)] if r.contact else None}) for r in listed("referees")]),
    ]


def _experience(item: Entry) -> dict[str, Any]:
    return _dated({"company": markdown(item.org or ""), "position": markdown(item.title), **_common(item)}, item.dates)


def _education(item: Entry) -> dict[str, Any]:
    degree, _, area = item.title.partition(" in ") if item.org else ("", "", item.title)
    return _dated({"institution": markdown(item.org or item.title), "area": markdown(area or degree),
                   "degree": markdown(degree) if area and degree else None, **_common(item)}, item.dates)


def _normal(item: Entry) -> dict[str, Any]:
    name = markdown(item.title) + (f", *{markdown(item.org)}*" if item.org else "")
    return _dated({"name": name, **_common(item)}, item.dates)


def _common(item: Entry) -> dict[str, Any]:
    """What every dated entry has: place, a summary and its bullets."""
    aside = [p for p in (item.role, item.kind, item.amount, item.gpa, item.note) if p]
    summary = [p for p in (item.description, item.detail, "; ".join(aside) if aside else None) if p]
    lines = [*(f"{label}: {', '.join(values)}" for label, values in (("Courses", item.courses), ("Keywords", item.keywords)) if values)]
    return {"location": markdown(item.location) if item.location else None,
            "summary": markdown(" — ".join(summary)) if summary else None, "url": item.url or item.org_url,
            "highlights": [*map(markdown, lines), *map(_highlight, item.highlights)] or None}


def _highlight(item: str | Highlight) -> str:
    """RenderCV writes a bullet's own bullets after " - " in its text."""
    if isinstance(item, str):
        return markdown(item).replace(" - ", " \\- ")
    return " - ".join([markdown(item.text).replace(" - ", " \\- "), *(markdown(i).replace(" - ", " \\- ") for i in item.items)])


def _dated(record: dict[str, Any], dates: DateRange | None) -> dict[str, Any]:
    """A date as RenderCV takes it: one date, or a start and an end ("present" when ongoing)."""
    if dates is not None:
        if dates.end is None and not dates.ongoing:
            record["date"] = dates.start.iso()
        else:
            record["start_date"] = dates.start.iso()
            record["end_date"] = "present" if dates.ongoing else dates.end.iso()
    return _clean(record)


def _publications(context: Context) -> list[dict[str, Any]]:
    if context.variant is not None:
        entries = list({p.entry.key: p.entry for p in context.shown.of("publications")}.values())
    elif context.config.bibliography:
        entries = list(bibliography_of(context, Location(context.config.source, 1)))
    else:
        return []
    owner = owner_of(context)
    out = []
    for entry in entries:
        authors = [f"**{markdown(a.full)}**" if owner.matches(a) else markdown(a.full) for a in entry.authors.authors]
        month = entry.fields.get("month", "")
        date = f"{entry.year:04d}-{int(month):02d}" if entry.year and month.isdigit() and 1 <= int(month) <= 12 else entry.year
        venue = entry.get("_venue", "journal", "booktitle", "publisher", "school", "institution", "howpublished")
        out.append(_clean({"title": markdown(entry.get("title") or entry.key), "authors": authors or [markdown(context.data.name)],
                           "journal": markdown(venue) if venue else None, "date": date, "doi": entry.get("doi"),
                           "url": entry.get("url") if (entry.get("url") or "").startswith(("http://", "https://")) else None,
                           "summary": markdown(entry.get("_note")) if entry.get("_note") else None}))
    return out


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}
