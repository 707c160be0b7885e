"""crossref and xdata: an entry takes the fields it lacks from the entries it names.

The field names change on the way as biblatex's manual (appendix B) says and pandoc does: a book's
title is an inbook's booktitle, a proceedings' title an inproceedings' booktitle, a periodical's
title an article's journaltitle. What the entry has itself always wins.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import Diagnostics

if TYPE_CHECKING:
    from .entries import BibEntry, Bibliography

_NEVER = {"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
          "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey"}
_STANDARD = {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon", "shorttitle": None,
             "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_BOOK = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon", "shorttitle": None,
         "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_PERIODICAL = {"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": None, "sorttitle": None,
               "indextitle": None, "indexsorttitle": None}
_BOOKISH = ("inbook", "bookinbook", "suppbook")
_IN_COLLECTION = ("incollection", "inreference", "suppcollection")


def inherit(bibliography: Bibliography, diagnostics: Diagnostics) -> Bibliography:
    """The bibliography with every crossref and xdata resolved (in place; returned for chaining)."""
    entries = bibliography.entries
    by_key = {key.casefold(): entry for key, entry in entries.items()}
    for key, entry in list(entries.items()):
        if entry.get("crossref") or entry.get("xdata"):
            entries[key] = resolved = _resolved(entry, by_key, diagnostics, frozenset({key.casefold()}))
            _warn_missing(resolved, diagnostics)
    return bibliography


def _warn_missing(entry: BibEntry, diagnostics: Diagnostics) -> None:
    """What the reader checks of every other entry, once the inherited fields are in."""
    for missing, hint in ((not entry.get("title"), "title={...}"), (entry.year is None, "year={...}"),
                          (not entry.authors.authors and not entry.editors.authors and not entry.authors.others, "author={...}")):
        if missing:
            kind = hint.split("=")[0]
            diagnostics.warn(entry.location, f"entry {entry.key!r} has no {kind}, nor the entry its crossref names",
                             f"add {hint}")


def _resolved(entry: BibEntry, by_key: dict[str, BibEntry], diagnostics: Diagnostics, seen: frozenset[str]) -> BibEntry:
    for field in ("xdata", "crossref"):
        for parent_key in re.split(r"[\s,]+", entry.fields.get(field, "")):
            if not parent_key:
                continue
            parent = by_key.get(parent_key.casefold())
            if parent is None:
                diagnostics.warn(entry.location, f"{field} {parent_key!r} of {entry.key!r} names no entry in this file",
                                 "add that entry, or delete the field")
                continue
            if parent_key.casefold() in seen:
                diagnostics.warn(entry.location, f"{field} of {entry.key!r} leads back to itself", "break the circle")
                continue
            if parent.get("crossref") or parent.get("xdata"):
                parent = _resolved(parent, by_key, diagnostics, seen | {parent_key.casefold()})
            entry = _merge(entry, parent, field == "xdata")
    return entry


def _merge(child: BibEntry, parent: BibEntry, xdata: bool) -> BibEntry:
    fields = dict(child.fields)
    runs = dict(child.runs)
    names = dict(child.names)
    authors, editors = child.authors, child.editors
    for name in [*parent.fields, *parent.runs, *parent.names, "author", "editor"]:
        if name in _NEVER:
            continue
        target = name if xdata else _target(parent.type, child.type, name)
        if target is None:
            continue
        if name == "author" and parent.authors.authors:
            if target == "author" and not authors.authors:
                authors = parent.authors
            elif target == "bookauthor" and "bookauthor" not in names:
                names["bookauthor"] = parent.authors
        elif name == "editor" and parent.editors.authors:
            if not editors.authors:
                editors = parent.editors
        elif name in parent.names and target not in names:
            names[target] = parent.names[name]
        if name in parent.fields and target not in fields:
            fields[target] = parent.fields[name]
        if name in parent.runs and target not in runs and target not in child.fields:
            runs[target] = parent.runs[name]
    return replace(child, fields=fields, runs=runs, names=names, authors=authors, editors=editors)


def _target(source: str, target: str, name: str) -> str | None:
    """The name a parent's field takes in the child (None: not inherited), after biblatex's table."""
    if name == "author" and ((source in ("mvbook", "book") and target in _BOOKISH) or (source == "mvbook" and target == "book")):
        return "bookauthor"
    table: dict[str, str | None] = {}
    if source == "mvbook" and target in ("book", *_BOOKISH):
        table = _STANDARD
    elif source in ("mvcollection", "mvreference") and target in ("collection", "reference", *_IN_COLLECTION):
        table = _STANDARD
    elif source == "mvproceedings" and target in ("proceedings", "inproceedings"):
        table = _STANDARD
    elif (source == "book" and target in _BOOKISH) or (source in ("collection", "reference") and target in _IN_COLLECTION):
        table = _BOOK
    elif source == "proceedings" and target == "inproceedings":
        table = _BOOK
    elif source == "periodical" and target in ("article", "suppperiodical"):
        table = _PERIODICAL
    return table.get(name, name)
