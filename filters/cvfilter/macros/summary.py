"""The `.summary` macro: the profile paragraph of a résumé, from `summary:` in metadata.yaml."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..elements import section, text
from .registry import MacroCall, macro


@macro("summary", "The profile paragraph(s) from `summary:` in metadata.yaml; a blank line starts a new one")
def expand_summary(call: MacroCall, context: Context) -> list[pf.Block]:
    summary = context.data.summary or ""
    paragraphs = [pf.Para(*text(part)) for part in summary.split("\n\n") if part.strip()]
    return [section("summary", [*call.content, *paragraphs])]
