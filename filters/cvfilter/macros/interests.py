"""The `.interests` macro: interests as skill groups are, "Cartography: maps, GIS"."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, macro
from .skills import render_skills


@macro("interests", "Interests from `interests:` in metadata.yaml: a name, then its keywords",
       {k: v for k, v in LIST_OPTIONS.items() if k != "numbering"})
def expand_interests(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.interests, call, title=lambda g: g.name)
    context.show("interests", chosen)
    return list_section("interests", chosen, call, render_skills)
