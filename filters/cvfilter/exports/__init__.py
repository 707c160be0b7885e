"""Exports beside the typeset formats: clean Markdown, plain text for web forms, and JSON Resume.

Markdown and text are written from the finished document (what the PDF shows); JSON Resume is
built from the typed data and the bibliography, since it wants fields, not layout. `cv build` calls
`finish_export` on its thread and `write_export` in a worker, as it does for the other formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import panflute as pf

    from ..context import Context

EXPORTS = ("md", "txt", "json")


def finish_export(doc: pf.Doc, fmt: str, context: Context | None) -> str:
    """The finished document as Pandoc JSON ("" for JSON Resume, which reads the data instead)."""
    if fmt == "json":
        return ""
    from .text import finish_text

    return finish_text(doc, markdown=fmt == "md", context=context)


def write_export(finished: str, fmt: str, context: Context | None, base: Path, shown: str) -> bytes:
    if fmt == "json":
        from .json_resume import write_json_resume

        return write_json_resume(context)
    from .text import write_text

    return write_text(finished, fmt == "md", base, shown)
