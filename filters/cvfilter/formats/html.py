"""HTML edge: landmarks (<header>, <nav>, a <section> per CV section, h2), <time> for dates,
<ol reversed> for count-down lists, decorative icons hidden from screen readers, inlined CSS.

The page is one self-contained file: the style is inlined and nothing is fetched from elsewhere.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf

from .. import cldr
from .. import pandoc
from ..assets import read_style
from ..clock import Clock
from ..context import Context
from ..data.model import MAX_PHOTO_BYTES
from ..design import Design
from ..elements import text
from ..fonts import FONTS
from ..textfile import read_bytes
from ..walk import walk
from .faces import document_faces
from .docx_design import mix_with_white
from .common import (
    CLASSED,
    TEXT_HOLDERS,
    add_header_include,
    header_photo,
    chosen_look,
    has,
    join_words,
    name_heading,
    once,
    separate_date,
    set_meta_default,
    shift_headings,
)
from .output import OutputFormat

# Attributes HTML defines for every element; pandoc passes others through as they are, so the edge
# renames the rest to data-* to keep the page valid HTML5.
GLOBAL_ATTRIBUTES = {"id", "lang", "dir", "title", "role", "hidden", "translate"}


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    """The standalone page, its CSS inlined by the header-includes `finish` added."""
    with clock("html"):
        return pandoc.write(finished, fmt.writer or "html5", ["-s"], base, shown)


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "html"):
        return
    noted = _Noted()
    # Read before the walk, which turns a date in a heading into raw <time> tags.
    headings = {id(block): _heading_words(block) for block in doc.content if isinstance(block, pf.Header)}
    walk(doc, lambda elem, _doc: _shape(elem, noted), types=(*CLASSED, *TEXT_HOLDERS, pf.DefinitionItem))
    if context is not None:
        walk(doc, lambda elem, _doc: _embedded_photo(elem, context.base_dir), types=(pf.Div,))
    doc.content = _landmarks(list(doc.content), headings, chosen_look(context)[1])
    if noted.names:
        set_meta_default(doc, "pagetitle", f"{noted.names[0]} — CV")
        set_meta_default(doc, "author-meta", noted.names[0])
    set_meta_default(doc, "lang", context.config.lang if context else "en")
    if context is not None and context.labels.direction == "rtl":
        set_meta_default(doc, "dir", "rtl")
    doc.metadata["document-css"] = pf.MetaBool(False)
    theme, design = chosen_look(context)
    css = f"{read_style('html/base.css')}{theme.text('cv.css')}{design_css(theme.design, design)}{_script_style(context)}"
    add_header_include(doc, pf.RawBlock(f"<style>\n{css}</style>", format="html"))


def _script_style(context: Context | None) -> str:
    """The script faces the PDF uses, named first for the page in the document's language; the
    page stays one file (nothing is fetched), so a reader without them gets the system's face."""
    families = [face.family for face in document_faces(context)]
    if context is None or not families:
        return ""
    stack = ", ".join(f'"{family}"' for family in families)
    return f"html:lang({cldr.primary(context.config.lang)}) body {{ font-family: {stack}, system-ui, sans-serif; }}\n"


@dataclass
class _Noted:
    """What the walk notes on its way: the owner's name (nothing here changes its text), and per
    entry (by id) its first title and its marker links, which get their names when the entry is visited."""

    names: list[str] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)
    markers: dict[int, list[pf.Span]] = field(default_factory=dict)


def _shape(elem: pf.Element, noted: _Noted) -> list[pf.Block] | None:
    """All of this edge's changes, in one walk. Each element is visited after its children, so an
    entry sees its title and links already shaped, and a paragraph sets its dates apart while they
    are still spans, then makes them <time>. Words are joined first: the Spaces the changes look
    for, next to spans, stay."""
    if isinstance(elem, TEXT_HOLDERS):
        join_words(elem)
    if isinstance(elem, CLASSED):
        if not noted.names and "cv-name" in elem.classes:
            noted.names.append(pf.stringify(elem))
        _valid_attributes(elem, None)
        _hide_icons(elem, None)
        _icons_as_svg(elem, None)
        _note_entry_parts(elem, noted)
        _name_marker_links(elem, noted)
        shift_headings(elem, None)
    elif isinstance(elem, (pf.Para, pf.Plain)):
        _separators_with_their_item(elem, None)
        _split_dated_lines(elem, None)
        separate_date(elem, lambda: [pf.Space()])
    if isinstance(elem, TEXT_HOLDERS):
        _dates_as_time(elem.content)
    elif isinstance(elem, pf.DefinitionItem):
        _dates_as_time(elem.term)
    return _reversed_lists(elem, None)


# The photo's media type by its suffix (raw_policy.IMAGE_SUFFIXES).
_MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
                ".svg": "image/svg+xml", ".webp": "image/webp"}


def _embedded_photo(elem: pf.Div, base: Path) -> pf.Block | None:
    """The header's photo as an <img> whose src is the image itself (a data: URI), so the page
    stays one file; its size comes from the style (.cv-photo), not from the other formats' width."""
    image = header_photo(elem)
    if image is None:
        return None
    suffix = Path(image.url).suffix.lower()
    data = base64.b64encode(read_bytes(base / image.url, image.url, MAX_PHOTO_BYTES)).decode("ascii")
    return pf.Plain(pf.Image(*image.content, url=f"data:{_MEDIA_TYPES[suffix]};base64,{data}", classes=["cv-photo"]))


def _valid_attributes(elem: pf.Element, _doc: pf.Doc) -> None:
    if isinstance(elem, (pf.Div, pf.Span)) and any(c.startswith("cv-") for c in elem.classes):
        for key in list(elem.attributes):
            if key not in GLOBAL_ATTRIBUTES and not key.startswith(("data-", "aria-")):
                elem.attributes[f"data-{key}"] = elem.attributes.pop(key)


def _hide_icons(elem: pf.Element, _doc: pf.Doc) -> None:
    """Icons only decorate the link beside them; screen readers read the link text instead."""
    if has(elem, "cv-icon") or has(elem, "cv-sep"):
        elem.attributes["aria-hidden"] = "true"


# Small line drawings in the text colour, so no icon font or image is fetched.
ICON_PATHS = {
    "email": '<rect x="1.5" y="3.5" width="13" height="9" rx="1"/><path d="M1.5 4l6.5 5 6.5-5"/>',
    "website": '<circle cx="8" cy="8" r="6.5"/><ellipse cx="8" cy="8" rx="2.8" ry="6.5"/><path d="M1.5 8h13"/>',
    "github": '<circle cx="4.5" cy="3" r="1.6"/><circle cx="4.5" cy="13" r="1.6"/><circle cx="11.5" cy="3" r="1.6"/>'
              '<path d="M4.5 4.6v6.8M11.5 4.6c0 4-7 3-7 6.8"/>',
    "scholar": '<path d="M8 2.5l7 3.5-7 3.5-7-3.5z"/><path d="M4 8v3.5c2 1.8 6 1.8 8 0V8"/>',
    "phone": '<path d="M4 1.5h3l1 3.5-2 1.2a8 8 0 0 0 3.8 3.8l1.2-2 3.5 1v3c0 .8-.7 1.5-1.5 1.5A12 12 0 0 1 2.5 3 1.5 1.5 0 0 1 4 1.5z"/>',
}


def _icons_as_svg(elem: pf.Element, _doc: pf.Doc) -> None:
    kind = elem.attributes.get("data-icon", "") if has(elem, "cv-icon") else ""
    if kind in ICON_PATHS:
        elem.content = [pf.RawInline(
            '<svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.4" '
            f'stroke-linecap="round" stroke-linejoin="round" focusable="false">{ICON_PATHS[kind]}</svg>',
            format="html",
        )]


def _separators_with_their_item(elem: pf.Element, _doc: pf.Doc) -> None:
    """Each "•" of the contact line goes in one unbreakable span with the item after it, so a narrow
    screen breaks the line before a separator, never leaving one alone at a line's end or start."""
    if not (isinstance(elem, pf.Para) and isinstance(elem.parent, pf.Div) and "cv-contact" in elem.parent.classes):
        return
    content = list(elem.content)
    grouped: list[pf.Inline] = []
    index = 0
    while index < len(content):
        if has(content[index], "cv-sep") and index + 2 < len(content) and isinstance(content[index + 1], pf.Space):
            grouped.append(pf.Span(content[index], pf.Space(), content[index + 2], classes=["cv-contact-next"]))
            index += 3
        else:
            grouped.append(content[index])
            index += 1
    elem.content = grouped


def _split_dated_lines(elem: pf.Element, _doc: pf.Doc) -> None:
    """What an entry line says goes in one span and its date after it, so CSS can set them apart."""
    if not isinstance(elem, (pf.Para, pf.Plain)) or not elem.content or not has(elem.content[-1], "cv-date"):
        return
    *head, date = list(elem.content)
    while head and isinstance(head[-1], pf.Space):
        head.pop()
    if head:
        elem.content = [pf.Span(*head, classes=["cv-what"]), date]


def _note_entry_parts(elem: pf.Element, noted: _Noted) -> None:
    """An entry's title and its marker links, noted for `_name_marker_links`."""
    if not isinstance(elem, pf.Span):
        return
    is_title = "cv-pub-title" in elem.classes or "cv-title" in elem.classes
    if not (is_title or "cv-pub-link" in elem.classes) or (entry := _entry_around(elem)) is None:
        return
    if is_title:
        noted.titles.setdefault(id(entry), pf.stringify(elem).strip())
    else:
        noted.markers.setdefault(id(entry), []).append(elem)


def _entry_around(elem: pf.Element) -> pf.Div | None:
    """The cv-entry that holds an element: the walk sets each element's parent before visiting it."""
    parent = elem.parent
    while parent is not None and not has(parent, "cv-entry"):
        parent = parent.parent
    return parent


def _name_marker_links(elem: pf.Element, noted: _Noted) -> None:
    """Links such as "[code]" say what they open only beside their entry; a screen reader listing
    links hears "[code]" many times, so each gets an accessible name that keeps its visible word
    and adds the entry's title."""
    if not (isinstance(elem, pf.Div) and "cv-entry" in elem.classes):
        return
    title = noted.titles.pop(id(elem), None)
    markers = noted.markers.pop(id(elem), [])
    if title is None:
        return
    for marker in markers:
        for link in marker.content:
            if isinstance(link, pf.Link):
                word = pf.stringify(link).strip("[] ")
                link.attributes["aria-label"] = f"{word}: {title}"


def _dates_as_time(inlines: pf.ListContainer) -> None:
    """Each date among these inlines as a <time>."""
    items = inlines.list
    if not any(has(item, "cv-date") for item in items):
        return
    timed: list[pf.Inline] = []
    for item in items:
        if has(item, "cv-date"):
            stamp = html.escape(item.attributes.get("datetime", item.attributes.get("data-datetime", "")), quote=True)
            opening = f'<time class="cv-date" datetime="{stamp}">' if stamp else '<time class="cv-date">'
            timed += [pf.RawInline(opening, format="html"), *item.content, pf.RawInline("</time>", format="html")]
        else:
            timed.append(item)
    inlines[:] = timed


def _reversed_lists(elem: pf.Element, _doc: pf.Doc) -> list[pf.Block] | None:
    """A count-down list carries its numbers as text for the other writers; here it is an <ol reversed>."""
    if not (has(elem, "cv-items") and "cv-descending" in elem.classes):
        return None
    start = _first_number(elem)
    counted = f' start="{start}"' if start is not None and start != len(elem.content) else ""
    blocks: list[pf.Block] = [pf.RawBlock(f'<ol class="cv-items cv-descending" reversed{counted}>', format="html")]
    for item in elem.content:
        content = list(item.content) if isinstance(item, pf.Div) else [item]
        first = content[0] if content else None
        if isinstance(first, (pf.Para, pf.Plain)) and first.content and has(first.content[0], "cv-number"):
            rest = list(first.content)[1:]
            while rest and isinstance(rest[0], pf.Space):
                rest.pop(0)
            content[0] = type(first)(*rest)
        classes = " ".join(html.escape(c) for c in getattr(item, "classes", []))
        blocks += [pf.RawBlock(f'<li class="{classes}">', format="html"), *content, pf.RawBlock("</li>", format="html")]
    blocks.append(pf.RawBlock("</ol>", format="html"))
    return blocks


def _first_number(elem: pf.Div) -> int | None:
    """The number the first item shows: a list continued from an earlier group does not end at 1."""
    first = elem.content[0].content[0] if elem.content and isinstance(elem.content[0], pf.Div) and elem.content[0].content else None
    if isinstance(first, (pf.Para, pf.Plain)) and first.content and has(first.content[0], "cv-number"):
        digits = pf.stringify(first.content[0]).rstrip(".")
        return int(digits) if digits.isdigit() else None
    return None


def design_css(theme: Design, design: Design) -> str:
    """CSS for the design values: the printed page always, and each value the front matter changes
    from the theme's, over the theme's own rules."""
    page = design.page.name or f"{design.page.width:g}pt {design.page.height:g}pt"
    rules = [f"@media print {{ @page {{ size: {page}; margin: {design.margin_y:g}pt {design.margin_x:g}pt; }} }}"]
    root = []
    if design.font != theme.font:
        root.append(f"--font: {FONTS[design.font].css};")
    if design.font_size != theme.font_size:
        root.append(f"--scale: {design.font_size / theme.font_size:.4g};")
    if design.line_spacing != theme.line_spacing:
        root.append(f"--lines: {design.line_spacing / theme.line_spacing:.4g};")
    if design.entry_spacing != theme.entry_spacing:
        root.append(f"--gap: {design.entry_spacing / theme.entry_spacing:.4g};")
    if root:
        rules.append(f":root {{ {' '.join(root)} }}")
    if design.accent != theme.accent:
        light = mix_with_white(design.accent, 0.55)
        rules += [f":root {{ --accent: {design.accent}; --highlight: #{mix_with_white(design.accent, 0.1)}; }}",
                  f"@media (prefers-color-scheme: dark) {{ :root {{ --accent: #{light}; }} }}",
                  f"@media print {{ :root {{ --accent: {design.accent}; }} }}"]
    return "".join(rule + "\n" for rule in rules)


def _landmarks(blocks: list[pf.Block], headings: dict[int, str], design: Design) -> list[pf.Block]:
    """<header> from the header macro, a <nav> listing the sections, then <main> with a <section> per h2."""
    head: list[pf.Block] = []
    body: list[pf.Block] = []
    sections: list[pf.Header] = []
    current: pf.Div | None = None
    for block in blocks:
        if has(block, "cv-header") and not head:
            head = _header(block, design)
            current = None
        elif isinstance(block, pf.Header) and block.level == 2:
            sections.append(block)
            current = pf.Div(block, classes=["section", "cv-part"])
            body.append(current)
        elif current is not None:
            current.content.append(block)
        else:
            body.append(block)
    nav = _nav(sections, headings) if sections else []
    opening = f'<main class="cv-titles-{design.section_title} cv-dates-{design.date_position}">'
    return [*head, *nav, pf.RawBlock(opening, format="html"), *body, pf.RawBlock("</main>", format="html")]


def _nav(sections: list[pf.Header], headings: dict[int, str]) -> list[pf.Block]:
    items = []
    for header in sections:
        words = pf.Plain(*text(headings[id(header)]))
        join_words(words)
        shown = [pf.Link(*words.content, url=f"#{header.identifier}")] if header.identifier else words.content
        items.append(pf.ListItem(pf.Plain(*shown)))
    return [
        pf.RawBlock('<nav class="cv-nav" aria-label="Sections">', format="html"),
        pf.BulletList(*items),
        pf.RawBlock("</nav>", format="html"),
    ]


def _heading_words(header: pf.Header) -> str:
    """A section's name for the section list: its heading without what macros added to it (stats)."""
    own = [inline for inline in header.content if not (isinstance(inline, pf.Span) and any(c.startswith("cv-") for c in inline.classes))]
    return pf.stringify(pf.Plain(*own)).strip()


def _header(div: pf.Div, design: Design) -> list[pf.Block]:
    inner: list[pf.Block] = []
    for block in div.content:
        if heading := name_heading(block):
            inner.append(heading)
        else:
            inner.append(block)
    return [
        pf.RawBlock(f'<header class="cv-header cv-align-{design.header_align}">', format="html"),
        *inner,
        pf.RawBlock("</header>", format="html"),
    ]
