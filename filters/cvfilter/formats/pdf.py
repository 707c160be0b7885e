"""The PDF output of `cv build`: the Typst edge's document, written as Typst source by pandoc and
compiled by Typst in this process, which gets its compiler ready while pandoc writes."""

from __future__ import annotations

from pathlib import Path

from .. import pandoc
from ..clock import Clock
from ..context import Context
from ..errors import CvError
from ..textfile import read_text
from . import typst
from ..fonts import font_folders
from .common import build_epoch, chosen_look
from .faces import document_faces
from .glyphs import fallback_warnings, pdf_warner
from .output import OutputFormat
from .typst_compile import compile_typst, typst_compiler

finish = typst.finish


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    # One list of font folders: the theme's face (fonts.py), then the faces of the document's scripts.
    folders = (*font_folders((chosen_look(context)[1].font,)), *(face.folder for face in document_faces(context)))
    with clock("typst"), pandoc.start_write(finished, fmt.writer or "typst", ["-s"], base, shown) as running:
        typst_compiler(str(base), folders)
        source = running.output()
    with clock("typst-compile"):
        pdf = compile_typst(source, base, build_epoch(context), pdf_warner(context), folders, lambda: _markdown(base, shown), shown)
    with clock("glyphs"):
        fallback_warnings(context)
    return pdf


def _markdown(base: Path, shown: str) -> str | None:
    """cv.md's text, read only when a Typst error is to be placed at its line."""
    try:
        return read_text(base / shown, shown)
    except CvError:
        return None
