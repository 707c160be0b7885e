"""Plain pandoc to text formats: contact icons are not shown as look-alike characters ("⌥" for GitHub)."""

from __future__ import annotations

import pytest

META = """name: Ada Lovelace
contact:
  email: ada@example.org
  website: https://ada.example.org
  github: ada
  linkedin: adal
"""
DOC = "::: header\n:::\n"


@pytest.mark.parametrize("fmt", ["plain", "markdown"])
def test_handles_get_their_site_name_and_icons_are_gone(cv_dir, fmt: str) -> None:
    out = " ".join(cv_dir(META, DOC, fmt).split())
    assert not set("✉⌂⌥𝕏") & set(out)
    assert "LinkedIn: " in out and "GitHub: " in out
    assert "ada@example.org" in out and " in " not in out


def test_a_name_ending_in_a_hash_keeps_it_in_markdown(cv_dir) -> None:
    from tests.conftest import markdown_to_doc
    import panflute as pf

    out = cv_dir("name: C#\n", DOC, "markdown")
    assert "C\\#" in out or pf.stringify(markdown_to_doc(out)).strip().startswith("C#")
