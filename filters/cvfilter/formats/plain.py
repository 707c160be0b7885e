"""Markdown, plain text and every other text format: clean text, no wrapper Divs or Spans.

The semantic classes matter to styled formats only; a Markdown reader wants the words, the links
and the emphasis, so every `cv-*` wrapper is unwrapped here.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from .common import before_date, once
from ..walk import walk


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "plain"):
        return
    before_date(doc, lambda: [pf.Space()])
    walk(doc, _unwrap)


def _unwrap(elem: pf.Element, _doc: pf.Doc) -> list[pf.Element] | None:
    if isinstance(elem, (pf.Div, pf.Span)) and any(c.startswith("cv-") for c in elem.classes):
        return list(elem.content)
    return None
