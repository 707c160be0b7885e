"""What a macro may read while expanding: the typed data, the configuration, and where to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .data.model import CvData
from .data.yaml_source import YamlSource
from .errors import Diagnostics, Location
from .labels import Labels


@dataclass
class Context:
    config: Config
    data: CvData
    data_source: YamlSource
    base_dir: Path
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> Labels:
        return self.config.labels

    def data_location(self, *path: str | int) -> Location:
        """The line in metadata.yaml of a value, for messages about it."""
        return self.data_source.locate(tuple(path))
