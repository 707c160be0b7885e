"""The `.languages` macro: spoken languages with their fluency, "English (native), Spanish (C1)"."""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..data.model import Language
from ..elements import join, section, span, text
from .registry import MacroCall, macro


@macro("languages", "Spoken languages from `languages:` in metadata.yaml, each with its fluency, on one line")
def expand_languages(call: MacroCall, context: Context) -> list[pf.Block]:
    chosen = context.data.languages
    context.show("languages", chosen)
    blocks: list[pf.Block] = list(call.content)
    if chosen:
        blocks.append(pf.Para(*join([render_language(item) for item in chosen], ", ")))
    return [section("languages", blocks)]


def render_language(item: Language) -> list[pf.Inline]:
    words: list[pf.Inline] = [span(text(item.language), "cv-language")]
    if item.fluency:
        words += [pf.Space(), span([pf.Str("("), *text(item.fluency), pf.Str(")")], "cv-fluency")]
    return words
