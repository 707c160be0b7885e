"""The `.header` macro: the owner's name, contact links with icons, and the "Last updated" date."""

from __future__ import annotations

from datetime import date

import panflute as pf

from ..context import Context
from ..data.dates import PartialDate
from ..data.networks import NETWORKS, profile_url
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
    "gitlab": "GL",
    "researchgate": "RG",
    "stackoverflow": "SO",
    "mastodon": "M",
    "bluesky": "B",
}
# Kinds with a badge of letters rather than a drawing (see styles/typst/cv.typ, styles/latex/cv.tex).
BADGES = ("linkedin", "orcid", "gitlab", "researchgate", "stackoverflow", "mastodon", "bluesky")


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
    blocks: list[pf.Block] = [*photo_block(context), pf.Para(span(text(data.name), "cv-name"))]
    if data.headline:
        blocks.append(pf.Div(pf.Para(*text(data.headline)), classes=["cv-headline"]))
    if line:
        blocks.append(pf.Div(pf.Para(*line), classes=["cv-contact"]))
    blocks.extend(call.content)
    return [pf.Div(*blocks, classes=["cv-header"])]


def photo_block(context: Context) -> list[pf.Block]:
    """The owner's photo, first in the header, when the data names one and the design shows it;
    each format's edge places the `cv-photo` block where the theme keeps it."""
    photo = context.data.portrait
    if photo is None or not context.design.photo:
        return []
    image = pf.Image(*text(photo.alt or ""), url=photo.file, attributes={"width": "2.6cm"})
    return [pf.Div(pf.Para(image), classes=["cv-photo"])]


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
    # Google Scholar is linked once: by the publications heading's note when `scholar:` has its url.
    linked_elsewhere = {"scholar"} if context.data.scholar.url else set()
    for network in NETWORKS:
        if (value := getattr(contact, network.key)) and network.key not in linked_elsewhere:
            shown = "Google Scholar" if network.key == "scholar" else value
            links.append((network.key, shown, profile_url(network.key, value)))
    for profile in contact.profiles:
        shown = f"{profile.network}: {profile.username}" if profile.username else profile.network
        links.append(("profile", shown, profile.url))
    if contact.location:
        place = contact.location if isinstance(contact.location, str) else contact.location.shown()
        links.insert(0, ("location", place, None))
    return links


def _contact(kind: str, label: str, url: str | None) -> pf.Inline:
    shown = text(label)
    body: list[pf.Inline] = [*([pf.Link(*shown, url=url)] if url else shown)]
    if kind in ICONS:
        body[0:0] = [span([pf.Str(ICONS[kind])], "cv-icon", icon=kind), pf.Space()]
    return span(body, "cv-contact-item", kind=kind)


def format_date_full(when: date, context: Context) -> str:
    return format_date(PartialDate(when.year, when.month, when.day), context.labels)
