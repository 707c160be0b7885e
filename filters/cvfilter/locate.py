"""Source lines for macros: the Pandoc AST has no positions, so we find each fence in cv.md itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import Location

_FENCE = re.compile(r"^\s{0,3}(:{3,})\s*(?:\{(?P<attrs>[^}]*)\}|(?P<bare>[\w-]+))")
_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")


@dataclass
class MacroLocator:
    """Hands out the line of the n-th fenced Div whose first class is `name`, in document order."""

    file: str
    fences: list[tuple[str, int]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)

    @classmethod
    def from_text(cls, text: str | None, file: str) -> MacroLocator:
        fences = []
        for number, line in enumerate((text or "").splitlines(), start=1):
            match = _FENCE.match(line)
            if not match:
                continue
            if match["bare"]:
                fences.append((match["bare"], number))
            elif attrs := _CLASS.search(match["attrs"] or ""):
                fences.append((attrs.group(1), number))
        return cls(file, fences)

    def next(self, name: str) -> Location:
        for index, (fence_name, line) in enumerate(self.fences):
            if fence_name == name and index not in self._used:
                self._used.add(index)
                return Location(self.file, line)
        return Location(self.file)


_SPAN = re.compile(r"\]\{\s*(?:#[\w:.-]+\s+)?\.([\w-]+)")


@dataclass
class InlineLocator:
    """Hands out the line of the n-th bracketed Span (`[...]{.name}` or `[...]{#id .name}`) whose first
    class is `name`."""

    file: str
    spans: list[tuple[str, int]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)

    @classmethod
    def from_text(cls, text: str | None, file: str) -> InlineLocator:
        spans = [(match.group(1), number) for number, line in enumerate((text or "").splitlines(), start=1)
                 for match in _SPAN.finditer(line)]
        return cls(file, spans)

    def next(self, name: str) -> Location:
        for index, (span_name, line) in enumerate(self.spans):
            if span_name == name and index not in self._used:
                self._used.add(index)
                return Location(self.file, line)
        return Location(self.file)
