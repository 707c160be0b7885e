"""Inputs that crashed with a traceback: each is now read properly, and any failure left is one
line naming the file and asking for a bug report, the traceback only under --debug."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from bs4 import BeautifulSoup

from cvfilter import pandoc, textfile
from cvfilter.cli import main
from tests.conftest import normalize

from .conftest import refused
from .test_caches import CV

HREF_BIB = """@article{lovelace1843,
  title = {Notes on \\href{https://example.org/notes}{the Analytical Engine}},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843},
}
"""


@pytest.fixture
def href_cv(small_cv: Path) -> Path:
    (small_cv / "cv.md").write_text(CV, encoding="utf-8")
    (small_cv / "publications.bib").write_text(HREF_BIB, encoding="utf-8")
    return small_cv


def test_an_href_in_a_bib_title_is_its_text(href_cv: Path, capsys) -> None:
    """Ordinary BibTeX that was an IndexError in build, check and plain pandoc."""
    assert main(["check"]) == 0, capsys.readouterr().err
    assert main(["build", "--to", "html"]) == 0, capsys.readouterr().err
    text = normalize(BeautifulSoup((href_cv / "build" / "cv.html").read_text(encoding="utf-8"), "html.parser").get_text(" "))
    assert "Notes on the Analytical Engine" in text
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([pandoc.pandoc_path(), "cv.md", "--filter", "cvfilter", "-t", "plain"],
                            cwd=href_cv, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Notes on the Analytical Engine" in normalize(result.stdout)


def test_an_unreadable_bib_is_a_message_at_the_file(href_cv: Path, capsys, monkeypatch) -> None:
    opened = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("publications.bib"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(textfile.os, "open", refuse)
    assert "Permission denied" in refused(["check"], capsys, "publications.bib")


def _broken(*_args, **_kwargs):
    raise IndexError("list index out of range")


def test_an_unexpected_failure_is_one_line_naming_the_file(href_cv: Path, capsys, monkeypatch) -> None:
    from cvfilter.bibliography import reader

    monkeypatch.setattr(reader, "_parse_collected", _broken)
    status = main(["build", "--to", "html"])
    err = capsys.readouterr().err
    assert status == 70
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("cv.md: error: cvfilter failed unexpectedly while reading publications.bib (IndexError")
    assert "please report it at https://github.com/cvfilter/cvfilter/issues" in lines[0]
    assert not (href_cv / "build").exists()

    assert main(["--debug", "build", "--to", "html"]) == 70
    assert "Traceback (most recent call last)" in capsys.readouterr().err


_PIECES = [*"\\{}$%&^~_#a b", "\\href", "\\url", "\\verb", "\\input", "\\'", '\\"']


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_no_latex_in_a_bib_value_makes_the_reader_fail(value: str) -> None:
    from cvfilter.bibliography.latex import braced_runs, to_unicode

    assert isinstance(to_unicode(value), str)
    for run, _braced in braced_runs(value):
        assert isinstance(to_unicode(run), str)
