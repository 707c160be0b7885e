"""The one filter pipeline: load data, expand macros, finish for the target format.

`cvfilter` (under plain pandoc) and `cv build` (in process) both call `prepare` and `finish`.
"""

from __future__ import annotations

import io
from collections.abc import Collection
from typing import NamedTuple
from pathlib import Path

import panflute as pf

from . import cldr, pandoc
from .bibliography.citations import format_citations
from .bibliography.reader import read_bibliography
from .config import CONFIG_KEY, DONE_KEY, Config, DataFiles, named_files, read_config, resolve_inside, source_of, with_lang
from .context import Context
from .data.load import load_cv_data
from .data.yaml_source import YamlSource, front_matter
from .textfile import read_text_file
from .errors import CvError, Diagnostics, Location, Problem, relative
from .formats.finishing import finish_for
from .document import RAW_TYPST  # noqa: F401  (before any document loads: raw Typst in cv.md is valid)
from .locate import InlineLocator, MacroLocator
from .macros import INLINE_MACROS, MACROS
from .macros.registry import MacroCall, parse_call, unknown_inline_macro, unknown_macro
from .macros.selection import adjust, choose, keep_sections
from .labels import LANGUAGES
from .raw_policy import photo_problems, raw_and_image_problems
from .safety import refuse_unsafe_links
from .source import read_source
from .translations import has_translations, keep_language
from .themes import DEFAULT_THEME, find_theme
from .walk import in_order, walk

# What messages call the source when pandoc runs the filter on a file whose name it cannot know.
UNNAMED_SOURCE = "the Markdown source"
_KINDS = {"data": "data", "bibliography": "bibliography"}


def load_context(
    doc: pf.Doc, base_dir: Path, source_name: str | None = None, source_text: str | None = None, variant: str | None = None,
    front: YamlSource | None = None,
    theme: str | None = None,
) -> Context:
    """Read the front matter and metadata.yaml into a Context, once per document.

    Problems in the front matter, in the paths it names and in metadata.yaml are raised together.
    `variant` (from `cv build --variant`) wins over `cvfilter: variant:` in the front matter.
    `front` is the front matter with its lines, when the caller has parsed it already (`cv build`),
    and `theme` (`cv build --theme`) wins over `cvfilter: theme:`.
    """
    problems: list[Problem] = []
    shown = source_of(doc, source_name)
    if front is None:
        try:
            front = front_matter(source_text, shown)
        except CvError as exc:
            problems.extend(exc.problems)
    config = read_config(doc, source_name, source_text, front, problems)
    resolved: dict[str, list[Path]] = {}
    for named in named_files(config, front, source_text is not None):
        try:
            path = resolve_inside(base_dir, named.name, named.where)
        except CvError as exc:
            problems.extend(exc.problems)
            continue
        if named.key in _KINDS and not path.exists():  # a CSL style may be a name; the statistics cache is optional
            problems.append(_missing(named.key, relative(path, base_dir), named.where, base_dir, shown, source_text is None))
            continue
        resolved.setdefault(named.key, []).append(path)
    bibliographies = tuple(resolved.get("bibliography", ()))
    chosen_theme = None
    try:
        where = (Location("--theme") if theme else front.locate((CONFIG_KEY, "theme")) if front
                 else Location(config.source, 1 if source_text else 0))
        chosen_theme = find_theme(theme or config.theme or DEFAULT_THEME, base_dir, where)
    except CvError as exc:
        problems.extend(exc.problems)
    if "data" not in resolved:
        raise CvError(problems + _bibliography_problems(bibliographies))
    data_path = resolved["data"][0]
    try:
        chosen_lang = _variant_lang(config, variant or config.variant)
        if chosen_lang:
            config = with_lang(config, chosen_lang)
            doc.metadata["lang"] = pf.MetaString(chosen_lang)
        data, source = load_cv_data(data_path, relative(data_path), base_dir, config.lang, config.fallback_lang)
    except CvError as exc:
        raise CvError(problems + exc.problems + _bibliography_problems(bibliographies)) from None
    problems.extend(photo_problems(data, source, base_dir))
    if problems:
        raise CvError(problems + _bibliography_problems(bibliographies))
    files = DataFiles(data=data_path, stats=resolved["stats"][0], bibliography=bibliographies,
                      csl=next(iter(resolved.get("csl", ())), None))
    context = Context(config=config, data=data, data_source=source, base_dir=base_dir, files=files,
                      theme=chosen_theme, design=config.design.over(chosen_theme.design))
    if context.labels.base != cldr.primary(config.lang):
        context.diagnostics.warn(front.locate(("lang",)) if front else Location(config.source, 1),
                                 f"no labels for lang {config.lang!r}, so the CV's own words and dates are in English",
                                 f"languages with labels: {' '.join(LANGUAGES)}")
    chosen = variant or config.variant
    if chosen:
        context.variant = choose(context, chosen)
    return context


def _variant_lang(config: Config, name: str | None) -> str | None:
    """The `lang:` of the variant being built, which the whole document then takes."""
    chosen = config.variants.get(name) if name else None
    return chosen.lang if chosen else None


def _missing(key: str, name: str, where: Location, base_dir: Path, shown: str, away: bool) -> Problem:
    """A data file that is not there. Without the source's text, cvfilter runs under plain pandoc
    away from the CV's folder, and pandoc's working directory is what paths are relative to."""
    fix = f"fix `cvfilter.{key}` in the front matter"
    if away:
        return Problem(where, f"{_KINDS[key]} file {name!r} not found in the working directory {base_dir}",
                       f"under plain pandoc paths are relative to the working directory; run pandoc from the CV's folder or {fix}")
    return Problem(where, f"{_KINDS[key]} file {name!r} not found", f"create it next to {shown} or {fix}")


def _bibliography_problems(paths: tuple[Path, ...]) -> list[Problem]:
    """The .bib files' problems, for a run that stops before any macro reads them (the data failed):
    one run still reports the problems of every file."""
    found = Diagnostics()
    problems: list[Problem] = []
    for path in paths:
        try:
            read_bibliography(path, relative(path), found)
        except CvError as exc:
            problems.extend(exc.problems)
    return problems + found.problems


def expand_macros(doc: pf.Doc, context: Context, source_text: str | None = None) -> None:
    """Replace every macro Div with its semantic expansion; all macro errors are reported together."""
    locator = MacroLocator.from_text(source_text, context.config.source)
    inline_locator = InlineLocator.from_text(source_text, context.config.source)
    problems = raw_and_image_problems(doc, context.base_dir, context.config.source, source_text)
    variant = context.variant
    translated = has_translations(doc)
    if translated or (variant is not None and variant.sections is not None):
        # Lines are pinned before any element goes: the n-th use left is not the n-th in the file.
        locator.pin(_named(doc, pf.Div))
        inline_locator.pin(_named(doc, pf.Span))
    if translated:
        keep_language(doc, context.config.lang, context.config.fallback_lang)
    if variant is not None and variant.sections is not None:
        keep_sections(doc, variant)

    def expand_in(blocks: list[pf.Block]) -> list[pf.Block]:
        out: list[pf.Block] = []
        for block in blocks:
            use = read_macro_use(block, locator, context.config.keep_classes)
            problems.extend(use.problems)
            if use.recurse:
                out.append(_recurse(block, expand_in))
                continue
            call = use.call
            if call is None:
                out.append(block)
                continue
            try:
                if variant is not None:
                    call = adjust(call, MACROS[call.name], variant)
                out.extend(MACROS[call.name].expand(call, context))
            except CvError as exc:
                problems.extend(exc.problems)
                out.append(block)
            problems.extend(call.notes)
        return out

    doc.content = expand_in(list(doc.content))
    problems.extend(expand_inline_macros(doc, context, inline_locator))
    if not any(p.severity == "error" for p in problems):
        try:
            problems.extend(format_citations(doc, context, source_text))
        except CvError as exc:
            problems.extend(exc.problems)
    context.diagnostics.extend(problems)
    context.diagnostics.raise_if_errors()
    refuse_unsafe_links(doc, context, source_text)
    doc.metadata[DONE_KEY] = pf.MetaBool(True)
    for consumed in (CONFIG_KEY, "date"):  # the header macro shows the date; writers must not repeat it
        if consumed in doc.metadata:
            del doc.metadata[consumed]


def _named(doc: pf.Doc, kind: type[pf.Div] | type[pf.Span]) -> list[tuple[str, pf.Element]]:
    """Each Div or Span with a class and that class, in the order of cv.md."""
    return [(elem.classes[0], elem) for elem in in_order(doc, kind) if elem.classes]


def expand_inline_macros(doc: pf.Doc, context: Context, locator: InlineLocator) -> list:
    """Replace each Span whose first class names an inline macro; other Spans stay as written.

    An empty Span with a class (`[]{.name}`) shows nothing unless it is a macro, so an unknown name
    there is a typo, reported with a suggestion; Spans with text keep any class the user likes."""
    problems = []

    def action(elem: pf.Element, _doc: pf.Doc) -> list[pf.Inline] | None:
        if not isinstance(elem, pf.Span) or not elem.classes:
            return None
        name = elem.classes[0]
        if name not in INLINE_MACROS:
            if not elem.content and not name.startswith("cv-") and name not in context.config.keep_classes:
                problems.extend(unknown_inline_macro(name, locator.at(elem, name)).problems)
            return None
        location = locator.at(elem, name)
        try:
            call = parse_call(elem, name, location, INLINE_MACROS)
            return INLINE_MACROS[name].expand(call, context)
        except CvError as exc:
            problems.extend(exc.problems)
            return None

    walk(doc, action)
    return problems


class MacroUse(NamedTuple):
    """What a block is to the macro pass: one to look inside (`recurse`), or a macro use with its
    parsed call (None when the name or an option is wrong) and the problems found reading it."""

    recurse: bool
    call: MacroCall | None = None
    problems: tuple[Problem, ...] = ()


def read_macro_use(block: pf.Block, locator: MacroLocator, keep: Collection[str]) -> MacroUse:
    """The one reading of a Div as a macro, shared by expansion and by the data-less check."""
    if not isinstance(block, pf.Div) or not block.classes:
        return MacroUse(recurse=True)
    name = block.classes[0]
    if name.startswith("cv-") or name in keep:
        return MacroUse(recurse=True)
    location = locator.at(block, name)
    if name in MACROS and (unclosed := unclosed_macro(block, name, location, MACROS, locator.unclosed)):
        return MacroUse(recurse=True, problems=(unclosed,))
    try:
        if name not in MACROS:
            raise unknown_macro(name, location)
        return MacroUse(recurse=False, call=parse_call(block, name, location))
    except CvError as exc:
        return MacroUse(recurse=False, problems=tuple(exc.problems))


def unclosed_macro(block: pf.Div, name: str, location: Location, macros: Collection[str],
                   unclosed: Collection[int]) -> Problem | None:
    """A macro whose fence no `:::` closes (found in the source), or that holds another macro, has lost
    its closing `:::`: pandoc let it run on over the sections that follow."""
    inner_macros = [b for b in block.content if isinstance(b, pf.Div) and b.classes and b.classes[0] in macros]
    if location.line not in unclosed and not inner_macros:
        return None
    swallowed = next((b for b in block.content if isinstance(b, pf.Header) or any(b is m for m in inner_macros)), None)
    what = ("what follows" if swallowed is None else
            f"the heading {pf.stringify(swallowed)!r} and what follows" if isinstance(swallowed, pf.Header) else
            f"the macro .{swallowed.classes[0]} and what follows")
    return Problem(location, f"macro .{name} is not closed, so it takes in {what}", "add ::: on its own line after it")


def _recurse(block: pf.Block, expand_in) -> pf.Block:
    """Plain Divs (no class, or one we keep) may hold macros too."""
    if isinstance(block, pf.Div):
        block.content = expand_in(list(block.content))
    return block


def prepare(doc: pf.Doc, base_dir: Path, source_name: str | None = None, source_text: str | None = None) -> Context | None:
    """Expand a document unless a previous run already did (running twice equals running once).

    Every problem found - front matter, data files, macros - is raised in one CvError.
    """
    if doc.get_metadata(DONE_KEY, default=False):
        return None
    if source_text is None:
        shown = source_of(doc, source_name)
        if (base_dir / shown).is_file():
            source_text = _read_for_pandoc(base_dir / shown, shown)
        elif source_name is None and shown == "cv.md":
            source_name = UNNAMED_SOURCE  # plain pandoc does not tell a filter its input file's name
    context = load_checked(doc, base_dir, source_name, source_text)
    expand_macros(doc, context, source_text)
    return context


def _read_for_pandoc(path: Path, shown: str) -> str:
    """cv.md as plain pandoc read it: pandoc takes lone CR line endings for no line breaks at all,
    so its front matter and macros have become one paragraph of text; `cv build` reads them."""
    read = read_text_file(path, shown)
    if read.bare_cr:
        raise CvError.at(Location(shown, 1), "the file has CR-only line endings (old Mac style), which pandoc reads as one long line",
                         "save it with LF or CRLF line endings, or build with `cv build`, which reads them")
    return read.text


def load_checked(
    doc: pf.Doc, base_dir: Path, source_name: str | None, source_text: str | None, variant: str | None = None,
    front: YamlSource | None = None,
    theme: str | None = None,
) -> Context:
    """`load_context`, and when the data cannot be loaded, the macro calls are still checked so
    that one run reports the problems of every file."""
    try:
        return load_context(doc, base_dir, source_name, source_text, variant, front, theme)
    except CvError as exc:
        raise CvError(exc.problems + check_macro_calls(doc, source_of(doc, source_name), source_text)) from None


def check_macro_calls(doc: pf.Doc, shown: str, source_text: str | None) -> list[Problem]:
    """Macro names and options, checked without data: used when the data itself failed to load."""
    locator = MacroLocator.from_text(source_text, shown)
    problems: list[Problem] = []

    keep = _keep_classes(doc)

    def visit(blocks: list[pf.Block]) -> None:
        for block in blocks:
            use = read_macro_use(block, locator, keep)
            problems.extend(use.problems)
            if use.recurse and isinstance(block, pf.Div):
                visit(list(block.content))

    visit(list(doc.content))
    return problems


def _keep_classes(doc: pf.Doc) -> set[str]:
    meta = doc.get_metadata(CONFIG_KEY, default={}, builtin=True)
    keep = meta.get("keep-classes") if isinstance(meta, dict) else None
    return {str(k) for k in (keep if isinstance(keep, list) else [keep] if keep else [])}


def read_document(source: Path) -> tuple[pf.Doc, str]:
    """cv.md as text and as a Pandoc document; its front matter is checked first so that a YAML
    mistake there is reported at its line instead of as a pandoc failure."""
    text = read_source(source)
    front_matter(text, source.name)
    doc = pf.load(io.StringIO(pandoc.read_markdown(text, source.name, source.parent)))
    return doc, text


def finish(doc: pf.Doc, fmt: str, context: Context | None) -> None:
    """Hand the semantic document to the edge module of the target format; `doc.format` tells an
    edge shared by several formats which one it is finishing for."""
    doc.format = fmt
    finish_for(fmt)(doc, context)
