"""Every broken input in tests/bad/ is reported with its file:line by `cv check`, `cv build` and plain pandoc.

A case is a folder with the files a user would have (cv.md, metadata.yaml, ...) and `expected.txt`:
the lines that must appear on stderr. Errors must stop every route with a non-zero status and no
output; a case expecting only warnings (BibTeX defects the reader tolerates) must still build. Plain pandoc prints the same lines, except where pandoc itself
stops first (a front matter pandoc cannot parse, a file it cannot decode): then `pandoc.txt` holds
what pandoc says instead (empty: only the exit status is checked).
Refresh the expected lines after a deliberate change of wording with `pytest --update-bad`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cvfilter import pandoc
from cvfilter.cli import main

BAD = Path(__file__).resolve().parents[1] / "bad"
CASES = sorted(path for path in BAD.iterdir() if path.is_dir())
PANDOCS = {"bundled": pandoc.pandoc_path(), "system": shutil.which("pandoc", path="/usr/bin")}


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line or ": warning: " in line]


@pytest.fixture
def case_dir(request, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the case in a folder of its own, which is also the working directory."""
    work = tmp_path / request.param.name
    shutil.copytree(request.param, work)
    monkeypatch.chdir(work)
    return work


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


def _fails(expected: list[str]) -> bool:
    """Errors stop the build; a case that expects only warnings (a tolerated BibTeX defect) builds."""
    return any(": error: " in line for line in expected)


@pytest.mark.parametrize("case_dir", CASES, ids=[c.name for c in CASES], indirect=True)
def test_cv_check_and_build_report_the_problem_at_its_line(case_dir: Path, capsys, request) -> None:
    case = BAD / case_dir.name
    status = main(["check"])
    reported = _problem_lines(capsys.readouterr().err)
    if request.config.getoption("--update-bad"):
        (case / "expected.txt").write_text("\n".join(reported) + "\n", encoding="utf-8")
    expected = _lines(case / "expected.txt")
    assert expected, "a case must expect at least one message"
    assert reported == expected
    assert status == (1 if _fails(expected) else 0)

    # Warning-only cases write the HTML alone: the point is the message, not the PDF.
    assert main(["build"] if _fails(expected) else ["build", "--to", "html"]) == status
    assert _problem_lines(capsys.readouterr().err) == expected
    assert (case_dir / "build").exists() == (not _fails(expected))


# Debian's pandoc 2.17 runs one case of each kind; the bundled pandoc runs them all (each run
# starts pandoc and a Python filter, so the full cross product would slow the suite down).
ON_SYSTEM_PANDOC = {
    "yaml-bad-indent", "yaml-not-utf8", "misspelt-required-key", "date-not-a-date", "link-javascript",
    "front-matter-unknown-key", "front-matter-yaml-syntax", "path-escapes-folder", "macro-unknown",
    "macro-unknown-option", "errors-in-every-file", "bib-unknown-citation-key", "bib-duplicate-key",
    "bib-javascript-url", "prose-javascript-link",
}
PANDOC_RUNS = [pytest.param(case, "bundled", id=f"{case.name}-bundled") for case in CASES] + [
    pytest.param(case, "system", id=f"{case.name}-system") for case in CASES if case.name in ON_SYSTEM_PANDOC
]


@pytest.mark.parametrize(("case_dir", "which"), PANDOC_RUNS, indirect=["case_dir"])
def test_plain_pandoc_stops_with_the_same_message(case_dir: Path, which: str) -> None:
    executable = PANDOCS[which]
    if executable is None:
        pytest.skip("no system pandoc")
    case = BAD / case_dir.name
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [executable, "cv.md", "--filter", "cvfilter", "-t", "html", "-o", "cv.html"],
        cwd=case_dir, capture_output=True, text=True, env=env, timeout=120,
    )
    own = case / "pandoc.txt"
    expected = _lines(own) if own.exists() else _lines(case / "expected.txt")
    fails = own.exists() or _fails(expected)
    assert (result.returncode != 0) == fails
    assert (case_dir / "cv.html").exists() == (not fails)
    for line in expected:
        assert line in result.stderr
