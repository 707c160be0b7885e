"""What an importer produces, and how it becomes cv.md, metadata.yaml and publications.bib.

cv.md is written by pandoc's Markdown writer from an AST, so imported prose is escaped by pandoc and
never read as Markdown by accident; metadata.yaml is checked against the data model before writing.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf
import yaml

from .. import pandoc
from ..data.model import CvData
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
    warnings: list[Problem] = field(default_factory=list)


def paragraph(value: str) -> pf.Para:
    """Imported plain text as a paragraph: literal words, whatever characters they contain."""
    return pf.Para(*text(value))


def markdown_blocks(value: str, shown: str) -> list[pf.Block]:
    """Text that the source format defines as Markdown (RenderCV's), parsed by pandoc."""
    doc = pf.load(io.StringIO(pandoc.read_markdown(value, shown, Path.cwd())))
    return list(doc.content)


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
    metadata = {"cvfilter": pf.MetaMap(**settings)}
    if imported.lang:
        metadata["lang"] = pf.MetaString(imported.lang)
    blocks: list[pf.Block] = [pf.Div(classes=["header"]), *imported.intro]
    for section in imported.sections:
        blocks.append(pf.Header(*text(section.title), level=1))
        blocks.extend(section.blocks)
        if section.macro:
            blocks.append(pf.Div(classes=[section.macro], attributes=section.attributes))
    doc = pf.Doc(*blocks, metadata=metadata)
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    written = pandoc.write(buffer.getvalue(), "markdown-smart", ["-s", "--wrap=none"], folder if folder.is_dir() else Path.cwd(), shown)
    from ..schema import with_front_matter_line

    return with_front_matter_line(written.decode("utf-8"))
