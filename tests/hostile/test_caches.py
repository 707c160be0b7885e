"""Every file in .cache/cvfilter is untrusted input: one sealed with another key (brought in with a
cloned repository, or edited and sealed again by hand), one of the wrong shape, a FIFO or a link
to a device in its place: each is ignored and its results computed again, never a crash, a hang
or its text on the CV."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cvfilter.cli import main
from tests.conftest import normalize, write_cache_text

from .conftest import make_fifo

BIB = """@article{lovelace1843,
  title = {Notes on the Analytical Engine},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = {1843},
}
"""
CV = """---
cvfilter:
  data: metadata.yaml
  bibliography: publications.bib
date: 2023-03-20
---

# Publications

::: publications
:::
"""


@pytest.fixture
def cited(small_cv: Path, capsys) -> Path:
    """The small CV with one publication, built once so that its caches exist."""
    (small_cv / "cv.md").write_text(CV, encoding="utf-8")
    (small_cv / "publications.bib").write_text(BIB, encoding="utf-8")
    assert main(["build", "--to", "html"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return small_cv


def _cache_files(folder: Path) -> list[Path]:
    files = sorted((folder / ".cache" / "cvfilter").glob("*.json"))
    assert {p.name.split("-")[0] for p in files} >= {"citeproc", "bibliography", "metadata"}
    return files


def _rebuilt_html(folder: Path, capsys) -> str:
    status = main(["build", "--to", "html"])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "Traceback" not in err
    html = (folder / "build" / "cv.html").read_text(encoding="utf-8")
    return normalize(BeautifulSoup(html, "html.parser").get_text(" "))


def _forged(content: dict | list) -> bytes:
    """Sealed as cvfilter sealed before its seal had a key: anyone could write this."""
    body = json.dumps(content).encode("utf-8")
    return hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body


def test_a_cache_sealed_without_the_users_key_is_not_read(cited: Path, capsys) -> None:
    for path in _cache_files(cited):
        values = {key: "INJECTED" for key in json.loads(path.read_bytes().partition(b"\n")[2])}
        path.write_bytes(_forged(values))
    html = _rebuilt_html(cited, capsys)
    assert "INJECTED" not in html
    assert "Notes on the Analytical Engine" in html


@pytest.mark.parametrize("shape", [
    "INJECTED", 7, None, [], [["title", None]], [["script", None, ["x"]]], [["title", 5, ["x"]]], {"a": 1},
    [["title", None, [["owner", None, "not a list"]]]],
])
def test_a_cache_of_the_wrong_shape_is_computed_again(cited: Path, capsys, shape) -> None:
    for path in _cache_files(cited):
        stored = json.loads(path.read_bytes().partition(b"\n")[2])
        write_cache_text(path, json.dumps({key: shape for key in stored}))
    html = _rebuilt_html(cited, capsys)
    assert "Notes on the Analytical Engine" in html
    assert "Lovelace" in html


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_cache_file_that_is_not_a_regular_file_is_ignored(cited: Path, capsys, kind: str) -> None:
    for path in _cache_files(cited):
        if kind == "fifo":
            make_fifo(path)
        else:
            path.unlink()
            path.symlink_to("/dev/zero") if kind == "device" else path.mkdir()
    assert "Notes on the Analytical Engine" in _rebuilt_html(cited, capsys)
