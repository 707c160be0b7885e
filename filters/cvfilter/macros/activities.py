"""The `.activities` macro: professional service (chairing, organising), dated like any entry."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..elements import section
from .entries import render_entry
from .listing import select
from .registry import LIST_OPTIONS, MacroCall, macro


@macro("activities", "Professional activities from `activities:` in metadata.yaml, rendered as dated entries",
       {k: v for k, v in LIST_OPTIONS.items() if k != "numbering"})
def expand_activities(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.activities, call, dates=lambda e: e.dates, title=lambda e: e.title)
    context.show("activities", chosen)
    return [section("activities", [*call.content, *(render_entry(e, context) for e in chosen)])]
