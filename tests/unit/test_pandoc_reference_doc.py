"""`cv pandoc … -o cv.docx` gets cvfilter's Word styles, which a filter alone cannot choose."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from cvfilter.pandoc import with_reference_doc


@pytest.mark.parametrize("args", [["cv.md", "-o", "cv.docx"], ["cv.md", "--output=out/CV.DOCX"], ["cv.md", "-t", "docx"], ["-ocv.docx", "cv.md"]])
def test_a_docx_output_gets_the_reference_doc(args: list[str]) -> None:
    added = with_reference_doc(args)
    assert added[: len(args)] == args and added[-2] == "--reference-doc"
    assert zipfile.ZipFile(added[-1]).read("word/styles.xml").count(b"CV Selected") == 1


@pytest.mark.parametrize("args", [["cv.md", "-o", "cv.pdf"], ["cv.md", "-o", "cv.docx", "--reference-doc", "mine.docx"],
                                  ["cv.md", "-o", "cv.docx", "--reference-doc=mine.docx"], ["cv.md", "-t", "html"]])
def test_other_outputs_and_an_own_reference_doc_are_left_alone(args: list[str]) -> None:
    assert with_reference_doc(args) == args


def test_cv_pandoc_writes_a_docx_with_the_cv_styles(tmp_path: Path) -> None:
    (tmp_path / "cv.md").write_text("Hello\n", encoding="utf-8")
    subprocess.run(["cv", "pandoc", "cv.md", "-o", "cv.docx"], cwd=tmp_path, check=True, timeout=120)
    assert b"CV Selected" in zipfile.ZipFile(tmp_path / "cv.docx").read("word/styles.xml")
