"""What an importer produces, and how it becomes cv.md, metadata.yaml and publications.bib.

cv.md is written by pandoc's Markdown writer from an AST, so imported prose is escaped by pandoc and
never read as Markdown by accident; metadata.yaml is checked against the data model before writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf
import yaml

from .. import pandoc
from ..data.model import CvData
from ..document import dump
from ..data.typed import validate
from ..elements import text
from ..errors import CvError, Location, Problem
from .bibtex import BibRecord, write_bibtex

FILES = ("cv.md", "metadata.yaml", "publications.bib")


@dataclass
class Section:
    """One `# Title` of cv.md: prose blocks, then a macro call (or none)."""

    title: str
    macro: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    blocks: list[pf.Block] = field(default_factory=list)


@dataclass
class ImportedCv:
    metadata: dict
    intro: list[pf.Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    publications: list[BibRecord] = field(default_factory=list)
    lang: str | None = None
    date: str | None = None
    theme: str | None = None
    page: str | None = None
    warnings: list[Problem] = field(default_factory=list)


def slug(title: str, taken: set[str]) -> str:
    """A data-list name from a section title: "Work Experience" -> work_experience, unique."""
    base = re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_") or "section"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}_{number}", number + 1
    taken.add(name)
    return name


def write_cv(imported: ImportedCv, folder: Path, shown: str, force: bool = False) -> list[Path]:
    """Write the three files into `folder`; existing files are kept unless `force`."""
    from pydantic import ValidationError

    try:
        validate(CvData, imported.metadata)
    except ValidationError as exc:  # an importer's mistake rather than the user's; still name the source
        raise CvError.at(Location(shown), f"the imported data does not fit metadata.yaml: {exc}") from None
    outputs = {"cv.md": _cv_markdown(imported, folder, shown), "metadata.yaml": _metadata_yaml(imported.metadata)}
    if imported.publications:
        outputs["publications.bib"] = write_bibtex(imported.publications)
    existing = [name for name in outputs if (folder / name).exists()]
    if existing and not force:
        raise CvError.at(Location(str(folder / existing[0])), "already exists", "import into an empty folder, or pass --force")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in outputs.items():
        (folder / name).write_text(content, encoding="utf-8")
        written.append(folder / name)
    return written


def _metadata_yaml(metadata: dict) -> str:
    from ..schema import METADATA, editor_line

    header = editor_line(METADATA) + "# Imported by `cv import`; see cv.md for where each list appears.\n"
    return header + yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)


def _cv_markdown(imported: ImportedCv, folder: Path, shown: str) -> str:
    settings = {"data": pf.MetaString("metadata.yaml")}
    if imported.publications:
        settings["bibliography"] = pf.MetaString("publications.bib")
    if imported.theme:
        settings["theme"] = pf.MetaString(imported.theme)
    if imported.page:
        settings["design"] = pf.MetaMap(page=pf.MetaString(imported.page))
    metadata = {"cvfilter": pf.MetaMap(**settings)}
    for key, value in (("lang", imported.lang), ("date", imported.date)):
        if value:
            metadata[key] = pf.MetaString(value)
    blocks: list[pf.Block] = [pf.Div(classes=["header"]), *imported.intro]
    for section in imported.sections:
        blocks.append(pf.Header(*text(section.title), level=1))
        blocks.extend(section.blocks)
        if section.macro:
            blocks.append(pf.Div(classes=[section.macro], attributes=section.attributes))
    doc = pf.Doc(*blocks, metadata=metadata)
    doc.walk(_as_written)
    written = pandoc.write(dump(doc), "markdown", ["-s", "--wrap=none"], folder if folder.is_dir() else Path.cwd(), shown)
    from ..schema import with_front_matter_line

    return with_front_matter_line(written.decode("utf-8"))


# What pandoc's Markdown writer leaves bare although its reader takes it for more than text: "@"
# starts a citation, "&name;" is an entity, ":" opens a fenced Div (":::") or a definition, and
# "~" a fenced code block (both at a paragraph's start, which is where an imported text can put
# them). Each such character is written after a backslash, which any Markdown reader takes as the
# character itself. The writer's smart extension already escapes quotes, dashes and ellipses.
_READ_AS_MORE = re.compile(r"@|&(?=#?\w+;)|^[:~]+")


def _as_written(elem: pf.Element, _doc: pf.Doc) -> list[pf.Inline] | None:
    if not isinstance(elem, pf.Str):
        return None
    escaped: list[pf.Inline] = []
    start = 0
    for found in _READ_AS_MORE.finditer(elem.text):
        if found.start() > start:
            escaped.append(pf.Str(elem.text[start:found.start()]))
        escaped.extend(pf.RawInline("\\" + c, format="markdown") for c in found.group())
        start = found.end()
    if not escaped:
        return None
    if start < len(elem.text):
        escaped.append(pf.Str(elem.text[start:]))
    return escaped
