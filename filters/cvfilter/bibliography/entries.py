"""The records a .bib file is read into: its entries, in file order, by key. The reader makes them,
the stored parse (stored.py) writes and reads them back, the rest of the build only reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..errors import Diagnostics, Location
from .names import AuthorList

_TRUE = {"true", "yes", "1", "y"}


@dataclass(frozen=True)
class BibEntry:
    """One publication as read: its type and key, Unicode fields, parsed authors, and where it is."""

    key: str
    type: str
    fields: dict[str, str]
    authors: AuthorList
    editors: AuthorList
    location: Location
    # The title-like fields as their top-level parts, each with whether braces protect it (the
    # sentence-case conversion keeps those); the other name lists (translator, bookauthor...).
    runs: dict[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)
    names: dict[str, AuthorList] = field(default_factory=dict)

    @property
    def title_runs(self) -> tuple[tuple[str, bool], ...]:
        return self.runs.get("title", ())

    def get(self, *names: str) -> str | None:
        """The first of these fields that has a value (custom fields first, standard ones as fallback)."""
        for name in names:
            value = self.fields.get(name)
            if value:
                return value
        return None

    @cached_property
    def year(self) -> int | None:
        """Read once: sorting, grouping, filters and the CSL item all ask."""
        match = re.search(r"\d{4}", self.fields.get("year") or self.fields.get("date") or "")
        return int(match.group()) if match else None

    @property
    def selected(self) -> bool:
        return (self.fields.get("selected") or "").strip().casefold() in _TRUE

    @property
    def keywords(self) -> set[str]:
        return {k.strip().casefold() for k in re.split(r"[,;]", self.fields.get("keywords", "")) if k.strip()}


@dataclass
class Bibliography:
    """The entries of one .bib file in file order, by key."""

    file: str
    entries: dict[str, BibEntry] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def merged(cls, parts: list[Bibliography], diagnostics: Diagnostics) -> Bibliography:
        """Several files as one, in the order given; a key a later file repeats is a warning at its
        line there (as a key repeated within one file is), and the first entry stays."""
        if len(parts) == 1:
            return parts[0]
        result = cls(", ".join(part.file for part in parts))
        for part in parts:
            for key, entry in part.entries.items():
                first = result.entries.get(key)
                if first is None:
                    result.entries[key] = entry
                else:
                    diagnostics.warn(entry.location, f"duplicate key {key!r} (first at {first.location}); this entry is ignored",
                                     "give each entry its own key")
        return result
