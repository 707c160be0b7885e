"""What one build reads once: the .bib file named in the front matter, and the owner's names."""

from __future__ import annotations

from ..config import resolve_inside
from ..context import Context
from ..errors import CvError, Location, relative
from .names import Owner
from .reader import Bibliography, read_bibliography

_BIB_KEY = "bibliography"
_OWNER_KEY = "bibliography-owner"


def bibliography_of(context: Context, where: Location) -> Bibliography:
    """The front matter's bibliography, read on first use and kept for the rest of the build."""
    cached = context.cache.get(_BIB_KEY)
    if isinstance(cached, Bibliography):
        return cached
    name = context.config.bibliography
    if not name:
        raise CvError.at(where, "no bibliography to read", "add `cvfilter: {bibliography: publications.bib}` to the front matter")
    path = resolve_inside(context.base_dir, name, Location(context.config.source, 1))
    bibliography = read_bibliography(path, relative(path), context.diagnostics, context.base_dir)
    context.cache[_BIB_KEY] = bibliography
    return bibliography


def owner_of(context: Context) -> Owner:
    """data.name plus data.owner.aliases."""
    cached = context.cache.get(_OWNER_KEY)
    if isinstance(cached, Owner):
        return cached
    owner = Owner([context.data.name, *context.data.owner.aliases])
    context.cache[_OWNER_KEY] = owner
    return owner


def locale_of(context: Context) -> str:
    """The CSL locale for the document's `lang` (en -> en-US)."""
    lang = context.config.lang or "en-US"
    return lang if "-" in lang else {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}.get(lang, lang)
