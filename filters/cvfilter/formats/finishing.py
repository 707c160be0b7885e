"""Which edge finishes the document for a pandoc writer name, under plain pandoc (`-t html5`)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import panflute as pf

from ..context import Context

Finisher = Callable[[pf.Doc, "Context | None"], None]

# Pandoc writer name -> edge module; every other writer (markdown, plain, rst, ...) gets the plain edge.
_EDGES = {
    "html": "html", "html4": "html", "html5": "html", "chunkedhtml": "html",
    "docx": "docx",
    "typst": "typst",
    "latex": "latex", "beamer": "latex", "pdf": "latex",
}


def finish_for(fmt: str) -> Finisher:
    """The finisher for a pandoc output format name (its extensions and variants ignored). The edge
    loads on first use: a filter run under pandoc needs only the one it writes."""
    module = import_module(f"{__package__}.{_EDGES.get(fmt.split('+')[0].split('-')[0], 'plain')}")
    return module.finish
