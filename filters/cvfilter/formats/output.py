"""What an output format is: the record each line of the registry (registry.py) makes. Edges take
it in their `write` step; it imports no edge, so every edge can.

A plain class, not a dataclass: the CLI reads the registry to build `--help`, which then loads
nothing but argparse (importing dataclasses would add about 10 ms to every `cv` command).
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType


class OutputFormat:
    """One output of `cv build`.

    name: the `--to` name and file suffix (build/cv.NAME); summary: what the file is, for `--help`;
    module: the edge module in formats/ with `finish` and `write`; writer: the pandoc writer the
    finished document goes to (also `doc.format` while finishing), None for a format made from the
    data instead of the document; stages: the timed stages of the write step (`finish-NAME` comes
    before them); default: made by a plain `cv build`; reads_document: False for a format made from
    the data alone (no finishing, no copy of the document); extension: the file's suffix when it is
    not the name (`rendercv` writes build/cv.rendercv.yaml).
    """

    __slots__ = ("name", "summary", "module", "writer", "stages", "default", "reads_document", "extension")

    def __init__(self, name: str, summary: str, module: str, writer: str | None, stages: tuple[str, ...],
                 default: bool = False, reads_document: bool = True, extension: str | None = None) -> None:
        self.name, self.summary, self.module, self.writer = name, summary, module, writer
        self.stages, self.default, self.reads_document, self.extension = stages, default, reads_document, extension

    def __repr__(self) -> str:
        return f"OutputFormat({self.name!r}, module={self.module!r}, writer={self.writer!r})"

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
