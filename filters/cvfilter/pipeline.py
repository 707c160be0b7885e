"""The one filter pipeline: load data, expand macros, finish for the target format.

`cvfilter` (under plain pandoc) and `cv build` (in process) both call `prepare` and `finish`.
"""

from __future__ import annotations

from pathlib import Path

import panflute as pf

from .config import CONFIG_KEY, Config, read_config, resolve_inside, source_of
from .context import Context
from .data.load import load_cv_data
from .errors import CvError, Diagnostics, Location, relative
from .locate import InlineLocator, MacroLocator

DONE_KEY = "cvfilter-expanded"


def load_context(
    doc: pf.Doc, base_dir: Path, source_name: str | None = None, source_text: str | None = None, variant: str | None = None
) -> Context:
    """Read the front matter and metadata.yaml into a Context, once per document.

    `variant` (from `cv build --variant`) wins over `cvfilter: variant:` in the front matter.
    """
    config = read_config(doc, source_name, source_text)
    data_path = resolve_inside(base_dir, config.data, Location(config.source, 1))
    data, source = load_cv_data(data_path, relative(data_path))
    context = Context(config=config, data=data, data_source=source, base_dir=base_dir)
    chosen = variant or config.variant
    if chosen:
        from .variants import choose

        context.variant = choose(context, chosen)
    return context


def expand_macros(doc: pf.Doc, context: Context, source_text: str | None = None) -> None:
    """Replace every macro Div with its semantic expansion; all macro errors are reported together."""
    from .macros import MACROS
    from .macros.registry import parse_call, unknown_macro

    locator = MacroLocator.from_text(source_text, context.config.source)
    problems = []
    variant = context.variant
    if variant is not None:
        from .variants import keep_sections

        keep_sections(doc, variant)

    def expand_in(blocks: list[pf.Block]) -> list[pf.Block]:
        out: list[pf.Block] = []
        for block in blocks:
            if not isinstance(block, pf.Div) or not block.classes:
                out.append(_recurse(block, expand_in))
                continue
            name = block.classes[0]
            if name.startswith("cv-") or name in context.config.keep_classes:
                out.append(_recurse(block, expand_in))
                continue
            location = locator.next(name)
            try:
                if name not in MACROS:
                    raise unknown_macro(name, location)
                call = parse_call(block, name, location)
                if variant is not None:
                    call = variant.adjust(call, MACROS[name])
                out.extend(MACROS[name].expand(call, context))
            except CvError as exc:
                problems.extend(exc.problems)
                out.append(block)
        return out

    doc.content = expand_in(list(doc.content))
    problems.extend(expand_inline_macros(doc, context, source_text))
    if not problems:
        from .bibliography.citations import format_citations

        try:
            problems.extend(format_citations(doc, context, source_text))
        except CvError as exc:
            problems.extend(exc.problems)
    context.diagnostics.extend(problems)
    context.diagnostics.raise_if_errors()
    doc.metadata[DONE_KEY] = pf.MetaBool(True)
    for consumed in (CONFIG_KEY, "date"):  # the header macro shows the date; writers must not repeat it
        if consumed in doc.metadata:
            del doc.metadata[consumed]


def expand_inline_macros(doc: pf.Doc, context: Context, source_text: str | None) -> list:
    """Replace each Span whose first class names an inline macro; other Spans stay as written."""
    from .macros import INLINE_MACROS
    from .macros.registry import parse_call

    locator = InlineLocator.from_text(source_text, context.config.source)
    problems = []

    def action(elem: pf.Element, _doc: pf.Doc) -> list[pf.Inline] | None:
        if not isinstance(elem, pf.Span) or not elem.classes or elem.classes[0] not in INLINE_MACROS:
            return None
        name = elem.classes[0]
        location = locator.next(name)
        try:
            call = parse_call(elem, name, location, INLINE_MACROS)
            return INLINE_MACROS[name].expand(call, context)
        except CvError as exc:
            problems.extend(exc.problems)
            return None

    doc.walk(action)
    return problems


def _recurse(block: pf.Block, expand_in) -> pf.Block:
    """Plain Divs (no class, or one we keep) may hold macros too."""
    if isinstance(block, pf.Div):
        block.content = expand_in(list(block.content))
    return block


def prepare(doc: pf.Doc, base_dir: Path, source_name: str | None = None, source_text: str | None = None) -> Context | None:
    """Expand a document unless a previous run already did (running twice equals running once)."""
    if doc.get_metadata(DONE_KEY, default=False):
        return None
    if source_text is None:
        source_path = base_dir / source_of(doc, source_name)
        if source_path.is_file():
            source_text = source_path.read_text(encoding="utf-8", errors="replace")
    context = load_context(doc, base_dir, source_name, source_text)
    expand_macros(doc, context, source_text)
    return context


def finish(doc: pf.Doc, fmt: str, context: Context | None) -> None:
    """Hand the semantic document to the edge module of the target format."""
    from .formats import finish_for

    finish_for(fmt)(doc, context)
