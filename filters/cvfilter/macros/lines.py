"""The `.lines` macro: one-line "label: text" entries, from a list under `lines:` in metadata.yaml."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Line
from ..elements import span, text
from ..errors import CvError
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, Option, macro


@macro("lines", "One-line 'label: text' entries from a list under `lines:` in metadata.yaml", {
    "from": Option(str, None, "the list under lines: in metadata.yaml"),
    **{k: v for k, v in LIST_OPTIONS.items() if k not in ("numbering", "sort")},
})
def expand_lines(call: MacroCall, context: Context) -> list[pf.Block]:
    name = str(call.options["from"] or "")
    lists = context.data.lines
    if name not in lists:
        raise CvError.at(call.location, f"no list {name!r} under lines: in {context.data_source.file}" if name
                         else "macro .lines needs from=<list>", f"lists: {', '.join(lists) or 'none yet'}")
    chosen = select(lists[name], call)
    context.show(f"lines:{name}", chosen)
    return list_section(f"lines-{name}", chosen, call, render_line)


def render_line(item: Line) -> pf.Div:
    label = span([pf.Strong(*text(item.label), pf.Str(":"))], "cv-line-label")
    return pf.Div(pf.Para(label, pf.Space(), *text(item.text)), classes=["cv-line"])
