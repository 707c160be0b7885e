"""Problems are printed in source order, whatever order the readers found them in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cvfilter.errors import Diagnostics, Location, Problem, in_source_order
from cvfilter.report import print_problems


def _problem(file: str, line: int, column: int = 0, severity: str = "error", message: str = "m") -> Problem:
    return Problem(Location(file, line, column), message, "", severity)  # type: ignore[arg-type]


def test_an_error_below_a_warning_is_printed_after_it(capsys) -> None:
    found = Diagnostics()
    found.error(Location("publications.bib", 9), "unbalanced braces")
    found.warn(Location("publications.bib", 4), "no braces")
    found.error(Location("cv.md", 13, 1), "unknown macro")
    found.warn(Location("cv.md", 13), "whole line")
    print_problems(found.problems)
    assert capsys.readouterr().err.splitlines() == [
        "cv.md:13: warning: whole line",
        "cv.md:13:1: error: unknown macro",
        "publications.bib:4: warning: no braces",
        "publications.bib:9: error: unbalanced braces",
        "2 errors",
    ]


def test_warnings_printed_alone_are_in_source_order_too(capsys) -> None:
    found = Diagnostics()
    found.warn(Location("metadata.yaml", 7, 12), "second")
    found.warn(Location("metadata.yaml", 7, 3), "first")
    found.print_warnings()
    assert [line.split(": ")[-1] for line in capsys.readouterr().err.splitlines()] == ["first", "second"]


@given(st.lists(st.tuples(st.sampled_from(["a.bib", "b.yaml", "cv.md"]), st.integers(0, 5), st.integers(0, 3),
                          st.sampled_from(["error", "warning"])), max_size=12))
def test_source_order_is_by_file_line_column_and_keeps_everything(places) -> None:
    problems = [_problem(file, line, column, severity, str(n)) for n, (file, line, column, severity) in enumerate(places)]
    ordered = in_source_order(problems)
    assert sorted(ordered, key=lambda p: p.message) == sorted(problems, key=lambda p: p.message)
    keys = [(p.location.file, p.location.line, p.location.column) for p in ordered]
    assert keys == sorted(keys)
    for before, after in zip(ordered, ordered[1:]):  # one place, found twice: kept in the order found
        if before.location == after.location:
            assert int(before.message) < int(after.message)
