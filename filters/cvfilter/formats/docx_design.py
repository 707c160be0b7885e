"""Design values in a Word file: the named styles and the page, changed where the design differs.

A theme's reference.docx holds its styles as drawn for its own design values. When the front matter
changes one (`design: {accent: ..., page: a4}`), `restyle` rewrites just what that value governs in
word/styles.xml and in the page settings of word/document.xml, and the styles stay named styles
(no direct formatting), so the file keeps restyling in Word. styles/docx/make_reference.py uses the
same function to draw each theme's reference.docx from one neutral set of styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from ..design import Design
from ..fonts import FONTS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
TWIPS = 20  # per point
TITLE_STYLES = ("Title", "CVName", "CVHeadline", "CVContact", "CVPhoto")
SPACED_STYLES = ("CVEntry", "CVSelected", "CVDetail", "BodyText", "FirstParagraph", "Compact")


@dataclass(frozen=True)
class WordLook:
    """What a style sheet was drawn with, beside the design: its Word face and highlight colour."""

    design: Design
    face: str
    highlight: str


def mix_with_white(colour: str, share: float) -> str:
    """`share` of `colour` over white, as "rrggbb"."""
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * share + 255 * (1 - share)):02x}" for c in rgb)


def word_look(design: Design, face: str, highlight: str | None) -> WordLook:
    return WordLook(design, face, (highlight or mix_with_white(design.accent, 0.1)).lstrip("#").lower())


def restyle(styles_xml: bytes, old: WordLook, new: WordLook) -> bytes:
    """word/styles.xml with every value that differs between `old` and `new` changed."""
    if old == new:
        return styles_xml
    ElementTree.register_namespace("w", W)
    ElementTree.register_namespace("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
    root = ElementTree.fromstring(styles_xml)
    styles = {style.get(f"{_W}styleId"): style for style in root.iter(f"{_W}style")}
    a, b = old.design, new.design
    if a.accent != b.accent or old.highlight != new.highlight:
        _recolour(root, {a.accent.lstrip("#").lower(): b.accent.lstrip("#"), old.highlight: new.highlight})
    if old.face != new.face:
        for fonts in root.iter(f"{_W}rFonts"):
            for key, value in list(fonts.attrib.items()):
                if value == old.face:
                    fonts.set(key, new.face)
    if a.font_size != b.font_size:
        ratio = b.font_size / a.font_size
        for tag in ("sz", "szCs"):
            for size in root.iter(f"{_W}{tag}"):
                size.set(f"{_W}val", str(max(2, round(int(size.get(f"{_W}val")) * ratio))))
    old_width, new_width = _text_width(a), _text_width(b)
    if old_width != new_width:
        for tab in root.iter(f"{_W}tab"):
            if tab.get(f"{_W}val") == "right" and tab.get(f"{_W}pos") == str(old_width):
                tab.set(f"{_W}pos", str(new_width))
    if a.line_spacing != b.line_spacing and "Normal" in styles:
        spacing = _child(_child(styles["Normal"], "pPr", first=True), "spacing")
        spacing.set(f"{_W}line", str(round(240 * b.line_spacing)))
        spacing.set(f"{_W}lineRule", "auto")
    if a.entry_spacing != b.entry_spacing:
        ratio = b.entry_spacing / a.entry_spacing
        for name in SPACED_STYLES:
            for spacing in styles[name].iter(f"{_W}spacing") if name in styles else []:
                for side in ("before", "after"):
                    if spacing.get(f"{_W}{side}") is not None:
                        spacing.set(f"{_W}{side}", str(round(int(spacing.get(f"{_W}{side}")) * ratio)))
    if a.header_align != b.header_align:
        value = {"left": "left", "center": "center", "right": "right"}[b.header_align]
        for name in TITLE_STYLES:
            if name in styles:
                _child(_child(styles[name], "pPr", first=True), "jc").set(f"{_W}val", value)
    if (a.section_title != b.section_title or a.accent != b.accent) and "Heading1" in styles:
        section_title(styles["Heading1"], b.section_title, b.accent.lstrip("#"))
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)


def _recolour(root: ElementTree.Element, colours: dict[str, str]) -> None:
    for elem in root.iter():
        for key in (f"{_W}val", f"{_W}color", f"{_W}fill"):
            value = elem.get(key)
            if value and elem.tag in (f"{_W}color", f"{_W}bottom", f"{_W}left", f"{_W}top", f"{_W}shd") \
                    and value.lower() in colours:
                elem.set(key, colours[value.lower()])


# Where pPr's children go: the schema fixes their order, and Word refuses a file that breaks it.
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
              "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
              "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_STYLE_ORDER = ("name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
                "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid",
                "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
_ORDERS = {"pPr": _PPR_ORDER, "rPr": _RPR_ORDER, "style": _STYLE_ORDER}


def _child(parent: ElementTree.Element, tag: str, first: bool = False) -> ElementTree.Element:
    """The child `tag` of `parent`, made in its schema place when missing."""
    found = parent.find(f"{_W}{tag}")
    if found is not None:
        return found
    order = _ORDERS.get(parent.tag.removeprefix(_W), ())
    child = ElementTree.Element(f"{_W}{tag}")
    if tag in order:
        rank = order.index(tag)
        for index, sibling in enumerate(list(parent)):
            name = sibling.tag.removeprefix(_W)
            if name in order and order.index(name) > rank:
                parent.insert(index, child)
                return child
    parent.append(child)
    return child


def _drop(parent: ElementTree.Element, tag: str) -> None:
    for found in parent.findall(f"{_W}{tag}"):
        parent.remove(found)


def section_title(style: ElementTree.Element, kind: str, accent: str) -> None:
    """Heading 1 drawn as `design: {section-title: kind}` says: a rule under it, small capitals,
    a bar at its left, centred small capitals between rules, or plain bold."""
    ppr, rpr = _child(style, "pPr"), _child(style, "rPr")
    _drop(ppr, "pBdr")
    _drop(ppr, "jc")
    for tag in ("b", "bCs", "smallCaps"):
        _drop(rpr, tag)
    sides = {"rule": ("bottom", "6"), "smallcaps": ("bottom", "4"), "bar": ("left", "24"), "centered": ("bottom", "4")}
    if kind in sides:
        side, size = sides[kind]
        border = ElementTree.SubElement(_child(ppr, "pBdr"), f"{_W}{side}")
        space = "4" if side == "left" else "1"
        for key, value in (("val", "single"), ("sz", size), ("space", space), ("color", accent)):
            border.set(f"{_W}{key}", value)
    if kind in ("smallcaps", "centered"):
        _child(rpr, "smallCaps")
    else:
        _child(rpr, "b")
    if kind == "centered":
        _child(ppr, "jc").set(f"{_W}val", "center")


def _text_width(design: Design) -> int:
    return round((design.page.width - 2 * design.margin_x) * TWIPS)


_PAGE_SIZE = re.compile(rb"<w:pgSz\b[^>]*/>")
_PAGE_MARGINS = re.compile(rb"<w:pgMar\b[^>]*/>")


def repage(document_xml: bytes, old: Design, new: Design) -> bytes:
    """word/document.xml with the page size and margins of `new`. Only the section properties
    change (a regular expression on their two empty elements: the body is not parsed)."""
    if (old.page, old.margin_x, old.margin_y) == (new.page, new.margin_x, new.margin_y):
        return document_xml
    width, height = round(new.page.width * TWIPS), round(new.page.height * TWIPS)
    x, y = round(new.margin_x * TWIPS), round(new.margin_y * TWIPS)

    def margins(found: re.Match[bytes]) -> bytes:
        text = found.group(0)
        for side, value in (("top", y), ("bottom", y), ("left", x), ("right", x)):
            text = re.sub(rb'w:%s="\d+"' % side.encode(), b'w:%s="%d"' % (side.encode(), value), text)
        return text

    document_xml = _PAGE_SIZE.sub(b'<w:pgSz w:w="%d" w:h="%d"/>' % (width, height), document_xml)
    return _PAGE_MARGINS.sub(margins, document_xml)


def word_face(design: Design, theme_design: Design, theme_face: str) -> str:
    """The face Word is told: the theme's own unless the design names another font."""
    if design.font == theme_design.font:
        return theme_face
    face = FONTS.get(design.font)
    return face.docx if face else theme_face
