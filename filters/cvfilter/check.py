"""`cv check`: run everything a build runs except the writers, and report every problem."""

from __future__ import annotations

from pathlib import Path

from .errors import CvError, Problem
from .pipeline import prepare, read_document


def check(source: Path) -> list[Problem]:
    """All problems in cv.md, its front matter, the data files and the macros, sorted by place."""
    try:
        doc, text = read_document(source)
        context = prepare(doc, source.parent, source.name, text)
    except CvError as exc:
        return exc.problems
    return context.diagnostics.problems if context else []
