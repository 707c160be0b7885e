"""The `.scholar-stats` inline macro: "[Google Scholar: 6k+ citations and an h-index of 31]".

Used in a heading: `# Publications []{.scholar-stats}`. Numbers come from the statistics cache,
else from `scholar:` in metadata.yaml; with neither, the macro expands to nothing (warned once).
"""

from __future__ import annotations

import panflute as pf

from ..context import Context
from ..elements import span, text
from ..numbers import at_least
from ..stats.lookup import scholar_metrics
from .registry import MacroCall, Option, inline_macro


@inline_macro("scholar-stats", "Citation count and h-index from Google Scholar, for a section heading", {
    "label": Option(str, "Google Scholar", "the linked name of the source"),
})
def expand_scholar_stats(call: MacroCall, context: Context) -> list[pf.Inline]:
    metrics = scholar_metrics(context)
    if metrics is None or (metrics.citations is None and metrics.h_index is None):
        return []
    label = text(str(call.options["label"]))
    url = context.data.scholar.url
    parts: list[pf.Inline] = [pf.Str("["), *([pf.Link(*label, url=url)] if url else label), pf.Str(":"), pf.Space()]
    if metrics.citations is not None:
        parts += [pf.Str(context.labels.isolate(at_least(metrics.citations, context.config.lang))), pf.Space(), *text(context.labels["citations"])]
    if metrics.h_index is not None:
        if metrics.citations is not None:
            parts.append(pf.Space())
        parts += [*text(context.labels["h-index"]), pf.Space(), pf.Str(str(metrics.h_index))]
    parts.append(pf.Str("]"))
    return [span(parts, "cv-scholar-stats")]
