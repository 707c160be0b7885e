"""`cv new`: a fresh CV from a starter: the academic CV in styles/templates/new/ or the engineer's
one-page résumé in styles/templates/resume/ (`--kind resume`). Between them they show every macro."""

from __future__ import annotations

from pathlib import Path

from .assets import styles_dir
from .errors import CvError, Location

STARTER = ("cv.md", "metadata.yaml", "publications.bib")
KINDS = {"cv": "new", "resume": "resume"}


def new_cv(folder: Path, force: bool = False, kind: str = "cv") -> list[Path]:
    """Copy the starter files into `folder`; files already there are kept unless `force`."""
    source = styles_dir() / "templates" / KINDS[kind]
    names = [name for name in STARTER if (source / name).exists()]
    existing = [name for name in names if (folder / name).exists()]
    if existing and not force:
        raise CvError.at(Location(str(folder / existing[0])), "already exists", "start in an empty folder, or pass --force")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        (folder / name).write_text(_with_schema_line(name, (source / name).read_text(encoding="utf-8")), encoding="utf-8")
        written.append(folder / name)
    return written


def _with_schema_line(name: str, text: str) -> str:
    """The starter's YAML with the line that points editors at its schema, for this version."""
    from .schema import METADATA, editor_line, with_front_matter_line

    if name == "metadata.yaml":
        return editor_line(METADATA) + text
    return with_front_matter_line(text) if name == "cv.md" else text
