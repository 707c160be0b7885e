"""LaTeX edge (plain `pandoc -o cv.pdf`): header-includes from styles/latex/, raw wrappers, safe icons.

pdflatex stops on characters its fonts lack (✉, ★, 𝕏), so icons and symbols the core emits become
commands that every TeX Live install can set. User text in a script pdflatex cannot set (emoji,
Hebrew, Arabic, CJK, ...) is kept for xelatex and lualatex and prints as a bold "?" under pdflatex,
with a warning at its source line: `--pdf-engine=xelatex` (with a font that has it) shows it.

User text is otherwise left to pandoc's writer, which escapes what LaTeX would read as commands but
not what TeX's fonts and xelatex's TeX mapping set as other characters: `'`, `"`, a backtick and
pairs such as `<<` or `,,`. `literal` writes those so that the PDF shows the text as it was written.
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..errors import Location
from ..assets import read_style
from .common import add_header_include, before_date, has, once, owner_name, set_meta_default
from ..walk import walk
from .faces import locate

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
    # What TeX sets as another character: a backtick and ' as quotes (pandoc 2.17 writes ' as it is),
    # " as a closing quote under xelatex (its TeX mapping), and ^ as pandoc's \^{}, the circumflex
    # accent, which pdftotext reads as ˆ. User text means the character itself.
    "`": r"\textasciigrave{}",
    "'": r"\textquotesingle{}",
    '"': r"\textquotedbl{}",
    "^": r"\textasciicircum{}",
    # pdflatex sets … as three spaced periods (\ldots), read back as ". . ."; cv.tex keeps the character.
    "…": r"\cvellipsis{}",
}
# Pairs that T1 fonts (ligatures) and xelatex's TeX mapping set as one other character: << >> ,,
# and dashes ("–-" is written ---, an em dash); pandoc writes ‘ ’ “ ” as ` ' `` '', so !‘ is ¡, and
# puts a thin space between two of them, which pdftotext reads as a space. A zero kern between the
# two keeps them apart under every engine, and takes the thin space's place.
QUOTES = "\u2018\u2019\u201c\u201d"
JOINED = (("-\u2013\u2014", "-\u2013\u2014"), (QUOTES, QUOTES), ("!?", "\u2018\u201c"), (",", ","), ("<", "<"), (">", ">"))
SEPARATOR = r"{\kern0pt}"
_JOIN_FIRST = "".join(first for first, _second in JOINED)
# Unicode blocks pdflatex sets with pandoc's template (utf8 inputenc, T1 fontenc, textcomp): Latin,
# Latin-1, Latin Extended-A and common punctuation and signs. Anything else goes through \cvnotpdftex.
PDFLATEX_RANGES = ((0x00, 0x17F), (0x218, 0x21B), (0x2C6, 0x2DD), (0x2010, 0x203A), (0x20AC, 0x20AC),
                   (0x2122, 0x2122), (0x2190, 0x2193))
BLOCK_COMMANDS = {
    "cv-header": "cvheader", "cv-contact": "cvcontact", "cv-headline": "cvheadline", "cv-highlights": "cvhighlights", "cv-entry": "cventry", "cv-detail": "cvdetail",
    "cv-items": "cvitems", "cv-selected": "cvselected", "cv-lead": "cvlead", "cv-legend": "cvlead",
}
INLINE_COMMANDS = {"cv-name": "cvname", "cv-date": "cvdate", "cv-owner": "cvowner", "cv-scholar-stats": "cvheadingnote"}
PAGE_DEFAULTS = {"geometry": "letterpaper,margin=0.7in", "colorlinks": True, "urlcolor": "cvaccent", "linkcolor": "cvaccent"}


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "latex"):
        return
    name = owner_name(doc)
    walk(doc, _contact_icons)
    walk(doc, literal)
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


def joins(first: str, second: str) -> bool:
    """True when TeX would set the two characters, as pandoc writes them, as one other character."""
    return any(first in firsts and second in seconds for firsts, seconds in JOINED)


def literal(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    """A Str that TeX would not set as written becomes Str pieces between raw LaTeX: a command for
    each character in SYMBOLS or out of pdflatex's reach, a SEPARATOR inside each pair that joins,
    and one at its end when the Str after it would join it."""
    if type(elem) is not pf.Str or not elem.text:
        return None
    text = elem.text
    following = elem.next if text[-1] in _JOIN_FIRST else None
    tail = type(following) is pf.Str and following.text != "" and joins(text[-1], following.text[0])
    parts: list[pf.Inline] = []
    heading: bool | None = None
    start = 0
    for index, char in enumerate(text):
        latex = latex_for(char)
        if latex is None and not (char in _JOIN_FIRST and index + 1 < len(text) and joins(char, text[index + 1])):
            continue
        cut = index if latex else index + 1
        if cut > start:
            parts.append(pf.Str(text[start:cut]))
        if latex is None:
            parts.append(pf.RawInline(SEPARATOR, format="latex"))
        else:
            heading = _in_heading(elem) if heading is None else heading
            parts.extend(_bookmarked(latex, char) if heading else [pf.RawInline(latex, format="latex")])
        start = index + 1
    if not parts and not tail:
        return None
    if start < len(text):
        parts.append(pf.Str(text[start:]))
    if tail:
        parts.append(pf.RawInline(SEPARATOR, format="latex"))
    return pf.Span(*parts)


def _in_heading(elem: pf.Element) -> bool:
    while elem is not None and not isinstance(elem, pf.Block):
        elem = elem.parent
    return isinstance(elem, pf.Header)


def _bookmarked(latex: str, char: str) -> list[pf.Inline]:
    """In a heading, the command is set on the page and the character kept for the PDF's bookmark:
    pandoc writes a heading's bookmark text from its Str elements, leaving raw LaTeX out."""
    return [pf.RawInline(f"\\texorpdfstring{{{latex}}}{{", format="latex"), pf.Str(char), pf.RawInline("}", format="latex")]


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
