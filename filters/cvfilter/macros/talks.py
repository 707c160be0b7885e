"""The `.talks` macro: invited talks, numbered, title in italics, venue, year on the right."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Talk
from ..elements import date_span, entry, link, span, text
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, Option, macro


@macro("talks", "Invited talks: title (linked when it has a url), venue and year; a lead-in may come first", {
    **LIST_OPTIONS,
    "numbering": Option(("none", "ascending", "descending"), "ascending", "number the entries"),
})
def expand_talks(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.talks, call, dates=lambda t: t.year, title=lambda t: t.title)
    context.show("talks", chosen)
    return list_section("talks", chosen, call, lambda t: render_talk(t, context))


def render_talk(talk: Talk, context: Context) -> pf.Div:
    title = span(link([pf.Emph(*text(talk.title))], talk.url), "cv-title")
    line: list[pf.Inline] = [title, pf.Str(","), pf.Space(), span(text(talk.venue), "cv-venue")]
    line += date_span(talk.year, context.labels)
    return entry(line, (), "cv-talk")
