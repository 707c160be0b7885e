"""Named variants of one CV (a one-page résumé, the full CV): which sections, which entries, which limits.

The front matter declares them under `cvfilter: variants:`; `cv build --variant NAME` (or
`cvfilter: variant: NAME` under plain pandoc) applies one before the macros expand:

    variants:
      resume:
        sections: [Current Position, Education, skills]   # headings or macro names; default: all
        tags: [resume]                                    # entries with one of these tags (bib: keywords)
        options: {publications: {limit: 5}}               # per-macro option overrides
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import panflute as pf

from .errors import CvError, Location
from .walk import walk

if TYPE_CHECKING:
    from .build import BuildResult
    from .context import Context
    from .macros.registry import Macro, MacroCall

_KEYS = ("description", "sections", "tags", "options")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Variant:
    """One named document made from the shared source."""

    name: str
    description: str = ""
    sections: tuple[str, ...] | None = None
    tags: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    location: Location = Location("cv.md", 1)

    def adjust(self, call: MacroCall, spec: Macro) -> MacroCall:
        """The call with this variant's options applied; its tags fill a `tags` option (for publications:
        `keywords`, the bib's tags) that cv.md left empty."""
        options = dict(call.options)
        tag_option = next((key for key in ("tags", "keywords") if key in spec.options), None)
        if self.tags and tag_option and not options.get(tag_option):
            options[tag_option] = ",".join(self.tags)
        for key, raw in self.options.get(spec.name, {}).items():
            options[key] = spec.options[key].parse(key, raw, self.location)
        return replace(call, options=options)


def parse_variants(raw: object, where: Location, locate: Callable[[str], Location] | None = None) -> dict[str, Variant]:
    """`cvfilter.variants` from the front matter into Variant objects; a wrong shape is an error here.
    `locate` gives the front-matter line of a variant, for messages about it."""
    if raw in (None, {}):
        return {}
    if not isinstance(raw, dict):
        raise CvError.at(where, "`cvfilter.variants` must map variant names to settings", "e.g. `variants: {resume: {sections: [Education]}}`")
    return {str(name): _parse_one(str(name), body, locate(str(name)) if locate else where) for name, body in raw.items()}


def _parse_one(name: str, body: object, where: Location) -> Variant:
    if not _NAME.fullmatch(name):
        raise CvError.at(where, f"variant name {name!r} must be letters, digits, '-' or '_'", "it becomes part of the file name cv-NAME.pdf")
    body = body or {}
    if not isinstance(body, dict):
        raise CvError.at(where, f"variant {name!r} must be a mapping", f"keys: {', '.join(_KEYS)}")
    unknown = sorted(set(body) - set(_KEYS))
    if unknown:
        raise CvError.at(where, f"unknown key {unknown[0]!r} in variant {name!r}", f"keys: {', '.join(_KEYS)}")
    sections = body.get("sections")
    options = body.get("options") or {}
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise CvError.at(where, f"variant {name!r}: `options` must map macro names to options", "e.g. `options: {talks: {limit: 5}}`")
    return Variant(
        name=name,
        description=str(body.get("description") or ""),
        sections=None if sections is None else _strings(sections, name, "sections", where),
        tags=_strings(body.get("tags") or [], name, "tags", where),
        options=MappingProxyType({str(m): MappingProxyType({str(k): _option_text(v) for k, v in o.items()}) for m, o in options.items()}),
        location=where,
    )


def _strings(value: object, name: str, key: str, where: Location) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in items):
        raise CvError.at(where, f"variant {name!r}: `{key}` must be a list of names")
    return tuple(str(item).strip() for item in items if str(item).strip())


def _option_text(value: object) -> str:
    """Options are written as text in cv.md; YAML's true/5 become "true"/"5" and are parsed the same way."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def choose(context: Context, name: str) -> Variant:
    """The variant called `name`, with its options checked against the macros they name."""
    from .macros import MACROS

    variants = context.config.variants
    if name not in variants:
        known = ", ".join(variants) or "none are defined"
        raise CvError.at(Location(context.config.source, 1), f"no variant {name!r} in the front matter",
                         f"variants: {known}; declare them under `cvfilter: variants:`")
    variant = variants[name]
    for macro_name, options in variant.options.items():
        if macro_name not in MACROS:
            raise CvError.at(variant.location, f"variant {name!r} sets options of unknown macro .{macro_name}",
                             f"known macros: {', '.join(sorted(MACROS))}")
        spec = MACROS[macro_name]
        for key, raw in options.items():
            if key not in spec.options:
                raise CvError.at(variant.location, f"variant {name!r}: unknown option {key!r} for macro .{macro_name}",
                                 f"options of .{macro_name}: {', '.join(spec.options)}")
            spec.options[key].parse(key, raw, variant.location)
    return variant


def keep_sections(doc: pf.Doc, variant: Variant) -> None:
    """Drop every top-level section the variant does not name; what precedes the first heading stays.

    A section is a heading and what follows it up to the next heading of the same level; it is named by
    its heading text or by the class of a macro inside it (case does not matter). A name that matches
    nothing is an error, so a typo never silently empties the document.
    """
    if variant.sections is None:
        return
    wanted = {name.casefold(): name for name in variant.sections}
    headings = [b for b in doc.content if isinstance(b, pf.Header)]
    if not headings:
        return
    level = min(h.level for h in headings)
    groups: list[list[pf.Block]] = [[]]
    for block in doc.content:
        if isinstance(block, pf.Header) and block.level == level:
            groups.append([])
        groups[-1].append(block)
    kept, matched = list(groups[0]), set()
    for group in groups[1:]:
        names = {pf.stringify(group[0]).strip().casefold(), *_macro_names(group)}
        hits = names & wanted.keys()
        if hits:
            kept.extend(group)
            matched |= hits
    missing = [wanted[key] for key in wanted if key not in matched and key not in _macro_names(groups[0])]
    if missing:
        shown = ", ".join(pf.stringify(h) for h in headings if h.level == level)
        raise CvError.at(variant.location, f"variant {variant.name!r} names section {missing[0]!r}, which cv.md does not have",
                         f"sections: {shown}")
    doc.content = kept


def _macro_names(blocks: list[pf.Block]) -> set[str]:
    found: set[str] = set()

    def action(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.Div) and elem.classes:
            found.add(elem.classes[0].casefold())

    for block in blocks:
        walk(block, action)
    return found


def variant_names(source: Path) -> list[str]:
    """The variants cv.md declares (pandoc hands metadata over sorted by name)."""
    import io

    from . import pandoc
    from .config import read_config
    from .source import read_source

    text = read_source(source)
    doc = pf.load(io.StringIO(pandoc.read_markdown(text, source.name, source.parent)))
    return list(read_config(doc, source.name, text).variants)


def build_variants(source: Path, formats: tuple[str, ...], out_dir: Path | None, names: list[str] | None = None) -> list[BuildResult]:
    """`cv build --variant`/`--all-variants`: cv-NAME.* per variant; with every variant, also the plain cv.*."""
    from .build import build

    everything = names is None
    chosen = variant_names(source) if everything else names
    results = [build(source, formats, out_dir)] if everything else []
    results.extend(build(source, formats, out_dir, stem=f"cv-{name}", variant=name) for name in chosen)
    return results
