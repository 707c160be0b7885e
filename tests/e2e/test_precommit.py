"""The `cv-check` pre-commit hook, tried as a user tries a hook before adding it to their config:
`pre-commit try-repo <cvfilter> cv-check --all-files` inside a Git repository holding a CV. It passes
on the example CV and fails on a broken one, printing the problem at its file:line.

try-repo installs the hook's environment afresh each time (cvfilter from the committed HEAD of this
repository, with uncommitted changes as pre-commit's own shadow commit), which takes most of the
time: pre-commit-uv (in the test extras) has uv install it, and the two runs go side by side. That
pip installs cvfilter from source is tested by test_action.py, and its wheel by test_release.py.
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


def _start_try_repo(cv_repo: Path) -> subprocess.Popen:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or pytest.fail("pre-commit is missing: pip install -e '.[test]'")
    env = {**os.environ, "PRE_COMMIT_HOME": str(cv_repo.parent / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.Popen([pre_commit, "try-repo", str(ROOT), "cv-check", "--all-files"], cwd=cv_repo, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def try_repo(tmp_path_factory) -> dict[str, tuple[int, str]]:
    """try-repo on the example and on a broken CV, side by side: each spends most of its time
    waiting for pip, so together they take little longer than one."""
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs cvfilter as a Git repository")
    good = tmp_path_factory.mktemp("good") / "cv"
    good.mkdir()
    copy_example(good)
    broken = tmp_path_factory.mktemp("broken") / "cv"
    shutil.copytree(ROOT / "tests" / "bad" / "date-month-13", broken, ignore=shutil.ignore_patterns("expected.txt"))
    started = {name: _start_try_repo(_cv_repository(folder)) for name, folder in (("good", good), ("broken", broken))}
    results = {}
    for name, process in started.items():
        output, _ = process.communicate(timeout=900)
        results[name] = (process.returncode, output)
    return results


def test_hook_is_declared_for_the_cv_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "cv-check" and hook["entry"] == "cv check" and hook["pass_filenames"] is False
    import re

    pattern = re.compile(hook["files"])
    for name in ("cv.md", "metadata.yaml", "publications.bib", "refs/talks.bib", "stats.json", "cv/cv.md"):
        assert pattern.search(name), name
    for name in ("README.md", "notes.txt", "build/cv.html", "mycv.md"):
        assert not pattern.search(name), name


def test_try_repo_passes_on_the_example(try_repo):
    status, output = try_repo["good"]
    assert status == 0, output
    assert "cv check" in output and "Passed" in output


def test_try_repo_fails_on_a_broken_cv_and_prints_the_line(try_repo):
    status, output = try_repo["broken"]
    assert status == 1, output
    assert "Failed" in output
    assert "metadata.yaml:7:12: error: positions[0].dates: month 13 in '1842-13' is out of range" in output
