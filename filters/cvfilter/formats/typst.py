"""Typst edge: the style from styles/typst/cv.typ, raw wrappers around the semantic blocks.

The style goes into header-includes, which pandoc's Typst template places before its page content, so
it works for `cv build` and for plain `pandoc --pdf-engine=typst` alike. User text stays in Pandoc
elements, so Pandoc's Typst writer escapes it; the only strings this module builds itself are the
document metadata and keywords, through `typst_string`, and the few characters of a Str that Typst's
markup would read as more than text where pandoc's writer leaves them as they are (`keep_literal`),
in the body and in the front matter that pandoc's template sets (title, subtitle, author, abstract).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import panflute as pf

from ..assets import read_style
from ..context import Context
from ..design import Design
from ..document import RAW_TYPST  # noqa: F401  (panflute accepts raw Typst once this has loaded)
from ..errors import Location
from ..fonts import typst_families
from ..themes import Theme
from .faces import document_faces
from .common import (CLASSED, header_photo, TEXT_HOLDERS, add_header_include, chosen_look, date_first, has, join_words, once, separate_date,
                     set_meta_default)
from ..walk import walk

# Semantic class -> Typst function from cv.typ that lays it out. An element with several classes
# is wrapped in each function, in this order (outermost first).
BLOCK_FUNCTIONS = {
    "cv-header": "cv-header",
    "cv-contact": "cv-contact cv-contact-line",  # the theme's block, then base.typ's line breaking
    "cv-headline": "cv-headline",
    "cv-highlights": "cv-highlights",
    "cv-entry": "cv-entry",
    "cv-selected": "cv-selected",
    "cv-detail": "cv-detail",
    "cv-lead": "cv-lead",
    "cv-legend": "cv-lead",
    "cv-items": "cv-items",
    "cv-item": "cv-item",
}
INLINE_FUNCTIONS = {
    "cv-name": "cv-name",
    "cv-date": "cv-date",
    "cv-title": "cv-title",
    "cv-sep": "cv-sep",
    "cv-contact-item": "cv-contact-item",
    "cv-updated": "cv-updated",
    "cv-owner": "cv-owner",
    "cv-number": "cv-number",
    "cv-org": "cv-org",
    "cv-scholar-stats": "cv-heading-note",
}
# Before an entry's date: at least a gap, then the date pushed right. The space is the only place
# the line may break; if the date does not fit, it starts the next line after an empty box and a
# second 1fr, so it stays right-aligned in the date column instead of falling to the left margin.
DATE_SEPARATOR = "#h(0.8em)#h(1fr) #box()#h(1fr)#sym.wj"
# A date that goes before its entry's text (`design: {date-position: left}`) sits in its own column.
DATE_FIRST = "#h(0.4em)"
# The design's page names as Typst's paper names.
PAPER = {"letter": "us-letter", "legal": "us-legal"}


# What a Typst string literal cannot hold as it is: each character and its escape.
_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def typst_string(value: str) -> str:
    """A Typst string literal: the one place this edge escapes text by hand, in one pass."""
    return f'"{value.translate(_STRING_ESCAPES)}"'


# What Typst's markup reads in text that pandoc's Typst writer (3.9, `smart` on) writes unescaped:
# "..." is an ellipsis, "-?" a soft hyphen, "-" before a number a minus sign unless a letter or digit
# precedes it, and pandoc writes ’ as ', which Typst's smart quotes may turn into an opening ‘ ("’90s"),
# and – and — as -- and ---, which join a dash next to them ("–-" is ---, an em dash).
_INSIDE = re.compile(r"\.\.|\u2019|-(?:\?|(?<![^\W_]-)[^\W_]|(?=[\u2013\u2014]))|[\u2013\u2014](?=[-\u2013\u2014])")
# Written as themselves, not after a backslash: pandoc would write them as Typst reads them otherwise.
_AS_THEMSELVES = "\u2019\u2013\u2014"
# At the start of a line or of a content block (`#cv-org[- x]`) "- ", "+ ", "/ ", "= " and "1. " are
# list, term and heading markers (pandoc escapes them only after its own line breaks), and a "." right
# after a call reads a field (`#cv-org[X].y`). Any Str may come first in one: each is escaped.
_LEADS = "-+/=.0123456789"
_LEADING = re.compile(r"(?:[-+/]|=+|[0-9]+\.)(?:\s|$)|\..")


def keep_literal(content: pf.ListContainer) -> None:
    """Each character of a Str in `content` that Typst would read as markup becomes a raw escape
    between Str pieces, so the PDF shows what HTML and Word show. A Str without one costs a
    regex search: most have none."""
    items = content.list
    out: list[pf.Inline] | None = None
    for index, item in enumerate(items):
        if type(item) is pf.Str and (marks := _markup_at(item.text)):
            if out is None:
                out = items[:index]
            out.extend(_escaped(item.text, marks))
        elif out is not None:
            out.append(item)
    if out is not None:
        content[:] = out


def _markup_at(text: str) -> list[int]:
    """The indices of the characters to escape, in order."""
    marks = [0] if text[:1] in _LEADS and _LEADING.match(text) else []
    if _INSIDE.search(text) is None:
        return marks
    for found in _INSIDE.finditer(text):
        index = found.start()
        char = text[index]
        if char == ".":
            index += 1  # every second dot of a run: no three in a row are left
        elif char == "-" and text[index + 1] in "\u2013\u2014":
            index += 1  # the dash after "-" is written as itself
        elif char == "-" and text[index + 1] != "?" and unicodedata.category(text[index + 1])[0] != "N":
            continue  # "x -y": only a number (Nd, Nl, No) after "-" makes a minus sign
        if not marks or marks[-1] < index:  # "-––": the first – is marked after "-" and before "–"
            marks.append(index)
    return marks


def _escaped(text: str, marks: list[int]) -> list[pf.Inline]:
    """`text` as Str pieces around raw escapes ("\\." for "."; ’, – and — are written as themselves)."""
    pieces: list[pf.Inline] = []
    start = 0
    for index in marks:
        if index > start:
            pieces.append(pf.Str(text[start:index]))
        char = text[index]
        pieces.append(pf.RawInline(char if char in _AS_THEMSELVES else "\\" + char, format="typst"))
        start = index + 1
    if start < len(text):
        pieces.append(pf.Str(text[start:]))
    return pieces


_DIAGNOSTIC_PLACE = re.compile(r"┌─ (?P<file>.+?):(?P<line>\d+):(?P<column>\d+)")


def _math_with_alt_text(elem: pf.Element, _doc: pf.Doc) -> list[pf.Inline]:
    """TeX math as an equation whose alternative text is its TeX source: a tagged PDF (PDF/UA-1)
    needs one for every equation, and a screen reader then reads what the author wrote. pandoc
    writes the math itself (`$...$`); the call takes its body, so `block` says how it is set."""
    block = "true" if elem.format == "DisplayMath" else "false"
    return [pf.RawInline(f"#math.equation(block: {block}, alt: {typst_string(elem.text)}, ", format="typst"),
            elem, pf.RawInline(".body)", format="typst")]


def _photo(elem: pf.Div, _doc: pf.Doc) -> pf.Block | None:
    """The header's photo as a call of the theme's `cv-photo`, with the alt text a tagged PDF
    (PDF/UA-1) needs: pandoc's Typst writer gives an image none."""
    image = header_photo(elem)
    if image is None:
        return None
    return pf.RawBlock(f"#cv-photo({typst_string(image.url)}, {typst_string(pf.stringify(image))})", format="typst")


def typst_error_location(exc: Exception, source: bytes | str, markdown: Callable[[], str | None] | None = None,
                         shown: str = "cv.md") -> Location:
    """Where a Typst error is: the file Typst names (`typst compile b.typ`); for the document
    `cv build` generates (bytes), the line of cv.md (`markdown`, named `shown`) that the failing
    line came from, else cv.typ at that line."""
    found = _DIAGNOSTIC_PLACE.search(str(getattr(exc, "diagnostic", "") or ""))
    if isinstance(source, str):
        if found and not found["file"].startswith("__typst_py_"):
            return Location(found["file"], int(found["line"]), int(found["column"]))
        return Location(source)
    if not found:
        return Location("cv.typ")
    line = int(found["line"])
    generated = source.decode("utf-8", errors="replace").splitlines()
    origin = source_line(generated[line - 1] if 0 < line <= len(generated) else "", markdown() if markdown else None)
    return Location(shown, origin) if origin else Location("cv.typ", line, int(found["column"]))


_WORDS_OF = re.compile(r"#?[^\W_]{3,}[\w.-]*")


def source_line(generated: str, markdown: str | None) -> int:
    """The line of `markdown` that a line of generated Typst came from: the first line holding its
    longest words (its text, or a raw Typst call written in cv.md), 0 if none does."""
    if not markdown:
        return 0
    lines = markdown.splitlines()
    words = sorted(set(_WORDS_OF.findall(generated)), key=len, reverse=True)[:6]
    for word in words:
        for number, text in enumerate(lines, start=1):
            if word in text:
                return number
    return 0


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "typst"):
        return
    found: dict[str, str] = {}
    theme, design = chosen_look(context)
    _keywords_as_strings(doc)
    first_walk = (*CLASSED, *TEXT_HOLDERS, pf.DefinitionItem, pf.MetaInlines)
    left = design.date_position == "left"
    walk(doc, lambda elem, _doc: _icons_and_dates(elem, found, left), types=first_walk)
    walk(doc, _photo, types=(pf.Div,))
    walk(doc, _wrap, types=(pf.Div, pf.Span))
    walk(doc, _math_with_alt_text, types=(pf.Math,))
    name, updated = found.get("cv-name", ""), found.get("cv-updated")
    _page(doc, design)
    set_meta_default(doc, "lang", context.config.lang if context else "en")
    footer = " · ".join(part for part in (name, updated) if part)
    page_of = context.labels["page-of"] if context else "of"
    style = (f"#let cv-footer-note = {typst_string(footer)}\n#let cv-page-of = {typst_string(page_of)}\n"
             f"{design_values(theme, design, _shows_photo(context, design))}\n{read_style('typst/base.typ')}\n{theme.text('cv.typ')}")
    add_header_include(doc, pf.RawBlock(style, format="typst"))
    title = f"{name} — CV" if name else "CV"
    opening = (f"#set document(title: {typst_string(title)}, author: {typst_string(name)})\n#show: cv-document"
               f"{_script_rule(context)}\n#show: cv-fit.with(gap: cv-entry-gap)")
    doc.content.insert(0, pf.RawBlock(opening, format="typst"))


def _script_rule(context: Context | None) -> str:
    """After the style's own rules: the script faces the document needs, after the style's fonts
    (Typst falls back along the list), and the direction of a right-to-left language."""
    settings = []
    families = [face.family for face in document_faces(context)]
    if families:
        settings.append(f"font: (..text.font, {', '.join(typst_string(f) for f in families)})")
    if context is not None and context.labels.direction == "rtl":
        settings.append("dir: rtl")
    if not settings:
        return ""
    rule = f"set text({', '.join(settings)})"
    return f"\n#show: body => context {{ {rule}; body }}" if families else f"\n#set text({settings[0]})"


def _page(doc: pf.Doc, design: Design) -> None:
    """Paper and margins through pandoc's template, which sets the page before any content (a page
    set rule after content would start a new page). A size without a name replaces the template's
    page function by one that takes width and height."""
    page = design.page
    if page.name is not None:
        set_meta_default(doc, "papersize", PAPER.get(page.name, page.name))
    if "margin" not in doc.metadata:
        margins = {"x": f"{design.margin_x:g}pt", "y": f"{design.margin_y:g}pt"}
        doc.metadata["margin"] = pf.MetaMap(**{k: pf.MetaString(v) for k, v in margins.items()})


def _shows_photo(context: Context | None, design: Design) -> bool:
    return bool(design.photo and context is not None and context.data.portrait is not None)


def design_values(theme: Theme, design: Design, photo: bool = False) -> str:
    """The design as one Typst dictionary, `cv-design`, which styles/typst/base.typ and the theme
    read; its `photo` says whether the header holds one (the theme may leave room for it)."""
    highlight = theme.highlight if theme.highlight and design.accent == theme.design.accent else None
    values = {
        "accent": typst_string(design.accent),
        "highlight": typst_string(highlight) if highlight else "none",
        "font": "(" + "".join(typst_string(f) + ", " for f in typst_families(design.font)) + ")",
        "font-size": f"{design.font_size:g}pt",
        "line-spacing": f"{design.line_spacing:g}",
        "entry-spacing": f"{design.entry_spacing:g}",
        "section-title": typst_string(design.section_title),
        "date-position": typst_string(design.date_position),
        "page-numbers": "true" if design.page_numbers else "false",
        "header-align": typst_string(design.header_align),
        "photo": "true" if photo else "false",
        "page-name": typst_string(design.page.name) if design.page.name else "none",
        "page-width": f"{design.page.width:g}pt",
        "page-height": f"{design.page.height:g}pt",
    }
    return "#let cv-design = (" + ", ".join(f"{k}: {v}" for k, v in values.items()) + ")"


def _icons_and_dates(elem: pf.Element, found: dict[str, str], dates_first: bool = False) -> pf.Inline | None:
    """The first walk: icons as calls, unstyled spans unwrapped, separators before dates, words
    joined, and the texts of the name and the update note noted on the way. Wrapping waits for a
    second walk: a date must still be a span when the paragraph around it is visited (after its children)."""
    if isinstance(elem, CLASSED):
        for cls in ("cv-name", "cv-updated"):
            if cls not in found and cls in elem.classes:
                found[cls] = pf.stringify(elem) if cls == "cv-name" else pf.stringify(elem).replace("\u00a0", " ")
        if (icon := _icons(elem, None)) is not None:
            return icon
        if _unstyled(elem):
            return list(elem.content)
    elif dates_first:
        date_first(elem, lambda: [pf.RawInline(DATE_FIRST, format="typst")])
    else:
        separate_date(elem, lambda: [pf.RawInline(DATE_SEPARATOR, format="typst")])
    if isinstance(elem, TEXT_HOLDERS):
        join_words(elem)
        keep_literal(elem.content)
    elif isinstance(elem, pf.DefinitionItem):
        keep_literal(elem.term)
    elif isinstance(elem, pf.MetaInlines):  # title, subtitle, author, abstract: the template sets them as markup
        keep_literal(elem.content)
    return None


def _keywords_as_strings(doc: pf.Doc) -> None:
    """pandoc's Typst template writes the keywords into an array as they are, where Typst reads them
    as code (`keywords: (machine learning,)` does not compile): each becomes a string literal."""
    keywords = doc.metadata.content.get("keywords")
    if keywords is None:
        return
    items = keywords.content if isinstance(keywords, pf.MetaList) else [keywords]
    doc.metadata["keywords"] = pf.MetaList(*(pf.MetaInlines(pf.RawInline(typst_string(_meta_text(item)), format="typst"))
                                             for item in items))


def _meta_text(value: pf.MetaValue) -> str:
    if isinstance(value, pf.MetaBool):  # `keywords: [yes]`: YAML reads a boolean
        return "true" if value.boolean else "false"
    return value.text if isinstance(value, pf.MetaString) else pf.stringify(value)


def _unstyled(elem: pf.Element) -> bool:
    """A span that pandoc's Typst writer would write as its bare content: no function here, no
    identifier (a label), no attributes (`lang`, `typst:*`) and no `mark` class. Its words then
    join the words around it, so the writer reads fewer elements."""
    return (isinstance(elem, pf.Span) and not elem.identifier and not elem.attributes and "mark" not in elem.classes
            and not any(c in INLINE_FUNCTIONS for c in elem.classes))


def _icons(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    """Icons are drawn by cv.typ: the glyph the core chose is replaced by a call naming the kind."""
    if has(elem, "cv-icon"):
        kind, glyph = elem.attributes.get("icon", ""), pf.stringify(elem)
        return pf.RawInline(f"#cv-icon({typst_string(kind)}, {typst_string(glyph)}, ink: cv-icon-ink)", format="typst")
    return None


def _wrap(elem: pf.Element, _doc: pf.Doc) -> object:
    if isinstance(elem, pf.Div):
        functions = [f for c, names in BLOCK_FUNCTIONS.items() if c in elem.classes for f in names.split()]
        if functions:
            opening = "".join(f"#{f}[" for f in functions)
            return [pf.RawBlock(opening, format="typst"), *elem.content, pf.RawBlock("]" * len(functions), format="typst")]
    elif isinstance(elem, pf.Span):
        functions = [f for c, f in INLINE_FUNCTIONS.items() if c in elem.classes]
        if functions:
            opening = "".join(f"#{f}[" for f in functions)
            return [pf.RawInline(opening, format="typst"), *elem.content, pf.RawInline("]" * len(functions), format="typst")]
    return None
