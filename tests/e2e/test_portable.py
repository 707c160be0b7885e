"""What Windows changes, tried on any machine: no `os.fork` (the build must finish every format in
process and in threads, and give the same bytes), and files saved with CRLF line endings (the same
documents, and problems still at their lines). Reads back with Python libraries only, so the test
workflow runs this module on macOS and Windows as well."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_example

FORMATS = "pdf,docx,html,md,txt,json"
# The example's data files, which a Windows editor may save with CRLF.
TEXT_FILES = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")
# A build in a process that has no os.fork, as on Windows: whatever tries to fork fails loudly.
NO_FORK = "import os, sys; hasattr(os, 'fork') and delattr(os, 'fork'); from cvfilter.cli import command; sys.argv[0] = 'cv'; command()"


def _cv(args: list[str], cwd: Path, no_fork: bool = False, cache: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CVFILTER_CACHE_DIR": str(cache or cwd / ".cache"), "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-c", NO_FORK if no_fork else "from cvfilter.cli import command; command()", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def forked_build(tmp_path_factory) -> Path:
    """The example built the usual way (forking where it can), cold, every format."""
    work = copy_example(tmp_path_factory.mktemp("forked"))
    done = _cv(["build", "--to", FORMATS], work)
    assert done.returncode == 0, done.stderr
    return work / "build"


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("cv.*"))}


def test_without_fork_a_cold_build_writes_every_format_and_the_same_bytes(forked_build, tmp_path):
    work = copy_example(tmp_path)
    done = _cv(["build", "--to", FORMATS], work, no_fork=True)
    assert done.returncode == 0, done.stderr
    built = _outputs(work / "build")
    assert sorted(built) == ["cv.docx", "cv.html", "cv.json", "cv.md", "cv.pdf", "cv.txt"]
    assert built == _outputs(forked_build)  # the threads' documents are the forked children's, byte for byte
    # and a warm rebuild (the caches the cold one left) as well
    again = _cv(["build", "--to", FORMATS], work, no_fork=True)
    assert again.returncode == 0 and _outputs(work / "build") == built


def test_without_fork_every_variant_builds(tmp_path):
    work = copy_example(tmp_path)
    done = _cv(["build", "--all-variants", "--to", "pdf,docx,html"], work, no_fork=True)
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    assert "Brandon Amos" in PdfReader(work / "build" / "cv.pdf").pages[0].extract_text()
    assert len(list((work / "build").glob("cv-*.pdf"))) >= 1


def _problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line or ": error: " in line]


def _to_crlf(folder: Path, names: tuple[str, ...]) -> None:
    for name in names:
        path = folder / name
        if path.exists():
            text = path.read_bytes().replace(b"\r\n", b"\n")
            path.write_bytes(text.replace(b"\n", b"\r\n"))


def test_crlf_sources_give_the_same_documents(forked_build, tmp_path):
    work = copy_example(tmp_path)
    _to_crlf(work, TEXT_FILES)
    assert b"\r\n" in (work / "cv.md").read_bytes()
    done = _cv(["build", "--to", FORMATS], work)
    assert done.returncode == 0, done.stderr
    plain = _cv(["build", "--to", "html", "-o", str(tmp_path / "lf")], copy_example(_folder(tmp_path / "lf-copy")))
    assert _problems(done.stderr) == _problems(plain.stderr) and _problems(done.stderr)  # the same warnings, lines
    assert _outputs(work / "build") == _outputs(forked_build)


@pytest.mark.parametrize("case", ["date-month-13", "yaml-bad-indent", "bib-missing-comma", "front-matter-unknown-key"])
def test_crlf_sources_report_problems_at_the_same_lines(case, tmp_path):
    work = tmp_path / case
    shutil.copytree(ROOT / "tests" / "bad" / case, work)
    expected = [line for line in (work / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    _to_crlf(work, tuple(path.name for path in work.iterdir() if path.name != "expected.txt"))
    done = _cv(["check"], work)
    assert done.returncode == (1 if any(": error: " in line for line in expected) else 0), done.stderr
    found = [line.strip() for line in done.stderr.splitlines()]
    for line in expected:
        assert line.strip() in found, f"{line!r} not in:\n{done.stderr}"


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
