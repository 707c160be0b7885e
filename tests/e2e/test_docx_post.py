"""DOCX after pandoc: list numbers get room ("10." never touches its text), and headings and lead-ins
stay with what follows them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx


def test_numbered_lists_hang_wide_enough_for_two_digit_numbers(example_build: Path) -> None:
    numbering = zipfile.ZipFile(example_build / "cv.docx").read("word/numbering.xml").decode("utf-8")
    levels = re.findall(r'<w:lvl w:ilvl="\d+">.*?</w:lvl>', numbering, flags=re.S)
    decimal = [lvl for lvl in levels if 'w:numFmt w:val="decimal"' in lvl]
    assert decimal
    for level in decimal:
        hanging = int(re.search(r'w:hanging="(\d+)"', level).group(1))
        assert hanging >= 540, level


def test_the_legend_is_a_lead_that_keeps_with_its_list(example_build: Path) -> None:
    document = docx.Document(example_build / "cv.docx")
    legend = next(p for p in document.paragraphs if p.text == "Selected publications are highlighted.")
    assert legend.style.name == "CV Lead" and legend.style.paragraph_format.keep_with_next
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert document.styles[name].paragraph_format.keep_with_next, name
