"""What one build reads once: the .bib files named in the front matter, and the owner's names."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..context import Context
from ..errors import CvError, Location, relative
from .entries import Bibliography
from .names import Owner
from .reader import CASED_FIELDS, read_bibliography


def bibliography_of(context: Context, where: Location) -> Bibliography:
    """The front matter's .bib files as one bibliography, read on first use and kept for the rest of
    the build; a key a later file repeats is a warning at its line there, and the first entry stays."""
    if context.bibliography is not None:
        return context.bibliography
    paths = context.files.bibliography
    if not paths:
        raise CvError.at(where, "no bibliography to read", "add `cvfilter: {bibliography: publications.bib}` to the front matter")
    parts = [read_bibliography(path, relative(path), context.diagnostics, context.base_dir) for path in paths]
    context.bibliography = in_language(Bibliography.merged(parts, context.diagnostics), context.labels.base)
    return context.bibliography


def in_language(bibliography: Bibliography, lang: str) -> Bibliography:
    """The entries as the document's language reads them: a field FIELD_LANG (`title_de`,
    `journal_de`, `note_de`) stands in for FIELD; its text is kept as written (no case changes)."""
    suffix = f"_{lang}"
    if not any(name.endswith(suffix) for entry in bibliography for name in entry.fields):
        return bibliography
    entries = {}
    for key, entry in bibliography.entries.items():
        local = {name.removesuffix(suffix): value for name, value in entry.fields.items() if name.endswith(suffix) and value}
        if local:
            runs = {**entry.runs, **{name: ((value, True),) for name, value in local.items() if name in CASED_FIELDS}}
            entry = replace(entry, fields={**entry.fields, **local}, runs=runs)
        entries[key] = entry
    return replace(bibliography, entries=entries)


def owner_of(context: Context) -> Owner:
    """data.name plus data.owner.aliases."""
    if context.owner is None:
        context.owner = Owner([context.data.name, *context.data.owner.aliases])
    return context.owner


def locale_of(context: Context) -> str:
    """The CSL locale for the document's `lang`, as citeproc-py ships them: en -> en-US, de-AT as
    written, nb -> nb-NO; a language citeproc-py lacks (Urdu) gets en-US."""
    return csl_locale(context.labels.tag)


def csl_locale(tag: str) -> str:
    tag = tag.replace("_", "-")
    known = _csl_locales()
    primary = tag.split("-")[0].lower()
    for candidate in (tag, known["dialects"].get(primary, "")):
        if candidate.lower() in known["names"]:
            return known["names"][candidate.lower()]
    return "en-US"


@cache
def _csl_locales() -> dict[str, dict[str, str]]:
    """citeproc-py's locale files by lowercased tag, and its primary dialect of each language. Found
    without importing citeproc, which a build whose citations are all cached never loads."""
    spec = importlib.util.find_spec("citeproc")
    folder = Path(spec.origin if spec and spec.origin else "").parent / "data" / "locales"
    names = {path.stem.removeprefix("locales-").lower(): path.stem.removeprefix("locales-") for path in folder.glob("locales-*.xml")}
    dialects = json.loads((folder / "locales.json").read_text(encoding="utf-8"))["primary-dialects"]
    return {"names": names, "dialects": dialects}
