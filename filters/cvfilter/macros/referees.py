"""The `.referees` macro: references from people, or "Available on request."

Named for the people, since `.references` lists the works cited in the text.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Referee
from ..elements import entry, section, span, text
from .registry import MacroCall, Option, macro


@macro("referees", "References from `referees:` in metadata.yaml (name, what they wrote, contact), or 'Available on request.'", {
    "on-request": Option(bool, False, "say 'Available on request.' instead of listing them (said also when there are none)"),
})
def expand_referees(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = [] if call.options["on-request"] else context.data.referees
    context.show("referees", chosen)
    blocks: list[pf.Block] = [*call.content, *(render_referee(r) for r in chosen)]
    if not chosen:
        blocks.append(pf.Para(*text(context.labels["on-request"])))
    return [section("referees", blocks)]


def render_referee(item: Referee) -> pf.Div:
    """The name, then what they wrote on the same line ("Jane Roe: “...”"), then how to reach them."""
    line: list[pf.Inline] = [span(text(item.name), "cv-title")]
    if item.reference:
        line += [pf.Str(":"), pf.Space(), pf.Quoted(*text(item.reference), quote_type="DoubleQuote")]
    return entry(line, [text(item.contact)] if item.contact else [], "cv-referee")
