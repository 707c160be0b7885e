"""One .bib entry through the publications macro's citation path, as plain text: a helper for the tests."""

from __future__ import annotations

import panflute as pf

from cvfilter.bibliography.csl import to_csl
from cvfilter.bibliography.names import Owner
from cvfilter.bibliography.entries import BibEntry
from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.bibliography.render import render_reference, resolve_style, to_inlines, item_json
from cvfilter.errors import Diagnostics, Location
from tests.conftest import ROOT, normalize


def entries(bib: str) -> dict[str, BibEntry]:
    return parse_bibliography(bib, "refs.bib", Diagnostics()).entries


def item(bib: str, key: str | None = None, owner: tuple[str, ...] = (), **options) -> dict:
    found = entries(bib)
    return to_csl(found[key or next(iter(found))], Owner(owner), sentence=True, **options)


def render_item(csl: dict, style: str = "apa") -> str:
    marked = render_reference(item_json(csl), resolve_style(style, ROOT, Location("test")), "en-US")
    return normalize(pf.stringify(pf.Plain(*to_inlines(marked, csl, serial_comma=True))))


def render(bib: str, style: str = "apa", key: str | None = None, owner: tuple[str, ...] = (), **options) -> str:
    return render_item(item(bib, key, owner, **options), style)
