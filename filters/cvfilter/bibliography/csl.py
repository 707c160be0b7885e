"""BibTeX records to CSL-JSON items, with the owner and "et al." marked for the renderer.

The item is all a render depends on (with the style and locale), so a rendered entry can be cached
by the item's JSON.
"""

from __future__ import annotations

import re

from .markers import OTHERS, OWNER, TITLE_CLOSE, TITLE_OPEN, URL_CLOSE, URL_OPEN
from .names import Author, Owner
from .reader import BibEntry

_TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "booklet": "pamphlet",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "misc": "article",
}
ELLIPSIS = "…"  # the authors skipped between the first ones and an owner further down the list
_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}


def to_csl(entry: BibEntry, owner: Owner, max_authors: int = 0, untitled: str = "untitled") -> dict:
    """The CSL-JSON item of an entry; the owner's family name carries the OWNER marker.

    An entry without a title (the reader warns) shows "key (untitled)" in its place, so that it can
    be found and its [code] links stay right after the title."""
    item: dict = {"id": entry.key, "type": _TYPES.get(entry.type, "article")}
    if entry.title_runs:
        title = "".join(f'<span class="nocase">{text}</span>' if braced else text for text, braced in entry.title_runs)
    else:
        title = f'<span class="nocase">{entry.key} ({untitled})</span>'
    item["title"] = TITLE_OPEN + title + TITLE_CLOSE
    names = mark_authors(entry.authors.authors, entry.authors.others, owner, max_authors, _equal(entry))
    if names:
        item["author"] = names
    editors = mark_authors(entry.editors.authors, entry.editors.others, owner)
    if editors:
        item["editor"] = editors
    if entry.year is not None:
        item["issued"] = {"date-parts": [[entry.year, *_month(entry)]]}
    venue = entry.get("_venue", "venue", "journal", "booktitle", "howpublished")
    if venue and item["type"] == "thesis":
        item["genre"] = venue  # "Ph.D. Thesis" names the kind of work, not a container
    elif venue:
        item["container-title"] = venue
    publisher = entry.get("publisher", "school", "institution", "organization")
    if publisher:
        item["publisher"] = publisher
    if entry.get("address", "location"):
        item["publisher-place"] = entry.get("address", "location")
    for csl_name, bib_names in (("note", ("_note",)), ("volume", ("volume",)), ("issue", ("number",)),
                                ("page", ("pages",)), ("edition", ("edition",)), ("genre", ("type",))):
        value = entry.get(*bib_names)
        if value:
            item[csl_name] = value
    if "genre" not in item and entry.type in _GENRES:
        item["genre"] = _GENRES[entry.type]
    url = entry.get("url")
    if url:
        item["URL"] = URL_OPEN + url + URL_CLOSE
    doi = entry.get("doi")
    if doi:
        item["DOI"] = URL_OPEN + re.sub(r"^https?://(dx\.)?doi\.org/", "", doi) + URL_CLOSE
    return item


def mark_authors(authors: tuple[Author, ...], others: bool, owner: Owner, limit: int = 0,
                 equal: frozenset[int] = frozenset()) -> list[dict]:
    """CSL names; the owner marked; cut to `limit` names plus "et al." (see `cut_authors`)."""
    chosen, cut = cut_authors(authors, owner, limit)
    names = []
    for index, author in chosen:
        if author is None:
            names.append({"literal": ELLIPSIS})
            continue
        name = author.csl()
        mark = "*" if index in equal and not author.mark else ""
        key = "literal" if "literal" in name else "family"
        name[key] = name[key] + mark + (OWNER if owner.matches(author) else "")
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


def _month(entry: BibEntry) -> list[int]:
    match = re.fullmatch(r"\s*(\d{1,2})\s*", entry.fields.get("month", ""))
    return [int(match.group(1))] if match and 1 <= int(match.group(1)) <= 12 else []
