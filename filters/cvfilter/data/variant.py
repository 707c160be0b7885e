"""Named variants of one CV (a one-page résumé, the full CV), as the front matter declares them.

The record only says what a variant wants; macros/selection.py applies it (keeps the sections,
adjusts each macro's options) and build.py loops over the variants. The front matter declares them
under `cvfilter: variants:`; `cv build --variant NAME` (or `cvfilter: variant: NAME` under plain
pandoc) applies one before the macros expand:

    variants:
      resume:
        sections: [Current Position, Education, skills]   # headings or macro names; default: all
        tags: [resume]                                    # entries with one of these tags (bib: keywords)
        options: {publications: {limit: 5}}               # per-macro option overrides
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType

from ..errors import CvError, Location, Problem
from .languages import is_tag

_KEYS = ("description", "sections", "tags", "options", "lang")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Variant:
    """One named document made from the shared source."""

    name: str
    description: str = ""
    sections: tuple[str, ...] | None = None
    tags: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    lang: str | None = None  # the variant's language, e.g. cv-de.pdf from the same source
    location: Location = Location("cv.md", 1)
    places: Mapping[tuple[str | int, ...], Location] = field(default_factory=lambda: MappingProxyType({}))
    """Where each setting is written (("sections", 0), ("options", "talks", "limit")), for messages."""

    def at(self, *path: str | int) -> Location:
        """The line of a setting of this variant, else the line of the variant."""
        return self.places.get(path, self.location)


Locate = Callable[..., Location]


def parse_variants(raw: object, where: Location, locate: Locate | None = None) -> dict[str, Variant]:
    """`cvfilter.variants` from the front matter into Variant objects; a wrong shape is an error here.
    `locate(name, *path)` gives the front-matter line of a variant or of one of its settings."""
    if raw in (None, {}):
        return {}
    if not isinstance(raw, dict):
        raise CvError.at(where, "`cvfilter.variants` must map variant names to settings", "e.g. `variants: {resume: {sections: [Education]}}`")
    problems: list[Problem] = []
    variants = {}
    for name, body in raw.items():
        try:
            variants[str(name)] = _parse_one(str(name), body, partial(locate, str(name)) if locate else lambda *_: where)
        except CvError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CvError(problems)
    return variants


def _parse_one(name: str, body: object, locate: Locate) -> Variant:
    where = locate()
    if not _NAME.fullmatch(name):
        raise CvError.at(where, f"variant name {name!r} must be letters, digits, '-' or '_'", "it becomes part of the file name cv-NAME.pdf")
    body = body or {}
    if not isinstance(body, dict):
        raise CvError.at(where, f"variant {name!r} must be a mapping", f"keys: {', '.join(_KEYS)}")
    unknown = sorted(set(body) - set(_KEYS))
    if unknown:
        raise CvError.at(where, f"unknown key {unknown[0]!r} in variant {name!r}", f"keys: {', '.join(_KEYS)}")
    options = body.get("options") or {}
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise CvError.at(locate("options"), f"variant {name!r}: `options` must map macro names to options", "e.g. `options: {talks: {limit: 5}}`")
    sections = None
    if "sections" in body:
        raw = body["sections"]
        sections = () if raw is None or raw == "" else _strings(raw, name, "sections", locate("sections"))
        if not sections:
            raise CvError.at(locate("sections"), f"variant {name!r}: `sections` is empty, so the variant would show no section",
                             "list the sections to keep, e.g. `sections: [Education, Skills]`, or remove the key to keep them all")
    lang = body.get("lang")
    if lang is not None and not is_tag(lang):
        raise CvError.at(locate("lang"), f"variant {name!r}: `lang` must be a language tag, got {lang!r}", "e.g. `lang: de`")
    places = {("sections",): locate("sections"), ("options",): locate("options")}
    places |= {("sections", index): locate("sections", index) for index in range(len(sections or ()))}
    for macro_name, settings in options.items():
        places[("options", str(macro_name))] = locate("options", macro_name, "<key>")
        places |= {("options", str(macro_name), str(key)): locate("options", macro_name, key) for key in settings}
    return Variant(
        name=name,
        description=str(body.get("description") or ""),
        sections=sections,
        tags=_strings(body.get("tags") or [], name, "tags", locate("tags")),
        lang=lang,
        options=MappingProxyType({str(m): MappingProxyType({str(k): _option_text(v) for k, v in o.items()}) for m, o in options.items()}),
        location=where,
        places=MappingProxyType(places),
    )


def _strings(value: object, name: str, key: str, where: Location) -> tuple[str, ...]:
    if not isinstance(value, list):
        shown = value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else "Name"
        raise CvError.at(where, f"variant {name!r}: `{key}` must be a list of names, not a single value",
                         f"write `{key}: [{shown}]`")
    if not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
        raise CvError.at(where, f"variant {name!r}: `{key}` must be a list of names")
    return tuple(str(item).strip() for item in value if str(item).strip())


def _option_text(value: object) -> str:
    """Options are written as text in cv.md; YAML's true/5 become "true"/"5" and are parsed the same way."""
    return str(value).lower() if isinstance(value, bool) else str(value)


