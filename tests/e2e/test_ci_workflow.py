"""The CI workflow: cvfilter's own and the one `cv init-ci` writes come from one template and lint clean."""

from __future__ import annotations

import yaml

from cvfilter.ci_template import REPOSITORY_INSTALL, WORKFLOW_PATH, render_workflow
from cvfilter.cli import main
from tests.conftest import ROOT
from tests.tools import actionlint


def test_repository_workflow_is_the_template():
    shipped = (ROOT / WORKFLOW_PATH).read_text(encoding="utf-8")
    assert shipped == render_workflow(REPOSITORY_INSTALL), "regenerate: cv init-ci --install 'python -m pip install .' --force"


def test_init_ci_writes_a_workflow_that_builds_and_uploads(tmp_path, capsys):
    assert main(["init-ci", str(tmp_path)]) == 0
    written = tmp_path / WORKFLOW_PATH
    workflow = yaml.safe_load(written.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "python -m pip install cvfilter" in runs
    assert any(run.startswith("cv build") for run in runs)
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "build/"
    assert True in workflow and "push" in workflow[True]  # YAML 1.1 reads the key `on` as True


def test_init_ci_keeps_a_different_workflow_unless_forced(tmp_path, capsys):
    target = tmp_path / WORKFLOW_PATH
    target.parent.mkdir(parents=True)
    target.write_text("name: mine\n", encoding="utf-8")
    assert main(["init-ci", str(tmp_path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "name: mine\n"
    assert main(["init-ci", str(tmp_path), "--force", "--install", "pip install cvfilter==0.1.0"]) == 0
    assert "pip install cvfilter==0.1.0" in target.read_text(encoding="utf-8")


def test_actionlint_passes_on_both_workflows(tmp_path):
    main(["init-ci", str(tmp_path)])
    assert actionlint(ROOT / WORKFLOW_PATH, tmp_path / WORKFLOW_PATH) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(render_workflow().replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest]\n    needs: nothing"))
    assert any("nothing" in finding["message"] for finding in actionlint(broken))
