"""The `.references` macro: where the list of works cited in the prose goes (default: the end)."""

from __future__ import annotations

import panflute as pf

from ..bibliography.citations import REFERENCES_CLASS
from ..context import Context
from .registry import MacroCall, macro


@macro("references", "The works cited in the text (`[@key]`), formatted by the CSL style; a heading may come first")
def expand_references(call: MacroCall, context: Context) -> list[pf.Block]:
    return [pf.Div(*call.content, identifier="refs", classes=["cv-section", REFERENCES_CLASS])]
