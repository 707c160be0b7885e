"""Format edges: the one place per output format that knows how that format looks.

Each edge takes the semantic document (Divs and Spans with `cv-*` classes) and adds what its writer
needs: raw Typst or LaTeX wrappers, Word style names, HTML landmarks. Escaping of user text is left to
Pandoc's writers, except where an edge must build a string literal itself (one function per edge).
"""

from __future__ import annotations

from collections.abc import Callable

import panflute as pf

from ..context import Context

# panflute 2.3 predates pandoc's Typst writer and rejects raw elements in that format, both the
# edge's own and a user's `{=typst}` in cv.md.
RAW_TYPST = "typst"
pf.elements.RAW_FORMATS.add(RAW_TYPST)

Finisher = Callable[[pf.Doc, "Context | None"], None]

_EDGES = {
    "html": "html", "html4": "html", "html5": "html", "chunkedhtml": "html",
    "docx": "docx",
    "typst": "typst",
    "latex": "latex", "beamer": "latex", "pdf": "latex",
}


def finish_for(fmt: str) -> Finisher:
    """The finisher for a pandoc output format name; text formats share the plain one."""
    module_name = _EDGES.get(fmt.split("+")[0].split("-")[0], "plain")
    module = __import__(f"{__name__}.{module_name}", fromlist=["finish"])
    return module.finish
