"""The code has no unused imports, undefined names or syntax errors (ruff's pyflakes rules)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_finds_no_mistakes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "filters", "tests", "bench", "styles"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
