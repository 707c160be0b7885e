"""The faces a document's scripts need (script_fonts.py), found once per build from its sources.

Every edge names the same faces: Typst in its font list, the web page in its style, Word in its
complex-script and East Asian fonts.
"""

from __future__ import annotations

from collections.abc import Callable

from pathlib import Path

from ..context import Context
from ..errors import Location
from ..script_fonts import Face, Script, faces
from ..words import WORDS



def source_files(context: Context) -> list[tuple[str, Path]]:
    """cv.md, the data file and the bibliography, each with the name messages give it."""
    files = context.files
    named = [(context.config.source, context.base_dir / context.config.source), (context.config.data, files.data)]
    return named + list(zip(context.config.bibliography, files.bibliography))


def locate(text: str, context: Context) -> Location | None:
    """The first line of the sources that holds `text`."""
    return first_place(context, lambda line: column if (column := line.find(text)) >= 0 else None)


def first_place(context: Context, column_in: Callable[[str], int | None]) -> Location | None:
    """The first line of the sources where `column_in` finds a column (counting from 0)."""
    for shown, path in source_files(context):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            column = column_in(line)
            if column is not None:
                return Location(shown, number, column + 1)
    return None


def source_chars(context: Context) -> set[str]:
    chars: set[str] = set()
    for _shown, path in source_files(context):
        try:
            chars.update(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return chars


def document_faces(context: Context | None) -> list[Face]:
    """The faces for the scripts of this document's sources and its language's words, once per build."""
    if context is None:
        return []
    if context.script_faces is None:
        context.script_faces = faces(source_chars(context) | set("".join(WORDS[context.labels.base].values())), context.config.lang)
    return context.script_faces[0]


def missing_scripts(context: Context) -> list[Script]:
    """The scripts of the document that no installed face covers."""
    document_faces(context)
    return context.script_faces[1] if context.script_faces else []
