"""The `.header` macro: the owner's name, contact links with icons, and the "Last updated" date."""

from __future__ import annotations

from datetime import date

import panflute as pf

from ..context import Context
from ..data.dates import PartialDate
from ..elements import format_date, span, text
from .registry import MacroCall, Option, macro

# Icons are plain Unicode in the core; the LaTeX edge maps each to a command pdflatex can set.
ICONS = {
    "email": "✉",
    "phone": "☎",
    "website": "⌂",
    "linkedin": "in",
    "twitter": "𝕏",
    "github": "⌥",
    "scholar": "🎓",
    "orcid": "iD",
}


@macro("header", "Name, contact links and the date of the last update", {
    "updated": Option(bool, True, "show the 'Last updated on' date"),
})
def expand_header(call: MacroCall, context: Context) -> list[pf.Block]:
    data = context.data
    items = [_contact(kind, label, url) for kind, label, url in contact_links(context)]
    if call.options["updated"] and context.config.updated:
        when = context.config.updated
        stamp = format_date_full(when, context)
        items.append(span(text(f"{context.labels['last-updated']} {stamp}"), "cv-updated"))
    line: list[pf.Inline] = []
    for index, item in enumerate(items):
        if index:
            line.extend([pf.Space(), span([pf.Str("•")], "cv-sep"), pf.Space()])
        line.append(item)
    blocks: list[pf.Block] = [pf.Para(span(text(data.name), "cv-name"))]
    if line:
        blocks.append(pf.Div(pf.Para(*line), classes=["cv-contact"]))
    blocks.extend(call.content)
    return [pf.Div(*blocks, classes=["cv-header"])]


def contact_links(context: Context) -> list[tuple[str, str, str | None]]:
    """(kind, shown text, target) for each contact the data gives, in a fixed, familiar order."""
    contact = context.data.contact
    links: list[tuple[str, str, str | None]] = []
    if contact.email:
        links.append(("email", contact.email, f"mailto:{contact.email}"))
    if contact.phone:
        links.append(("phone", contact.phone, None))
    if contact.website:
        links.append(("website", contact.website.split("://", 1)[-1].rstrip("/"), contact.website))
    if contact.linkedin:
        links.append(("linkedin", contact.linkedin, f"https://www.linkedin.com/in/{contact.linkedin}"))
    if contact.twitter:
        links.append(("twitter", contact.twitter, f"https://twitter.com/{contact.twitter}"))
    if contact.github:
        links.append(("github", contact.github, f"https://github.com/{contact.github}"))
    if contact.orcid:
        links.append(("orcid", contact.orcid, f"https://orcid.org/{contact.orcid}"))
    return links


def _contact(kind: str, label: str, url: str | None) -> pf.Inline:
    icon = span([pf.Str(ICONS[kind])], "cv-icon", icon=kind)
    shown = text(label)
    body: list[pf.Inline] = [icon, pf.Space(), *([pf.Link(*shown, url=url)] if url else shown)]
    return span(body, "cv-contact-item", kind=kind)


def format_date_full(when: date, context: Context) -> str:
    return format_date(PartialDate(when.year, when.month, when.day), context.labels)
