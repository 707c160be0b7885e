"""Design values: what `cvfilter: {design: {...}}` may set, checked as metadata.yaml is.

A theme's manifest gives every value (styles/themes/NAME/theme.yaml); the front matter may change
any of them. Each value is read into one typed `Design`, and every format edge reads that, never the
raw mapping: an unknown key or a bad value is an error at its line with a hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace

from .errors import CvError, Location, Problem
from .fonts import FONTS

# Page sizes by name, in points (width, height); the names Typst, CSS and Word all know.
PAGE_SIZES = {
    "a4": (595.28, 841.89),
    "letter": (612.0, 792.0),
    "legal": (612.0, 1008.0),
    "a5": (419.53, 595.28),
}
SECTION_TITLES = ("rule", "smallcaps", "bar", "centered", "plain")
DATE_POSITIONS = ("right", "left")
ALIGNMENTS = ("left", "center", "right")
_UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(pt|in|mm|cm)\s*$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Page:
    """A page size in points; `name` is set for the named sizes (a4, letter, ...)."""

    width: float
    height: float
    name: str | None = None


@dataclass(frozen=True)
class Design:
    page: Page
    margin_x: float  # points
    margin_y: float
    font: str
    font_size: float  # points
    accent: str  # "#rrggbb"
    line_spacing: float  # multiplier of the theme's own spacing
    section_title: str
    date_position: str
    entry_spacing: float  # multiplier of the theme's own gaps between entries
    page_numbers: bool
    header_align: str
    photo: bool


@dataclass(frozen=True)
class DesignChanges:
    """The design values the front matter sets; None leaves the theme's value."""

    page: Page | None = None
    margin_x: float | None = None
    margin_y: float | None = None
    font: str | None = None
    font_size: float | None = None
    accent: str | None = None
    line_spacing: float | None = None
    section_title: str | None = None
    date_position: str | None = None
    entry_spacing: float | None = None
    page_numbers: bool | None = None
    header_align: str | None = None
    photo: bool | None = None

    def over(self, design: Design) -> Design:
        """`design` with these changes."""
        changed = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}
        return replace(design, **changed) if changed else design


# Front matter key -> its reader, which gives the Design fields it sets.
Reader = Callable[[object], dict[str, object]]
Where = Callable[..., Location]


class BadValue(ValueError):
    """A value of the wrong kind; its message is the hint."""


def _number(value: object) -> float | None:
    """A number as YAML or pandoc's metadata gives it: pandoc hands the front matter's numbers over as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", value):
        return float(value)
    return None


def _length(value: object, low: float = 0.0, high: float = 200.0) -> float:
    if (number := _number(value)) is not None:
        points = number
    elif isinstance(value, str) and (found := _LENGTH.match(value)):
        points = float(found[1]) * _UNITS[found[2]]
    else:
        raise BadValue("a length such as 0.7in, 18mm, 2cm or 50pt")
    if not low <= points <= high:
        raise BadValue(f"between {low:g}pt and {high:g}pt")
    return round(points, 2)


def _page(value: object) -> dict[str, object]:
    if isinstance(value, str) and value.strip().lower() in PAGE_SIZES:
        name = value.strip().lower()
        return {"page": Page(*PAGE_SIZES[name], name=name)}
    if isinstance(value, str) and "x" in value:
        width, _, height = value.partition("x")
        try:
            return {"page": Page(_length(width, 144, 2000), _length(height, 144, 2000))}
        except BadValue:
            pass
    raise BadValue(f"one of {', '.join(PAGE_SIZES)}, or a size such as 210mm x 297mm")


def _margins(value: object) -> dict[str, object]:
    if isinstance(value, Mapping):
        unknown = set(value) - {"x", "y"}
        if unknown:
            raise BadValue(f"a length, or {{x: 0.7in, y: 0.6in}}; there is no {sorted(unknown, key=str)[0]!r}")
        return {f"margin_{axis}": _length(value[axis], 0, 144) for axis in ("x", "y") if axis in value}
    points = _length(value, 0, 144)
    return {"margin_x": points, "margin_y": points}


def _font(value: object) -> dict[str, object]:
    if isinstance(value, str) and value in FONTS:
        return {"font": value}
    guess = difflib.get_close_matches(str(value), list(FONTS), n=1)
    raise BadValue(f"did you mean {guess[0]!r}?" if guess else f"one of the shipped fonts: {', '.join(FONTS)}")


def _font_size(value: object) -> dict[str, object]:
    return {"font_size": _length(value, 7, 16)}


def _accent(value: object) -> dict[str, object]:
    if isinstance(value, str) and _COLOUR.match(value.strip()):
        text = value.strip().lower()
        if len(text) == 4:
            text = "#" + "".join(c * 2 for c in text[1:])
        return {"accent": text}
    raise BadValue('a colour such as "#1f4e9c", in quotes: YAML reads # as the start of a comment')


def _multiplier(name: str) -> Reader:
    def read(value: object) -> dict[str, object]:
        number = _number(value)
        if number is not None and 0.5 <= number <= 2.0:
            return {name: number}
        raise BadValue("a number from 0.5 to 2; 1 is as the theme is drawn")
    return read


def _choice(name: str, choices: tuple[str, ...]) -> Reader:
    def read(value: object) -> dict[str, object]:
        if isinstance(value, str) and value in choices:
            return {name: value}
        raise BadValue(f"one of {', '.join(choices)}")
    return read


def _switch(name: str) -> Reader:
    def read(value: object) -> dict[str, object]:
        if isinstance(value, bool):
            return {name: value}
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return {name: value.strip().lower() == "true"}
        raise BadValue("true or false")
    return read


KEYS: dict[str, Reader] = {
    "page": _page,
    "margins": _margins,
    "font": _font,
    "font-size": _font_size,
    "accent": _accent,
    "line-spacing": _multiplier("line_spacing"),
    "section-title": _choice("section_title", SECTION_TITLES),
    "date-position": _choice("date_position", DATE_POSITIONS),
    "entry-spacing": _multiplier("entry_spacing"),
    "page-numbers": _switch("page_numbers"),
    "header-align": _choice("header_align", ALIGNMENTS),
    "photo": _switch("photo"),
}


def read_design(raw: object, where: Where, problems: list[Problem], what: str = "cvfilter.design") -> dict[str, object]:
    """The Design fields a `design:` mapping sets; each mistake is a problem at its key's line."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem(where(), f"`{what}` must be a mapping", "e.g. `design: {page: a4, accent: \"#1f4e9c\"}`"))
        return {}
    values: dict[str, object] = {}
    for key, value in raw.items():
        reader = KEYS.get(str(key))
        if reader is None:
            guess = difflib.get_close_matches(str(key), list(KEYS), n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else f"known keys: {', '.join(KEYS)}"
            problems.append(Problem(where(str(key), "<key>"), f"unknown design key {key!r} under `{what}`", hint))
            continue
        try:
            values.update(reader(value))
        except BadValue as exc:
            problems.append(Problem(where(str(key)), f"`{what}.{key}` cannot be {value!r}", str(exc)))
    return values


def complete(values: Mapping[str, object], where: Location) -> Design:
    """A theme's full design; a manifest that leaves a value out is a mistake in the theme."""
    missing = [f.name for f in fields(Design) if f.name not in values]
    if missing:
        raise CvError.at(where, f"the theme's design lacks {', '.join(missing)}", "give every design value in theme.yaml")
    return Design(**values)


def read_changes(raw: object, where: Where, problems: list[Problem]) -> DesignChanges:
    """`cvfilter: design:` of the front matter, typed."""
    return DesignChanges(**read_design(raw, where, problems))
