"""Where the shipped style files (Typst, LaTeX, CSS, reference.docx, CSL) live."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def styles_dir() -> Path:
    """The installed `cvfilter.styles` package, or styles/ of a source checkout."""
    try:
        found = Path(str(resources.files("cvfilter.styles")))
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "styles"


@cache
def read_style(relative: str) -> str:
    return (styles_dir() / relative).read_text(encoding="utf-8")
