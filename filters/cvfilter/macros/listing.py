"""The list options every list-like macro shares: tags, sort, reverse, limit, numbering."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import panflute as pf

from ..data.dates import DateRange
from .registry import MacroCall

T = TypeVar("T")


def select(
    items: Sequence[T],
    call: MacroCall,
    dates: Callable[[T], DateRange | None] = lambda item: None,
    title: Callable[[T], str] = lambda item: "",
) -> list[T]:
    """Apply tags, sort, reverse and limit in that order; the data's own order is the default."""
    chosen = list(items)
    wanted = {t.strip() for t in str(call.options.get("tags") or "").split(",") if t.strip()}
    if wanted:
        chosen = [item for item in chosen if wanted & set(getattr(item, "tags", []))]
    sort = call.options.get("sort", "none")
    if sort == "date":
        undated = [item for item in chosen if dates(item) is None]
        dated = sorted((item for item in chosen if dates(item) is not None), key=lambda i: dates(i).sort_key, reverse=True)
        chosen = dated + undated
    elif sort == "title":
        chosen = sorted(chosen, key=lambda item: title(item).casefold())
    if call.options.get("reverse"):
        chosen.reverse()
    limit = int(call.options.get("limit") or 0)
    return chosen[:limit] if limit > 0 else chosen


def numbered(items: list[list[pf.Block]], call: MacroCall, default: str = "none") -> pf.Block:
    """A numbered list (ascending or descending) or a plain bullet-less sequence of items."""
    numbering = call.options.get("numbering") or default
    if numbering == "none":
        return pf.Div(*(pf.Div(*blocks, classes=["cv-item"]) for blocks in items), classes=["cv-items"])
    list_items = [pf.ListItem(*blocks) for blocks in items]
    if numbering == "descending":
        return _descending(list_items)
    return pf.OrderedList(*list_items, start=1, style="Decimal", delimiter="Period")


def _descending(list_items: list[pf.ListItem]) -> pf.Block:
    """Pandoc lists only count up, so a count-down list carries its numbers as text."""
    total = len(list_items)
    blocks = []
    for index, item in enumerate(list_items):
        number = pf.Span(pf.Str(f"{total - index}."), classes=["cv-number"])
        _prefix_first_line(item.content, [number, pf.Space()])
        blocks.append(pf.Div(*item.content, classes=["cv-item"]))
    return pf.Div(*blocks, classes=["cv-items", "cv-descending"])


def _prefix_first_line(blocks: Sequence[pf.Block], inlines: list[pf.Inline]) -> bool:
    """Put `inlines` at the start of the first paragraph, looking inside entry Divs."""
    for block in blocks:
        if isinstance(block, (pf.Para, pf.Plain)):
            block.content[0:0] = inlines
            return True
        if isinstance(block, pf.Div) and _prefix_first_line(block.content, inlines):
            return True
    return False
