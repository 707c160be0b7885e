"""Runs the `run:` steps of a GitHub Actions job on this machine, the way a runner would.

Only what the project's workflows use is emulated: each step is a `bash -eo pipefail` script in the
workspace, with RUNNER_TEMP, GITHUB_WORKSPACE, GITHUB_REF_NAME and a GITHUB_PATH file whose lines
come first on PATH for the steps after it. A `uses:` step is handed to `actions`, which stands in
for it (a checkout is the workspace itself, setup-python the tests' own Python); a step's `${{ }}`
expression cannot be evaluated here, so a run step holding one is an error, not a guess.
"""

from __future__ import annotations

import os
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

    def __post_init__(self) -> None:
        self.temp.mkdir(parents=True, exist_ok=True)
        self.path_file = self.temp / "github_path"
        self.path_file.touch()
        self.env = {**os.environ, "RUNNER_TEMP": str(self.temp), "GITHUB_WORKSPACE": str(self.workspace),
                    "GITHUB_PATH": str(self.path_file), "CI": "true", **self.env}

    def run_job(self, workflow: Path, job: str) -> None:
        steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][job]["steps"]
        for step in steps:
            if "uses" in step:
                name = step["uses"].split("@")[0]
                if name not in self.actions:
                    raise AssertionError(f"{workflow.name}, job {job}: no stand-in for the step `uses: {step['uses']}`")
                self.actions[name](step.get("with") or {})
            else:
                self.run_step(step, f"{workflow.name}, job {job}, step {step.get('name', step['run'][:40])!r}")

    def run_step(self, step: dict, where: str) -> None:
        script = step["run"]
        assert "${{" not in script, f"{where}: an expression in a run step cannot be evaluated here; use an env variable"
        env = {**self.env, **{k: str(v) for k, v in (step.get("env") or {}).items()}}
        added = [line for line in self.path_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        env["PATH"] = os.pathsep.join([*reversed(added), env.get("PATH", "")])
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=self.workspace,
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{where} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
