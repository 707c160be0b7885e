"""`cv build`: parse cv.md once, run the filter in process, write every format concurrently."""

from __future__ import annotations

import io
import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import panflute as pf

from . import pandoc
from .context import Context
from .data.yaml_source import read_text
from .errors import CvError, Location, Problem
from .formats.docx import set_creator
from .pipeline import DONE_KEY, expand_macros, finish, load_context
from .assets import styles_dir

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
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise CvError.at(Location(str(source)), f"unknown format {unknown[0]!r}", f"choose from {', '.join(FORMATS)}")
    base = source.parent
    out_dir = out_dir or base / "build"
    result = BuildResult()
    clock = _Clock(result.timings)
    shown = source.name
    text = read_text(source, shown)
    with clock("pandoc-read"):
        ast_json = pandoc.read_markdown(text, shown, base)
    with clock("parse-json"):
        doc = pf.load(io.StringIO(ast_json))
    context = None
    if not doc.get_metadata(DONE_KEY, default=False):
        with clock("load"):
            context = load_context(doc, base, shown, text, variant)
        result.inputs = _inputs(source, context)
        with clock("macros"):
            expand_macros(doc, context, text)
        result.warnings.extend(context.diagnostics.warnings)
        _split_out(result.timings, "macros", context.timings)
    with clock("serialise"):
        core = _dump(doc)
    writers = {"pdf": _write_pdf, "docx": _write_docx, "html": _write_html}
    with ThreadPoolExecutor(max_workers=len(formats)) as pool:
        futures = {fmt: pool.submit(writers[fmt], core, context, base, shown, clock) for fmt in formats}
        produced = {fmt: future.result() for fmt, future in futures.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    for fmt, data in produced.items():
        target = out_dir / f"{stem}.{fmt}"
        atomic_write(target, data)
        result.outputs[fmt] = target
    return result


def _finished_json(core: str, fmt: str, context: Context | None, clock: _Clock) -> str:
    with clock(f"finish-{fmt}"):
        doc = pf.load(io.StringIO(core))
        finish(doc, fmt, context)
        return _dump(doc)


def _write_html(core: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    with clock("html"):
        return pandoc.write(_finished_json(core, "html", context, clock), "html5", ["-s"], base, shown)


def _write_docx(core: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    with clock("docx"):
        extra = []
        reference = styles_dir() / "docx" / "reference.docx"
        if reference.is_file():
            extra = ["--reference-doc", str(reference)]
        written = pandoc.write(_finished_json(core, "docx", context, clock), "docx", extra, base, shown)
        return set_creator(written, context.data.name) if context else written


def _write_pdf(core: str, context: Context | None, base: Path, shown: str, clock: _Clock) -> bytes:
    with clock("typst"):
        source = pandoc.write(_finished_json(core, "typst", context, clock), "typst", ["-s"], base, shown)
    with clock("typst-compile"):
        return compile_typst(source, base)


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


def compile_typst(source: bytes | str, root: Path) -> bytes:
    """Typst in process: no subprocess, no network (fonts ship with the typst package)."""
    try:
        return _typst_compiler(str(root)).compile(input=source, format="pdf", pdf_standards=PDF_STANDARDS)
    except RuntimeError as exc:
        raise CvError.at(Location("cv.typ"), f"Typst could not compile the document: {exc}") from None


@cache
def _typst_compiler(root: str):
    """One compiler per project root: fonts are scanned once per process, not once per build (cv watch).
    Only the fonts inside Typst are used, so the PDF looks the same on every machine."""
    import typst

    return typst.Compiler(root=root, ignore_system_fonts=True)


def atomic_write(target: Path, data: bytes) -> None:
    """Write beside the target, then rename: a failed build never leaves a half-written file."""
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _dump(doc: pf.Doc) -> str:
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
