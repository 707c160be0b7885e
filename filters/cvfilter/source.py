"""The CV's Markdown source as `cv` commands take it: refused early when it is missing or is
one of the files its front matter names, since pandoc would read any text as Markdown."""

from __future__ import annotations

from pathlib import Path

from .textfile import read_text
from .errors import CvError, Location

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt")
_NAMED_IN_FRONT_MATTER = (".yaml", ".yml", ".bib", ".csl", ".json")


def read_source(source: Path) -> str:
    """The text of `source`, a Markdown file that exists."""
    shown = source.name
    suffix = source.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES:
        what = f"a {suffix} file" if suffix else "a file without the .md suffix"
        if suffix in _NAMED_IN_FRONT_MATTER:
            hint = f"the source is cv.md; {shown} is named in its front matter"
            if suffix in (".json", ".yaml", ".yml"):
                hint += f"; to turn a JSON Resume or RenderCV file into a CV, run `cv import {source}`"
        else:
            hint = f"name the CV's Markdown file, one of {', '.join(MARKDOWN_SUFFIXES)}"
        raise CvError.at(Location(shown), f"not a Markdown source: {what}", hint)
    if not source.exists():
        if source.name == "cv.md":
            folder = "here" if source.parent == Path() else f"in {source.parent}"
            raise CvError.at(Location(shown), f"no cv.md {folder}", "run `cv new` to start one, or name the Markdown file")
        raise CvError.at(Location(str(source)), "file not found", "check the name of the Markdown source")
    return read_text(source, shown)
