"""README.md stays true: its macro table is the registry's, and its two set-up commands are the real ones."""

from __future__ import annotations

import re

from cvfilter.macros.table import macro_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_macro_table_matches_registry():
    found = re.search(r"<!-- macros:start -->\n(.*?)<!-- macros:end -->", README, re.S)
    assert found, "README lost its macro table markers"
    assert found.group(1) == macro_table(), "README's macro table is stale: paste the output of `cv macros`"


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in README and ci.strip().endswith("bash scripts/test.sh")
    assert "python3 -m venv .venv && . .venv/bin/activate && pip install . && cv build" in README
