"""build/ holds the CV: `pip install .` keeps setuptools' files out of it, and CI uploads only the CV's files."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import zipfile

import yaml

from cvfilter.ci_template import WORKFLOW_PATH
from cvfilter.cli import main
from tests.conftest import ROOT, SMALL_CV

VARIANT_CV = SMALL_CV.replace("cvfilter:\n", "cvfilter:\n  variants:\n    short: {description: One page}\n")
LEFT_BY_SETUPTOOLS = ["lib/cvfilter/cli.py", "bdist.linux-x86_64/wheel/cvfilter/cli.py"]


def _action_steps() -> list[dict]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]


def test_the_workflow_uploads_what_its_build_step_wrote_and_nothing_else(tmp_path, monkeypatch, capsys):
    """The repository's workflow hands its formats to the Action, which builds every variant into
    build/ and uploads the files its patterns match there (tests/e2e/test_action.py runs it whole)."""
    [action_step] = [step for step in yaml.safe_load((ROOT / WORKFLOW_PATH).read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
                     if step["uses"] == "./"]
    build_step = next(step for step in _action_steps() if step.get("id") == "build")
    assert 'cv build --to "$FORMATS" "${chosen[@]}" -o build' in build_step["run"]
    command = f"cv build --to {action_step['with']['formats']} --all-variants -o build"
    upload = next(step for step in _action_steps() if step.get("uses", "").startswith("actions/upload-artifact@"))
    (tmp_path / "cv.md").write_text(VARIANT_CV, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\npositions: [{title: Analyst, dates: 1843}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(shlex.split(command)[1:]) == 0
    written = {path.relative_to(tmp_path).as_posix() for path in (tmp_path / "build").iterdir()}
    assert {"build/cv.pdf", "build/cv-short.pdf", "build/cv-short.json"} <= written
    for leftover in LEFT_BY_SETUPTOOLS:
        (tmp_path / "build" / leftover).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "build" / leftover).write_text("source", encoding="utf-8")
    patterns = [line.strip().replace("${{ steps.build.outputs.folder }}", "build")
                for line in upload["with"]["path"].splitlines() if line.strip()]
    uploaded = {path.relative_to(tmp_path).as_posix() for pattern in patterns for path in tmp_path.glob(pattern)}
    assert uploaded == written


def test_building_the_package_leaves_nothing_in_build(tmp_path):
    """What `pip install .` runs: a wheel build of the source tree, in pip's own environment."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("filters", "styles"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-cache-dir", "-q", "-w", str(tmp_path / "wheels"), "."],
                          cwd=source, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (source / "build").exists()
    wheel = next((tmp_path / "wheels").glob("cvfilter-*.whl"))
    assert {"cvfilter/cli.py", "cvfilter/styles/templates/ci/cv.yml"} <= set(zipfile.ZipFile(wheel).namelist())
