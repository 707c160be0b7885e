"""Build each theme's reference.docx: pandoc's own reference document with cvfilter's Word styles,
drawn from the theme's docx.yaml (Word face, sizes, spacing) and its design values (theme.yaml).

Run `python styles/docx/make_reference.py [THEME]` after changing a style here or a theme's values; a
test regenerates every theme's file and checks that the committed one carries the same style
definitions. Every style is a named Word style (no direct formatting), so an applicant or an HR
system can restyle the CV, and ATS parsers meet plain paragraphs: no tables, text boxes, or content
in headers and footers.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
THEMES = HERE.parent / "themes"
sys.path.insert(0, str(HERE.parents[1] / "filters"))

from dataclasses import replace  # noqa: E402

import yaml  # noqa: E402

from cvfilter.formats.docx_design import restyle, word_look  # noqa: E402
from cvfilter.themes import load_theme  # noqa: E402

FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x4E, 0x9C)
MUTED = RGBColor(0x55, 0x57, 0x5E)
HIGHLIGHT = "E9F0FB"
PAGE_WIDTH, PAGE_HEIGHT = Inches(8.5), Inches(11)
MARGIN_X, MARGIN_Y = Inches(0.7), Inches(0.6)
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# The Word look a theme's docx.yaml may change, with the academic theme's values.
LOOK = {
    "font": FONT, "muted": "55575E", "title-size": 24, "title-caps": False, "title-band": False,
    "heading-size": 12.5, "heading-color": "accent", "heading-space": [12, 4], "subheading-size": 10.5,
    "contact-size": 9, "detail-size": 9.5, "note-size": 9.5, "entry-space": 3,
}

# The paragraph styles whose lines may end in a tab and a right-aligned date.
DATED_PARAGRAPHS = ("Body Text", "First Paragraph", "Compact", "CV Entry")
# Styles this script defines or changes; the regeneration test compares exactly these.
STYLE_NAMES = (
    "Normal", "Body Text", "First Paragraph", "Compact", "Title", "Heading 1", "Heading 2", "Heading 3",
    "Hyperlink", "CV Name", "CV Headline", "CV Contact", "CV Entry", "CV Selected", "CV Detail", "CV Lead",
    "CV Title", "CV Date", "CV Organisation", "CV Owner", "CV Heading Note", "CV Heading Note Link", "CV Photo",
)


def pandoc_reference() -> bytes:
    """Pandoc's default reference.docx, so every style pandoc's writer expects is present."""
    from cvfilter.pandoc import pandoc_path

    args = [pandoc_path(), "--print-default-data-file", "reference.docx"]
    return subprocess.run(args, capture_output=True, check=True).stdout


def build(theme: str = "academic") -> bytes:
    """The reference.docx of a theme: the styles drawn in the neutral look (the academic theme's page,
    accent and sizes, with the theme's docx.yaml over them), then moved to the theme's design values
    by the same code that moves them to a CV's own (cvfilter.formats.docx_design)."""
    folder = THEMES / theme
    look = {**LOOK, **(yaml.safe_load((folder / "docx.yaml").read_text(encoding="utf-8")) or {})}
    face = str(look["font"])
    muted = RGBColor.from_string(str(look["muted"]))
    heading_color = ACCENT if look["heading-color"] == "accent" else RGBColor.from_string(str(look["heading-color"]))
    document = Document(io.BytesIO(pandoc_reference()))
    _page(document)
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name = face
    normal.font.size = Pt(10.5)
    _east_asian_font(normal, face)
    for name in ("Body Text", "First Paragraph", "Compact"):
        style = styles[name]
        style.paragraph_format.space_before = Pt(2)
        style.paragraph_format.space_after = Pt(2)

    title = styles["Title"]
    _title_look(title, look)

    heading = styles["Heading 1"]
    _font(heading, face, size=look["heading-size"], bold=True, color=heading_color)
    before, after = look["heading-space"]
    heading.paragraph_format.space_before = Pt(before)
    heading.paragraph_format.space_after = Pt(after)
    heading.paragraph_format.keep_with_next = True
    _bottom_border(heading)
    _font(styles["Heading 2"], face, size=look["subheading-size"], bold=True, color=muted)
    styles["Heading 2"].paragraph_format.space_before = Pt(8)
    styles["Heading 2"].paragraph_format.space_after = Pt(2)
    _font(styles["Heading 3"], face, size=look["subheading-size"], bold=False, italic=True, color=muted)
    for level in ("Heading 2", "Heading 3"):
        styles[level].paragraph_format.keep_with_next = True

    _font(styles["Hyperlink"], face, color=ACCENT)

    name = _paragraph_style(styles, "CV Name", "Normal")
    _title_look(name, look)

    headline = _paragraph_style(styles, "CV Headline", "Normal")
    _font(headline, face, size=11, color=muted)
    headline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    headline.paragraph_format.space_after = Pt(2)

    photo = _paragraph_style(styles, "CV Photo", "Normal")  # the header's photo, aligned as the header
    photo.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    photo.paragraph_format.space_before = Pt(2)
    photo.paragraph_format.space_after = Pt(4)

    contact = _paragraph_style(styles, "CV Contact", "Normal")
    _font(contact, face, size=look["contact-size"], color=muted)
    contact.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contact.paragraph_format.space_after = Pt(8)

    entry = _paragraph_style(styles, "CV Entry", "Normal")
    entry.paragraph_format.space_before = Pt(look["entry-space"])
    entry.paragraph_format.space_after = Pt(0)
    entry.paragraph_format.keep_together = True

    selected = _paragraph_style(styles, "CV Selected", "CV Entry")
    _shading(selected, HIGHLIGHT)

    detail = _paragraph_style(styles, "CV Detail", "Normal")
    _font(detail, face, size=look["detail-size"], color=muted)
    detail.paragraph_format.left_indent = Inches(0.25)
    detail.paragraph_format.space_before = Pt(0)
    detail.paragraph_format.space_after = Pt(1)

    lead = _paragraph_style(styles, "CV Lead", "Normal")
    lead.paragraph_format.space_after = Pt(4)
    lead.paragraph_format.keep_with_next = True  # a lead-in or legend never ends a page without its list

    for name in DATED_PARAGRAPHS:
        styles[name].paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    _character_style(styles, "CV Title")
    _font(_character_style(styles, "CV Date"), face, color=muted)
    _font(_character_style(styles, "CV Organisation"), face, italic=True)
    _font(_character_style(styles, "CV Owner"), face, bold=True)
    _font(_character_style(styles, "CV Heading Note"), face, size=look["note-size"], bold=False, color=muted)
    # A link in the note ("Google Scholar") keeps the link's look at the note's size, not the heading's.
    _font(_character_style(styles, "CV Heading Note Link", base="Hyperlink"), face, size=look["note-size"], bold=False)

    buffer = io.BytesIO()
    document.save(buffer)
    return _to_design(buffer.getvalue(), folder, face)


def _to_design(docx: bytes, folder: Path, face: str) -> bytes:
    """The neutral styles moved to the theme's design values."""
    import zipfile

    from cvfilter.formats.docx_design import repage

    theme = load_theme(folder)
    neutral = replace(theme.design, page=replace(theme.design.page, width=612.0, height=792.0, name="letter"),
                      margin_x=50.4, margin_y=43.2, accent="#1f4e9c", font_size=10.5, section_title="rule",
                      header_align="center", line_spacing=1.0, entry_spacing=1.0)
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = restyle(data, word_look(neutral, face, HIGHLIGHT), word_look(theme.design, face, theme.highlight))
            elif item.filename == "word/document.xml":
                data = repage(data, neutral, theme.design)
            target.writestr(item, data)
    return out.getvalue()


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_X
    section.top_margin = section.bottom_margin = MARGIN_Y


def _paragraph_style(styles, name: str, base: str):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _character_style(styles, name: str, base: str = "Default Paragraph Font"):
    style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _font(style, face: str, size: float | None = None, bold: bool | None = None, italic: bool | None = None,
          color: RGBColor | None = None) -> None:
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    style.font.name = face
    _east_asian_font(style, face)


def _title_look(style, look: dict) -> None:
    _font(style, str(look["font"]), size=look["title-size"], bold=True, color=ACCENT)
    if look["title-caps"]:
        style.font.small_caps = True
    if look["title-band"]:  # the name in white on a band of the accent colour
        style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shading(style, str(ACCENT))
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(2)


def _east_asian_font(style, font: str) -> None:
    """python-docx sets only the Latin font; pandoc's themes would otherwise win for other scripts."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


# What may follow w:pBdr inside w:pPr (the schema fixes the order of its children).
_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _bottom_border(style) -> None:
    """A rule under section headings, as a paragraph border (Word's own way, no drawing)."""
    properties = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", str(ACCENT))):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.insert_element_before(borders, *_AFTER_BORDER)


def _shading(style, fill: str) -> None:
    """A background behind the paragraph (selected publications), as paragraph shading."""
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    style.element.get_or_add_pPr().insert_element_before(shading, *_AFTER_BORDER[1:])


def main() -> None:
    names = sys.argv[1:] or sorted(p.name for p in THEMES.iterdir() if (p / "docx.yaml").is_file())
    for name in names:
        target = THEMES / name / "reference.docx"
        target.write_bytes(build(name))
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
