"""The parsed .bib file kept on disk, so that a build with an unchanged file does not parse it again.

Parsing is a pure function of the file's text, its shown name and the reader's code, so the result
and every problem found (with its file:line) are stored as JSON under a key of exactly those; a hit
gives back what a parse gives, and the warnings are reported on every build, not only the first.
JSON, never pickle: the cache sits in the user's project. An entry that does not read back (corrupt,
or written by another version) is parsed again and replaced. One parse is kept per .bib file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..cache import FileResult, code_version
from ..errors import Location, Problem
from .names import Author, AuthorList
from .entries import BibEntry, Bibliography

Parse = Callable[[str, str], tuple[Bibliography, list[Problem]]]

# The modules whose code decides what a parse gives.
_READER_SOURCES = ("reader.py", "entries.py", "latex.py", "names.py", "stored.py", "inherit.py")
_READER_PACKAGES = ("bibtexparser", "pylatexenc")


def parse_stored(text: str, shown: str, base_dir: Path, parse: Parse) -> tuple[Bibliography, list[Problem]]:
    """`parse(text, shown)`, or what it gave before for the same text, name and reader."""
    stored = FileResult(base_dir, "bibliography", shown, text, _reader_version())
    found = stored.found(_load)
    if found is not None:
        return found
    result, problems = parse(text, shown)
    stored.keep(_dump(result, problems))
    return result, problems


def _dump(bibliography: Bibliography, problems: list[Problem]) -> dict[str, Any]:
    return {
        "file": bibliography.file,
        "entries": [_dump_entry(entry) for entry in bibliography],
        "problems": [[*_dump_location(p.location), p.message, p.hint, p.severity] for p in problems],
    }


def _dump_entry(entry: BibEntry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "type": entry.type,
        "fields": entry.fields,
        "authors": _dump_authors(entry.authors),
        "editors": _dump_authors(entry.editors),
        "location": _dump_location(entry.location),
        "runs": entry.runs,
        "names": {name: _dump_authors(names) for name, names in entry.names.items()},
    }


def _dump_authors(authors: AuthorList) -> dict[str, Any]:
    # Only the parts a name has: most have two of the six.
    return {"names": [{k: v for k, v in vars(a).items() if v} for a in authors.authors], "others": authors.others}


def _dump_location(location: Location) -> list[Any]:
    return [location.file, location.line, location.column]


def _load(data: dict[str, Any]) -> tuple[Bibliography, list[Problem]]:
    """The stored parse as the reader's objects; anything malformed raises."""
    result = Bibliography(_text(data["file"]))
    for raw in data["entries"]:
        entry = BibEntry(
            key=_text(raw["key"]),
            type=_text(raw["type"]),
            fields={_text(k): _text(v) for k, v in raw["fields"].items()},
            authors=_load_authors(raw["authors"]),
            editors=_load_authors(raw["editors"]),
            location=_load_location(raw["location"]),
            runs={_text(name): tuple((_text(text), bool(braced)) for text, braced in runs) for name, runs in raw["runs"].items()},
            names={_text(name): _load_authors(names) for name, names in raw["names"].items()},
        )
        result.entries[entry.key] = entry
    problems = [Problem(_load_location(p[:3]), _text(p[3]), _text(p[4]), _severity(p[5])) for p in data["problems"]]
    return result, problems


def _load_authors(data: dict[str, Any]) -> AuthorList:
    names = tuple(Author(**{_text(k): _text(v) for k, v in name.items()}) for name in data["names"])
    return AuthorList(names, bool(data["others"]))


def _load_location(data: list[Any]) -> Location:
    file, line, column = data
    if not isinstance(line, int) or not isinstance(column, int):
        raise TypeError("a line and a column are numbers")
    return Location(_text(file), line, column)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _severity(value: Any) -> str:
    if value not in ("error", "warning"):
        raise ValueError("unknown severity")
    return value


def _reader_version() -> str:
    """The reader's code and the packages it parses with: a parse by another version is not reused."""
    return code_version(Path(__file__).parent, _READER_SOURCES, _READER_PACKAGES)
