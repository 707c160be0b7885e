"""BibTeX records to CSL-JSON items, with the owner and "et al." marked for the renderer.

The item is all a render depends on (with the style and locale), so a rendered entry can be cached
by the item's JSON.
"""

from __future__ import annotations

import re

from .markers import OTHERS, OWNER, OWNER_HIDEABLE, TITLE_CLOSE, TITLE_OPEN, URL_CLOSE, URL_OPEN
from .names import Author, Owner
from .mapping import csl_variables, typographic
from .reader import BibEntry

ELLIPSIS = "…"  # the authors skipped between the first ones and an owner further down the list
# BibEntry.names -> CSL name variables (the rest have none in CSL and are reported by the reader).
_NAME_VARIABLES = {"translator": "translator", "bookauthor": "container-author", "director": "director"}


def to_csl(entry: BibEntry, owner: Owner, max_authors: int = 0, untitled: str = "untitled", sentence: bool = False,
           hide_owner: bool = False) -> dict:
    """The CSL-JSON item of an entry; the owner's family name carries the OWNER marker.

    `sentence`: titles from Title Case to sentence case (styles other than ours; see sentence_case.py).
    An entry without a title (the reader warns) shows "key (untitled)" in its place, so that it can
    be found and its [code] links stay right after the title."""
    item = {"id": entry.key, **csl_variables(entry, sentence)}
    title = item.get("title") or f'<span class="nocase">{entry.key} ({untitled})</span>'
    item["title"] = TITLE_OPEN + title + TITLE_CLOSE
    names = mark_authors(entry.authors.authors, entry.authors.others, owner, max_authors, _equal(entry), hide_owner)
    if names:
        item["author"] = names
    editors = mark_authors(entry.editors.authors, entry.editors.others, owner)
    if editors:
        item["editor"] = editors
    for field, variable in _NAME_VARIABLES.items():
        listed = entry.names.get(field)
        if listed and listed.authors:
            item[variable] = mark_authors(listed.authors, listed.others, owner)
    typographic(item)
    if re.search(r"useprefix\s*=\s*true|useprefix\s*(,|$)", entry.get("options") or ""):
        _particles_kept(item)  # "van Gennep, A.", sorted under V
    if "URL" in item:
        item["URL"] = URL_OPEN + item["URL"] + URL_CLOSE
    if "DOI" in item:
        item["DOI"] = URL_OPEN + item["DOI"] + URL_CLOSE
    return item


def _particles_kept(item: dict) -> None:
    for value in item.values():
        for name in value if isinstance(value, list) else []:
            if isinstance(name, dict) and "dropping-particle" in name:
                name["non-dropping-particle"] = name.pop("dropping-particle")


def mark_authors(authors: tuple[Author, ...], others: bool, owner: Owner, limit: int = 0,
                 equal: frozenset[int] = frozenset(), hideable: bool = False) -> list[dict]:
    """CSL names; the owner marked; cut to `limit` names plus "et al." (see `cut_authors`). The style's
    own et al. never hides the owner (citeproc_fixes.py) unless `hideable`."""
    chosen, cut = cut_authors(authors, owner, limit)
    names = []
    for index, author in chosen:
        if author is None:
            names.append({"literal": ELLIPSIS})
            continue
        name = author.csl()
        mark = "*" if index in equal and not author.mark else ""
        key = "literal" if "literal" in name else "family"
        name[key] = name[key] + mark + ((OWNER + (OWNER_HIDEABLE if hideable else "")) if owner.matches(author) else "")
        names.append(name)
    if names and (others or cut):
        names.append({"literal": OTHERS})
    return names


def cut_authors(authors: tuple[Author, ...], owner: Owner, limit: int = 0) -> tuple[list[tuple[int, Author | None]], bool]:
    """The (index, author) pairs a list shows under `limit` (0: all), and whether "et al." must follow.

    The owner is never hidden: an owner beyond the cut keeps their place in the order, after the first
    limit-1 names and an ellipsis (None) for the ones skipped; "et al." then only if anyone follows."""
    chosen: list[tuple[int, Author | None]] = list(enumerate(authors))
    cut = bool(limit) and len(chosen) > limit
    if cut:
        owners = [i for i, a in enumerate(authors) if owner.matches(a)]
        if owners and owners[0] >= limit:
            first = max(limit - 1, 0)
            chosen = [*chosen[:first], (-1, None), (owners[0], authors[owners[0]])]
            cut = owners[0] < len(authors) - 1
        else:
            chosen = chosen[:limit]
    return chosen, cut


def _equal(entry: BibEntry) -> frozenset[int]:
    """Authors marked equal by a field (`equal={1,2}` or `_equal`), counted from 1."""
    raw = entry.get("_equal", "equal", "equal_contribution")
    if not raw:
        return frozenset()
    return frozenset(int(n) - 1 for n in re.findall(r"\d+", raw))

