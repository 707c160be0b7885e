"""Text of cv.md in several languages: a Span or Div with `for-lang` is kept only in its language.

    # [Education]{for-lang=en}[Ausbildung]{for-lang=de}

In a German document the heading reads "Ausbildung": of the elements marked for a language among
one parent's children, those for the document's language stay (unwrapped), else those for the first
fallback language that has one (`cvfilter: {fallback-lang: en}`), and the others go. Unmarked text
is shared by every language. (A plain `lang` attribute marks a foreign phrase, which stays.)
"""

from __future__ import annotations

import panflute as pf

from . import cldr

ATTRIBUTE = "for-lang"


def has_translations(doc: pf.Doc) -> bool:
    found = []
    doc.walk(lambda elem, _doc: found.append(elem) if isinstance(elem, (pf.Span, pf.Div)) and ATTRIBUTE in elem.attributes else None)
    return bool(found)


def keep_language(doc: pf.Doc, lang: str, fallback: tuple[str, ...]) -> None:
    """Each group of marked siblings reduced to its language's elements, unwrapped."""
    wanted = [cldr.primary(tag) for tag in (lang, *fallback)]

    def reduce(elem: pf.Element, _doc: pf.Doc) -> None:
        for name in ("content",):
            children = getattr(elem, name, None)
            if not isinstance(children, pf.ListContainer) or not any(_marked(child) for child in children):
                continue
            present = {cldr.primary(child.attributes[ATTRIBUTE]) for child in children if _marked(child)}
            chosen = next((tag for tag in wanted if tag in present), None)
            out: list[pf.Element] = []
            for child in children:
                if not _marked(child):
                    out.append(child)
                elif cldr.primary(child.attributes[ATTRIBUTE]) == chosen:
                    out.extend(child.content)
            children[:] = out

    doc.walk(reduce)


def _marked(elem: pf.Element) -> bool:
    return isinstance(elem, (pf.Span, pf.Div)) and ATTRIBUTE in elem.attributes
