"""What a macro may read while expanding: the typed data, the configuration, and where to report."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .data.load import StoredSource
from .data.model import CvData
from .data.yaml_source import YamlSource
from .errors import Diagnostics, Location
from .labels import Labels
from .data.variant import Variant

if TYPE_CHECKING:  # types only: the bibliography's reader loads when a macro first reads the .bib
    from .bibliography.reader import BibEntry


@dataclass(frozen=True)
class ShownPublication:
    """A publication as a list shows it: the entry, and how many authors it names (0: all)."""

    entry: BibEntry
    max_authors: int = 0


@dataclass
class Context:
    config: Config
    data: CvData
    data_source: YamlSource | StoredSource
    base_dir: Path
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    cache: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    variant: Variant | None = None
    # What each macro put in the document, by data list ("positions", "talks", "publications", ...).
    shown: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def labels(self) -> Labels:
        return self.config.labels

    def show(self, kind: str, items: Iterable[Any]) -> None:
        """Record the items of a data list a macro shows, in the order shown: the JSON Resume of a
        variant lists only those, as its other formats do."""
        self.shown.setdefault(kind, []).extend(items)

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
