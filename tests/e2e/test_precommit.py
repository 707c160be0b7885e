"""The `cv-check` pre-commit hook, tried as a user tries a hook before adding it to their config:
`pre-commit try-repo <cvfilter> cv-check --all-files` inside a Git repository holding a CV. It passes
on the example CV and fails on a broken one, printing the problem at its file:line.

try-repo installs the hook's environment afresh each time (pip install of cvfilter, from the
committed HEAD of this repository), which takes most of each test's time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_example


def _cv_repository(folder: Path) -> Path:
    """A Git repository with the CV's files added, as a user's CV repository is."""
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "add", "."], check=True)
    return folder


def _try_repo(cv_repo: Path) -> subprocess.CompletedProcess:
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs cvfilter as a Git repository")
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or pytest.fail("pre-commit is missing: pip install -e '.[test]'")
    env = {**os.environ, "PRE_COMMIT_HOME": str(cv_repo.parent / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([pre_commit, "try-repo", str(ROOT), "cv-check", "--all-files"], cwd=cv_repo, env=env,
                          capture_output=True, text=True, timeout=600)


def test_hook_is_declared_for_the_cv_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cv-check" and hook["entry"] == "cv check" and hook["pass_filenames"] is False
    import re

    pattern = re.compile(hook["files"])
    for name in ("cv.md", "metadata.yaml", "publications.bib", "refs/talks.bib", "stats.json", "cv/cv.md"):
        assert pattern.search(name), name
    for name in ("README.md", "notes.txt", "build/cv.html", "mycv.md"):
        assert not pattern.search(name), name


def test_try_repo_passes_on_the_example(tmp_path):
    (tmp_path / "cv").mkdir()
    done = _try_repo(_cv_repository(copy_example(tmp_path / "cv")))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cv check" in done.stdout and "Passed" in done.stdout


def test_try_repo_fails_on_a_broken_cv_and_prints_the_line(tmp_path):
    repo = tmp_path / "cv"
    shutil.copytree(ROOT / "tests" / "bad" / "date-month-13", repo, ignore=shutil.ignore_patterns("expected.txt"))
    done = _try_repo(_cv_repository(repo))
    assert done.returncode == 1
    assert "Failed" in done.stdout
    assert "metadata.yaml:7:12: error: positions[0].dates: month 13 in '1842-13' is out of range" in done.stdout
