"""The list options every list-like macro shares: tags, sort, reverse, limit, numbering."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import panflute as pf

from ..data.dates import DateRange
from ..errors import Problem
from ..elements import section
from .registry import MacroCall

T = TypeVar("T")

_SHOWN_VALUES = 12


@dataclass(frozen=True)
class Filter(Generic[T]):
    """One selecting option: which items it keeps, and the values the data has (named when nothing matches)."""

    keep: Callable[[T], bool]
    values: Callable[[T], Iterable[str]] | None = None


def select(
    items: Sequence[T],
    call: MacroCall,
    dates: Callable[[T], DateRange | None] = lambda item: None,
    title: Callable[[T], str] = lambda item: "",
    filters: Mapping[str, Filter[T]] | None = None,
) -> list[T]:
    """Apply the filters (tags and the macro's own), sort, reverse and limit in that order; the data's
    own order is the default. Filters that leave nothing of non-empty data are warned about."""
    active = {name: spec for name, spec in {"tags": _tags_filter(call), **(filters or {})}.items()
              if call.options.get(name)}
    chosen = [item for item in items if all(spec.keep(item) for spec in active.values())]
    if items and not chosen:
        call.notes.append(_nothing_matches(items, call, active))
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


def _tags_filter(call: MacroCall) -> Filter:
    wanted = {t.strip() for t in str(call.options.get("tags") or "").split(",") if t.strip()}
    return Filter(lambda item: bool(wanted & set(getattr(item, "tags", []))), lambda item: getattr(item, "tags", []))


def _nothing_matches(items: Sequence[T], call: MacroCall, active: Mapping[str, Filter[T]]) -> Problem:
    """A warning naming the options that alone match nothing (else all of them: their combination)."""
    alone = [name for name, spec in active.items() if not any(spec.keep(item) for item in items)]
    responsible = alone or list(active)
    shown = " ".join(f"{name}={_shown(call.options[name])}" for name in responsible)
    present = []
    for name in responsible:
        values = active[name].values
        if values is None:
            continue
        found = sorted({str(v) for item in items for v in values(item)})
        listed = ", ".join(found[:_SHOWN_VALUES]) + (", …" if len(found) > _SHOWN_VALUES else "")
        present.append(f"{name} present: {listed}" if found else f"no entry has {name}")
    return Problem(call.location, f"no {call.name} match {shown}", "; ".join(present), "warning")


def _shown(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def list_section(
    kind: str, chosen: Sequence[T], call: MacroCall, render: Callable[[T], pf.Block], lead: Sequence[pf.Block] = ()
) -> list[pf.Block]:
    """The shape every list macro shares: a lead-in, the macro's own content, then the (numbered) items."""
    blocks: list[pf.Block] = [*lead, *call.content]
    if chosen:
        blocks.append(numbered([[render(item)] for item in chosen], str(call.options.get("numbering") or "none")))
    return [section(kind, blocks)]


def numbered(items: list[list[pf.Block]], numbering: str, first: int = 1, total: int | None = None,
             wrap: bool = True) -> pf.Block:
    """Items (each a list of blocks) numbered "ascending", "descending" or "none" (a plain
    bullet-less sequence): the one numbering of every list macro, publications included.

    `first` and `total` let the numbers run on across groups (publications by year: the second
    group starts where the first stopped; counting down starts from the number of all entries).
    Pandoc lists only count up, so a count-down list carries its numbers as text. With `wrap`, each
    item is a `cv-item` Div; without, its blocks (an entry Div) stand in the list as they are.
    """
    if numbering == "ascending":
        return pf.OrderedList(*(pf.ListItem(*blocks) for blocks in items), start=first, style="Decimal", delimiter="Period")
    total = first - 1 + len(items) if total is None else total
    shown: list[pf.Block] = []
    for offset, blocks in enumerate(items):
        if numbering == "descending":
            number = pf.Span(pf.Str(f"{total - (first - 1) - offset}."), classes=["cv-number"])
            _prefix_first_line(blocks, [number, pf.Space()])
        shown.extend([pf.Div(*blocks, classes=["cv-item"])] if wrap else blocks)
    return pf.Div(*shown, classes=["cv-items", "cv-descending"] if numbering == "descending" else ["cv-items"])


def count_down(list_items: list[pf.ListItem]) -> pf.Block:
    """List items numbered from their count down to 1 (RenderCV's reversed_numbered)."""
    return numbered([list(item.content) for item in list_items], "descending")


def _prefix_first_line(blocks: Sequence[pf.Block], inlines: list[pf.Inline]) -> bool:
    """Put `inlines` at the start of the first paragraph, looking inside entry Divs."""
    for block in blocks:
        if isinstance(block, (pf.Para, pf.Plain)):
            block.content[0:0] = inlines
            return True
        if isinstance(block, pf.Div) and _prefix_first_line(block.content, inlines):
            return True
    return False
