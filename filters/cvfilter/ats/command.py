"""`cv check --ats` and `cv build --ats`: build, read every file back as parsers do, score each reading.

The readers run while the build's imports are warm: the slowest (pypdf) in a forked child, the
others here, so the check costs little beyond the build (docs/ats.md gives the numbers).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import BuildResult, build
from ..forking import Forked, can_fork
from .compare import Score, score
from .expected import Expected, expected_of
from .extract_docx import read_paragraphs, read_runs
from .extract_html import read_dom
from .extract_pdf import pypdf_extraction, read_pdfium, read_pypdf, read_pypdf_pages
from .sources import Sources
from .text import Extraction

if TYPE_CHECKING:
    import panflute as pf

    from ..context import Context

ATS_FORMATS = ("pdf", "docx", "html")
READERS: dict[str, tuple[Callable[[Path], Extraction], ...]] = {
    "pdf": (read_pypdf, read_pdfium),
    "docx": (read_paragraphs, read_runs),
    "html": (read_dom,),
}


@dataclass
class AtsResult:
    build: BuildResult
    scores: list[Score] = field(default_factory=list)
    threshold: float = 100.0
    seconds: float = 0.0  # the check's own time, after the build
    cpu_seconds: float = 0.0  # and the processor time it took, its forked reader's included

    @property
    def passed(self) -> bool:
        return all(s.percent >= self.threshold for s in self.scores)


def check_ats(source: Path, out_dir: Path | None = None, lang: str | None = None, theme: str | None = None) -> AtsResult:
    """Build the PDF, DOCX and HTML of `source` (in `theme`, if given), then score every reading of each."""
    warm = threading.Thread(target=_import_readers, daemon=True)
    warm.start()  # the readers' imports overlap the build's waits on pandoc and Typst
    built = build(source, ATS_FORMATS, out_dir, lang=lang, look=_look, theme=theme)
    started, cpu = time.perf_counter(), _cpu()
    warm.join()
    gc.freeze()  # the build's objects stay out of the collector's walks, here and in the forked reader
    try:
        return _read_back(built, source, started, cpu)
    finally:
        gc.unfreeze()


def _read_back(built: BuildResult, source: Path, started: float, cpu: float) -> AtsResult:
    expected, threshold = built.seen
    base = source.parent
    sources = Sources.read([(_shown(path, base), path) for path in built.inputs if path.suffix in (".md", ".yaml", ".yml", ".bib")])
    result = AtsResult(built, threshold=threshold)
    pdf = built.outputs.get("pdf")
    halves = _pypdf_children(pdf) if pdf and can_fork() else []
    links: list[str] = []
    pdfium_readings: list[Extraction] = []  # PDFium reads no link annotations: pypdf's stand for the file
    for fmt in ATS_FORMATS:
        path = built.outputs.get(fmt)
        for reader in READERS[fmt]:
            if path is None or (reader is read_pypdf and halves):
                continue
            reading = reader(path)
            if reader is read_pdfium:
                pdfium_readings.append(reading)
                continue
            if reader is read_pypdf:
                links = reading.links
            result.scores.append(score(reading, expected, sources))
    if halves:
        pages: list[str] = []
        for child in halves:
            some, found = child.result()
            pages += some
            links += found
        result.scores.insert(0, score(pypdf_extraction(pages, links), expected, sources))
    result.scores[1:1] = [score(reading, expected, sources, links) for reading in pdfium_readings]
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = _cpu() - cpu
    return result


def _pypdf_children(pdf: Path) -> list[Forked[tuple[list[str], list[str]]]]:
    """pypdf, the slowest reader, in a forked child while this process reads the rest. Halving the
    pages between two children cost more processor time and saved no wall time (the example, six
    interleaved rounds at load 12 to 16 on 2 cores: one child 1.18 s wall and 0.32 s CPU, two
    children 1.53 s and 0.39 s, medians)."""
    return [Forked(lambda: read_pypdf_pages(pdf))]


def _look(doc: pf.Doc, context: Context | None) -> tuple[Expected, float]:
    """What the check needs of the semantic document: what must be read, and the pass mark."""
    return expected_of(doc), context.config.ats_threshold if context else 100.0


def _cpu() -> float:
    """Processor seconds of this process and its waited-for children (the forked reader)."""
    try:
        import resource
    except ImportError:  # Windows: this process only
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _import_readers() -> None:
    import pypdf  # noqa: F401
    import pypdfium2  # noqa: F401


def _shown(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
