"""`--to typ`: the Typst source the PDF is compiled from, to read, to keep beside the PDF, or to
compile with `typst compile cv.typ` (the style is inlined, the fonts are Typst's own)."""

from __future__ import annotations

from pathlib import Path

from .. import pandoc
from ..clock import Clock
from ..context import Context
from . import typst
from .output import OutputFormat

finish = typst.finish


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    with clock(fmt.name):
        return pandoc.write(finished, fmt.writer or "typst", ["-s"], base, shown)
