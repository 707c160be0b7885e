"""Typst in process: the PDF from Typst source, with no subprocess and no network (the fonts ship
with the typst package). Used by the PDF output, by `cv check`'s font probe and by the `typst`
command that plain `pandoc --pdf-engine=typst` runs."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import typst

from ..errors import CvError, Location
from .typst import typst_error_location

# Tagged PDF that conforms to PDF/UA-1 (accessibility) and PDF/A-2b (archiving).
PDF_STANDARDS = ["ua-1", "a-2b"]


def compile_typst(
    source: bytes | str, root: Path, epoch: int | None = None, warn: Callable[[Location, str, str], None] | None = None,
    font_folders: tuple[str, ...] = (), markdown: Callable[[], str | None] | None = None, shown: str = "cv.md",
) -> bytes:
    """The PDF of `source` (Typst text, or the path of a .typ file).

    PDF/A forbids text that no font can draw; a name in a script the bundled fonts lack (emoji,
    Hebrew, Arabic, ...) must not cost the user the PDF, so it is then written without PDF/A.
    An error is placed at the line of `markdown` (cv.md, named `shown`) it came from, when found.
    """
    compiler = typst_compiler(str(root), font_folders)
    try:
        return compiler.compile(input=source, format="pdf", pdf_standards=PDF_STANDARDS, timestamp=epoch)
    except RuntimeError as exc:
        if "could not be displayed" not in str(exc):
            raise CvError.at(typst_error_location(exc, source, markdown, shown), f"Typst could not compile the document: {exc}") from None
        missing_glyph = str(exc).split("error:", 1)[-1].strip()
    if warn is not None:
        warn(Location("cv.typ"), f"the PDF is not PDF/A: {missing_glyph}", "the text is kept; install a font that has it for PDF/A")
    try:
        return compiler.compile(input=source, format="pdf", timestamp=epoch)
    except RuntimeError as exc:
        raise CvError.at(typst_error_location(exc, source, markdown, shown), f"Typst could not compile the document: {exc}") from None


@cache
def typst_compiler(root: str, font_folders: tuple[str, ...] = ()) -> typst.Compiler:
    """One compiler per project root and font folders: fonts are scanned once per process, not once
    per build (cv watch). Only the fonts inside Typst and the script faces the document needs
    (script_fonts.py) are used, so the PDF looks the same on every machine that has them."""
    return typst.Compiler(root=root, ignore_system_fonts=True, font_paths=list(font_folders))
