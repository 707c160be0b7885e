"""The cvfilter Action (action.yml), run step by step on this machine as a runner would run it for a
CV kept in a subfolder, installing the Action's own copy of cvfilter into a fresh Python; its
inputs, outputs and the documents it uploads and lays out for Pages are read back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_example
from tests.readback import html_text, pdf_text
from tests.runner import Runner
from tests.tools import action_validator

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_metadata_names_its_inputs_and_every_input_reaches_a_step():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"folder", "formats", "variants", "python-version", "cvfilter", "artifact-name", "pages", "release", "ats"}
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for name, spec in ACTION["inputs"].items():
        assert spec["description"] and "default" in spec, name
        assert f"inputs.{name}" in text.split("runs:", 1)[1], f"input {name} is never used"
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"{step.get('name')}: inputs reach scripts through env only"
        assert "run" not in step or step["shell"] == "bash"
    assert {"folder", "pdf", "docx", "html", "files"} <= set(ACTION["outputs"])


def test_action_metadata_fits_the_schema_of_github_actions(tmp_path):
    assert action_validator(ROOT / "action.yml").returncode == 0
    broken = tmp_path / "broken" / "action.yml"
    broken.parent.mkdir()
    broken.write_text((ROOT / "action.yml").read_text(encoding="utf-8").replace("      shell: bash\n", "      shel: bash\n", 1))
    done = action_validator(broken)
    assert done.returncode == 1 and "Additional property 'shel' is not allowed" in done.stdout + done.stderr


@pytest.fixture(scope="module")
def action_run(tmp_path_factory):
    """The Action on a repository whose CV is in cv/, with pages on and release off (no tag)."""
    if not (ROOT / ".git").exists():
        pytest.skip("the Action installs its own copy: a Git clone of cvfilter")
    base = tmp_path_factory.mktemp("action")
    action_path = base / "action"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(action_path)], check=True, timeout=120)
    workspace = base / "repo"
    copy_example(_mkdir(workspace / "cv"))
    uploads: dict[str, list[Path]] = {}
    inputs = {"folder": "cv", "formats": "pdf,docx,html", "variants": "all", "python-version": "3.12",
              "cvfilter": "action", "artifact-name": "my-cv", "pages": "true", "release": "false", "ats": "true"}

    def setup_python(options: dict) -> None:  # a fresh Python, as setup-python gives
        subprocess.run([sys.executable, "-m", "venv", str(runner.temp / "python")], check=True)
        with runner.path_file.open("a", encoding="utf-8") as path:
            path.write(f"{runner.temp / 'python' / 'bin'}\n")

    def upload(options: dict) -> None:
        found = [path for pattern in options["path"].split("\n") if pattern.strip()
                 for path in sorted(workspace.glob(pattern.strip()))]
        assert found, options
        uploads[options["name"]] = found

    def upload_pages(options: dict) -> None:
        uploads["github-pages"] = sorted(Path(options["path"]).iterdir())

    runner = Runner(workspace, base / "runner-temp", {"GITHUB_REF": "refs/heads/main"},
                    {"actions/setup-python": setup_python, "actions/upload-artifact": upload,
                     "actions/upload-pages-artifact": upload_pages, "actions/deploy-pages": lambda _: None},
                    {**{f"inputs.{key}": value for key, value in inputs.items()},
                     "github.action_path": str(action_path),
                     "inputs.pages == 'true'": "true", "inputs.ats == 'true'": "true",
                     "inputs.release == 'true' && startsWith(github.ref, 'refs/tags/')": "false",
                     "github.token": "unused", "github.ref_name": "main"})
    runner.run_steps(ACTION["runs"]["steps"], "action.yml")
    outputs = {name: runner.fill(spec["value"], "outputs") if "steps.deploy" not in spec["value"] else ""
               for name, spec in ACTION["outputs"].items()}
    return workspace, runner, uploads, outputs


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def test_action_installs_its_own_copy_and_builds_every_variant(action_run):
    workspace, runner, uploads, outputs = action_run
    python = runner.temp / "python" / "bin" / "python"
    where = subprocess.run([str(python), "-c", "import cvfilter; print(cvfilter.__file__)"], capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(runner.temp / "python")  # installed, not the tests' copy
    assert outputs["folder"] == "cv/build"
    assert (outputs["pdf"], outputs["docx"], outputs["html"]) == ("cv/build/cv.pdf", "cv/build/cv.docx", "cv/build/cv.html")
    files = outputs["files"].splitlines()
    assert "cv/build/cv-resume.pdf" in files and len(files) >= 6
    assert all((workspace / file).is_file() for file in files)
    assert sorted(path.relative_to(workspace).as_posix() for path in uploads["my-cv"]) == sorted(files)
    assert "Brandon Amos" in pdf_text(workspace / outputs["pdf"])


def test_action_lays_out_the_page_for_github_pages(action_run):
    workspace, _runner, uploads, outputs = action_run
    site = {path.name: path for path in uploads["github-pages"]}
    assert {"index.html", "cv.html", "cv.pdf", "cv-resume.pdf"} <= set(site)
    assert site["index.html"].read_bytes() == (workspace / outputs["html"]).read_bytes()
    assert "Brandon Amos" in html_text(site["index.html"])


FAKE_GH = """#!/usr/bin/env bash
# Stands in for the GitHub CLI: logs each call; `release view` finds no release yet.
echo "$*" >> "$GH_LOG"
if [ "$1 $2" = "release view" ]; then exit 1; fi
"""


def test_action_attaches_the_pdfs_to_the_release_of_a_tag(action_run, tmp_path):
    """The release step on a tag, with `gh` logging what it is asked (the last test: it changes PATH)."""
    workspace, runner, _uploads, outputs = action_run
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    with runner.path_file.open("a", encoding="utf-8") as path:
        path.write(f"{gh.parent}\n")
    runner.env.update({"GH_LOG": str(tmp_path / "gh.log"), "GITHUB_REPOSITORY": "ada/cv", "GITHUB_SHA": "0123abc"})
    runner.values.update({"inputs.release == 'true' && startsWith(github.ref, 'refs/tags/')": "true", "github.ref_name": "v2.0"})
    [step] = [step for step in ACTION["runs"]["steps"] if "release" in str(step.get("if", ""))]
    runner.run_steps([step], "action.yml")
    view, create, upload = (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines()
    assert view == "release view v2.0 --repo ada/cv"
    assert create.startswith("release create v2.0 --repo ada/cv --verify-tag")
    pdfs = sorted(path.relative_to(workspace).as_posix() for path in (workspace / outputs["folder"]).glob("*.pdf"))
    assert "cv/build/cv.pdf" in pdfs and upload == f"release upload v2.0 --repo ada/cv --clobber {' '.join(pdfs)}"
