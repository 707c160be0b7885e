"""Runs the `run:` steps of a GitHub Actions job on this machine, the way a runner would.

Only what the project's workflows and action.yml use is emulated: each step is a `bash -eo pipefail`
script in the workspace (or its working-directory), with RUNNER_TEMP, GITHUB_WORKSPACE, a GITHUB_PATH
file whose lines come first on PATH for the steps after it, and a GITHUB_OUTPUT file whose values
become `steps.ID.outputs.NAME`. A `uses:` step is handed to `actions`, which stands in for it (a
checkout is the workspace itself). `${{ X }}` is replaced by `values[X]` in env, with and
working-directory, and an `if:` runs its step when `values[condition]` is "true": an expression
with no value here is an error, not a guess, and a run script may hold none (it reads env instead).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class Runner:
    workspace: Path
    temp: Path
    env: dict[str, str] = field(default_factory=dict)
    # what a `uses:` step does here, by the action's name without its version
    actions: dict[str, Callable[[dict], None]] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # what each `${{ }}` expression stands for

    def __post_init__(self) -> None:
        self.temp.mkdir(parents=True, exist_ok=True)
        self.path_file = self.temp / "github_path"
        self.path_file.touch()
        self.values.setdefault("runner.temp", str(self.temp))
        self.env = {**os.environ, "RUNNER_TEMP": str(self.temp), "GITHUB_WORKSPACE": str(self.workspace),
                    "GITHUB_PATH": str(self.path_file), "CI": "true", **self.env}

    def run_job(self, workflow: Path, job: str) -> None:
        self.run_steps(yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][job]["steps"], f"{workflow.name}, job {job}")

    def run_steps(self, steps: list[dict], where: str) -> None:
        for step in steps:
            if "if" in step and self.value(str(step["if"]), where) != "true":
                continue
            if "uses" in step:
                name = step["uses"].split("@")[0]
                if name not in self.actions:
                    raise AssertionError(f"{where}: no stand-in for the step `uses: {step['uses']}`")
                self.actions[name]({key: self.fill(str(value), where) for key, value in (step.get("with") or {}).items()})
            else:
                self.run_step(step, f"{where}, step {step.get('name', step['run'][:40])!r}")

    def value(self, expression: str, where: str) -> str:
        expression = expression.strip()
        if expression not in self.values:
            raise AssertionError(f"{where}: no value for the expression `{expression}`")
        return self.values[expression]

    def fill(self, text: str, where: str) -> str:
        return re.sub(r"\$\{\{(.*?)\}\}", lambda found: self.value(found[1], where), text)

    def run_step(self, step: dict, where: str) -> None:
        script = step["run"]
        assert "${{" not in script, f"{where}: an expression in a run step cannot be evaluated here; use an env variable"
        env = {**self.env, **{k: self.fill(str(v), where) for k, v in (step.get("env") or {}).items()}}
        added = [line for line in self.path_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        env["PATH"] = os.pathsep.join([*reversed(added), env.get("PATH", "")])
        outputs = self.temp / "github_output"
        outputs.write_text("", encoding="utf-8")
        env["GITHUB_OUTPUT"] = str(outputs)
        cwd = self.workspace / self.fill(str(step.get("working-directory", ".")), where)
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd,
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{where} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        if "id" in step:
            for name, value in _outputs(outputs.read_text(encoding="utf-8")).items():
                self.values[f"steps.{step['id']}.outputs.{name}"] = value


def _outputs(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT's two forms: `name=value` and `name<<DELIMITER`, lines, `DELIMITER`."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            for inner in lines:
                if inner == delimiter:
                    break
                body.append(inner)
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values
