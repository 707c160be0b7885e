"""The Word file as parsers read it: by its paragraphs (the w:p elements of word/document.xml parsed
as XML, as python-docx reads them) and by its raw text runs (as a parser that unzips the file and
strips the tags does)."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from .text import Extraction

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def read_paragraphs(path: Path) -> Extraction:
    """Every paragraph's text in body order, tables' cells included, one per line."""
    root, links = _document(path)
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    return Extraction("docx", "paragraphs", "\n".join(lines), links)


def read_runs(path: Path) -> Extraction:
    """The text of every <w:t> run in file order, tags stripped and nothing else understood."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8") if "word/_rels/document.xml.rels" in archive.namelist() else ""
    runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:p[\s>]", xml)
    text = "".join(run if run else "\n" for run in runs)
    links = [html.unescape(t) for t in re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', rels)]
    return Extraction("docx", "xml runs", html.unescape(text), links)


def _document(path: Path) -> tuple[ElementTree.Element, list[str]]:
    """word/document.xml parsed, and the targets of its external hyperlinks."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
        try:
            rels = ElementTree.fromstring(archive.read("word/_rels/document.xml.rels"))
        except KeyError:
            rels = None
    targets = {}
    if rels is not None:
        for rel in rels:
            if rel.get("TargetMode") == "External":
                targets[rel.get("Id")] = rel.get("Target", "")
    links = [targets[rid] for link in root.iter(f"{_W}hyperlink") if (rid := link.get(f"{_R}id")) in targets]
    return root, links
