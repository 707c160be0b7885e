"""`cv build` is reproducible (same input, same bytes) and all-or-nothing (a failed build keeps the old files)."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cvfilter.formats import pdf as pdf_output
from cvfilter import files
from cvfilter.build import build
from cvfilter.errors import CvError, Location
from tests.conftest import SMALL_CV

CV = SMALL_CV
META = """name: Ada Lovelace
contact:
  email: ada@example.org
positions:
  - title: Analyst
    org: Analytical Engine Co.
    dates: 1842 -- 1843
"""


@pytest.fixture
def small_cv(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    return tmp_path / "cv.md"


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_two_builds_give_identical_bytes_dated_by_the_front_matter(small_cv: Path) -> None:
    build(small_cv, out_dir=small_cv.parent / "one")
    build(small_cv, out_dir=small_cv.parent / "two")
    one, two = _outputs(small_cv.parent / "one"), _outputs(small_cv.parent / "two")
    assert sorted(one) == ["cv.docx", "cv.html", "cv.pdf"]
    assert one == two

    import docx
    from pypdf import PdfReader

    stamp = datetime(2023, 3, 20, tzinfo=timezone.utc)
    assert docx.Document(io.BytesIO(one["cv.docx"])).core_properties.created.replace(tzinfo=timezone.utc) == stamp
    assert PdfReader(io.BytesIO(one["cv.pdf"])).metadata.creation_date == stamp


def test_source_date_epoch_wins_over_the_front_matter(small_cv: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(small_cv, ("docx",))
    import docx

    created = docx.Document(str(small_cv.parent / "build" / "cv.docx")).core_properties.created
    assert created.replace(tzinfo=timezone.utc) == datetime.fromtimestamp(1700000000, tz=timezone.utc)


def test_a_macro_error_leaves_the_previous_build_untouched(small_cv: Path) -> None:
    out = small_cv.parent / "build"
    build(small_cv)
    before = _outputs(out)
    small_cv.write_text(CV.replace("from=positions", "from=positons"), encoding="utf-8")
    with pytest.raises(CvError):
        build(small_cv)
    assert _outputs(out) == before


def test_a_typst_failure_writes_no_format_at_all(small_cv: Path, monkeypatch) -> None:
    """HTML and DOCX succeed, the PDF fails: none of the three is replaced, and no temp file stays."""
    out = small_cv.parent / "build"
    build(small_cv)
    before = _outputs(out)
    (small_cv.parent / "metadata.yaml").write_text(META.replace("Ada Lovelace", "Augusta Ada King"), encoding="utf-8")

    def failing(*_args: object) -> bytes:
        raise CvError.at(Location("cv.typ"), "Typst could not compile the document: simulated")

    monkeypatch.setattr(pdf_output, "compile_typst", failing)
    with pytest.raises(CvError, match="simulated"):
        build(small_cv)
    assert _outputs(out) == before


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "cv.pdf"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        files.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.pdf"]


def test_a_name_the_pdf_fonts_cannot_draw_still_builds_with_a_warning(small_cv: Path) -> None:
    (small_cv.parent / "metadata.yaml").write_text(META.replace("Ada Lovelace", "Ada 😀 Lovelace"), encoding="utf-8")
    result = build(small_cv, ("pdf",))
    assert result.outputs["pdf"].read_bytes().startswith(b"%PDF")
    assert any("without PDF/A" in problem.message for problem in result.warnings)


def test_a_format_that_cannot_be_written_leaves_the_others_as_they_were(small_cv: Path) -> None:
    """A folder named cv.html is in the way: the new PDF and DOCX are not put in place either."""
    out = small_cv.parent / "build"
    build(small_cv)
    (out / "cv.html").unlink()
    (out / "cv.html").mkdir()
    before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    small_cv.write_text(CV + "\nOne more line.\n", encoding="utf-8")
    with pytest.raises(CvError, match="cannot write cv.html: a folder of that name is in the way"):
        build(small_cv)
    after = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    assert after == before  # same files, same bytes, no temporary file left
