"""A variant applied to cv.md: the sections it keeps, the options it gives each macro, and what
is wrong with it (checked against the macros and against cv.md's headings)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

import panflute as pf

from ..context import Context
from ..data.variant import Variant
from ..errors import CvError, Location, Problem
from ..walk import walk
from .registry import MACROS, Macro, MacroCall


def adjust(call: MacroCall, spec: Macro, variant: Variant) -> MacroCall:
    """The call with the variant's options applied; its tags fill a `tags` option (for publications:
    `keywords`, the bib's tags) that cv.md left empty."""
    options = dict(call.options)
    tag_option = next((key for key in ("tags", "keywords") if key in spec.options), None)
    if variant.tags and tag_option and not options.get(tag_option):
        options[tag_option] = ",".join(variant.tags)
    for key, raw in variant.options.get(spec.name, {}).items():
        options[key] = spec.options[key].parse(key, raw, variant.at("options", spec.name, key))
    return replace(call, options=options)


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


