"""The CI workflow: cvfilter's own and the one `cv init-ci` writes come from one template around the
cvfilter Action and lint clean; the one `cv init-ci` writes has the Action install cvfilter from where
this copy came from, or is not written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from cvfilter.ci_template import REPOSITORY_SOURCE, WORKFLOW_PATH, Source, default_source, render_workflow
from cvfilter.cli import main
from tests.conftest import ROOT
from tests.tools import actionlint

COMMIT = "0123456789abcdef0123456789abcdef01234567"
FROM_GIT = {"url": "https://github.com/ada/cvfilter.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
PINNED = Source(f"ada/cvfilter@{COMMIT}", "action")


@pytest.fixture
def installed_from(tmp_path, monkeypatch):
    """Makes the installed cvfilter look as pip leaves it: a dist-info folder, with a direct_url.json
    holding `record` (PEP 610), or none for None; it comes first on the path."""

    def install(record: dict | None, version: str = "0.1.1.dev3+g0123abc") -> None:
        info = tmp_path / "site" / f"cvfilter-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: cvfilter\nVersion: {version}\n", encoding="utf-8")
        if record is not None:
            (info / "direct_url.json").write_text(json.dumps(record), encoding="utf-8")
        monkeypatch.syspath_prepend(str(info.parent))

    return install


def _steps(folder: Path) -> list[dict]:
    workflow = yaml.safe_load((folder / WORKFLOW_PATH).read_text(encoding="utf-8"))
    assert True in workflow and "push" in workflow[True]  # YAML 1.1 reads the key `on` as True
    return workflow["jobs"]["build"]["steps"]


def _action_step(folder: Path) -> dict:
    """The step that runs the cvfilter Action: the workflow's only step after the checkout."""
    checkout, action = _steps(folder)
    assert checkout["uses"] == "actions/checkout@v4"
    return action


def test_repository_workflow_is_the_template_around_its_own_action():
    shipped = (ROOT / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert shipped == render_workflow(REPOSITORY_SOURCE), "regenerate: python -c 'from cvfilter.ci_template import *; print(render_workflow(REPOSITORY_SOURCE), end=\"\")'"
    assert _action_step(ROOT) == {"uses": "./", "with": {"cvfilter": "action", "formats": "pdf,docx,html,md,txt,json", "ats": "true"}}
    assert len(shipped.splitlines()) < 30  # what a user gets is a few lines


def test_init_ci_pins_the_action_to_the_git_commit_cvfilter_came_from(tmp_path, installed_from, capsys):
    installed_from(FROM_GIT)
    assert main(["init-ci", str(tmp_path / "cv")]) == 0
    step = _action_step(tmp_path / "cv")
    assert (step["uses"], step["with"]["cvfilter"]) == (PINNED.action, "action")  # that commit installs itself


def test_init_ci_from_a_release_names_its_tag_and_version(tmp_path, installed_from, capsys):
    installed_from(None, "0.2.0")  # pip leaves no direct_url.json for a package from an index
    assert main(["init-ci", str(tmp_path)]) == 0
    step = _action_step(tmp_path)
    assert (step["uses"], step["with"]["cvfilter"]) == ("cvfilter/cvfilter@v0.2.0", "cvfilter==0.2.0")


def test_init_ci_from_another_git_host_installs_that_commit_with_pip(tmp_path, installed_from, capsys):
    installed_from({"url": "https://gitlab.com/ada/cvfilter.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert main(["init-ci", str(tmp_path)]) == 0
    step = _action_step(tmp_path)
    assert step["with"]["cvfilter"] == f"cvfilter @ git+https://gitlab.com/ada/cvfilter.git@{COMMIT}"  # one YAML string
    assert step["uses"] == "cvfilter/cvfilter@main"


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
    assert f"--install 'cvfilter @ git+https://github.com/ada/cvfilter.git@{head}' once that commit is pushed" in err
    assert "s3cret" not in err


def test_init_ci_without_a_recorded_source_asks_for_the_install_command(tmp_path, installed_from, capsys):
    installed_from(None)
    assert main(["init-ci", str(tmp_path)]) == 1
    assert not (tmp_path / WORKFLOW_PATH).exists()
    err = capsys.readouterr().err
    assert "not on PyPI" in err and "--install 'cvfilter @ git+https://github.com/OWNER/cvfilter@COMMIT'" in err


def test_default_source_for_archives_subdirectories_and_local_sources():
    dev = "0.1.1.dev3+g0123abc"
    assert default_source({"url": "https://example.org/cvfilter-1.zip", "archive_info": {}}, dev).install == \
        "cvfilter @ https://example.org/cvfilter-1.zip"
    assert default_source({**FROM_GIT, "subdirectory": "tools"}, dev).install.endswith(f"@{COMMIT}#subdirectory=tools")
    for local in ({"url": "file:///home/ada/cvfilter.zip", "archive_info": {}},
                  {"url": "file:///home/ada/cvfilter", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}):
        with pytest.raises(Exception, match="cannot tell how CI should install cvfilter"):
            default_source(local, dev)


def test_init_ci_keeps_a_different_workflow_unless_forced(tmp_path, capsys):
    target = tmp_path / WORKFLOW_PATH
    target.parent.mkdir(parents=True)
    target.write_text("name: mine\n", encoding="utf-8")
    assert main(["init-ci", str(tmp_path), "--install", "cvfilter==0.1.0"]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "name: mine\n"
    assert main(["init-ci", str(tmp_path), "--force", "--install", "cvfilter==0.1.0"]) == 0
    assert _action_step(tmp_path)["with"]["cvfilter"] == "cvfilter==0.1.0"


def test_init_ci_refuses_a_command_where_a_requirement_belongs(tmp_path, capsys):
    assert main(["init-ci", str(tmp_path), "--install", "python -m pip install ."]) == 1
    assert "give what pip installs" in capsys.readouterr().err
    assert not (tmp_path / WORKFLOW_PATH).exists()


def test_actionlint_passes_on_every_workflow_and_on_what_init_ci_writes(tmp_path, installed_from):
    installed_from(FROM_GIT)
    main(["init-ci", str(tmp_path / "cv")])
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {path.name for path in workflows} >= {"cv.yml", "release.yml", "test.yml"}
    assert actionlint(*workflows, tmp_path / "cv" / WORKFLOW_PATH) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(render_workflow(PINNED).replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest]\n    needs: nothing"))
    assert any("nothing" in finding["message"] for finding in actionlint(broken))
