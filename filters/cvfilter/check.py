"""`cv check`: run everything a build runs except the writers, and report every problem."""

from __future__ import annotations

from pathlib import Path

from .context import Context
from .errors import CvError, Location, Problem
from .pipeline import prepare, read_document
from .themes import missing_files
from .macros.selection import Outline, variant_problems


def check(source: Path, lang: str | None = None) -> list[Problem]:
    """All problems in cv.md, its front matter, the data files, the bibliography and the macros;
    with `lang`, as in that language, and every per-language value without its text."""
    themes = missing_files(source.parent)  # every local theme, the one in use or not
    try:
        doc, text = read_document(source)
        if lang:
            import panflute as pf

            doc.metadata["lang"] = pf.MetaString(lang)
        outline = Outline.of(doc)
        context = prepare(doc, source.parent, source.name, text)
    except CvError as exc:
        return exc.problems + [p for p in themes if p not in exc.problems]
    if context is None:
        return themes
    for variant in context.config.variants.values():
        # A build checks only the variant it builds; CI checks before it builds them all.
        found = context.diagnostics.problems
        context.diagnostics.extend([p for p in variant_problems(variant, outline) if p not in found])
    if context.config.bibliography:
        # A build reads the .bib only for a publications list or a citation; a check reads it anyway.
        from .bibliography.session import bibliography_of

        try:
            bibliography_of(context, Location(context.config.source, 1))
        except CvError as exc:
            context.diagnostics.extend(exc.problems)
    from .formats.glyphs import check_sources

    check_sources(context)
    _untranslated(context, [lang] if lang else [context.config.lang, *(v.lang for v in context.config.variants.values() if v.lang)])
    return context.diagnostics.problems + [p for p in themes if p not in context.diagnostics.problems]


def _untranslated(context: Context, langs: list[str]) -> None:
    """A warning at each per-language value of metadata.yaml that has no text in one of `langs`."""
    from .data.languages import has_language_maps, pick, untranslated
    from .data.yaml_source import parse_yaml
    from .textfile import read_text

    try:
        source = parse_yaml(read_text(context.files.data, context.config.data), context.config.data)
    except CvError:
        return  # the data's own problems are reported already
    if not has_language_maps(source.data):
        return
    for lang in dict.fromkeys(langs):
        for path, texts in untranslated(source.data, lang):
            used = pick(texts, lang, context.config.fallback_lang)
            shown = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")
            instead = f"{used!r} is used" if used is not None else "the build stops"
            context.diagnostics.warn(source.locate(path), f"{shown} has no {lang} text ({instead})",
                                     f"add `{lang}: ...` to it")
