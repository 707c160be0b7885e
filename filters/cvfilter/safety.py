"""Link targets that would run code or read local files when clicked are never written.

metadata.yaml's addresses are checked by the data model; this pass covers every other source of
links (a BibTeX `url` field, a link written in cv.md) after the macros ran, for every format.
"""

from __future__ import annotations

import html
import re

import panflute as pf

from .context import Context
from .errors import CvError, Location
from .textfile import read_text
from .walk import walk

_UNSAFE = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
# Browsers ignore control characters and white space inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_target(url: str) -> bool:
    """Whether a link would run code or read a local file, also once a reader decodes its HTML
    entities (`&#106;avascript:` in Markdown or HTML is `javascript:`)."""
    return any(_UNSAFE.match(_IGNORED.sub("", form)) for form in (url, html.unescape(html.unescape(url))))


def refuse_unsafe_links(doc: pf.Doc, context: Context, source_text: str | None) -> None:
    """Replace each unsafe link by its text (nothing the reader sees is lost) and warn where it came from."""
    sources = _sources(context, source_text)
    reported: set[str] = set()  # one entry may be linked twice (the list and a citation): one warning

    def action(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
        if isinstance(elem, pf.Link) and unsafe_target(elem.url):
            if elem.url not in reported:
                reported.add(elem.url)
                context.diagnostics.warn(
                    _where(elem.url, sources, context.config.source),
                    f"link target {elem.url[:60]!r} refused; its text is kept without the link",
                    "links must be http://, https:// or mailto: addresses",
                )
            return pf.Span(*elem.content)
        return None

    walk(doc, action)


def _sources(context: Context, source_text: str | None) -> list[tuple[str, str]]:
    """(shown name, text) of the files a link can come from: cv.md and the bibliography."""
    found = [(context.config.source, source_text or "")]
    for name, path in zip(context.config.bibliography, context.files.bibliography):
        try:
            found.append((name, read_text(path, name)))
        except CvError:
            continue  # reported where the bibliography is read
    return found


def _where(url: str, sources: list[tuple[str, str]], fallback: str) -> Location:
    for shown, text in sources:
        index = text.find(url)
        if index >= 0:
            return Location(shown, text.count("\n", 0, index) + 1)
    return Location(fallback)
