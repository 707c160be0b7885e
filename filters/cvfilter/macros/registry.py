"""Section macros: a registry keyed by the fenced Div's class, every entry with the same shape.

Adding a section kind is one module with one `@macro(...)` and one import line in `__init__`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

import panflute as pf

from ..context import Context
from ..errors import CvError, Location, Problem


@dataclass(frozen=True)
class Option:
    """One attribute a macro accepts: how to read it and what it means (for errors and the README)."""

    kind: type | tuple[str, ...]
    default: object = None
    doc: str = ""
    minimum: int | None = None

    def parse(self, name: str, raw: str, where: Location) -> object:
        if isinstance(self.kind, tuple):
            if raw not in self.kind:
                raise CvError.at(where, f"option {name}={raw!r} is not one of {', '.join(self.kind)}")
            return raw
        if self.kind is bool:
            lowered = raw.lower()
            if lowered not in {"true", "false", "yes", "no", "1", "0"}:
                raise CvError.at(where, f"option {name}={raw!r} must be true or false")
            return lowered in {"true", "yes", "1"}
        if self.kind is int:
            try:
                number = int(raw)
            except ValueError:
                raise CvError.at(where, f"option {name}={raw!r} must be a whole number") from None
            if self.minimum is not None and number < self.minimum:
                raise CvError.at(where, f"option {name}={raw!r} must be at least {self.minimum}",
                                 f"{name}: {self.doc}" if self.doc else "")
            return number
        return raw


@dataclass(frozen=True)
class MacroCall:
    """One use of a macro in cv.md: its options, its own content (a lead-in), and its line.

    `notes` collects the warnings found while expanding it (such as a selection left empty by its
    options); the pipeline reports them with the macro's other problems."""

    name: str
    options: dict[str, object]
    content: list[pf.Block]
    location: Location
    notes: list[Problem] = field(default_factory=list, compare=False)

    def __getitem__(self, key: str) -> object:
        return self.options[key]


Expander = Callable[[MacroCall, Context], list[pf.Block]]


@dataclass(frozen=True)
class Macro:
    name: str
    summary: str
    options: dict[str, Option]
    expand: Expander


MACROS: dict[str, Macro] = {}

LIST_OPTIONS: dict[str, Option] = {
    "sort": Option(("none", "date", "title"), "none", "order entries by date (newest first) or title"),
    "reverse": Option(bool, False, "reverse the order"),
    "limit": Option(int, 0, "show at most this many entries (0: all)", minimum=0),
    "numbering": Option(("none", "ascending", "descending"), "none", "number the entries"),
    "tags": Option(str, "", "only entries carrying one of these comma-separated tags"),
}


def macro(name: str, summary: str, options: dict[str, Option] | None = None) -> Callable[[Expander], Expander]:
    """Register an expander under a Div class name."""

    def register(expand: Expander) -> Expander:
        MACROS[name] = Macro(name, summary, dict(options or {}), expand)
        return expand

    return register


InlineExpander = Callable[[MacroCall, Context], list[pf.Inline]]

INLINE_MACROS: dict[str, Macro] = {}
"""Inline macros: a Span (`[]{.name key=value}`) whose first class is registered here."""


def inline_macro(name: str, summary: str, options: dict[str, Option] | None = None) -> Callable[[InlineExpander], InlineExpander]:
    """Register an inline expander under a Span class name."""

    def register(expand: InlineExpander) -> InlineExpander:
        INLINE_MACROS[name] = Macro(name, summary, dict(options or {}), expand)
        return expand

    return register


def parse_call(div: pf.Div | pf.Span, name: str, location: Location, registry: dict[str, Macro] | None = None) -> MacroCall:
    """Check every attribute against the macro's options; unknown ones are errors with a suggestion."""
    spec = (MACROS if registry is None else registry)[name]
    extra_classes = [c for c in div.classes if c != name]
    if extra_classes:
        raise CvError.at(location, f"macro .{name} takes one class, not also .{extra_classes[0]}", "put options as key=value")
    options = {key: option.default for key, option in spec.options.items()}
    for key, raw in div.attributes.items():
        if key not in spec.options:
            guess = difflib.get_close_matches(key, list(spec.options), n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else (
                f"options of .{name}: {', '.join(spec.options)}" if spec.options else f".{name} takes no options"
            )
            raise CvError.at(location, f"unknown option {key!r} for macro .{name}", hint)
        options[key] = spec.options[key].parse(key, raw, location)
    return MacroCall(name, options, list(div.content), location)


def unknown_macro(name: str, location: Location) -> CvError:
    guess = difflib.get_close_matches(name, list(MACROS), n=1)
    hint = f"did you mean .{guess[0]}?" if guess else f"known macros: {', '.join(sorted(MACROS))}"
    return CvError.at(location, f"unknown macro .{name}", hint)


def unknown_inline_macro(name: str, location: Location) -> CvError:
    guess = difflib.get_close_matches(name, list(INLINE_MACROS), n=1)
    hint = f"did you mean .{guess[0]}?" if guess else (
        f"an empty span shows nothing unless it is an inline macro ({', '.join(sorted(INLINE_MACROS))}); give it text or remove it")
    return CvError.at(location, f"unknown inline macro .{name}", hint)
