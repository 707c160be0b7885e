"""`cv preview`: one PNG per format, of the size and shape of a first page (or a browser window)."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from cvfilter.errors import CvError
from cvfilter.preview import HTML_WINDOW, preview


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_pdf_preview_is_page_one_at_the_asked_resolution(example_build: Path, tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    [made] = preview({"pdf": example_build / "cv.pdf"}, tmp_path, resolution=60)
    assert made.path == tmp_path / "preview-pdf.png"
    assert png_size(made.path) == (510, 660)  # US Letter at 60 dpi


def test_docx_and_html_previews(example_build: Path, tmp_path: Path) -> None:
    if not (shutil.which("soffice") and shutil.which("chromium") and shutil.which("pdftoppm")):
        pytest.skip("needs LibreOffice, chromium and pdftoppm (scripts/test.sh installs them)")
    made = preview({"docx": example_build / "cv.docx", "html": example_build / "cv.html"}, tmp_path, resolution=48)
    sizes = {p.fmt: png_size(p.path) for p in made}
    assert sizes["docx"] == (408, 528)
    assert sizes["html"] == (HTML_WINDOW[0] // 2, HTML_WINDOW[1] // 2)


def test_a_missing_tool_names_its_package(example_build: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CvError) as caught:
        preview({"pdf": example_build / "cv.pdf"}, tmp_path)
    assert "poppler-utils" in str(caught.value.problems[0])
