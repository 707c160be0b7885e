"""The front matter read once into a typed configuration, and the files it names resolved once."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvfilter.errors import CvError
from cvfilter.pipeline import load_context
from tests.conftest import markdown_to_doc

CV = """---
cvfilter:
  data: metadata.yaml
  bibliography:
    - a.bib
    - {second}
date: 2023-03-20
---

Text.
"""


def _context(folder: Path, second: str = "b.bib"):
    (folder / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    for name in ("a.bib", "b.bib"):
        (folder / name).write_text("@misc{x, title = {X}, year = {2020}}\n", encoding="utf-8")
    text = CV.format(second=second)
    return load_context(markdown_to_doc(text), folder, "cv.md", text)


def test_a_list_of_bibliography_files_is_kept_as_names_and_as_resolved_paths(tmp_path: Path) -> None:
    context = _context(tmp_path)
    assert context.config.bibliography == ("a.bib", "b.bib")
    assert context.files.bibliography == ((tmp_path / "a.bib").resolve(), (tmp_path / "b.bib").resolve())
    assert context.files.data == (tmp_path / "metadata.yaml").resolve()
    assert (tmp_path / "b.bib").resolve() in context.files.read()


def test_each_bibliography_file_is_checked_at_its_own_line(tmp_path: Path) -> None:
    with pytest.raises(CvError) as caught:
        _context(tmp_path, "missing.bib")
    assert [str(p) for p in caught.value.problems if p.severity == "error"] == [
        "cv.md:6:7: error: bibliography file 'missing.bib' not found (create it next to cv.md or fix `cvfilter.bibliography` in the front matter)"]
