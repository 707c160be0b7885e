"""What an output format is: the record each line of the registry (registry.py) makes. Edges take
it in their `write` step; it imports no edge, so every edge can."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from types import ModuleType


@dataclass(frozen=True)
class OutputFormat:
    """One output of `cv build`."""

    name: str
    """`--to` name and file suffix: build/cv.NAME."""
    summary: str
    """What the file is, for `--help`."""
    module: str
    """The edge module in formats/ with `finish` and `write`."""
    writer: str | None
    """The pandoc writer the finished document goes to (also `doc.format` while finishing); None
    for a format made from the data instead of the document."""
    stages: tuple[str, ...]
    """The timed stages of the write step; `finish-NAME` comes before them."""
    default: bool = False
    """Made by a plain `cv build`."""
    reads_document: bool = True
    """False for a format made from the data alone: no finishing, no copy of the document."""
    extension: str | None = None
    """The file's suffix when it is not the name (`rendercv` writes build/cv.rendercv.yaml)."""

    @property
    def suffix(self) -> str:
        return self.extension or self.name

    @property
    def finish_stage(self) -> str:
        return f"finish-{self.name}"

    @property
    def all_stages(self) -> tuple[str, ...]:
        """Every stage that makes this format, for `cv watch`'s per-format times."""
        return (self.finish_stage, *self.stages)

    @property
    def edge(self) -> ModuleType:
        """The edge module, loaded on first use (the table is read by `cv --help`)."""
        return import_module(f"{__package__}.{self.module}")
