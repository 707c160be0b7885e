"""Where the shipped style files (Typst, LaTeX, CSS, reference.docx, CSL) live."""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec
from pathlib import Path


# The theme a CV is styled with when it names none (styles/themes/academic/).
DEFAULT_THEME = "academic"


@cache
def styles_dir() -> Path:
    """The installed `cvfilter.styles` package, or styles/ of a source checkout. Found by its import
    spec: importlib.resources would load zipfile for a package that is always a folder on disk."""
    spec = find_spec("cvfilter.styles")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if Path(folder).is_dir():
            return Path(folder)
    return Path(__file__).resolve().parents[2] / "styles"


@cache
def read_style(relative: str) -> str:
    return (styles_dir() / relative).read_text(encoding="utf-8")
