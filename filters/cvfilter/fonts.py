"""The font faces cvfilter ships, and what each format names for them.

Typst bundles Libertinus Serif, New Computer Modern and DejaVu Sans Mono; the other faces come from
the `rendercv-fonts` package on PyPI (static TTF/OTF files, each under the SIL Open Font License,
XCharter under Bitstream's free licence) and are handed to the Typst compiler by folder, only the
folders a document names. The web page names the face first and then a system stack of the same
kind, so it stays one file that fetches nothing; Word files name a face that Word and LibreOffice
have or a metric-compatible one (Carlito for Calibri, Caladea for Cambria, Liberation for Arial and
Times New Roman), so lines wrap where they do in Word.

Other modules that need more faces (scripts the Latin faces lack) add them to FONTS: one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

SERIF_STACK = '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif'
SANS_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


@dataclass(frozen=True)
class Face:
    """One family: where Typst finds it (None: bundled with Typst), its CSS stack, its Word face."""

    folder: str | None
    css: str
    docx: str
    # Typst falls back to these for characters the face lacks (New Computer Modern has more).
    fallback: tuple[str, ...] = ("New Computer Modern",)


FONTS: dict[str, Face] = {
    "Libertinus Serif": Face(None, SERIF_STACK, "Cambria"),
    "New Computer Modern": Face(None, f'"Latin Modern Roman", "CMU Serif", {SERIF_STACK}', "Cambria", ()),
    "EB Garamond": Face("EB Garamond", f'"EB Garamond", Garamond, {SERIF_STACK}', "Cambria"),
    "XCharter": Face("XCharter", f'XCharter, Charter, "Bitstream Charter", {SERIF_STACK}', "Cambria"),
    "Gentium Book Plus": Face("Gentium Book Plus", f'"Gentium Book Plus", {SERIF_STACK}', "Cambria"),
    "Source Sans 3": Face("Source Sans 3", f'"Source Sans 3", "Source Sans Pro", {SANS_STACK}', "Calibri"),
    "Lato": Face("Lato", f'Lato, {SANS_STACK}', "Calibri"),
    "Open Sans": Face("Open Sans", f'"Open Sans", {SANS_STACK}', "Calibri"),
    "Roboto": Face("Roboto", f'Roboto, {SANS_STACK}', "Arial"),
    "Noto Sans": Face("Noto Sans", f'"Noto Sans", {SANS_STACK}', "Calibri"),
}


@cache
def _package_folder() -> Path | None:
    """rendercv_fonts' folder, found without importing it (its import lists every file)."""
    spec = find_spec("rendercv_fonts")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


def font_folders(families: tuple[str, ...]) -> tuple[str, ...]:
    """The folders Typst must search for these families, in a stable order; bundled faces need none."""
    root = _package_folder()
    folders = []
    for family in families:
        face = FONTS.get(family)
        if face is None or face.folder is None or root is None:
            continue
        folder = root / face.folder
        if folder.is_dir() and str(folder) not in folders:
            folders.append(str(folder))
    return tuple(folders)


def typst_families(family: str) -> tuple[str, ...]:
    """The family and its fallbacks, as Typst's `font:` list."""
    face = FONTS.get(family)
    return (family, *(face.fallback if face else ()))
