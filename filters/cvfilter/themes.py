"""Themes: one folder each, styles/themes/NAME/, holding what every format needs.

    theme.yaml      name, one-line description, the default design values (design.py)
    cv.typ          the Typst functions of the semantic classes (after styles/typst/base.typ)
    cv.css          the web page's style (after styles/html/base.css)
    docx.yaml       the values styles/docx/make_reference.py builds reference.docx from
    reference.docx  the Word styles, as that script made them

A folder of that name under styles/themes/ beside cv.md (`cv theme eject NAME`) is used instead of
the shipped one. Every theme styles the same semantic document: no macro knows which theme is used.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .assets import DEFAULT_THEME, styles_dir
from .data.yaml_source import load_yaml
from .design import Design, complete, read_design
from .errors import CvError, Location, Problem, relative

MANIFEST = "theme.yaml"
FILES = (MANIFEST, "cv.typ", "cv.css", "docx.yaml", "reference.docx")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    folder: Path
    design: Design
    highlight: str | None  # the selected-entry background the theme gives for its own accent
    local: bool = False

    def file(self, name: str) -> Path:
        return self.folder / name

    def text(self, name: str) -> str:
        return _read(self.folder / name)


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def shipped_folder() -> Path:
    return styles_dir() / "themes"


def shipped_names() -> list[str]:
    return sorted(p.name for p in shipped_folder().iterdir() if (p / MANIFEST).is_file())


def local_folder(base_dir: Path, name: str) -> Path:
    return base_dir / "styles" / "themes" / name


def find_theme(name: str, base_dir: Path | None, where: Location) -> Theme:
    """The theme called `name`: the CV's own copy when it has one, else the shipped one."""
    if not _NAME.match(name):
        raise CvError.at(where, f"theme name {name!r} is not a folder name", "lower-case letters, digits and -")
    local = local_folder(base_dir, name) if base_dir is not None else None
    if local is not None and (local / MANIFEST).is_file():
        lacking = _lacking(local, base_dir)
        if lacking:
            raise CvError(lacking)
        return load_theme(local, local=True, shown=relative(local / MANIFEST, base_dir))
    folder = shipped_folder() / name
    if not (folder / MANIFEST).is_file():
        raise CvError.at(where, f"unknown theme {name!r}", f"built-in themes: {', '.join(shipped_names())} (see `cv themes`)")
    return load_theme(folder)


@cache
def load_theme(folder: Path, local: bool = False, shown: str | None = None) -> Theme:
    """A theme's manifest, checked as the front matter is: each mistake at its line of theme.yaml."""
    shown = shown or f"{folder.name}/{MANIFEST}"
    source = load_yaml(folder / MANIFEST, shown)
    raw = source.data if isinstance(source.data, dict) else {}
    problems: list[Problem] = []
    values = read_design(raw.get("design"), lambda *path: source.locate(("design", *path)), problems, "design")
    for key in sorted(set(raw) - {"name", "description", "design", "highlight"}, key=str):
        problems.append(Problem(source.locate((key, "<key>")), f"unknown key {key!r} in {MANIFEST}",
                                "theme.yaml holds name, description, design and highlight"))
    if problems:
        raise CvError(problems)
    design = complete(values, Location(shown, 1))
    return Theme(name=str(raw.get("name", folder.name)), description=str(raw.get("description", "")).strip(),
                 folder=folder, design=design, highlight=raw.get("highlight"), local=local)


def missing_files(base_dir: Path) -> list[Problem]:
    """`cv check`: each local theme (styles/themes/NAME/ beside cv.md) that lacks a file a theme needs."""
    root = base_dir / "styles" / "themes"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    return [problem for folder in folders for problem in _lacking(folder, base_dir)]


def _lacking(folder: Path, base_dir: Path) -> list[Problem]:
    problems = []
    for name in FILES:
        if not (folder / name).is_file():
            source = f"`cv theme eject {folder.name}` in another folder" if (shipped_folder() / folder.name).is_dir() else "another theme"
            hint = f"copy it from {source}, or remove {relative(folder, base_dir)}"
            problems.append(Problem(Location(relative(folder / name, base_dir)), f"theme {folder.name!r} has no {name}", hint))
    return problems


def eject(name: str, target: Path) -> Path:
    """Copy a shipped theme to `target`/styles/themes/NAME/, where it then takes precedence."""
    source = shipped_folder() / name
    if not (source / MANIFEST).is_file():
        raise CvError.at(Location(name), f"unknown theme {name!r}", f"built-in themes: {', '.join(shipped_names())}")
    destination = local_folder(target, name)
    if destination.exists():
        raise CvError.at(Location(relative(destination)), "that folder exists already", "edit it, or remove it first")
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, destination)
    return destination


def theme_face(theme: Theme) -> str:
    """The face the theme's Word styles name (docx.yaml), which a design's font replaces."""
    import yaml

    values = yaml.safe_load(theme.text("docx.yaml")) or {}
    return str(values.get("font", "Calibri"))


def default_theme() -> Theme:
    return load_theme(shipped_folder() / DEFAULT_THEME)


def listing() -> list[tuple[str, str]]:
    """(name, description) of each shipped theme, for `cv themes`."""
    return [(name, load_theme(shipped_folder() / name).description) for name in shipped_names()]
