"""Problems found in the user's sources, each tied to a file and a line.

User errors and internal errors are different things: a `CvError` is the user's to fix and is
printed once as `file:line:column: message (hint)`; anything else is a bug in cvfilter.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Location:
    """A place in a source file; line and column count from 1, 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, what, and what to do about it."""

    location: Location
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class CvError(Exception):
    """One or more user errors; the build stops and every problem is reported."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self):
        """Rebuilt from its problems when it crosses a process boundary (forked writers)."""
        return (type(self), (self.problems,))

    @classmethod
    def at(cls, location: Location, message: str, hint: str = "") -> CvError:
        return cls([Problem(location, message, hint)])


@dataclass
class Diagnostics:
    """Collects problems so that a run reports all of them at once, not only the first."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, message, hint, "error"))

    def warn(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, message, hint, "warning"))

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        """Stop on errors, carrying the warnings too: a user fixing the errors should see them all now."""
        if self.errors:
            raise CvError(self.errors + self.warnings)

    def print_warnings(self, stream=None) -> None:
        """Warnings go to stderr so they never mix with a filter's JSON on stdout."""
        out = stream or sys.stderr
        for problem in in_source_order(self.warnings):
            print(problem, file=out)


def in_source_order(problems: Iterable[Problem]) -> list[Problem]:
    """By file, then line, then column, errors and warnings together: problems are found in
    passes (a file's errors may stop a reader that has already warned), but a user reads each file
    from the top once. A place unknown (line 0) comes first in its file; ties keep their order."""
    return sorted(problems, key=lambda p: (p.location.file, p.location.line, p.location.column))


def relative(path: Path, base: Path | None = None) -> str:
    """A path as the user wrote it: relative to the working folder when it lies below it."""
    base = base or Path.cwd()
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


ISSUES_URL = "https://github.com/cvfilter/cvfilter/issues"


_READING: list[str] = []


def note_reading(shown: str) -> None:
    """Remember the file being read (textfile.py calls this), for `unexpected`."""
    _READING[:] = [shown]


def unexpected(exc: BaseException, source: str, debug: bool = False, how: str = "--debug") -> str:
    """One line for a failure that is cvfilter's fault, not the user's: which file was being read,
    what went wrong, and where to report it; with `debug`, the traceback before it."""
    import traceback

    reading = _READING[-1] if _READING else None
    where = f" while reading {reading}" if reading and reading != source else ""
    detail = " ".join(str(exc).split())[:200]
    line = (f"{source}: error: cvfilter failed unexpectedly{where} ({type(exc).__name__}{': ' + detail if detail else ''}); "
            f"this is a bug in cvfilter: please report it at {ISSUES_URL}, with the file if you can")
    if debug:
        return "".join(traceback.format_exception(exc)) + line
    return line + f" ({how} shows the traceback)"
