"""Builders for the semantic Pandoc AST that every macro emits.

The core speaks only in Pandoc elements with `cv-*` classes; each output format's edge module decides
how those look. User text always enters as Str/Space, so writers escape it and nothing is interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import panflute as pf

from .data.dates import DateRange, PartialDate
from .labels import Labels

_WORD = re.compile(r"[^ \t\n\r\f\v]+")  # a no-break space stays inside its word: it must not break


def text(value: str) -> list[pf.Inline]:
    """Literal text as Str and Space elements: the one way user strings enter the AST."""
    words = _WORD.findall(value)
    out: list[pf.Inline] = []
    for i, word in enumerate(words):
        if i:
            out.append(pf.Space())
        out.append(pf.Str(word))
    return out


def span(inlines: Iterable[pf.Inline], *classes: str, **attributes: str) -> pf.Span:
    return pf.Span(*inlines, classes=list(classes), attributes=attributes)


def link(inlines: Sequence[pf.Inline], url: str | None) -> list[pf.Inline]:
    """A hyperlink when there is a target, the plain inlines otherwise."""
    return [pf.Link(*inlines, url=url)] if url else list(inlines)


def join(parts: Sequence[Sequence[pf.Inline]], separator: str = ", ", last: str | None = None) -> list[pf.Inline]:
    """Join inline runs: "A, B, and C" with `last=", and "`; "A and B" for two with `last`."""
    out: list[pf.Inline] = []
    for i, part in enumerate(parts):
        if i:
            if last is not None and i == len(parts) - 1:
                glue = last if len(parts) > 2 else " " + last.strip(", ").strip() + " "
            else:
                glue = separator
            out.extend(_glue(glue))
        out.extend(part)
    return out


def _glue(glue: str) -> list[pf.Inline]:
    """Separator text with its spaces as Space elements, so writers can break lines there."""
    out: list[pf.Inline] = []
    if glue.startswith(" "):
        out.append(pf.Space())
    out.extend(text(glue))
    if glue.endswith(" "):
        out.append(pf.Space())
    return out


def format_date(date: PartialDate, labels: Labels) -> str:
    return labels.date(date.year, date.month, date.day)


NBSP = "\u00a0"


def format_range(dates: DateRange, labels: Labels) -> str:
    """"2014 – 2019", with no-break spaces so that a range never splits across lines."""
    start = format_date(dates.start, labels).replace(" ", NBSP)
    dash = f"{NBSP}–{NBSP}"
    if dates.ongoing:
        return f"{start}{dash}{labels['present']}"
    if dates.end and dates.end != dates.start:
        return f"{start}{dash}{format_date(dates.end, labels).replace(' ', NBSP)}"
    return start


def date_span(dates: DateRange | None, labels: Labels) -> list[pf.Inline]:
    """The right-aligned date of an entry; the edge modules place it."""
    if dates is None:
        return []
    return [span(text(format_range(dates, labels)), "cv-date", datetime=_iso_range(dates))]


def _iso_range(dates: DateRange) -> str:
    return dates.start.iso()


def entry(line: list[pf.Inline], details: Sequence[list[pf.Inline]] = (), *classes: str,
          bullets: pf.Block | None = None) -> pf.Div:
    """One CV entry: its headline (ending with the date span), detail lines, then its bullets."""
    blocks: list[pf.Block] = [pf.Para(*line)]
    blocks.extend(pf.Div(pf.Para(*d), classes=["cv-detail"]) for d in details)
    if bullets is not None:
        blocks.append(bullets)
    return pf.Div(*blocks, classes=["cv-entry", *classes])


def bullet_list(items: Sequence[tuple[list[pf.Inline], Sequence[list[pf.Inline]]]]) -> pf.Div:
    """Highlights as a real bullet list (a Word list, <ul>, a Typst list), each item with bullets
    of its own one level down; the Div marks it for styling."""
    def item(words: list[pf.Inline], below: Sequence[list[pf.Inline]]) -> pf.ListItem:
        inner = [pf.BulletList(*(pf.ListItem(pf.Plain(*w)) for w in below))] if below else []
        return pf.ListItem(pf.Plain(*words), *inner)

    return pf.Div(pf.BulletList(*(item(words, below) for words, below in items)), classes=["cv-highlights"])


def section(kind: str, blocks: Sequence[pf.Block]) -> pf.Div:
    """The expansion of one macro, marked with its kind for styling."""
    return pf.Div(*blocks, classes=["cv-section", f"cv-{kind}"])
