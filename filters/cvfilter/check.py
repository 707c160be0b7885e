"""`cv check`: run everything a build runs except the writers, and report every problem."""

from __future__ import annotations

from pathlib import Path

from .errors import CvError, Location, Problem
from .pipeline import prepare, read_document
from .macros.selection import Outline, variant_problems


def check(source: Path) -> list[Problem]:
    """All problems in cv.md, its front matter, the data files, the bibliography and the macros."""
    try:
        doc, text = read_document(source)
        outline = Outline.of(doc)
        context = prepare(doc, source.parent, source.name, text)
    except CvError as exc:
        return exc.problems
    if context is None:
        return []
    for variant in context.config.variants.values():
        # A build checks only the variant it builds; CI checks before it builds them all.
        found = context.diagnostics.problems
        context.diagnostics.extend([p for p in variant_problems(variant, outline) if p not in found])
    if context.config.bibliography:
        # A build reads the .bib only for a publications list or a citation; a check reads it anyway.
        from .bibliography.session import bibliography_of

        try:
            bibliography_of(context, Location(context.config.source, 1))
        except CvError as exc:
            context.diagnostics.extend(exc.problems)
    from .formats.glyphs import check_sources

    check_sources(context)
    return context.diagnostics.problems
