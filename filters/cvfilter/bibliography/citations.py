"""Pandoc citations in prose (`[@key]`, `@key`, `[-@key]`, `[see @key, p. 3]`) formatted by citeproc-py.

Works under plain pandoc without --citeproc: the Cite elements the Markdown reader leaves are
replaced by the style's citation text, and the references list goes where a `::: references` macro
stands (or at the end of the document). The owner is highlighted in the references as in the list.
"""

from __future__ import annotations

import difflib
import re

import panflute as pf

from ..context import Context
from ..elements import text
from ..errors import Location, Problem
from ..walk import walk
from . import markers as m
from .csl import to_csl
from .reader import BibEntry
from .render import _style, resolve_style, to_inlines
from .session import bibliography_of, locale_of, owner_of

REFERENCES_CLASS = "cv-references"
_LOCATOR = re.compile(
    r"^\s*,?\s*(?P<label>p|pp|page|pages|chap|chapter|sec|section|§|fig|figure|vol|volume|line|l|para|no)\.?\s*"
    r"(?P<value>[\w\u2013\-]+(?:\s*[,\u2013\-]\s*\d+)*)(?P<rest>.*)$",
    re.IGNORECASE,
)
_LABELS = {"p": "page", "pp": "page", "pages": "page", "chap": "chapter", "sec": "section", "§": "section",
           "fig": "figure", "vol": "volume", "l": "line", "para": "paragraph", "no": "issue"}
_STRUCTURE = m.OWNER + m.TITLE_OPEN + m.TITLE_CLOSE + m.URL_OPEN + m.URL_CLOSE
_WRAPPERS = (m.EMPH, m.BOLD, m.SMALLCAPS, m.SUPERSCRIPT, m.SUBSCRIPT, m.UNDERLINE)


def format_citations(doc: pf.Doc, context: Context, source_text: str | None) -> list[Problem]:
    """Replace every Cite with formatted inlines and fill the references list; problems are returned."""
    if source_text is not None and "@" not in source_text:
        return []  # pandoc makes Cites of nothing but an @ in the source: no walk over a long list
    cites: list[pf.Cite] = []
    placeholders: list[pf.Div] = []

    def collect(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.Cite):
            cites.append(elem)
        elif isinstance(elem, pf.Div) and REFERENCES_CLASS in elem.classes:
            placeholders.append(elem)

    walk(doc, collect)
    if not cites:
        return []
    where = Location(context.config.source)
    bibliography = bibliography_of(context, where)
    by_key = {entry.key.lower(): entry for entry in bibliography}
    problems = _unknown_keys(cites, by_key, bibliography.file, context.config.source, source_text)
    if problems:
        return problems

    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    from . import formatter

    style_path = resolve_style(context.config.csl, context.base_dir, where)
    style = _style(style_path, locale_of(context), True)
    owner = owner_of(context)
    cited = list(dict.fromkeys(c.id.lower() for cite in cites for c in cite.citations))
    items = {key: to_csl(by_key[key], owner, untitled=context.labels["untitled"]) for key in cited}
    engine = CitationStylesBibliography(style, CiteProcJSON(list(items.values())), formatter)
    prepared = []
    for cite in cites:
        citation = Citation([_item(c, CitationItem) for c in cite.citations])
        engine.register(citation)
        prepared.append((cite, citation))
    engine.sort()
    numeric = bool(style.root.xpath("//cs:citation//cs:text[@variable='citation-number']",
                                    namespaces={"cs": "http://purl.org/net/xbiblio/csl"}))
    left_out = {} if numeric else _without_authors(cites, items, style, formatter)
    formatted: dict[int, pf.Span] = {}
    for cite, citation in prepared:
        marked = left_out[id(cite)] if id(cite) in left_out else str(engine.cite(citation, lambda item: None))
        rendered = to_inlines(_plain(marked), {})
        if cite.citations[0].mode == "AuthorInText":
            rendered = _in_text(cite, by_key, context, rendered, numeric, engine)
        formatted[id(cite)] = pf.Span(*rendered, classes=["cv-cite"], attributes={"keys": " ".join(c.id for c in cite.citations)})
    # Spans, not Cites: a --citeproc run after this filter finds nothing left to redo.
    walk(doc, lambda elem, _doc: formatted.get(id(elem)) if isinstance(elem, pf.Cite) else None)
    references = [_reference(str(entry), items[key]) for key, entry in zip(engine.keys, engine.bibliography())]
    if placeholders or context.variant is None or context.variant.sections is None:
        _place(doc, placeholders, references)
    else:  # the list would trail the variant's last section as if it were part of it
        context.diagnostics.warn(
            context.variant.location, f"the variant {context.variant.name!r} lists none of the works cited in its text",
            "name the section with the `references` macro among the variant's sections to list them",
        )
    return []


def _item(citation: pf.Citation, factory):
    """citeproc-py's CitationItem with prefix, suffix and a locator read from pandoc's suffix text."""
    args: dict = {}
    prefix = pf.stringify(pf.Plain(*citation.prefix)).strip() if citation.prefix else ""
    suffix = pf.stringify(pf.Plain(*citation.suffix)).strip() if citation.suffix else ""
    match = _LOCATOR.match(suffix)
    if match:
        from citeproc.source import Locator

        label = match.group("label").lower()
        args["locator"] = Locator(_LABELS.get(label, label), match.group("value"))
        suffix = match.group("rest").strip()
    if prefix:
        args["prefix"] = prefix + " "
    if suffix:
        args["suffix"] = suffix if suffix[0] in ",;." else " " + suffix
    return factory(citation.id, **args)


def _without_authors(cites: list[pf.Cite], items: dict[str, dict], style, formatter) -> dict[int, str]:
    """`[-@key]`: the citations that leave an item's authors out, as the style writes the rest ("(2017)",
    "(2004, p. 3)"); keyed by the Cite's id. Numbered styles need none: their citations name no author.

    citeproc-py cannot suppress an author, so a second engine renders these citations with each such
    item's authors replaced by one name standing in for them (their text, so that items sort as they
    would, then a marker); the stand-in and the delimiter after it are then cut out."""
    wanted = [cite for cite in cites if any(c.mode == "SuppressAuthor" for c in cite.citations)]
    if not wanted:
        return {}
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    left_out = {c.id.lower() for cite in wanted for c in cite.citations if c.mode == "SuppressAuthor"}
    stand_ins = {key: _stand_in(items[key]) for key in left_out}
    copies = [{**items[key], "id": key + m.STAND_IN, "author": [{"literal": stand_ins[key]}]} for key in left_out]
    engine = CitationStylesBibliography(style, CiteProcJSON([*items.values(), *copies]), formatter)

    def item_of(citation: pf.Citation):
        key = citation.id.lower() + (m.STAND_IN if citation.mode == "SuppressAuthor" else "")
        return _item(citation, lambda _id, **args: CitationItem(key, **args))

    prepared = []
    for cite in wanted:
        citation = Citation([item_of(c) for c in cite.citations])
        engine.register(citation)
        prepared.append((cite, citation))
    engine.sort()
    names = "|".join(re.escape(text) for text in sorted(set(stand_ins.values()), key=len, reverse=True))
    closing = "".join(close for _open, close in _WRAPPERS)
    cut = re.compile(rf"(?:{names})(?P<close>[{closing}]*)[,;:]?\s*")
    return {id(cite): _drop_empty_wrappers(cut.sub(r"\g<close>", str(engine.cite(citation, lambda item: None))))
            for cite, citation in prepared}


def _stand_in(item: dict) -> str:
    """The text of a CSL item's authors, ending in the marker: unique to the item's names, and sorting
    where the names would."""
    names = item.get("author") or item.get("editor") or []
    parts = (name.get("literal") or " ".join(filter(None, (name.get("non-dropping-particle") or name.get("dropping-particle"), name.get("family"), name.get("given"))))
             for name in names)
    return "".join(ch for ch in " ".join(parts) if ch not in _STRUCTURE) + m.STAND_IN


def _drop_empty_wrappers(marked: str) -> str:
    """A style that sets the authors in small caps (or italics...) leaves an empty pair once they are cut."""
    for open_, close in _WRAPPERS:
        marked = marked.replace(open_ + close, "")
    return marked


def _in_text(cite: pf.Cite, by_key: dict[str, BibEntry], context: Context, rendered: list[pf.Inline],
             numeric: bool, engine) -> list[pf.Inline]:
    """`@key`: the authors' family names, then the year (author-date styles) or the number."""
    entry = by_key[cite.citations[0].id.lower()]
    families = [a.literal or " ".join(p for p in (a.particle, a.family) if p) for a in entry.authors.authors]
    if not families:
        return rendered
    if len(families) == 1 and not entry.authors.others:
        names = families[0]
    elif len(families) == 2 and not entry.authors.others:
        names = f"{families[0]} {context.labels['and']} {families[1]}"
    else:
        names = f"{families[0]}\u00a0{context.labels['et-al']}"
    if numeric:
        return [*text(names), pf.Space(), *rendered]
    year = str(entry.year) if entry.year else context.labels["no-date"]
    locator = pf.stringify(pf.Plain(*cite.citations[0].suffix)).strip() if cite.citations[0].suffix else ""
    inner = year + (f", {locator.lstrip(', ')}" if locator else "")
    return [*text(names), pf.Space(), *text(f"({inner})")]


def _plain(marked: str) -> str:
    """Citations are short: no title links or owner bold inside the running text."""
    return "".join(ch for ch in marked if ch not in _STRUCTURE)


def _reference(marked: str, item: dict) -> pf.Div:
    marked = re.sub(r"^(\[\d+\]|\d+\.)(?=\S)", r"\1 ", marked)
    div = pf.Div(pf.Para(*to_inlines(marked, item)), classes=["cv-reference"])
    div.attributes["key"] = str(item["id"])
    return div


def _place(doc: pf.Doc, placeholders: list[pf.Div], references: list[pf.Div]) -> None:
    if placeholders:
        placeholders[0].content = [*placeholders[0].content, *references]
        return
    doc.content.append(pf.Div(*references, identifier="refs", classes=[REFERENCES_CLASS]))


def _unknown_keys(cites: list[pf.Cite], by_key: dict[str, BibEntry], bib_file: str, source: str,
                  source_text: str | None) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for cite in cites:
        for citation in cite.citations:
            key = citation.id
            if key.lower() in by_key or key in seen:
                continue
            seen.add(key)
            guess = difflib.get_close_matches(key, [e.key for e in by_key.values()], n=1)
            hint = f"did you mean @{guess[0]}?" if guess else f"add an entry @...{{{key}, ...}} to {bib_file}, or fix the key"
            problems.append(Problem(Location(source, _line_of_key(source_text, key)), f"unknown citation key '@{key}' (not in {bib_file})", hint))
    return problems


def _line_of_key(source_text: str | None, key: str) -> int:
    for number, line in enumerate((source_text or "").splitlines(), start=1):
        if re.search(rf"@{re.escape(key)}(?![\w:.#$%&+?<>~/-]*\w)", line):
            return number
    return 0
