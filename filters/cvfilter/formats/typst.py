"""Typst edge: the style preamble from styles/typst/, raw wrappers around the semantic blocks.

User text stays in Pandoc elements, so Pandoc's Typst writer escapes it; the only string this module
builds itself is the document metadata, through `typst_string`.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..assets import read_style
from .common import before_date, has, once, owner_name

# Semantic Div class -> Typst function from cv.typ that lays it out.
BLOCK_FUNCTIONS = {
    "cv-header": "cv-header",
    "cv-contact": "cv-contact",
    "cv-entry": "cv-entry",
    "cv-detail": "cv-detail",
}
INLINE_FUNCTIONS = {
    "cv-date": "cv-date",
    "cv-name": "cv-name",
}


def typst_string(value: str) -> str:
    """A Typst string literal: the one place this edge escapes text by hand."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "typst"):
        return
    name = owner_name(doc) or ""
    before_date(doc, lambda: [pf.RawInline("#h(1fr)", format="typst")])
    doc.walk(_wrap)
    lang = context.config.lang if context else "en"
    preamble = "\n".join([
        f"#set document(title: {typst_string(name + ' — CV' if name else 'CV')}, author: {typst_string(name)})",
        f"#set text(lang: {typst_string(lang.split('-')[0])})",
        read_style("typst/cv.typ"),
    ])
    doc.content.insert(0, pf.RawBlock(preamble, format="typst"))


def _wrap(elem: pf.Element, _doc: pf.Doc) -> object:
    if isinstance(elem, pf.Div):
        function = next((f for c, f in BLOCK_FUNCTIONS.items() if c in elem.classes), None)
        if function:
            return [pf.RawBlock(f"#{function}[", format="typst"), *elem.content, pf.RawBlock("]", format="typst")]
    elif isinstance(elem, pf.Span):
        function = next((f for c, f in INLINE_FUNCTIONS.items() if c in elem.classes), None)
        if function:
            return [pf.RawInline(f"#{function}[", format="typst"), *elem.content, pf.RawInline("]", format="typst")]
    return None
