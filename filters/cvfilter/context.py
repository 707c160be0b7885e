"""What a macro may read while expanding: the typed data, the configuration, and where to report.

Each thing read once per build and shared by several modules is a typed member here, filled on first
use by the module that reads it: the bibliography and the owner (bibliography/session.py), the
statistics (stats/lookup.py), the script faces (formats/faces.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, DataFiles
from .data.load import StoredSource
from .data.model import CvData
from .data.yaml_source import YamlSource
from .design import Design
from .errors import Diagnostics, Location
from .labels import Labels
from .data.variant import Variant
from .themes import Theme, default_theme

if TYPE_CHECKING:  # types only: each loads when its reader first runs
    from .bibliography.entries import BibEntry, Bibliography
    from .bibliography.names import Owner
    from .script_fonts import Face, Script
    from .stats.cache import StatsCache


@dataclass(frozen=True)
class ShownPublication:
    """A publication as a list shows it: the entry, and how many authors it names (0: all)."""

    entry: BibEntry
    max_authors: int = 0


@dataclass
class Shown:
    """What the macros put in the document, by data list ("positions", "talks", "publications"
    as ShownPublication, ...), in the order shown: the JSON Resume of a variant exports these."""

    lists: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, kind: str, items: Iterable[Any]) -> None:
        self.lists.setdefault(kind, []).extend(items)

    def of(self, kind: str) -> list[Any]:
        return self.lists.get(kind, [])


@dataclass
class Context:
    config: Config
    data: CvData
    data_source: YamlSource | StoredSource
    base_dir: Path
    files: DataFiles
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)
    variant: Variant | None = None
    shown: Shown = field(default_factory=Shown)
    bibliography: Bibliography | None = None
    """The .bib files, merged; read on first use (bibliography/session.py)."""
    owner: Owner | None = None
    """data.name and its aliases, as names are matched (bibliography/session.py)."""
    stats: StatsCache | None = None
    """stats.json, read on first use (stats/lookup.py)."""
    stats_warned: set[str] = field(default_factory=set)
    """Repositories already warned about for a missing star count (stats/lookup.py)."""
    script_faces: tuple[list[Face], list[Script]] | None = None
    """The faces the sources' scripts need and the scripts no face covers (formats/faces.py)."""
    glyphs_warned: bool = False
    """The PDF/A check has named the characters the fonts lack (formats/glyphs.py)."""
    theme: Theme | None = None
    """The theme the document is styled with (themes.py)."""
    design: Design | None = None
    """The theme's design values with the front matter's `design:` over them."""

    def look(self) -> tuple[Theme, Design]:
        """The theme and the design values the formats are styled with."""
        theme = self.theme or default_theme()
        return theme, self.design or theme.design

    @property
    def labels(self) -> Labels:
        return self.config.labels

    def show(self, kind: str, items: Iterable[Any]) -> None:
        """Record the items of a data list a macro shows, in the order shown."""
        self.shown.add(kind, items)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the time spent in a stage (e.g. citeproc) to `timings`, for `cv build --timings`."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start

    def data_location(self, *path: str | int) -> Location:
        """The line in metadata.yaml of a value, for messages about it."""
        return self.data_source.locate(tuple(path))
