"""The CI workflow: cvfilter's own and the one `cv init-ci` writes come from one template and lint clean;
the one `cv init-ci` writes installs cvfilter from where this copy came from, or is not written."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from cvfilter.ci_template import REPOSITORY_INSTALL, WORKFLOW_PATH, default_install, render_workflow
from cvfilter.cli import main
from tests.conftest import ROOT
from tests.tools import actionlint

COMMIT = "0123456789abcdef0123456789abcdef01234567"
FROM_GIT = {"url": "https://github.com/ada/cvfilter.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
PINNED = f'python -m pip install "cvfilter @ git+https://github.com/ada/cvfilter.git@{COMMIT}"'


@pytest.fixture
def installed_from(tmp_path, monkeypatch):
    """Makes the installed cvfilter look as pip leaves it: a dist-info folder, with a direct_url.json
    holding `record` (PEP 610), or none for None; it comes first on the path."""

    def install(record: dict | None) -> None:
        info = tmp_path / "site" / "cvfilter-0.1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cvfilter\nVersion: 0.1.0\n", encoding="utf-8")
        if record is not None:
            (info / "direct_url.json").write_text(json.dumps(record), encoding="utf-8")
        monkeypatch.syspath_prepend(str(info.parent))

    return install


def _steps(folder: Path) -> list[dict]:
    workflow = yaml.safe_load((folder / WORKFLOW_PATH).read_text(encoding="utf-8"))
    assert True in workflow and "push" in workflow[True]  # YAML 1.1 reads the key `on` as True
    return workflow["jobs"]["build"]["steps"]


def test_repository_workflow_is_the_template():
    shipped = (ROOT / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert shipped == render_workflow(REPOSITORY_INSTALL), "regenerate: cv init-ci --install 'python -m pip install .' --force"


def test_init_ci_installs_the_git_url_and_commit_cvfilter_came_from(tmp_path, installed_from, capsys):
    installed_from(FROM_GIT)
    assert main(["init-ci", str(tmp_path / "cv")]) == 0
    runs = [step.get("run", "") for step in _steps(tmp_path / "cv")]
    install = next(run for run in runs if "pip install" in run)
    assert install == PINNED
    assert shlex.split(install)[-1] == f"cvfilter @ git+https://github.com/ada/cvfilter.git@{COMMIT}"  # one argument
    assert any(run.startswith("cv build") for run in runs)


def test_init_ci_from_a_clone_writes_nothing_and_shows_the_line_for_its_remote(tmp_path, installed_from, capsys):
    clone = tmp_path / "clone"
    git = ["git", "-C", str(clone), "-c", "user.name=Ada", "-c", "user.email=ada@example.org"]
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    subprocess.run([*git, "remote", "add", "origin", "https://ada:s3cret@github.com/ada/cvfilter.git"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    installed_from({"url": clone.as_uri(), "dir_info": {"editable": True}})
    assert main(["init-ci", str(tmp_path / "cv")]) == 1
    assert not (tmp_path / "cv" / WORKFLOW_PATH).exists()
    err = capsys.readouterr().err
    assert "cannot tell how CI should install cvfilter" in err and clone.as_uri() in err
    assert f"""--install 'python -m pip install "cvfilter @ git+https://github.com/ada/cvfilter.git@{head}"'""" in err
    assert "s3cret" not in err


def test_init_ci_without_a_recorded_source_asks_for_the_install_command(tmp_path, installed_from, capsys):
    installed_from(None)
    assert main(["init-ci", str(tmp_path)]) == 1
    assert not (tmp_path / WORKFLOW_PATH).exists()
    err = capsys.readouterr().err
    assert "not on PyPI" in err and "--install 'python -m pip install \"cvfilter @ git+https://github.com/OWNER/cvfilter@COMMIT\"'" in err


def test_default_install_for_archives_subdirectories_and_local_sources():
    assert default_install({"url": "https://example.org/cvfilter-1.zip", "archive_info": {}}) == \
        'python -m pip install "cvfilter @ https://example.org/cvfilter-1.zip"'
    assert default_install({**FROM_GIT, "subdirectory": "tools"}).endswith(f'@{COMMIT}#subdirectory=tools"')
    for local in ({"url": "file:///home/ada/cvfilter.zip", "archive_info": {}},
                  {"url": "file:///home/ada/cvfilter", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}):
        with pytest.raises(Exception, match="cannot tell how CI should install cvfilter"):
            default_install(local)


def test_init_ci_keeps_a_different_workflow_unless_forced(tmp_path, capsys):
    target = tmp_path / WORKFLOW_PATH
    target.parent.mkdir(parents=True)
    target.write_text("name: mine\n", encoding="utf-8")
    assert main(["init-ci", str(tmp_path), "--install", "pip install cvfilter==0.1.0"]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "name: mine\n"
    assert main(["init-ci", str(tmp_path), "--force", "--install", "pip install cvfilter==0.1.0"]) == 0
    assert "pip install cvfilter==0.1.0" in target.read_text(encoding="utf-8")


def test_actionlint_passes_on_both_workflows(tmp_path, installed_from):
    installed_from(FROM_GIT)
    main(["init-ci", str(tmp_path / "cv")])
    assert actionlint(ROOT / WORKFLOW_PATH, tmp_path / "cv" / WORKFLOW_PATH) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(render_workflow(PINNED).replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest]\n    needs: nothing"))
    assert any("nothing" in finding["message"] for finding in actionlint(broken))
