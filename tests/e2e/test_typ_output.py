"""`cv build --to typ` writes the Typst source the PDF is made from: it compiles to the same PDF text."""

from __future__ import annotations

from pathlib import Path

from cvfilter.build import build
from cvfilter.formats.typst_compile import compile_typst
from tests.conftest import copy_example
from tests.readback import pdf_text


def test_the_typst_source_compiles_to_the_pdf_the_build_writes(tmp_path: Path) -> None:
    copy_example(tmp_path)
    result = build(tmp_path / "cv.md", ("pdf", "typ"), tmp_path / "out")
    source = result.outputs["typ"]
    assert source == tmp_path / "out" / "cv.typ"
    typst_text = source.read_text(encoding="utf-8")
    assert "#cv-entry" in typst_text or "cv-entry(" in typst_text
    (tmp_path / "again.pdf").write_bytes(compile_typst(source.read_bytes(), tmp_path))
    assert pdf_text(tmp_path / "again.pdf") == pdf_text(result.outputs["pdf"])
    assert "Brandon Amos" in pdf_text(tmp_path / "again.pdf")
