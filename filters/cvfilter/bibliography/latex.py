"""LaTeX text in BibTeX values to plain Unicode, keeping which groups were braced."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Private-use code points carry markup through citeproc-py (see render.py); user text never may.
PRIVATE_USE = {chr(c) for c in range(0xE000, 0xE030)}


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def to_unicode(value: str) -> str:
    """Accents, escapes and dashes as the characters they stand for; braces dropped; NFC."""
    if "\\" in value or "{" in value or "~" in value or "--" in value:
        value = _converter().latex_to_text(value)
    return clean(value)


def clean(value: str) -> str:
    """One-line NFC text without the private-use characters our markup reserves."""
    value = "".join(ch for ch in value if ch not in PRIVATE_USE)
    return " ".join(unicodedata.normalize("NFC", value).split())


def braced_runs(value: str) -> list[tuple[str, bool]]:
    """Split a value at its top-level brace groups: [(text, was_braced), ...]."""
    runs: list[tuple[str, bool]] = []
    depth, start = 0, 0
    for index, char in enumerate(value):
        if char == "\\":
            continue
        if char == "{" and (index == 0 or value[index - 1] != "\\"):
            if depth == 0 and index > start:
                runs.append((value[start:index], False))
                start = index
            depth += 1
        elif char == "}" and (index == 0 or value[index - 1] != "\\") and depth:
            depth -= 1
            if depth == 0:
                group = value[start:index + 1]
                # A brace group that is only an accent command ({\'e}) protects nothing.
                runs.append((group, not group.startswith("{\\")))
                start = index + 1
    if start < len(value):
        runs.append((value[start:], False))
    return runs


def balanced(value: str) -> bool:
    depth = 0
    for index, char in enumerate(value):
        if index and value[index - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0
