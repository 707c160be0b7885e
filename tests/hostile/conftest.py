"""Shared pieces of the hostile-input tests: a small CV folder and how a refusal must look."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cvfilter.cli import main
from tests.conftest import SMALL_CV

METADATA = """name: Ada Lovelace
contact:
  email: ada@example.org
positions:
  - title: Analyst
    org: Analytical Engine Co.
    url: https://example.org
    dates: 1842 -- 1843
"""


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch) -> None:
    """What this process kept of earlier builds (parsed .bib files, open caches) is forgotten, so
    that each test reads its files and caches as a new `cv` process does."""
    from cvfilter import cache
    from cvfilter.bibliography import reader

    monkeypatch.setattr(cache, "_OPEN", {})
    monkeypatch.setattr(reader, "_PARSED", {})


@pytest.fixture
def small_cv(tmp_path: Path, monkeypatch) -> Path:
    """A folder holding the smallest CV (cv.md, metadata.yaml), which is also the working directory."""
    (tmp_path / "cv.md").write_text(SMALL_CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file under `folder/build`, to show that a refused build changed none of them."""
    build = folder / "build"
    return {str(p.relative_to(build)): p.read_bytes() for p in sorted(build.rglob("*")) if p.is_file()} if build.exists() else {}


def refused(argv: list[str], capsys, where: str, folder: Path | None = None) -> str:
    """Run `cv argv`: exit 1, a message at `where` (file or file:line), no traceback, no output changed."""
    before = outputs(folder) if folder else {}
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 1, err
    assert "Traceback" not in err
    assert any(line.startswith(where + ":") or line.startswith(where + " ") for line in err.splitlines()), err
    if folder:
        assert outputs(folder) == before
    return err


def make_fifo(path: Path) -> None:
    if path.exists() or path.is_symlink():
        path.unlink()
    os.mkfifo(path)
