"""Source lines for macros: the Pandoc AST has no positions, so we find each fence in cv.md itself."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import Location

_FENCE = re.compile(r"^\s{0,3}(:{3,})\s*(?:\{(?P<attrs>[^}]*)\}|(?P<bare>[\w-]+))")
_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")
_CLOSING = re.compile(r"^\s{0,3}:{3,}\s*$")
_CODE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


@dataclass
class _Sightings:
    """(name, line) pairs in document order; `next(name)` hands out each line once, first unused first."""

    file: str
    found: list[tuple[str, int]] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)
    _pinned: dict[int, tuple[object, Location]] = field(default_factory=dict)

    def pin(self, uses: Iterable[tuple[str, object]]) -> None:
        """Give each element of the whole document its line now, in document order: a variant then
        drops sections, and the n-th use left is not the n-th one in the file."""
        for name, element in uses:
            self._pinned[id(element)] = (element, self.next(name))

    def at(self, element: object, name: str) -> Location:
        """The line pinned to `element`, else the next unused line of `name`."""
        pinned = self._pinned.get(id(element))
        return pinned[1] if pinned is not None and pinned[0] is element else self.next(name)

    def next(self, name: str) -> Location:
        for index, (found_name, line) in enumerate(self.found):
            if found_name == name and index not in self._used:
                self._used.add(index)
                return Location(self.file, line)
        return Location(self.file)


@dataclass
class MacroLocator(_Sightings):
    """Hands out the line of the n-th fenced Div whose first class is `name`, in document order."""

    unclosed: frozenset[int] = frozenset()
    """Lines of opening fences that no `:::` closes (pandoc then runs the Div to the end)."""

    @classmethod
    def from_text(cls, text: str | None, file: str) -> MacroLocator:
        fences = []
        open_fences: list[int] = []
        code = ""
        for number, line in enumerate((text or "").splitlines(), start=1):
            if fence := _CODE.match(line):
                if not code:
                    code = fence.group(1)
                elif fence.group(1).startswith(code) and not line.strip().strip(code[0]):
                    code = ""
                continue
            if code:
                continue
            if _CLOSING.match(line):
                if open_fences:
                    open_fences.pop()
                continue
            match = _FENCE.match(line)
            if not match:
                continue
            open_fences.append(number)
            if match["bare"]:
                fences.append((match["bare"], number))
            elif attrs := _CLASS.search(match["attrs"] or ""):
                fences.append((attrs.group(1), number))
        return cls(file, fences, unclosed=frozenset(open_fences))


_SPAN = re.compile(r"\]\{\s*(?:#[\w:.-]+\s+)?\.([\w-]+)")


@dataclass
class InlineLocator(_Sightings):
    """Hands out the line of the n-th bracketed Span (`[...]{.name}` or `[...]{#id .name}`) whose first
    class is `name`."""

    @classmethod
    def from_text(cls, text: str | None, file: str) -> InlineLocator:
        spans = [(match.group(1), number) for number, line in enumerate((text or "").splitlines(), start=1)
                 for match in _SPAN.finditer(line)]
        return cls(file, spans)
