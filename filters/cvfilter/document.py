"""A Pandoc document as the JSON text pandoc reads and writes: the one place it is serialised."""

from __future__ import annotations

import io

import panflute as pf

# panflute 2.3 predates pandoc's Typst writer and rejects raw elements in that format, both the
# edge's own and a user's `{=typst}` in cv.md. The pipeline imports this module, so this holds
# before any document loads.
RAW_TYPST = "typst"
pf.elements.RAW_FORMATS.add(RAW_TYPST)


def dump(doc: pf.Doc) -> str:
    """The document as Pandoc JSON, for a pandoc writer or a forked copy."""
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    return buffer.getvalue()


def load(text: str) -> pf.Doc:
    """A document from Pandoc JSON."""
    return pf.load(io.StringIO(text))
