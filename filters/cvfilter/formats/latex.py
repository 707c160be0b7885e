"""LaTeX edge (plain `pandoc -o cv.pdf`): header-includes from styles/latex/, raw wrappers, safe icons.

pdflatex stops on characters its fonts lack (✉, ★, 𝕏), so icons and symbols the core emits become
commands that every TeX Live install can set. User text in a script pdflatex cannot set (emoji,
Hebrew, Arabic, CJK, ...) is kept for xelatex and lualatex and prints as a bold "?" under pdflatex,
with a warning at its source line: `--pdf-engine=xelatex` (with a font that has it) shows it.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..errors import Location
from ..assets import read_style
from .common import add_header_include, before_date, has, once, owner_name, set_meta_default
from ..walk import walk

# Symbols the core emits in text -> LaTeX that pdflatex and xelatex both set with standard packages.
# Contact icons are replaced whole, by kind (`\cvicon{email}`), whatever glyph the core chose.
SYMBOLS = {
    "✉": r"\cvicon{email}",
    "☎": r"\cvicon{phone}",
    "⌂": r"\cvicon{website}",
    "𝕏": r"\ensuremath{\mathbb{X}}",
    "⌥": r"\cvicon{github}",
    "🎓": r"\cvicon{scholar}",
    "★": r"\cvstar{}",
    "•": r"\textbullet{}",
    "♥": r"\ensuremath{\heartsuit}",
    # TeX sets a backtick as an opening quote; user text means the character itself.
    "`": r"\textasciigrave{}",
}
# Unicode blocks pdflatex sets with pandoc's template (utf8 inputenc, T1 fontenc, textcomp): Latin,
# Latin-1, Latin Extended-A and common punctuation and signs. Anything else goes through \cvnotpdftex.
PDFLATEX_RANGES = ((0x00, 0x17F), (0x218, 0x21B), (0x2C6, 0x2DD), (0x2010, 0x203A), (0x20AC, 0x20AC),
                   (0x2122, 0x2122), (0x2190, 0x2193))
BLOCK_COMMANDS = {
    "cv-header": "cvheader", "cv-contact": "cvcontact", "cv-entry": "cventry", "cv-detail": "cvdetail",
    "cv-items": "cvitems", "cv-selected": "cvselected", "cv-lead": "cvlead", "cv-legend": "cvlead",
}
INLINE_COMMANDS = {"cv-name": "cvname", "cv-date": "cvdate", "cv-owner": "cvowner", "cv-scholar-stats": "cvheadingnote"}
PAGE_DEFAULTS = {"geometry": "letterpaper,margin=0.7in", "colorlinks": True, "urlcolor": "cvaccent", "linkcolor": "cvaccent"}


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "latex"):
        return
    name = owner_name(doc)
    walk(doc, _contact_icons)
    walk(doc, _icons)
    _warn_unsettable(doc, context)
    before_date(doc, lambda: [pf.RawInline(r"\cvdatesep{}", format="latex")])
    walk(doc, _wrap)
    for key, value in PAGE_DEFAULTS.items():
        if key not in doc.metadata:
            doc.metadata[key] = pf.MetaBool(value) if isinstance(value, bool) else pf.MetaString(value)
    if name:
        set_meta_default(doc, "title-meta", f"{name} — CV")
        set_meta_default(doc, "author-meta", name)
    add_header_include(doc, pf.RawBlock(read_style("latex/cv.tex"), format="latex"))


def _contact_icons(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    if has(elem, "cv-icon"):
        kind = "".join(c for c in elem.attributes.get("icon", "") if c.isalpha())
        return pf.RawInline(f"\\cvicon{{{kind}}}", format="latex")
    return None


def pdflatex_sets(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in PDFLATEX_RANGES)


def latex_for(char: str) -> str | None:
    """LaTeX for a character pandoc's writer cannot pass through as it is, or None."""
    if char in SYMBOLS:
        return SYMBOLS[char]
    if not pdflatex_sets(char) and char.isprintable():
        return f"\\cvnotpdftex{{{char}}}"
    return None


def _icons(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    if isinstance(elem, pf.Str) and any(latex_for(char) for char in elem.text):
        parts: list[pf.Inline] = []
        buffer = ""
        for char in elem.text:
            if (latex := latex_for(char)) is not None:
                if buffer:
                    parts.append(pf.Str(buffer))
                    buffer = ""
                parts.append(pf.RawInline(latex, format="latex"))
            else:
                buffer += char
        if buffer:
            parts.append(pf.Str(buffer))
        return pf.Span(*parts)
    return None


def _wrap(elem: pf.Element, _doc: pf.Doc) -> object:
    """Each semantic class with a command wraps the element, in table order (outermost first)."""
    if isinstance(elem, pf.Div):
        commands = [c for k, c in BLOCK_COMMANDS.items() if k in elem.classes]
        if commands:
            opening = "".join(f"\\begin{{{c}}}" for c in commands)
            closing = "".join(f"\\end{{{c}}}" for c in reversed(commands))
            return [pf.RawBlock(opening, format="latex"), *elem.content, pf.RawBlock(closing, format="latex")]
    elif isinstance(elem, pf.Span):
        commands = [c for k, c in INLINE_COMMANDS.items() if k in elem.classes]
        if commands:
            opening = "".join(f"\\{c}{{" for c in commands)
            return [pf.RawInline(opening, format="latex"), *elem.content, pf.RawInline("}" * len(commands), format="latex")]
    return None


def _warn_unsettable(doc: pf.Doc, context: Context | None) -> None:
    """One warning per character that pdflatex will print as "?", at its line in the sources."""
    if context is None:
        return
    from .glyphs import locate

    seen: list[str] = []

    def action(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.RawInline) and elem.text.startswith("\\cvnotpdftex{"):
            char = elem.text[len("\\cvnotpdftex{"):-1]
            if char not in seen:
                seen.append(char)

    walk(doc, action)
    for char in seen:
        where = locate(char, context) or Location(context.config.source)
        context.diagnostics.warn(where, f"pdflatex cannot set {char!r}; it prints '?' there", "use --pdf-engine=xelatex with a font that has it")
