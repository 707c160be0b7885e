"""The `.teaching` macro: courses taught, "Graduate AI (CMU 15-780), TA" with the term on the right."""

from __future__ import annotations

import re

import panflute as pf

from ..context import Context
from ..data.dates import DateRange, PartialDate
from ..data.model import Course
from ..elements import NBSP, entry, link, span, text
from .listing import list_section, select
from .registry import LIST_OPTIONS, MacroCall, macro


@macro("teaching", "Courses taught: name (linked), code, role, and the term on the right", LIST_OPTIONS)
def expand_teaching(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = select(context.data.teaching, call, dates=term_year, title=lambda c: c.name)
    return list_section("teaching", chosen, call, render_course)


def render_course(course: Course) -> pf.Div:
    line: list[pf.Inline] = [span(link(text(course.name), course.url), "cv-title")]
    if course.code:
        line += [pf.Space(), span([pf.Str("("), *text(course.code), pf.Str(")")], "cv-code")]
    line += [pf.Str(","), pf.Space(), span(text(course.role), "cv-role")]
    year = term_year(course)
    line.append(span(text(course.term.replace(" ", NBSP)), "cv-date", **({"datetime": year.start.iso()} if year else {})))
    return entry(line, (), "cv-course")


def term_year(course: Course) -> DateRange | None:
    """The year in a term such as "S2017" or "Fall 2016", so that sort=date works on terms."""
    found = re.search(r"(?<!\d)(\d{4})(?!\d)", course.term)
    return DateRange(PartialDate(int(found[1]))) if found else None
