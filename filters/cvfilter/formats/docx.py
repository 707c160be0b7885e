"""DOCX edge: named Word styles from styles/docx/reference.docx, dates on a right tab stop, no tables.

The owner's name becomes the document title: pandoc writes it as the first paragraph (style Title,
which the reference document styles as the name) and as the file's title property. ATS parsers read
the file top to bottom as text, so every entry stays one paragraph with its date after a tab.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import panflute as pf

from .. import pandoc
from ..clock import Clock
from ..context import Context
from ..design import Design
from ..themes import Theme, theme_face
from ..walk import walk
from .faces import document_faces
from .common import TEXT_HOLDERS, build_epoch, chosen_look, has, join_words, once, separate_date, set_meta_default
from .output import OutputFormat
from .docx_design import repage, restyle, word_face, word_look

# Semantic class -> Word paragraph style (for Divs) or character style (for Spans).
PARAGRAPH_STYLES = {
    "cv-contact": "CV Contact",
    "cv-headline": "CV Headline",
    "cv-photo": "CV Photo",
    "cv-entry": "CV Entry",
    "cv-selected": "CV Selected",
    "cv-detail": "CV Detail",
    "cv-lead": "CV Lead",
    "cv-legend": "CV Lead",
}
CHARACTER_STYLES = {
    "cv-title": "CV Title",
    "cv-date": "CV Date",
    "cv-org": "CV Organisation",
    "cv-owner": "CV Owner",
    "cv-scholar-stats": "CV Heading Note",
}
NOTE_LINK = "CV Heading Note Link"
_TAB = "<w:r><w:tab/></w:r>"


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "docx"):
        return
    if context is not None and context.labels.direction == "rtl":
        set_meta_default(doc, "dir", "rtl")  # pandoc's writer: w:bidi on each paragraph, w:rtl on each run
    walk(doc, _shape, types=(pf.Div, *TEXT_HOLDERS))


def _shape(elem: pf.Element, doc: pf.Doc) -> pf.Block | list[pf.Block] | None:
    """All of this edge's changes in one walk; each looks at one element only."""
    if isinstance(elem, TEXT_HOLDERS):
        join_words(elem)
    if isinstance(elem, (pf.Div, pf.Span)):
        _apply_styles(elem, doc)
        return None
    replaced = _name_paragraph(elem, doc)
    if isinstance(replaced, pf.Div):
        elem = replaced.content[0]
    separate_date(elem, lambda: [pf.RawInline(_TAB, format="openxml")])
    return replaced


def _name_paragraph(elem: pf.Element, doc: pf.Doc) -> pf.Block | list[pf.Block] | None:
    """The name is the title, unless the front matter sets its own; then it is a CV Name paragraph."""
    if isinstance(elem, pf.Para) and elem.content and has(elem.content[0], "cv-name"):
        inlines = list(elem.content[0].content)
        if "title" not in doc.metadata:
            doc.metadata["title"] = pf.MetaInlines(*inlines)
            return []
        return pf.Div(pf.Para(*inlines), attributes={"custom-style": "CV Name"})
    return None


def _apply_styles(elem: pf.Element, _doc: pf.Doc) -> None:
    if isinstance(elem, pf.Div):
        for cls, style in PARAGRAPH_STYLES.items():
            if cls in elem.classes:
                elem.attributes["custom-style"] = style
    elif isinstance(elem, pf.Span):
        for cls, style in CHARACTER_STYLES.items():
            if cls in elem.classes:
                elem.attributes["custom-style"] = style
        if "cv-scholar-stats" in elem.classes:
            walk(elem, _note_link, types=pf.Link)


def _note_link(elem: pf.Link, _doc: pf.Doc) -> None:
    """A link in a heading's note: pandoc would give its run the Hyperlink style alone, which
    leaves it at the heading's size and weight inside the smaller note."""
    wrapped = len(elem.content) == 1 and isinstance(elem.content[0], pf.Span) and elem.content[0].attributes.get("custom-style") == NOTE_LINK
    if not wrapped:
        elem.content = [pf.Span(*elem.content, attributes={"custom-style": NOTE_LINK})]


CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Pandoc hangs list numbers in 360 twips (0.25in): "10." then touches its text. 540 leaves room
# for "100." in the body size, and the numbers keep their place (the text moves right instead).
NUMBER_HANGING = 540


def write(fmt: OutputFormat, finished: str, context: Context | None, base: Path, shown: str, clock: Clock) -> bytes:
    """pandoc's Word file with the styles of the theme's reference.docx, then `post_process`."""
    with clock("docx"):
        theme, design = chosen_look(context)
        extra = ["--reference-doc", str(theme.file("reference.docx"))]
        written = pandoc.write(finished, fmt.writer or "docx", extra, base, shown, build_epoch(context))
        fonts = script_fonts_of(document_faces(context), context.config.lang, context.labels.direction == "rtl") if context else None
        return post_process(written, context.data.name if context else None, fonts, theme, design)


def post_process(docx: bytes, author: str | None, script_fonts: ScriptFonts | None = None, theme: Theme | None = None,
                 design: Design | None = None) -> bytes:
    """What pandoc's writer cannot be told: the author property, wider list number indents, the
    faces and language of complex scripts (Arabic) and East Asian text (`script_fonts`), and the
    design values the front matter changes from the theme's (docx_design).
    `cv build` calls this; plain pandoc leaves them as pandoc writes them."""
    changed = theme is not None and design is not None and design != theme.design
    for prefix, uri in {**CORE_NAMESPACES, "w": W}.items():
        ElementTree.register_namespace(prefix, uri)
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml" and author is not None:
                data = _set_creator(data, author)
            elif item.filename == "word/numbering.xml":
                data = _widen_numbers(data)
            elif item.filename == "word/styles.xml" and (script_fonts is not None or changed):
                if changed:
                    face = theme_face(theme)
                    highlight = None if design.accent != theme.design.accent else theme.highlight
                    data = restyle(data, word_look(theme.design, face, theme.highlight),
                                   word_look(design, word_face(design, theme.design, face), highlight))
                if script_fonts is not None:
                    data = _name_script_fonts(data, script_fonts)
            elif item.filename == "word/document.xml" and changed:
                data = repage(data, theme.design, design)
            target.writestr(item, data)
    return out.getvalue()


def _set_creator(core: bytes, author: str) -> bytes:
    """The file's author property, which pandoc takes only from `author` (that would also print an
    Author paragraph under the name)."""
    root = ElementTree.fromstring(core)
    creator = root.find("dc:creator", CORE_NAMESPACES)
    if creator is None:
        creator = ElementTree.SubElement(root, f"{{{CORE_NAMESPACES['dc']}}}creator")
    creator.text = author
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)


def _widen_numbers(numbering: bytes) -> bytes:
    root = ElementTree.fromstring(numbering)
    for level in root.iter(f"{{{W}}}lvl"):
        fmt = level.find(f"{{{W}}}numFmt")
        indent = level.find(f"{{{W}}}pPr/{{{W}}}ind")
        if fmt is None or fmt.get(f"{{{W}}}val") == "bullet" or indent is None:
            continue
        left, hanging = int(indent.get(f"{{{W}}}left", "0")), int(indent.get(f"{{{W}}}hanging", "0"))
        if hanging < NUMBER_HANGING:
            indent.set(f"{{{W}}}left", str(left - hanging + NUMBER_HANGING))
            indent.set(f"{{{W}}}hanging", str(NUMBER_HANGING))
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)


@dataclass(frozen=True)
class ScriptFonts:
    """What Word needs for text outside Latin: the face for complex scripts (Arabic, Hebrew,
    Devanagari; Word's `cs` slot) and for East Asian text (`eastAsia`), and their languages."""

    lang: str
    complex_script: str | None = None
    east_asian: str | None = None
    rtl: bool = False


def _name_script_fonts(styles: bytes, fonts: ScriptFonts) -> bytes:
    """The document defaults (w:docDefaults) name the faces and the language: Word then draws and
    shapes the text with them, and a right-to-left run gets its language's rules."""
    root = ElementTree.fromstring(styles)
    if fonts.rtl or fonts.complex_script:
        _complex_script_twins(root)
    paragraph = root.find(f"{{{W}}}docDefaults/{{{W}}}pPrDefault/{{{W}}}pPr")
    if fonts.rtl and paragraph is not None and paragraph.find(f"{{{W}}}bidi") is None:
        paragraph.insert(0, ElementTree.Element(f"{{{W}}}bidi"))  # the title too, which pandoc writes without
    run = root.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    if run is None:
        return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    faces = run.find(f"{{{W}}}rFonts")
    if faces is None:
        faces = ElementTree.SubElement(run, f"{{{W}}}rFonts")
    language = run.find(f"{{{W}}}lang")
    if language is None:
        language = ElementTree.SubElement(run, f"{{{W}}}lang")
    for slot, theme, family, lang_slot in (("cs", "cstheme", fonts.complex_script, "bidi"),
                                           ("eastAsia", "eastAsiaTheme", fonts.east_asian, "eastAsia")):
        if family:
            faces.attrib.pop(f"{{{W}}}{theme}", None)  # a theme font would win over the named one
            faces.set(f"{{{W}}}{slot}", family)
            language.set(f"{{{W}}}{lang_slot}", fonts.lang)
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)


def script_fonts_of(faces: list, lang: str, rtl: bool) -> ScriptFonts | None:
    """The Word slots for the document's script faces (script_fonts.Face): CJK is East Asian text,
    the others complex scripts."""
    east = next((face.family for face in faces if face.script == "CJK"), None)
    complex_ = next((face.family for face in faces if face.script != "CJK"), None)
    return ScriptFonts(lang, complex_, east, rtl) if east or complex_ or rtl else None


# Word sizes, bolds and slants complex-script text (Arabic, Hebrew) by properties of its own.
_TWINS = (("sz", "szCs"), ("b", "bCs"), ("i", "iCs"))


def _complex_script_twins(root: ElementTree.Element) -> None:
    """Each style's size, bold and italic also for complex scripts, where the reference document
    sets only the Latin ones: an Arabic word in a small heading note is then small too."""
    for run in root.iter(f"{{{W}}}rPr"):
        for latin, complex_ in _TWINS:
            given = run.find(f"{{{W}}}{latin}")
            if given is not None and run.find(f"{{{W}}}{complex_}") is None:
                twin = ElementTree.SubElement(run, f"{{{W}}}{complex_}")
                twin.attrib.update({key: value for key, value in given.attrib.items()})
