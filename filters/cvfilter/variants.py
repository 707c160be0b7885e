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

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import panflute as pf

from .errors import CvError, Location, Problem
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
    places: Mapping[tuple[str | int, ...], Location] = field(default_factory=lambda: MappingProxyType({}))
    """Where each setting is written (("sections", 0), ("options", "talks", "limit")), for messages."""

    def at(self, *path: str | int) -> Location:
        """The line of a setting of this variant, else the line of the variant."""
        return self.places.get(path, self.location)

    def adjust(self, call: MacroCall, spec: Macro) -> MacroCall:
        """The call with this variant's options applied; its tags fill a `tags` option (for publications:
        `keywords`, the bib's tags) that cv.md left empty."""
        options = dict(call.options)
        tag_option = next((key for key in ("tags", "keywords") if key in spec.options), None)
        if self.tags and tag_option and not options.get(tag_option):
            options[tag_option] = ",".join(self.tags)
        for key, raw in self.options.get(spec.name, {}).items():
            options[key] = spec.options[key].parse(key, raw, self.at("options", spec.name, key))
        return replace(call, options=options)


Locate = Callable[..., Location]


def parse_variants(raw: object, where: Location, locate: Locate | None = None) -> dict[str, Variant]:
    """`cvfilter.variants` from the front matter into Variant objects; a wrong shape is an error here.
    `locate(name, *path)` gives the front-matter line of a variant or of one of its settings."""
    if raw in (None, {}):
        return {}
    if not isinstance(raw, dict):
        raise CvError.at(where, "`cvfilter.variants` must map variant names to settings", "e.g. `variants: {resume: {sections: [Education]}}`")
    problems: list[Problem] = []
    variants = {}
    for name, body in raw.items():
        try:
            variants[str(name)] = _parse_one(str(name), body, partial(locate, str(name)) if locate else lambda *_: where)
        except CvError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CvError(problems)
    return variants


def _parse_one(name: str, body: object, locate: Locate) -> Variant:
    where = locate()
    if not _NAME.fullmatch(name):
        raise CvError.at(where, f"variant name {name!r} must be letters, digits, '-' or '_'", "it becomes part of the file name cv-NAME.pdf")
    body = body or {}
    if not isinstance(body, dict):
        raise CvError.at(where, f"variant {name!r} must be a mapping", f"keys: {', '.join(_KEYS)}")
    unknown = sorted(set(body) - set(_KEYS))
    if unknown:
        raise CvError.at(where, f"unknown key {unknown[0]!r} in variant {name!r}", f"keys: {', '.join(_KEYS)}")
    options = body.get("options") or {}
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise CvError.at(locate("options"), f"variant {name!r}: `options` must map macro names to options", "e.g. `options: {talks: {limit: 5}}`")
    sections = None
    if "sections" in body:
        raw = body["sections"]
        sections = () if raw is None or raw == "" else _strings(raw, name, "sections", locate("sections"))
        if not sections:
            raise CvError.at(locate("sections"), f"variant {name!r}: `sections` is empty, so the variant would show no section",
                             "list the sections to keep, e.g. `sections: [Education, Skills]`, or remove the key to keep them all")
    places = {("sections",): locate("sections"), ("options",): locate("options")}
    places |= {("sections", index): locate("sections", index) for index in range(len(sections or ()))}
    for macro_name, settings in options.items():
        places[("options", str(macro_name))] = locate("options", macro_name, "<key>")
        places |= {("options", str(macro_name), str(key)): locate("options", macro_name, key) for key in settings}
    return Variant(
        name=name,
        description=str(body.get("description") or ""),
        sections=sections,
        tags=_strings(body.get("tags") or [], name, "tags", locate("tags")),
        options=MappingProxyType({str(m): MappingProxyType({str(k): _option_text(v) for k, v in o.items()}) for m, o in options.items()}),
        location=where,
        places=MappingProxyType(places),
    )


def _strings(value: object, name: str, key: str, where: Location) -> tuple[str, ...]:
    if not isinstance(value, list):
        shown = value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else "Name"
        raise CvError.at(where, f"variant {name!r}: `{key}` must be a list of names, not a single value",
                         f"write `{key}: [{shown}]`")
    if not all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
        raise CvError.at(where, f"variant {name!r}: `{key}` must be a list of names")
    return tuple(str(item).strip() for item in value if str(item).strip())


def _option_text(value: object) -> str:
    """Options are written as text in cv.md; YAML's true/5 become "true"/"5" and are parsed the same way."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def choose(context: Context, name: str) -> Variant:
    """The variant called `name`, with its options checked against the macros they name (its
    sections are checked against cv.md when they are kept)."""
    variants = context.config.variants
    if name not in variants:
        known = ", ".join(variants) or "none are defined"
        raise CvError.at(Location(context.config.source, 1), f"no variant {name!r} in the front matter",
                         f"variants: {known}; declare them under `cvfilter: variants:`")
    variant = variants[name]
    problems = option_problems(variant)
    if problems:
        raise CvError(problems)
    return variant


def option_problems(variant: Variant) -> list[Problem]:
    """Each option override naming an unknown macro or option, or holding a value its option refuses."""
    from .macros import MACROS

    problems: list[Problem] = []
    for macro_name, options in variant.options.items():
        if macro_name not in MACROS:
            guess = difflib.get_close_matches(macro_name, list(MACROS), n=1)
            problems.append(Problem(variant.at("options", macro_name), f"variant {variant.name!r} sets options of unknown macro .{macro_name}",
                                    f"did you mean {guess[0]!r}?" if guess else f"known macros: {', '.join(sorted(MACROS))}"))
            continue
        spec = MACROS[macro_name]
        for key, raw in options.items():
            where = variant.at("options", macro_name, key)
            if key not in spec.options:
                guess = difflib.get_close_matches(key, list(spec.options), n=1)
                problems.append(Problem(where, f"variant {variant.name!r}: unknown option {key!r} for macro .{macro_name}",
                                        f"did you mean {guess[0]!r}?" if guess else f"options of .{macro_name}: {', '.join(spec.options)}"))
                continue
            try:
                spec.options[key].parse(key, raw, where)
            except CvError as exc:
                problems.extend(Problem(p.location, f"variant {variant.name!r}: {p.message}", p.hint) for p in exc.problems)
    return problems


def variant_problems(variant: Variant, outline: Outline) -> list[Problem]:
    """Everything wrong with a variant that a build of it would stop on: what `cv check` reports for
    every variant, not only the one being built."""
    return missing_sections(variant, outline) + option_problems(variant)


@dataclass(frozen=True)
class Outline:
    """What a variant's `sections` may name in cv.md: top-level headings and macro classes."""

    headings: tuple[str, ...]
    names: frozenset[str]

    @classmethod
    def of(cls, doc: pf.Doc) -> Outline:
        """Read before the macros expand (expansion replaces the macro Divs)."""
        _level, groups = _top_sections(doc)
        headings = tuple(pf.stringify(group[0]).strip() for group in groups[1:])
        return cls(headings, frozenset({h.casefold() for h in headings} | _macro_names(list(doc.content))))


def missing_sections(variant: Variant, outline: Outline) -> list[Problem]:
    """A section name that matches nothing would silently empty the document: an error at its line."""
    if variant.sections is None:
        return []
    return [Problem(variant.at("sections", index), f"variant {variant.name!r} names section {name!r}, which cv.md does not have",
                    _section_hint(name, outline))
            for index, name in enumerate(variant.sections) if name.casefold() not in outline.names]


def _section_hint(name: str, outline: Outline) -> str:
    choices = {heading.casefold(): heading for heading in outline.headings}
    choices |= {other: other for other in outline.names - choices.keys()}
    guess = difflib.get_close_matches(name.casefold(), list(choices), n=1)
    if guess:
        return f"did you mean {choices[guess[0]]!r}?"
    return f"sections: {', '.join(outline.headings)}" if outline.headings else "cv.md has no headings"


def _top_sections(doc: pf.Doc) -> tuple[int, list[list[pf.Block]]]:
    """The top heading level and the blocks grouped under each heading of it; the first group holds
    what precedes the first heading."""
    headings = [b for b in doc.content if isinstance(b, pf.Header)]
    level = min((h.level for h in headings), default=1)
    groups: list[list[pf.Block]] = [[]]
    for block in doc.content:
        if isinstance(block, pf.Header) and block.level == level:
            groups.append([])
        groups[-1].append(block)
    return level, groups


def keep_sections(doc: pf.Doc, variant: Variant) -> None:
    """Drop every top-level section the variant does not name; what precedes the first heading stays.

    A section is a heading and what follows it up to the next heading of the same level; it is named by
    its heading text or by the class of a macro inside it (case does not matter). A name that matches
    nothing is an error, so a typo never silently empties the document.
    """
    if variant.sections is None:
        return
    problems = missing_sections(variant, Outline.of(doc))
    if problems:
        raise CvError(problems)
    wanted = {name.casefold() for name in variant.sections}
    _level, groups = _top_sections(doc)
    if len(groups) == 1:
        return
    kept = list(groups[0])
    for group in groups[1:]:
        if {pf.stringify(group[0]).strip().casefold(), *_macro_names(group)} & wanted:
            kept.extend(group)
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
