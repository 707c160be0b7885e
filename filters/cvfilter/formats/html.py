"""HTML edge: landmarks (<header>, a <section> per CV section, h2), <time> for dates, inlined CSS."""

from __future__ import annotations

import html

import panflute as pf

from ..context import Context
from ..assets import read_style
from .common import before_date, has, once, owner_name, set_meta_default


def finish(doc: pf.Doc, context: Context | None) -> None:
    if not once(doc, "html"):
        return
    name = owner_name(doc)
    doc.walk(_shift_headings)
    before_date(doc, lambda: [pf.Space()])
    doc.walk(_dates_as_time)
    doc.content = _landmarks(list(doc.content))
    if name:
        set_meta_default(doc, "pagetitle", name)
    set_meta_default(doc, "lang", context.config.lang if context else "en")
    doc.metadata["document-css"] = pf.MetaBool(False)
    css = pf.RawBlock(f"<style>\n{read_style('html/cv.css')}</style>", format="html")
    includes = doc.metadata.get("header-includes")
    blocks = list(includes.content) if isinstance(includes, pf.MetaList) else ([includes] if includes else [])
    doc.metadata["header-includes"] = pf.MetaList(*blocks, pf.MetaBlocks(css))


def _shift_headings(elem: pf.Element, _doc: pf.Doc) -> None:
    """Sections are h2 in HTML: the owner's name is the page's only h1."""
    if isinstance(elem, pf.Header):
        elem.level = min(elem.level + 1, 6)


def _dates_as_time(elem: pf.Element, _doc: pf.Doc) -> list[pf.Inline] | None:
    if has(elem, "cv-date"):
        stamp = html.escape(elem.attributes.get("datetime", ""), quote=True)
        return [
            pf.RawInline(f'<time class="cv-date" datetime="{stamp}">', format="html"),
            *elem.content,
            pf.RawInline("</time>", format="html"),
        ]
    return None


def _landmarks(blocks: list[pf.Block]) -> list[pf.Block]:
    """<header> around the header macro; each h2 and what follows it becomes a <section>."""
    out: list[pf.Block] = []
    current: list[pf.Block] | None = None
    for block in blocks:
        if has(block, "cv-header"):
            out.extend(_header(block))
            current = None
            continue
        if isinstance(block, pf.Header) and block.level == 2:
            current = [block]
            out.append(pf.Div(classes=["section", "cv-part"]))
            out[-1].content = current
            continue
        if current is not None:
            out[-1].content.append(block)
        else:
            out.append(block)
    return out


def _header(div: pf.Div) -> list[pf.Block]:
    inner: list[pf.Block] = []
    for block in div.content:
        if isinstance(block, pf.Para) and block.content and has(block.content[0], "cv-name"):
            inner.append(pf.Header(*block.content[0].content, level=1, classes=["cv-name"]))
        else:
            inner.append(block)
    return [
        pf.RawBlock('<header class="cv-header">', format="html"),
        *inner,
        pf.RawBlock("</header>", format="html"),
    ]
