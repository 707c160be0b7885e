"""Markdown, plain text and every other text format: clean text, no wrapper Divs or Spans.

The semantic classes matter to styled formats only; a Markdown reader wants the words, the links
and the emphasis, so every `cv-*` wrapper is unwrapped here. The owner's name becomes the one
level-1 heading (as in HTML): a bare paragraph at the top would be read back as a title block when
it starts with `%`. Contact icons are pictures in styled formats; as text ("⌥" for GitHub) they
mislead, so a handle gets its site's name instead ("GitHub: bamos") and an address that speaks for
itself (mail, web, phone) gets nothing.
"""

from __future__ import annotations

import re

import panflute as pf

from ..context import Context
from ..pipeline import DONE_KEY
from ..walk import walk
from .common import FINISHED_KEY, before_date, has, name_heading, once, shift_headings


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "plain"):
        return
    before_date(doc, lambda: [pf.Space()])
    walk(doc, shift_headings)
    walk(doc, _name_as_heading)
    walk(doc, _icon_words)
    walk(doc, _unwrap)
    if (doc.format or "").startswith("markdown"):
        walk(doc, _no_citations, types=pf.Str)
    # Nothing is left for a second run to redo, so the markers need not leak into `-s` front matter.
    for marker in (DONE_KEY, FINISHED_KEY):
        if marker in doc.metadata:
            del doc.metadata[marker]


def _name_as_heading(elem: pf.Element, _doc: pf.Doc) -> pf.Header | None:
    """A name ending in "#" stays a paragraph: pandoc's Markdown writer leaves that "#" unescaped,
    and its reader takes it for the heading's closing sequence and drops it."""
    heading = name_heading(elem) if isinstance(elem, pf.Para) else None
    return None if heading is None or pf.stringify(heading).rstrip().endswith("#") else heading


# Sites whose handle alone does not say where it lives; other icons are dropped.
SITE_NAMES = {"linkedin": "LinkedIn", "twitter": "X", "github": "GitHub", "orcid": "ORCID", "scholar": "Google Scholar"}


def _icon_words(elem: pf.Element, _doc: pf.Doc) -> pf.Inline | None:
    if not has(elem, "cv-contact-item"):
        return None
    content = list(elem.content)
    if content and has(content[0], "cv-icon"):
        site = SITE_NAMES.get(content[0].attributes.get("icon", ""))
        rest = content[2:] if len(content) > 1 and isinstance(content[1], pf.Space) else content[1:]
        elem.content = [pf.Str(f"{site}:"), pf.Space(), *rest] if site else rest
    return None


def _unwrap(elem: pf.Element, _doc: pf.Doc) -> list[pf.Element] | None:
    if isinstance(elem, (pf.Div, pf.Span)) and any(c.startswith("cv-") for c in elem.classes):
        return list(elem.content)
    return None


# Where pandoc's Markdown reader would start a citation ("x--@key"), its writer leaves the "@" bare.
_CITATION_START = re.compile(r"(?<![^\W_])@")


def _no_citations(elem: pf.Str, _doc: pf.Doc) -> list[pf.Inline] | None:
    """An "@" after anything but a letter or digit, escaped, so the text does not come back as a citation."""
    parts = _CITATION_START.split(elem.text)
    if len(parts) == 1:
        return None
    escaped: list[pf.Inline] = []
    for index, part in enumerate(parts):
        if index:
            escaped.append(pf.RawInline("\\@", format="markdown"))
        if part:
            escaped.append(pf.Str(part))
    return escaped
