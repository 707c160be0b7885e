"""`cv check`: run everything a build runs except the writers, and report every problem."""

from __future__ import annotations

import io
from pathlib import Path

import panflute as pf

from . import pandoc
from .data.yaml_source import read_text
from .errors import CvError, Problem
from .pipeline import prepare


def check(source: Path) -> list[Problem]:
    shown = source.name
    try:
        text = read_text(source, shown)
        doc = pf.load(io.StringIO(pandoc.read_markdown(text, shown, source.parent)))
        context = prepare(doc, source.parent, shown, text)
    except CvError as exc:
        return exc.problems
    return context.diagnostics.problems if context else []
