"""Brace checks of BibTeX values: a backslash makes the brace after it a literal one."""

from __future__ import annotations

import pytest

from cvfilter.bibliography.latex import balanced


@pytest.mark.parametrize(("value", "expected"), [
    ("", True),
    ("plain text", True),
    ("{DNA} and {RNA {nested}}", True),
    ("a \\{ literal", True),
    ("literal \\} too", True),
    ("{open", False),
    ("close}", False),
    ("}{", False),
    ("{\\}", False),
    ("{\\'e}", True),
])
def test_balanced(value: str, expected: bool) -> None:
    assert balanced(value) is expected
