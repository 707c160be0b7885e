"""LaTeX edge (plain `pandoc -o cv.pdf`): header-includes from styles/latex/, raw wrappers, safe icons.

pdflatex stops on characters its fonts lack (✉, ★, 𝕏), so icons and symbols the core emits become
commands that every TeX Live install can set.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..assets import read_style
from .common import before_date, once
from ..walk import walk

# Symbols the core emits -> LaTeX that pdflatex and xelatex both set with standard packages.
SYMBOLS = {
    "✉": r"\cvicon{email}",
    "☎": r"\cvicon{phone}",
    "⌂": r"\cvicon{website}",
    "𝕏": r"\cvicon{twitter}",
    "⌥": r"\cvicon{github}",
    "🎓": r"\cvicon{scholar}",
    "★": r"\cvstar{}",
    "•": r"\textbullet{}",
    "♥": r"$\heartsuit$",
}
BLOCK_COMMANDS = {"cv-header": "cvheader", "cv-contact": "cvcontact", "cv-entry": "cventry", "cv-detail": "cvdetail"}
INLINE_COMMANDS = {"cv-name": "cvname", "cv-date": "cvdate"}


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "latex"):
        return
    walk(doc, _icons)
    before_date(doc, lambda: [pf.RawInline(r"\hfill", format="latex")])
    walk(doc, _wrap)
    includes = doc.metadata.get("header-includes")
    blocks = list(includes.content) if isinstance(includes, pf.MetaList) else ([includes] if includes else [])
    doc.metadata["header-includes"] = pf.MetaList(*blocks, pf.MetaBlocks(pf.RawBlock(read_style("latex/cv.tex"), format="latex")))


def _icons(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    if isinstance(elem, pf.Str) and any(symbol in elem.text for symbol in SYMBOLS):
        parts: list[pf.Inline] = []
        buffer = ""
        for char in elem.text:
            if char in SYMBOLS:
                if buffer:
                    parts.append(pf.Str(buffer))
                    buffer = ""
                parts.append(pf.RawInline(SYMBOLS[char], format="latex"))
            else:
                buffer += char
        if buffer:
            parts.append(pf.Str(buffer))
        return pf.Span(*parts)
    return None


def _wrap(elem: pf.Element, _doc: pf.Doc) -> object:
    if isinstance(elem, pf.Div):
        command = next((c for k, c in BLOCK_COMMANDS.items() if k in elem.classes), None)
        if command:
            return [pf.RawBlock(f"\\begin{{{command}}}", format="latex"), *elem.content, pf.RawBlock(f"\\end{{{command}}}", format="latex")]
    elif isinstance(elem, pf.Span):
        command = next((c for k, c in INLINE_COMMANDS.items() if k in elem.classes), None)
        if command:
            return [pf.RawInline(f"\\{command}{{", format="latex"), *elem.content, pf.RawInline("}", format="latex")]
    return None
