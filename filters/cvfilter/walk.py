"""A faster `Element.walk`: same order and meaning as panflute's, without rebuilding every list.

panflute's walk re-creates and re-attaches every child list of every element, even when the action
changes nothing; on a CV that is most of the time a format edge takes. Here a list is replaced only
when an action replaced, removed or spliced one of its items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import panflute as pf

Action = Callable[[pf.Element, pf.Doc], Any]
Types = type | tuple[type, ...]


def walk(elem: pf.Element, action: Action, doc: pf.Doc | None = None, types: Types = pf.Element) -> Any:
    """Apply `action` to every element below `elem`, children first, then to `elem` itself.

    As with panflute: an action returning None keeps the element, an element replaces it, a list
    splices its items in its place ([] removes it). Returns `elem` or what replaced it.
    `types` limits the calls to elements of those types (the walk still goes through the others):
    most of a CV is one-word Str and Space elements that an edge's action has nothing to do with.
    """
    if doc is None:
        doc = elem.doc if not isinstance(elem, pf.Doc) else elem
    for name in elem._children:
        child = getattr(elem, name)
        if isinstance(child, pf.ListContainer):
            replaced = _walk_items(child, action, doc, types)
            if replaced is not None:
                child[:] = replaced  # in place: panflute's setter re-checks each item through four calls
        elif isinstance(child, pf.DictContainer):
            _walk_mapping(child, action, doc, types)
        elif isinstance(child, pf.Element):
            result = walk(child, action, doc, types)
            if result is not child:
                setattr(elem, name, result)
        elif child is not None:
            raise TypeError(type(child))
    altered = action(elem, doc) if isinstance(elem, types) else None
    return elem if altered is None else altered


def _walk_items(container: pf.ListContainer, action: Action, doc: pf.Doc, types: Types) -> list | None:
    """The new list if any item changed identity, else None (the old list stays attached)."""
    items = container.list
    parent, location = container.parent, container.location
    new: list | None = None
    for index, item in enumerate(items):
        # What panflute's item access does (attach), inline: this loop runs once per element.
        item.parent, item.location, item.index = parent, location, index
        if item._children:
            result = walk(item, action, doc, types)
        elif isinstance(item, types):
            altered = action(item, doc)
            result = item if altered is None else altered
        else:
            result = item
        if result is item and new is None:
            continue
        if new is None:
            new = list(items[:index])
        if type(result) is list:
            new.extend(result)
        else:
            new.append(result)
    return new


def _walk_mapping(mapping: pf.DictContainer, action: Action, doc: pf.Doc, types: Types) -> None:
    for key, value in list(mapping.items()):
        result = walk(value, action, doc, types)
        if result == []:
            del mapping[key]
        elif result is not value:
            mapping[key] = result


def in_order(elem: pf.Element, types: Types) -> Iterator[pf.Element]:
    """Every element of `types` below `elem`, parents before children, in the order the source has
    them (as its opening fences and brackets come in cv.md)."""
    for name in elem._children:
        child = getattr(elem, name)
        items = (child.list if isinstance(child, pf.ListContainer) else list(child.values())
                 if isinstance(child, pf.DictContainer) else [child] if isinstance(child, pf.Element) else [])
        for item in items:
            if isinstance(item, types):
                yield item
            if item._children:
                yield from in_order(item, types)
