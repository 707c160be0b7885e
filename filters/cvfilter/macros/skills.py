"""The `.skills` macro: "Programming: C, C++, Python", one group per line."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import SkillGroup
from ..elements import join, span, text
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, macro


@macro("skills", "Skill groups: a name, then its items separated by commas",
       {k: v for k, v in LIST_OPTIONS.items() if k != "numbering"})
def expand_skills(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.skills, call, title=lambda g: g.name)
    context.show("skills", chosen)
    return list_section("skills", chosen, call, render_skills)


def render_skills(group: SkillGroup) -> pf.Div:
    """"Name (level): a, b"; a group without items is its name (and level) alone."""
    items = join([[span(text(item), "cv-skill-item")] for item in group.items], ", ")
    name = [*text(group.name), *([pf.Space(), pf.Str("("), *text(group.level), pf.Str(")")] if group.level else [])]
    if not group.items:
        return pf.Div(pf.Para(span(name, "cv-skill-name")), classes=["cv-skill"])
    line = pf.Para(span([*name, pf.Str(":")], "cv-skill-name"), pf.Space(), span(items, "cv-skill-items"))
    return pf.Div(line, classes=["cv-skill"])
