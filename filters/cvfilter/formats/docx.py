"""DOCX edge: named Word styles from styles/docx/reference.docx, dates on a right tab stop, no tables."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from .common import before_date, has, once, owner_name, set_meta_default

# Semantic class -> Word paragraph style (for Divs) or character style (for Spans).
PARAGRAPH_STYLES = {
    "cv-contact": "CV Contact",
    "cv-entry": "CV Entry",
    "cv-detail": "CV Detail",
    "cv-lead": "CV Lead",
}
CHARACTER_STYLES = {
    "cv-date": "CV Date",
    "cv-org": "CV Organisation",
}
_TAB = '<w:r><w:tab/></w:r>'


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "docx"):
        return
    name = owner_name(doc)
    doc.walk(_name_paragraph)
    doc.walk(_apply_styles)
    before_date(doc, lambda: [pf.RawInline(_TAB, format="openxml")])
    if name:
        set_meta_default(doc, "title-meta", name)


def _name_paragraph(elem: pf.Element, _doc: pf.Doc) -> pf.Block | None:
    if isinstance(elem, pf.Para) and elem.content and has(elem.content[0], "cv-name"):
        return pf.Div(pf.Para(*elem.content[0].content), attributes={"custom-style": "CV Name"})
    return None


def _apply_styles(elem: pf.Element, _doc: pf.Doc) -> None:
    if isinstance(elem, pf.Div):
        for cls, style in PARAGRAPH_STYLES.items():
            if cls in elem.classes:
                elem.attributes["custom-style"] = style
    elif isinstance(elem, pf.Span):
        for cls, style in CHARACTER_STYLES.items():
            if cls in elem.classes:
                elem.attributes["custom-style"] = style
