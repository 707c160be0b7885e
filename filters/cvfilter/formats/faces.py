"""The faces a document's scripts need (script_fonts.py), found once per build from its sources.

Every edge names the same faces: Typst in its font list, the web page in its style, Word in its
complex-script and East Asian fonts.
"""

from __future__ import annotations

from pathlib import Path

from ..context import Context
from ..errors import Location
from ..script_fonts import Face, Script, faces
from ..words import WORDS

FACES_KEY = "script-faces"


def source_files(context: Context) -> list[tuple[str, Path]]:
    """cv.md, the data file and the bibliography, each with the name messages give it."""
    names = [context.config.source, context.config.data]
    if context.config.bibliography:
        names.append(context.config.bibliography)
    return [(name, context.base_dir / name) for name in names]


def locate(text: str, context: Context) -> Location | None:
    """The first line of the sources that holds `text`."""
    for shown, path in source_files(context):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            column = line.find(text)
            if column >= 0:
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
    cached = context.cache.get(FACES_KEY)
    if cached is None:
        cached = faces(source_chars(context) | set("".join(WORDS[context.labels.base].values())), context.config.lang)
        context.cache[FACES_KEY] = cached
    return cached[0]


def missing_scripts(context: Context) -> list[Script]:
    """The scripts of the document that no installed face covers."""
    document_faces(context)
    return context.cache[FACES_KEY][1]
