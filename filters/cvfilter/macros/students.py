"""The `.students` macro: interns and students advised, name (linked), a detail, and the years."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Student
from ..elements import date_span, entry, link, span, text
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, macro


@macro("students", "Interns and students: name (linked), a detail in parentheses, and the years", LIST_OPTIONS)
def expand_students(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.students, call, dates=lambda s: s.dates, title=lambda s: s.name)
    return list_section("students", chosen, call, lambda s: render_student(s, context))


def render_student(student: Student, context: Context) -> pf.Div:
    line: list[pf.Inline] = [span(link(text(student.name), student.url), "cv-title")]
    if student.detail:
        line += [pf.Space(), span([pf.Str("("), *text(student.detail), pf.Str(")")], "cv-aside")]
    line += date_span(student.dates, context.labels)
    return entry(line, (), "cv-student")
