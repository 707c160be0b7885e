"""Characters the PDF's bundled fonts cannot draw, reported at the line of the source that holds them.

Typst names such a character only when PDF/A is asked for ("the text "🚀" could not be displayed");
`cv build` then writes the PDF without PDF/A (typst_compile.compile_typst), and the text stays as the user
wrote it. This module turns Typst's report, which points into a generated file the user never sees,
into a warning at the line of cv.md, metadata.yaml or the .bib, and lets `cv check` find every such
character before a build by compiling a small probe document with the same fonts as styles/typst/cv.typ.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..context import Context
from ..errors import Location
from ..script_fonts import Face, script_of
from .faces import document_faces, first_place, locate, missing_scripts, source_chars, source_files
from .typst import typst_string
from .typst_compile import typst_compiler

# The fonts cv.typ names, in its order; Typst falls back to its other bundled fonts after them.
PDF_FONTS = ("Libertinus Serif", "New Computer Modern")
_MISSING = re.compile(r'the text `?"(?P<text>.+?)"`? could not be displayed')
HINT = "it may show a box there; remove the character or use another"
# Probing stops here: a CV in a script the fonts lack entirely needs no longer list to be told so.
_MAX_PROBES = 40

Warn = Callable[[Location, str, str], None]


def missing_text(message: str) -> str | None:
    """The text Typst could not draw, from its PDF/A error message."""
    found = _MISSING.search(message)
    return found.group("text") if found else None


def warn_missing_faces(context: Context) -> None:
    """A script the document uses that no installed face covers: a warning at its first character."""
    for script in missing_scripts(context):
        where = _first_place(context, lambda char: script_of(char) is script)
        context.diagnostics.warn(where or Location(context.config.source),
                                 f"no {script.name} font is installed, so the PDF draws {script.name} text with a fallback face",
                                 script.install)


def fallback_warnings(context: Context | None) -> None:
    """After a build: each character outside the scripts with a face of their own that the named fonts
    lack, which Typst then draws with another bundled face (DejaVu Sans Mono) without telling."""
    if context is None:
        return
    warn_missing_faces(context)
    if context.glyphs_warned:
        return  # the PDF/A check named them already
    covered = {face.script for face in document_faces(context)}
    chars = {c for c in source_chars(context) if (script_of(c) is None or script_of(c).name not in covered)}
    _warn_each(context, undrawable(chars, context.base_dir, document_faces(context)),
               "the PDF fonts have no glyph for {!r}; Typst draws it with a fallback face")


def _first_place(context: Context, wanted: Callable[[str], bool]) -> Location | None:
    """The first character of the sources for which `wanted` holds."""
    return first_place(context, lambda line: next((i for i, char in enumerate(line) if ord(char) > 0x7F and wanted(char)), None))


def pdf_warner(context: Context | None) -> Warn | None:
    """The `warn` for compile_typst. Typst names only the first character it cannot draw; each such
    character of the sources then becomes a warning at its line, so one build tells them all."""
    if context is None:
        return None

    def warn(location: Location, message: str, hint: str) -> None:
        text = missing_text(message)
        if text is None:
            context.diagnostics.warn(location, message, hint)
            return
        context.glyphs_warned = True
        found = undrawable(source_chars(context), context.base_dir, document_faces(context)) or [text]
        _warn_each(context, found, "the PDF fonts cannot draw {!r}, so the PDF is written without PDF/A")

    return warn


def undrawable(chars: Iterable[str], root: Path, added: list[Face] = ()) -> list[str]:
    """The characters among `chars` that neither the PDF's fonts nor the `added` script faces can
    draw, in the order Typst meets them. Fallback is off in the probe: a character that only a face
    the document does not name has (DejaVu Sans Mono's Arabic) counts as undrawable."""
    candidates = sorted({c for c in chars if ord(c) > 0x7F and c.isprintable()})
    if not candidates:
        return []
    compiler = typst_compiler(str(root), tuple(face.folder for face in added))
    font_list = ", ".join(f'"{font}"' for font in (*PDF_FONTS, *(face.family for face in added)))
    found: list[str] = []
    for _ in range(_MAX_PROBES):
        if not candidates:
            break
        body = "\n\n".join("#" + typst_string(c) for c in candidates)
        try:
            compiler.compile(input=f"#set text(font: ({font_list}), fallback: false)\n{body}".encode(), format="pdf", pdf_standards=["a-2b"])
            break
        except RuntimeError as exc:
            text = missing_text(str(exc))
            if not text or not any(c in text for c in candidates):
                break
            found.append(text)
            candidates = [c for c in candidates if c not in text]
    return found


def check_sources(context: Context) -> None:
    """`cv check`: warn at each script without a face and each character of the sources that the PDF cannot show."""
    warn_missing_faces(context)
    _warn_each(context, undrawable(source_chars(context), context.base_dir, document_faces(context)),
               "the PDF fonts cannot draw {!r}; the PDF will not be PDF/A")


def _warn_each(context: Context, texts: list[str], message: str) -> None:
    """One warning per text at its first place in the sources, in the order of the files and lines."""
    files = [shown for shown, _path in source_files(context)]
    placed = [(locate(text, context) or Location(context.config.source), text) for text in texts]
    placed.sort(key=lambda item: (files.index(item[0].file) if item[0].file in files else len(files), item[0].line or 0, item[0].column or 0))
    for where, text in placed:
        context.diagnostics.warn(where, message.format(text), HINT)
