"""The Markdown and plain-text outputs of `cv build` (md, txt), through the plain edge and pandoc's writers.

Icons are dropped (they are pictures, not words), and in plain text the photo too; the plain edge makes the owner's name the one
level-1 heading with the sections below it. `doc.format` says which of the two is being finished.
"""

from __future__ import annotations

import re
from pathlib import Path

import panflute as pf

from .. import pandoc
from ..clock import Clock
from ..context import Context
from ..walk import walk
from . import plain
from .common import has
from .output import OutputFormat

# Pandoc's Markdown without the extensions that carry attributes, so the file reads as plain Markdown.
MARKDOWN = "markdown" + "".join(f"-{ext}" for ext in (
    "header_attributes", "fenced_divs", "native_divs", "bracketed_spans", "native_spans",
    "link_attributes", "raw_attribute", "raw_html", "smart",
))


def finish(doc: pf.Doc, context: Context | None) -> None:
    """Drop icons and show contact addresses; the plain edge then makes the name the top heading."""
    walk(doc, _drop_icons)
    walk(doc, _contact_addresses)
    if not doc.format.startswith(("markdown", "commonmark", "gfm", "md")):
        walk(doc, _drop_photo, types=(pf.Div,))
    plain.finish(doc, context)
    if doc.format.startswith(("markdown", "commonmark", "gfm", "md")):
        walk(doc, _escape_target, types=(pf.Link, pf.Image))


# pandoc's Markdown writer puts a link's target between ( and ) as it is: a `)` ends it early, and
# what follows ("[x](javascript:...)") is read back as a link of its own; an `&#106;` is read back
# as the letter it encodes. Each character that Markdown reads in a link target is escaped with a
# backslash, which every reader (pandoc's, CommonMark) reads back as that character; white space
# and control characters, which end a target, are percent-encoded.
_MARKDOWN_IN_TARGET = re.compile(r"([\\()\[\]<>&`*_\"'])")
_ENDS_TARGET = re.compile(r"[\x00-\x20\x7f]")


def escape_target(url: str) -> str:
    """`url` as a Markdown link target that reads back as `url` (up to percent-encoding)."""
    url = _ENDS_TARGET.sub(lambda found: f"%{ord(found[0]):02X}", url)
    return _MARKDOWN_IN_TARGET.sub(r"\\\1", url)


def _drop_photo(elem: pf.Div, _doc: pf.Doc) -> list[pf.Block] | None:
    """Plain text has no picture to show: the photo would be its alt text in brackets above the name."""
    return [] if "cv-photo" in elem.classes else None


def _escape_target(elem: pf.Element, _doc: pf.Doc) -> None:
    escaped = escape_target(elem.url)
    if escaped != elem.url:
        elem.url = escaped


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    """No hard wraps: in text, each entry is one line that pastes into a form field as it is."""
    with clock(fmt.name):
        return pandoc.write(finished, MARKDOWN if fmt.writer == "markdown" else "plain", ["--wrap=none"], base, shown)


def _drop_icons(elem: pf.Element, _doc: pf.Doc) -> None:
    """Remove each icon and the space after it."""
    if isinstance(elem, (pf.Span, pf.Para, pf.Plain)) and any(has(child, "cv-icon") for child in elem.content):
        kept: list[pf.Inline] = []
        after_icon = False
        for child in elem.content:
            if has(child, "cv-icon"):
                after_icon = True
            elif not (after_icon and isinstance(child, pf.Space)):
                kept.append(child)
                after_icon = False
            else:
                after_icon = False
        elem.content = kept


def _contact_addresses(elem: pf.Element, _doc: pf.Doc) -> None:
    """Without its icon, "bdamos" says nothing: contact links show their address (linkedin.com/in/bdamos)."""
    if isinstance(elem, pf.Link) and elem.url.startswith(("http://", "https://")):
        parent = elem.parent
        # A Mastodon handle (@user@server) already says where it lives, as its address does not.
        if parent is not None and has(parent, "cv-contact-item") and parent.attributes.get("kind") != "mastodon":
            elem.content = [pf.Str(elem.url.split("://", 1)[1].rstrip("/"))]
