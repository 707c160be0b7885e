"""`cv build`: parse cv.md once, run the filter in process, write every format concurrently."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import pandoc
from .clock import Clock
from .data.yaml_source import front_matter
from .errors import CvError, Location, Problem
from .files import write_outputs
from .formats.registry import DEFAULT_FORMATS, FORMATS
from .source import read_source
from .warmer import Warmers

if TYPE_CHECKING:
    import panflute as pf

    from .context import Context


@dataclass
class BuildResult:
    outputs: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)
    seen: object = None  # what `look` returned, given the semantic document (`cv check --ats`)


def build(
    source: Path, formats: tuple[str, ...] = DEFAULT_FORMATS, out_dir: Path | None = None, stem: str = "cv", variant: str | None = None,
    lang: str | None = None, look: Callable[[pf.Doc, Context | None], object] | None = None,
    theme: str | None = None,
) -> BuildResult:
    """Build `formats` from `source` into `out_dir` (default: build/ beside the source), optionally one variant,
    optionally in another theme than the front matter names; `look` reads the semantic document (and the
    loaded context) before the writers finish it in place."""
    with _collector_paused():
        return _build(source, formats, out_dir, stem, variant, lang, look, theme)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector would walk the document's tens of thousands of new objects again
    and again while a build makes them; they all die together when it ends, so it waits till then.
    Forked writers inherit the pause, so they never touch (and copy) the parent's memory for it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(source: Path, formats: tuple[str, ...], out_dir: Path | None, stem: str, variant: str | None,
           lang: str | None = None, look: Callable[[pf.Doc, Context | None], object] | None = None,
           theme: str | None = None) -> BuildResult:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise CvError.at(Location(str(source)), f"unknown format {unknown[0]!r}", f"choose from {', '.join(FORMATS)}")
    base = source.parent
    out_dir = out_dir or base / "build"
    result = BuildResult()
    clock = Clock(result.timings)
    shown = source.name
    text = read_source(source)
    front = front_matter(text, shown)  # once, for the warmers and the configuration; a YAML mistake is reported at its line
    warmers = Warmers.start(text, base, front)  # before pandoc starts: its pipes must not leak into them
    try:
        with pandoc.Running(text, shown, base) as reading:
            # Imported here, not at the top: panflute and the data model load while pandoc reads,
            # on the other core (the benchmark's cold build is that much faster).
            with clock("import"):
                import panflute as pf

                from . import macros  # noqa: F401
                from .pipeline import DONE_KEY, expand_macros, load_checked
                from .writing import write_all
            with clock("pandoc-read"):  # only the part of the read the imports did not hide
                ast_json = reading.result()
        with clock("parse-json"):
            doc = pf.load(io.StringIO(ast_json))
        if lang:  # `cv build --lang de`: as if the front matter said `lang: de`
            doc.metadata["lang"] = pf.MetaString(lang)
        context = None
        if not doc.get_metadata(DONE_KEY, default=False):
            with clock("load"):
                warmers.wait("data")
                context = load_checked(doc, base, shown, text, variant, front, theme)
            result.inputs = _inputs(source, context)
            with clock("macros"):
                warmers.wait("bibliography")
                expand_macros(doc, context, text)
            result.warnings.extend(context.diagnostics.warnings)
            _split_out(result.timings, "macros", context.timings)
    finally:
        warmers.stop()
    if look is not None:
        result.seen = look(doc, context)
    produced = write_all(doc, formats, context, base, shown, clock)
    if context:  # writers may add warnings too (a PDF that cannot be PDF/A)
        result.warnings = list(context.diagnostics.warnings)
    result.outputs = {fmt: out_dir / f"{stem}.{FORMATS[fmt].suffix}" for fmt in produced}
    write_outputs({result.outputs[fmt]: data for fmt, data in produced.items()})
    return result


def variant_names(source: Path) -> list[str]:
    """The variants cv.md declares (pandoc hands metadata over sorted by name)."""
    # Here, not at the top: build.py loads before pandoc starts, and panflute and the configuration
    # (with its labels) must load while pandoc reads (see _build).
    import panflute as pf

    from .config import read_config

    text = read_source(source)
    doc = pf.load(io.StringIO(pandoc.read_markdown(text, source.name, source.parent)))
    return list(read_config(doc, source.name, text).variants)


def build_variants(source: Path, formats: tuple[str, ...], out_dir: Path | None, names: list[str] | None = None,
                   theme: str | None = None) -> list[BuildResult]:
    """`cv build --variant`/`--all-variants`: cv-NAME.* per variant; with every variant, also the plain cv.*."""
    everything = names is None
    chosen = variant_names(source) if everything else names
    results = [build(source, formats, out_dir, theme=theme)] if everything else []
    results.extend(build(source, formats, out_dir, stem=f"cv-{name}", variant=name, theme=theme) for name in chosen)
    return results


def _inputs(source: Path, context: Context) -> list[Path]:
    """The files a build read, so that `cv watch` knows what to watch."""
    return [source, *context.files.read()]


def _split_out(timings: dict[str, float], total: str, inner: dict[str, float]) -> None:
    """Report sub-stages (citeproc inside macros) on their own, and the rest under `total`."""
    for stage, seconds in inner.items():
        timings[stage] = seconds
        timings[total] = max(0.0, timings[total] - seconds)
