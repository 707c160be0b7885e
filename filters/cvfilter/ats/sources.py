"""Where a value came from: the first line of cv.md, the data file or a .bib that holds it.

The semantic document keeps no source positions, and a finding needs one ("metadata.yaml:42"), so
the source files are read once and searched line by line; a value split over lines in the .bib is
found by its longest word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location
from .text import squeeze


@dataclass
class Sources:
    files: list[tuple[str, list[str]]] = field(default_factory=list)  # (shown name, lines squeezed)
    raw: list[tuple[str, list[str]]] = field(default_factory=list)

    @classmethod
    def read(cls, paths: list[tuple[str, Path]]) -> Sources:
        found = cls()
        for shown, path in paths:
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            found.raw.append((shown, lines))
            found.files.append((shown, [squeeze(line) for line in lines]))
        return found

    def locate(self, text: str) -> Location | None:
        """The first line holding `text`, else the one holding its longest word."""
        wanted = squeeze(text)
        words = sorted((w for w in unicodedata.normalize("NFC", text).split() if any(c.isalpha() for c in w)), key=len)
        for probe in ([wanted] if wanted else []) + [squeeze(w) for w in reversed(words[-2:])]:
            for shown, lines in self.files:
                for number, line in enumerate(lines, 1):
                    if probe and probe in line:
                        return Location(shown, number)
        return None

    def locate_char(self, char: str) -> Location | None:
        """The first line holding `char` itself (a ligature or icon typed into the source)."""
        for shown, lines in self.raw:
            for number, line in enumerate(lines, 1):
                if char in line:
                    return Location(shown, number)
        return None
