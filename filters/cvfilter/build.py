"""`cv build`: parse cv.md once, run the filter in process, write every format concurrently."""

from __future__ import annotations

import gc
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import pandoc
from .assets import styles_dir
from .errors import CvError, Location, Problem
from .exports import EXPORTS
from .files import write_outputs
from .forking import Forked, can_fork, each_result
from .source import read_source
from .warmer import Warmers

if TYPE_CHECKING:
    import panflute as pf

    from .context import Context

FORMATS = ("pdf", "docx", "html")


@dataclass
class BuildResult:
    outputs: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)


def build(
    source: Path, formats: tuple[str, ...] = FORMATS, out_dir: Path | None = None, stem: str = "cv", variant: str | None = None
) -> BuildResult:
    """Build `formats` from `source` into `out_dir` (default: build/ beside the source), optionally one variant."""
    with _collector_paused():
        return _build(source, formats, out_dir, stem, variant)


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


def _build(source: Path, formats: tuple[str, ...], out_dir: Path | None, stem: str, variant: str | None) -> BuildResult:
    unknown = [f for f in formats if f not in (*FORMATS, *EXPORTS)]
    if unknown:
        raise CvError.at(Location(str(source)), f"unknown format {unknown[0]!r}", f"choose from {', '.join((*FORMATS, *EXPORTS))}")
    base = source.parent
    out_dir = out_dir or base / "build"
    result = BuildResult()
    clock = _Clock(result.timings)
    shown = source.name
    text = read_source(source)
    warmers = Warmers.start(text, base)  # before pandoc starts: its pipes must not leak into them
    try:
        with pandoc.Running(text, shown, base) as reading:
            # Imported here, not at the top: panflute and the data model load while pandoc reads.
            with clock("import"):
                import panflute as pf

                from . import macros  # noqa: F401
                from .data.yaml_source import front_matter
                from .pipeline import DONE_KEY, expand_macros, load_checked
            front_matter(text, shown)  # a YAML mistake there is reported at its line, not as a pandoc failure
            with clock("pandoc-read"):  # only the part of the read the imports did not hide
                ast_json = reading.result()
        with clock("parse-json"):
            doc = pf.load(io.StringIO(ast_json))
        context = None
        if not doc.get_metadata(DONE_KEY, default=False):
            with clock("load"):
                warmers.wait("data")
                context = load_checked(doc, base, shown, text, variant)
            result.inputs = _inputs(source, context)
            with clock("macros"):
                warmers.wait("bibliography")
                expand_macros(doc, context, text)
            result.warnings.extend(context.diagnostics.warnings)
            _split_out(result.timings, "macros", context.timings)
    finally:
        warmers.stop()
    produced = _write_all(doc, formats, context, base, shown, clock)
    if context:  # writers may add warnings too (a PDF that cannot be PDF/A)
        result.warnings = list(context.diagnostics.warnings)
    result.outputs = {fmt: out_dir / f"{stem}.{fmt}" for fmt in produced}
    write_outputs({result.outputs[fmt]: data for fmt, data in produced.items()})
    return result


def _write_all(doc: pf.Doc, formats: tuple[str, ...], context: Context | None, base: Path, shown: str, clock: _Clock) -> dict[str, bytes]:
    """Every format's bytes. Where processes fork, see `_write_forked`. Elsewhere (Windows) each
    format is finished here, one after another (Python holds the GIL anyway), and handed to a
    thread for its pandoc process (and Typst) while the next one is finished: both cores stay busy.
    The PDF, the longest chain, starts first; the last format finishes the parsed document itself."""
    import panflute as pf

    order = [fmt for fmt in (*FORMATS, *EXPORTS) if fmt in formats]
    if len(order) > 1 and can_fork():
        return _write_forked(doc, order, context, base, shown, clock)
    from concurrent.futures import ThreadPoolExecutor

    from .formats import docx, html, typst  # noqa: F401  (here, before the threads: one import each, not one per thread)

    core = None
    if len(order) > 1:
        with clock("serialise"):
            core = _dump(doc)
    with ThreadPoolExecutor(max_workers=len(order)) as pool:
        futures = {}
        for index, fmt in enumerate(order):
            with clock(f"finish-{fmt}"):
                own = doc if index == len(order) - 1 else pf.load(io.StringIO(core))
                finished = _finished_json(own, fmt, context)
            futures[fmt] = pool.submit(_WRITERS[fmt], finished, context, base, shown, clock)
        return {fmt: futures[fmt].result() for fmt in formats}


# What forked writers need; set only while they are being forked (children inherit it, nothing is copied).
_FORK_STATE: tuple | None = None


def _write_forked(doc: pf.Doc, order: list[str], context: Context | None, base: Path, shown: str, clock: _Clock) -> dict[str, bytes]:
    """Each format but the PDF finished and written in its own forked child: no copy of the
    document goes in, and no GIL is shared between formats, so both cores share the Python work.

    The PDF, the longest chain (finish, pandoc, Typst), is made here once the children are forked,
    in the process that keeps the Typst compiler warm (`cv watch`); the children run at a lower
    priority, so on two cores they fill the time the PDF leaves free instead of slowing it down."""
    global _FORK_STATE
    _FORK_STATE = (doc, context, base, shown)
    warned = len(context.diagnostics.warnings) if context else 0
    lower = 5 if "pdf" in order else 0
    try:
        children = {fmt: Forked(partial(_forked_writer, fmt, warned), nice=lower) for fmt in order if fmt != "pdf"}
    finally:
        _FORK_STATE = None
    produced: dict[str, bytes] = {}
    try:
        if "pdf" in order:
            with clock("finish-pdf"):
                finished = _finished_json(doc, "pdf", context)
            produced["pdf"] = _write_pdf(finished, context, base, shown, clock)
        for fmt, (data, timings, warnings) in each_result(children):
            clock.timings.update(timings)
            if context:
                context.diagnostics.extend(warnings)
            produced[fmt] = data
    except BaseException:
        for child in children.values():
            child.stop()
        raise
    return {fmt: produced[fmt] for fmt in order}


def _forked_writer(fmt: str, warned: int) -> tuple[bytes, dict[str, float], list[Problem]]:
    """A child's work: one format, its stage times, and the warnings it added."""
    doc, context, base, shown = _FORK_STATE
    clock = _Clock({})
    with clock(f"finish-{fmt}"):
        finished = _finished_json(doc, fmt, context)
    data = _WRITERS[fmt](finished, context, base, shown, clock)
    return data, clock.timings, context.diagnostics.warnings[warned:] if context else []


def _finished_json(doc: pf.Doc, fmt: str, context: Context | None) -> str:
    if fmt in EXPORTS:
        from .exports import finish_export

        return finish_export(doc, fmt, context)
    from .pipeline import finish

    finish(doc, _EDGES[fmt], context)
    return _dump(doc)


def _write_html(finished: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    with clock("html"):
        return pandoc.write(finished, "html5", ["-s"], base, shown)


def _write_docx(finished: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    with clock("docx"):
        extra = []
        reference = styles_dir() / "docx" / "reference.docx"
        if reference.is_file():
            extra = ["--reference-doc", str(reference)]
        written = pandoc.write(finished, "docx", extra, base, shown, build_epoch(context))
        from .formats.docx import post_process, script_fonts_of
        from .formats.faces import document_faces

        fonts = script_fonts_of(document_faces(context), context.config.lang, context.labels.direction == "rtl") if context else None
        return post_process(written, context.data.name if context else None, fonts)


def _write_pdf(finished: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    """Typst source from pandoc, then the PDF from Typst in this process, which gets Typst ready
    while pandoc writes."""
    from .formats.faces import document_faces
    from .formats.glyphs import fallback_warnings, pdf_warner

    folders = tuple(face.folder for face in document_faces(context))
    with clock("typst"), pandoc.start_write(finished, "typst", ["-s"], base, shown) as running:
        _typst_compiler(str(base), folders)
        source = running.output()
    with clock("typst-compile"):
        pdf = compile_typst(source, base, build_epoch(context), pdf_warner(context), folders)
    with clock("glyphs"):
        fallback_warnings(context)
    return pdf


def _write_export(fmt: str):
    def write(finished: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
        from .exports import write_export

        with clock(fmt):
            return write_export(finished, fmt, context, base, shown)

    return write


_EDGES = {"pdf": "typst", "docx": "docx", "html": "html"}
_WRITERS = {"pdf": _write_pdf, "docx": _write_docx, "html": _write_html, **{fmt: _write_export(fmt) for fmt in EXPORTS}}


def _inputs(source: Path, context: Context) -> list[Path]:
    """The files a build read, so that `cv watch` knows what to watch."""
    config = context.config
    named = [config.data, config.bibliography, config.csl, config.stats]
    return [source, *(context.base_dir / name for name in named if name)]


def _split_out(timings: dict[str, float], total: str, inner: dict[str, float]) -> None:
    """Report sub-stages (citeproc inside macros) on their own, and the rest under `total`."""
    for stage, seconds in inner.items():
        timings[stage] = seconds
        timings[total] = max(0.0, timings[total] - seconds)


# Tagged PDF that conforms to PDF/UA-1 (accessibility) and PDF/A-2b (archiving).
PDF_STANDARDS = ["ua-1", "a-2b"]


def build_epoch(context: Context | None) -> int:
    """The moment a build claims to be made at: SOURCE_DATE_EPOCH when set, else the CV's own date
    (front matter `date:`), so the same input gives byte-identical files on any day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return int(epoch)
    when = context.config.updated if context and context.config.updated else date(1980, 1, 1)
    return int(datetime(when.year, when.month, when.day, tzinfo=timezone.utc).timestamp())


def compile_typst(
    source: bytes | str, root: Path, epoch: int | None = None, warn: Callable[[Location, str, str], None] | None = None,
    font_folders: tuple[str, ...] = (),
) -> bytes:
    """Typst in process: no subprocess, no network (fonts ship with the typst package).

    PDF/A forbids text that no font can draw; a name in a script the bundled fonts lack (emoji,
    Hebrew, Arabic, ...) must not cost the user the PDF, so it is then written without PDF/A.
    """
    from .formats.typst import typst_error_location

    compiler = _typst_compiler(str(root), font_folders)
    try:
        return compiler.compile(input=source, format="pdf", pdf_standards=PDF_STANDARDS, timestamp=epoch)
    except RuntimeError as exc:
        if "could not be displayed" not in str(exc):
            raise CvError.at(typst_error_location(exc, source), f"Typst could not compile the document: {exc}") from None
        missing_glyph = str(exc).split("error:", 1)[-1].strip()
    if warn is not None:
        warn(Location("cv.typ"), f"the PDF is not PDF/A: {missing_glyph}", "the text is kept; install a font that has it for PDF/A")
    try:
        return compiler.compile(input=source, format="pdf", timestamp=epoch)
    except RuntimeError as exc:
        raise CvError.at(typst_error_location(exc, source), f"Typst could not compile the document: {exc}") from None


@cache
def _typst_compiler(root: str, font_folders: tuple[str, ...] = ()):
    """One compiler per project root and font folders: fonts are scanned once per process, not once
    per build (cv watch). Only the fonts inside Typst and the script faces the document needs
    (script_fonts.py) are used, so the PDF looks the same on every machine that has them."""
    import typst

    return typst.Compiler(root=root, ignore_system_fonts=True, font_paths=list(font_folders))


def _dump(doc: pf.Doc) -> str:
    import panflute as pf

    buffer = io.StringIO()
    pf.dump(doc, buffer)
    return buffer.getvalue()


class _Clock:
    """Records how long each stage takes, for `cv build --timings` and the benchmark."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings

    def __call__(self, stage: str) -> _Stage:
        return _Stage(self.timings, stage)


class _Stage:
    def __init__(self, timings: dict[str, float], stage: str) -> None:
        self.timings, self.stage = timings, stage

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *_exc: object) -> None:
        self.timings[self.stage] = time.perf_counter() - self.start
