"""Small AST helpers shared by the format edges."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timezone

import panflute as pf

from ..context import Context

from ..design import Design
from ..themes import Theme, default_theme
from ..walk import walk

FINISHED_KEY = "cvfilter-finished"


def build_epoch(context: Context | None) -> int:
    """The moment a build claims to be made at: SOURCE_DATE_EPOCH when set, else the CV's own date
    (front matter `date:`), so the same input gives byte-identical files on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return int(epoch)
    when = context.config.updated if context and context.config.updated else date(1980, 1, 1)
    return int(datetime(when.year, when.month, when.day, tzinfo=timezone.utc).timestamp())


def once(doc: pf.Doc, fmt: str) -> bool:
    """True the first time an edge runs on a document; a second run leaves it as it is."""
    if doc.get_metadata(FINISHED_KEY, default=None):
        return False
    doc.metadata[FINISHED_KEY] = pf.MetaString(fmt)
    return True


# The element types that carry classes.
CLASSED = (pf.Div, pf.Span, pf.Header, pf.Link, pf.Code, pf.CodeBlock)


def has(elem: pf.Element, cls: str) -> bool:
    return isinstance(elem, CLASSED) and cls in elem.classes


# The elements whose content is a list of inlines, where words can be joined.
TEXT_HOLDERS = (pf.Para, pf.Plain, pf.Span, pf.Link, pf.Emph, pf.Strong, pf.Header, pf.Underline,
                pf.Strikeout, pf.SmallCaps, pf.Superscript, pf.Subscript, pf.Quoted, pf.LineItem)


# The longest run joined into one Str; a paragraph is a few hundred characters.
MAX_JOINED = 500


def join_words(elem: pf.Element) -> None:
    """Each run of Str and Space that starts and ends with a Str becomes one Str ("a b").

    A CV is mostly one-word Str and Space elements, and every one of them costs time in the JSON
    dump and in pandoc's JSON reader, a large part of each writer's run. Inside a run the words
    show the same in HTML, Typst and Word; a Space next to any other element stays as it is, so
    what edges look for around spans (a Space before a date, after a separator) does not change.
    The bundled pandoc writes the example's HTML, Word and PDF files byte for byte as before; only
    the Typst source breaks its lines elsewhere (never inside a Str).
    """
    items = elem.content.list
    if len(items) < 2:
        if items and len(pieces := _cut(items[0])) > 1:
            elem.content[:] = pieces
        return
    joined: list[pf.Element] = []
    run: list[pf.Element] = []  # the open run: a Str, then Str and Space
    length = 0  # characters in the open run
    for item in items:
        kind = type(item)
        if kind is pf.Space and length >= MAX_JOINED:
            # pandoc's writers take time quadratic in the length of one Str (Typst: 100 KB in
            # one Str is minutes): a long paragraph is cut into runs at a space.
            _close_run(run, joined)
            run, length = [], 0
            joined.append(item)
            continue
        if kind is pf.Str or (kind is pf.Space and run):
            run.append(item)
            length += len(item.text) if kind is pf.Str else 1
            continue
        length = 0
        if run:
            _close_run(run, joined)
            run = []
        joined.append(item)
    _close_run(run, joined)
    if any(type(item) is pf.Str and len(item.text) > MAX_JOINED * 2 for item in joined):
        joined = [piece for item in joined for piece in _cut(item)]
        elem.content[:] = joined
    elif len(joined) < len(items):
        elem.content[:] = joined


def _cut(item: pf.Element) -> list[pf.Element]:
    """A very long word (a pasted key, a URL without spaces) as adjacent Strs of at most
    MAX_JOINED characters, which every writer prints as the same word; never before a combining mark."""
    if type(item) is not pf.Str or len(item.text) <= MAX_JOINED * 2:
        return [item]
    text, pieces, start = item.text, [], 0
    while start < len(text):
        end = min(start + MAX_JOINED, len(text))
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        pieces.append(pf.Str(text[start:end]))
        start = end
    return pieces


def _close_run(run: list[pf.Element], joined: list[pf.Element]) -> None:
    """The run as one Str, followed by the Spaces that end it (no Str follows them)."""
    end = len(run)
    while end and type(run[end - 1]) is pf.Space:
        end -= 1
    if end > 1:
        joined.append(pf.Str("".join(" " if type(item) is pf.Space else item.text for item in run[:end])))
    else:
        joined.extend(run[:end])
    joined.extend(run[end:])


def before_date(doc: pf.Doc, separator: Callable[[], list[pf.Inline]]) -> None:
    """Put the format's right-align separator in front of every entry date."""
    walk(doc, lambda elem, _doc: separate_date(elem, separator))


def separate_date(elem: pf.Element, separator: Callable[[], list[pf.Inline]]) -> None:
    """`before_date` for one element, for edges that do all their work in a single walk."""
    if not isinstance(elem, (pf.Para, pf.Plain)):
        return
    if not any(has(inline, "cv-date") for inline in elem.content.list):  # the plain list: no attach per item
        return
    content = list(elem.content)
    changed = False
    for index in range(len(content) - 1, -1, -1):
        if has(content[index], "cv-date"):
            while index > 0 and isinstance(content[index - 1], pf.Space):
                del content[index - 1]
                index -= 1
            content[index:index] = separator()
            changed = True
    if changed:
        elem.content[:] = content


def chosen_look(context: Context | None) -> tuple[Theme, Design]:
    """The theme and design a document is finished with; the default theme when the filter runs on a
    document expanded before (no context)."""
    if context is not None:
        return context.look()
    theme = default_theme()
    return theme, theme.design


def date_first(elem: pf.Element, separator: Callable[[], list[pf.Inline]]) -> None:
    """`design: {date-position: left}`: a line's last date moves to its start, then the separator."""
    if not isinstance(elem, (pf.Para, pf.Plain)):
        return
    content = list(elem.content)
    index = next((i for i in range(len(content) - 1, -1, -1) if has(content[i], "cv-date")), None)
    if index is None or index == 0:
        return
    date = content.pop(index)
    while index > 0 and isinstance(content[index - 1], pf.Space):
        del content[index - 1]
        index -= 1
    elem.content[:] = [date, *separator(), *content]


def set_meta_default(doc: pf.Doc, key: str, value: str) -> None:
    if key not in doc.metadata:
        doc.metadata[key] = pf.MetaString(value)


def add_header_include(doc: pf.Doc, block: pf.Block) -> None:
    """Append to header-includes, keeping what the user put there first."""
    includes = doc.metadata.get("header-includes")
    if isinstance(includes, pf.MetaList):
        existing = list(includes.content)
    else:
        existing = [includes] if includes is not None else []
    doc.metadata["header-includes"] = pf.MetaList(*existing, pf.MetaBlocks(block))


def owner_name(doc: pf.Doc) -> str | None:
    """The text of the `cv-name` span, for document titles."""
    found: list[str] = []

    def action(elem: pf.Element, _doc: pf.Doc) -> None:
        if not found and has(elem, "cv-name"):
            found.append(pf.stringify(elem))

    walk(doc, action)
    return found[0] if found else None


def shift_headings(elem: pf.Element, _doc: pf.Doc) -> None:
    """Sections one level down, so that the owner's name can be the document's only level-1 heading."""
    if isinstance(elem, pf.Header):
        elem.level = min(elem.level + 1, 6)


def name_heading(block: pf.Block) -> pf.Header | None:
    """The header macro's name paragraph as a level-1 heading, or None for any other block."""
    if isinstance(block, pf.Para) and block.content and has(block.content[0], "cv-name"):
        return pf.Header(*block.content[0].content, level=1, classes=["cv-name"])
    return None


def header_photo(elem: pf.Element) -> pf.Image | None:
    """The image of the header's photo Div (class cv-photo), which each edge draws its own way."""
    if not isinstance(elem, pf.Div) or "cv-photo" not in elem.classes:
        return None
    images: list[pf.Image] = []
    walk(elem, lambda e, _d: images.append(e), types=(pf.Image,))
    return images[0] if images else None
