"""`cv build` writes formats in forked processes where it can, in threads elsewhere: same files."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from cvfilter import build as build_module
from cvfilter import writing
from cvfilter.errors import CvError, Location

METADATA = "name: Ada Lovelace\ncontact:\n  email: ada@example.org\n"
CV = "---\ncvfilter:\n  data: metadata.yaml\ndate: 2023-03-20\n---\n\n::: header\n:::\n\n# Notes\n\nOn the *Analytical Engine* & <numbers>.\n"


def test_a_user_error_keeps_its_problems_across_processes():
    error = CvError.at(Location("cv.md", 3, 2), "unknown macro .nosuch", "known macros: header")
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert str(again) == "cv.md:3:2: error: unknown macro .nosuch (known macros: header)"


@pytest.mark.skipif(not writing.can_fork(), reason="no fork on this platform")
def test_forked_and_threaded_writers_give_the_same_files(tmp_path: Path, monkeypatch):
    (tmp_path / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    formats = ("pdf", "html", "md")
    forked = build_module.build(tmp_path / "cv.md", formats, tmp_path / "forked")
    monkeypatch.setattr(writing, "can_fork", lambda: False)
    threaded = build_module.build(tmp_path / "cv.md", formats, tmp_path / "threaded")
    for fmt in formats:
        assert forked.outputs[fmt].read_bytes() == threaded.outputs[fmt].read_bytes()
    assert "Analytical Engine" in forked.outputs["html"].read_text(encoding="utf-8")
    assert {"finish-pdf", "typst", "typst-compile", "finish-html", "html", "finish-md"} <= set(forked.timings)


def test_the_markdown_read_runs_beside_python_and_reports_pandoc_errors(tmp_path: Path, monkeypatch):
    from cvfilter import pandoc

    with pandoc.Running("# Heading\n\nSome *text*.\n", "cv.md", tmp_path) as reading:
        ast = reading.result()
    assert '"t":"Emph"' in ast.replace(" ", "")
    monkeypatch.setattr(pandoc, "READER", "nosuchreader")
    with pytest.raises(CvError, match="cv.md: error: pandoc failed: Unknown input format nosuchreader"):
        pandoc.Running("x" * 10, "cv.md", tmp_path).result()


def test_a_build_that_stops_early_leaves_no_pandoc_running(tmp_path: Path):
    from cvfilter import pandoc

    with pandoc.Running("text " * 200_000, "cv.md", tmp_path) as reading:
        process = reading.process
    assert process.returncode is not None


def test_raw_typst_written_in_cv_md_reaches_the_pdf_only(tmp_path: Path):
    from pypdf import PdfReader

    (tmp_path / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    cv = CV + "\nPlain, then `#upper[raw typst]`{=typst}, then plain.\n"
    (tmp_path / "cv.md").write_text(cv, encoding="utf-8")
    result = build_module.build(tmp_path / "cv.md", ("pdf", "html"), tmp_path / "out")
    pdf_text = " ".join(page.extract_text() for page in PdfReader(result.outputs["pdf"]).pages)
    assert "Plain, then RAW TYPST, then plain." in pdf_text
    assert "upper" not in result.outputs["html"].read_text(encoding="utf-8")


def test_a_pandoc_that_stops_before_reading_its_input_is_reported_not_a_broken_pipe(tmp_path: Path, monkeypatch):
    import subprocess

    from cvfilter import pandoc

    class StoppedFirst(subprocess.Popen):
        """pandoc has already exited when the input is sent: the race a busy machine can lose."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.wait()

    monkeypatch.setattr(pandoc, "READER", "nosuchreader")
    monkeypatch.setattr(pandoc.subprocess, "Popen", StoppedFirst)
    for size in (10, 1_000_000):  # a small input fails when it is flushed, a large one while it is written
        with pytest.raises(CvError, match="Unknown input format nosuchreader"):
            pandoc.Running("x" * size, "cv.md", tmp_path).result()
