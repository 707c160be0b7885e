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

from ..config import DONE_KEY
from ..context import Context
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
    if doc.format == "markdown":
        walk(doc, _as_written, types=pf.Str)
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
SITE_NAMES = {"linkedin": "LinkedIn", "twitter": "X", "github": "GitHub", "orcid": "ORCID", "gitlab": "GitLab",
              "researchgate": "ResearchGate", "stackoverflow": "Stack Overflow", "mastodon": "Mastodon", "bluesky": "Bluesky"}


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


# What pandoc's Markdown reader would turn into more than the characters written: an "@" after
# anything but a letter or digit starts a citation ("x--@key"), "&amp;" is an HTML entity, and smart
# typography makes "--" and "---" dashes, "..." an ellipsis, and ' and " curly quotes. Pandoc's
# writer leaves the "@" and the "&" bare, and the rest too once its smart extension is off; the Markdown export turns that off, since with it on the
# writer also spells every "–", "…" and curly quote in ASCII ("--"), which reads worse where the
# file is shown as written.
_READ_AS_MORE = re.compile(r"(?<![^\W_])@|&(?=#?\w+;)|-(?=-)|\.(?=\.\.)|['\"]")


def _as_written(elem: pf.Str, _doc: pf.Doc) -> list[pf.Inline] | None:
    """The text with a backslash before each such character, so that it reads back as written."""
    escaped: list[pf.Inline] = []
    start = 0
    for found in _READ_AS_MORE.finditer(elem.text):
        if found.start() > start:
            escaped.append(pf.Str(elem.text[start:found.start()]))
        escaped.append(pf.RawInline("\\" + found.group(), format="markdown"))
        start = found.end()
    if not escaped:
        return None
    if start < len(elem.text):
        escaped.append(pf.Str(elem.text[start:]))
    return escaped
