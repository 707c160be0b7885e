"""What a parser must read, taken from the semantic document the build wrote every format from.

The macros turned the source data into Divs and Spans with `cv-*` classes, in the order the CV
prints them; so the owner's name, each contact, each section heading and each entry's fields
(title, organisation, dates, every highlight...) are read here, in that order, once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import panflute as pf

# Spans that are decoration, not information a parser should find.
_SKIP = {"cv-icon", "cv-sep"}
# Blocks that make one entry of a list: an entry, a list item, a publication, a talk.
_UNITS = {"cv-entry", "cv-item"}


@dataclass(frozen=True)
class Field:
    kind: str  # "title", "org", "date", "highlight", "text", ...
    text: str


@dataclass
class Entry:
    """One entry of a section, its fields in printed order."""

    section: str
    fields: list[Field] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.fields[0].text if self.fields else ""


@dataclass(frozen=True)
class Contact:
    kind: str
    text: str
    url: str | None


@dataclass
class Expected:
    name: str = ""
    contacts: list[Contact] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    lang: str = "en"


def expected_of(doc: pf.Doc) -> Expected:
    """Everything a parser must read in `doc`, in printed order."""
    found = Expected(lang=str(doc.get_metadata("lang", default="en", builtin=True) or "en"))
    section = ""
    for block in doc.content:
        if isinstance(block, pf.Header) and block.level == 1:
            section = _heading_text(block)
            found.headings.append(section)
        elif isinstance(block, pf.Div) and "cv-header" in block.classes:
            _header(block, found)
        else:
            _units(block, section, found.entries)
    return found


def _heading_text(header: pf.Header) -> str:
    """The heading's own words, without an inline macro's addition (the Scholar numbers)."""
    parts: list[str] = []
    for item in header.content:
        if not (isinstance(item, pf.Span) and item.classes):
            _words(item, parts)
    return " ".join("".join(parts).split())


def _header(div: pf.Div, found: Expected) -> None:
    def visit(element: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(element, pf.Span) and "cv-name" in element.classes and not found.name:
            found.name = _text(element)
        elif isinstance(element, pf.Span) and "cv-contact-item" in element.classes:
            links = []
            element.walk(lambda e, _d: _add_url(e, links))
            found.contacts.append(Contact(element.attributes.get("kind", ""), _text(element), links[0] if links else None))

    div.walk(visit)


def _add_url(element: pf.Element, links: list[str]) -> None:
    if isinstance(element, pf.Link):
        links.append(element.url)


def _units(block: pf.Element, section: str, entries: list[Entry]) -> None:
    """The entries under `block`: each innermost entry Div or list item, or a paragraph of prose."""
    if isinstance(block, pf.Div) and _UNITS & set(block.classes) and not _has_unit(block):
        entries.append(Entry(section, _fields(block)))
    elif isinstance(block, pf.ListItem) and not _has_unit(block):
        entries.append(Entry(section, _fields(block)))
    elif isinstance(block, (pf.Para, pf.Plain)):
        entries.append(Entry(section, _fields(block)))
    elif isinstance(block, pf.Header):
        entries.append(Entry(section, [Field("group", _text(block))]))
    elif isinstance(block, (pf.Div, pf.BulletList, pf.OrderedList, pf.ListItem, pf.BlockQuote)):
        for child in block.content:
            _units(child, section, entries)
    elif isinstance(block, (pf.DefinitionList, pf.Table, pf.LineBlock, pf.CodeBlock)):
        entries.append(Entry(section, [Field("text", _text(block))]))


def _has_unit(block: pf.Element) -> bool:
    """Whether an entry or a list item sits inside `block` (then those are the entries)."""
    for child in block.content:
        if isinstance(child, pf.ListItem) or (isinstance(child, pf.Div) and _UNITS & set(child.classes)):
            return True
        if isinstance(child, (pf.Div, pf.BulletList, pf.OrderedList, pf.BlockQuote)) and _has_unit(child):
            return True
    return False


def _fields(block: pf.Element) -> list[Field]:
    """The block's fields in order: each `cv-*` span of its first paragraph on its own (a field a
    layout may move, such as the dates), the words between them, then each further paragraph and
    each list item (the highlights)."""
    fields: list[Field] = []
    paragraphs: list[pf.Block] = []
    lists: list[pf.Element] = []

    def collect(element: pf.Element) -> None:
        for child in getattr(element, "content", []):
            if isinstance(child, (pf.Para, pf.Plain)):
                paragraphs.append(child)
            elif isinstance(child, pf.ListItem):
                lists.append(child)
            elif isinstance(child, pf.Block):
                collect(child)

    if isinstance(block, (pf.Para, pf.Plain)):
        paragraphs.append(block)
    else:
        collect(block)
    for number, paragraph in enumerate(paragraphs):
        if number == 0:
            fields.extend(_line_fields(paragraph))
        elif text := _text(paragraph):
            fields.append(Field("detail", text))
    fields.extend(Field("highlight", text) for item in lists if (text := _text(item)))
    return [f for f in fields if f.text]


def _line_fields(paragraph: pf.Block) -> list[Field]:
    fields: list[Field] = []
    loose: list[str] = []

    def flush() -> None:
        words = " ".join("".join(loose).split()).strip(" ,;:()[]·•|")
        if any(c.isalnum() for c in words):
            fields.append(Field("text", words))
        loose.clear()

    for item in paragraph.content:
        classes = [c for c in getattr(item, "classes", []) if c.startswith("cv-")]
        if isinstance(item, pf.Span) and classes:
            if _SKIP & set(classes):
                continue
            flush()
            fields.append(Field(classes[0].removeprefix("cv-"), _text(item)))
        else:
            _words(item, loose)
    flush()
    return fields


def _text(element: pf.Element) -> str:
    """The element's words as a reader sees them, decoration spans left out (the document is not changed)."""
    parts: list[str] = []
    _words(element, parts)
    return " ".join("".join(parts).split())


def _words(element: pf.Element, parts: list[str]) -> None:
    if isinstance(element, pf.Str):
        parts.append(element.text)
    elif isinstance(element, (pf.Space, pf.SoftBreak, pf.LineBreak)):
        parts.append(" ")
    elif isinstance(element, (pf.Code, pf.Math, pf.RawInline)):
        parts.append(element.text)
    elif isinstance(element, pf.Span) and _SKIP & set(element.classes):
        return
    elif isinstance(element, pf.Quoted):
        mark = '"' if element.quote_type == "DoubleQuote" else "'"
        parts.append(mark)
        for child in element.content:
            _words(child, parts)
        parts.append(mark)
    elif isinstance(element, pf.Note):
        return
    else:
        if isinstance(element, pf.Block):
            parts.append(" ")
        for child in getattr(element, "content", ()) or ():
            _words(child, parts)
