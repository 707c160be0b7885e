"""The `.reviewing` macro: the venues the owner reviews for, one per line."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..elements import span, text
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, macro


@macro("reviewing", "Venues reviewed for, as a plain list from `reviewing:` in metadata.yaml",
       {k: v for k, v in LIST_OPTIONS.items() if k != "tags"})
def expand_reviewing(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.reviewing, call, title=lambda venue: venue)
    return list_section("reviewing", chosen, call, lambda venue: pf.Para(span(text(venue), "cv-venue")))
