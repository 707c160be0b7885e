"""The `.entries` macro: dated entries (positions, degrees, awards) from a list in metadata.yaml."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Entry, Highlight, Person
from ..elements import bullet_list, date_span, entry, join, link, section, span, text
from ..errors import CvError
from .listing import select
from .registry import LIST_OPTIONS, MacroCall, Option, macro


@macro("entries", "Dated entries (positions, education, awards) from a list in metadata.yaml", {
    "from": Option(str, None, "the list in metadata.yaml: current_position, education, positions, honors, activities, projects, "
                              "volunteering, certificates, patents, grants, or one under collections"),
    **{k: v for k, v in LIST_OPTIONS.items() if k != "numbering"},
})
def expand_entries(call: MacroCall, context: Context) -> list[pf.Block]:
    name = call.options["from"]
    if not name:
        raise CvError.at(call.location, "macro .entries needs from=<list>", f"lists: {', '.join(context.data.entry_list_names)}")
    items = context.data.entry_list(str(name))
    if items is None:
        raise CvError.at(call.location, f"no list {name!r} in {context.data_source.file}",
                         f"lists: {', '.join(context.data.entry_list_names)}")
    chosen = select(items, call, dates=lambda e: e.dates, title=lambda e: e.title)
    context.show(str(name), chosen)
    blocks = [*call.content, *(render_entry(e, context) for e in chosen)]
    return [section(f"entries-{name}", blocks)]


def render_entry(item: Entry, context: Context) -> pf.Div:
    """Title, organisation in italics, place, then GPA, collaborators and note in parentheses; the date on the right."""
    labels = context.labels
    line: list[pf.Inline] = [span(link(text(item.title), item.url), "cv-title")]
    if item.org:
        line += [pf.Str(","), pf.Space(), span(link([pf.Emph(*text(item.org))], item.org_url), "cv-org")]
    if item.location:
        line += [pf.Str(","), pf.Space(), span(text(item.location), "cv-location")]
    aside = _aside(item, context)
    if aside:
        line += [pf.Space(), span([pf.Str("("), *aside, pf.Str(")")], "cv-aside")]
    line += date_span(item.dates, labels)
    details: list[list[pf.Inline]] = []
    if item.thesis:
        details.append([*text(f"{labels['thesis']}:"), pf.Space(), *link(text(item.thesis.title), item.thesis.url)])
    if item.advisor:
        details.append([*text(f"{labels['advisor']}:"), pf.Space(), *_person(item.advisor)])
    if item.description:
        details.append([span([pf.Emph(*text(item.description))], "cv-description")])
    if item.detail:
        details.append(text(item.detail))
    if item.courses:
        details.append([*text(f"{labels['courses']}:"), pf.Space(), *join([text(c) for c in item.courses], ", ")])
    if item.keywords:
        details.append([span(join([text(k) for k in item.keywords], ", "), "cv-keywords")])
    return entry(line, details, bullets=highlights(item.highlights))


def highlights(items: list[str | Highlight]) -> pf.Div | None:
    """An entry's highlights as bullets; a {text, items} highlight has bullets of its own."""
    if not items:
        return None
    return bullet_list([(text(h), []) if isinstance(h, str) else (text(h.text), [text(i) for i in h.items]) for h in items])


def _aside(item: Entry, context: Context) -> list[pf.Inline]:
    """What goes in parentheses: the GPA, "with X and Y on topic" and the note, those there
    separated by semicolons ("3.9/4.0; on notebooks; summa cum laude")."""
    labels = context.labels
    together: list[pf.Inline] = []
    if item.with_:
        people = join([_person(p) for p in item.with_], ", ", f", {labels['and']} ")
        together += [*text(labels["with"]), pf.Space(), *people]
    if item.topic:
        together += [pf.Space(), *text(labels["on"]), pf.Space()] if together else [*text(labels["on"]), pf.Space()]
        together += text(item.topic)
    parts = [part for part in (text(item.role or ""), text(item.kind or ""), text(item.amount or ""), text(item.gpa or ""),
                               together, text(item.note or "")) if part]
    return join(parts, "; ")


def _person(person: Person) -> list[pf.Inline]:
    return link(text(person.name), person.url)
