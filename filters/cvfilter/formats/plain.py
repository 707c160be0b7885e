"""Markdown, plain text and every other text format: the semantic AST is already readable."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from .common import before_date, once


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "plain"):
        return
    before_date(doc, lambda: [pf.Space()])
