"""`cv watch`: rebuild whenever a source changes, in one warm process.

The process keeps its imports, the Typst compiler and the citation cache between builds, so a
rebuild costs only the work the edit requires. A failed build leaves the last good outputs in
place (build writes nothing until every format succeeded) and prints the problems; the next good
edit rebuilds. Changes arrive as sets of paths from watchfiles, or from any iterable in tests.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .assets import read_style, styles_dir
from .build import BuildResult, build
from .errors import CvError, Problem, in_source_order
from .formats.registry import DEFAULT_FORMATS, FORMATS
from .serve import PreviewServer
from .textfile import read_bytes

# Top-level files that may be sources before the first good build has said which ones are.
_SOURCE_SUFFIXES = {".md", ".yaml", ".yml", ".bib", ".csl", ".json"}


def _stages(fmt: str) -> tuple[str, ...]:
    """The timed stages that make `fmt`, as its registry line names them."""
    return FORMATS[fmt].all_stages


@dataclass
class Outcome:
    """One build attempt: what triggered it, and either its result or its problems."""

    changed: list[Path]
    seconds: float
    result: BuildResult | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.result is not None


class Watcher:
    """Decides which changes matter and rebuilds once per batch of changes that do."""

    def __init__(
        self,
        source: Path,
        formats: tuple[str, ...] = DEFAULT_FORMATS,
        out_dir: Path | None = None,
        out: TextIO | None = None,
        on_success: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.source = source.resolve()
        self.base = self.source.parent
        self.formats = formats
        self.out_dir = (out_dir or self.base / "build").resolve()
        self.out = out or sys.stdout
        self.on_success = on_success
        self.inputs: set[Path] = set()
        self.outcomes: list[Outcome] = []
        self._digests: dict[Path, str] = {}
        self._warned: set[str] = set()  # the warnings of the last good build, as printed

    @property
    def roots(self) -> list[Path]:
        """Folders to hand to the file watcher: the CV's folder and the shipped styles."""
        roots = [self.base]
        shipped = Path(styles_dir()).resolve()
        if not _is_below(shipped, self.base):
            roots.append(shipped)
        return roots

    def relevant(self, path: Path) -> bool:
        """cv.md, the data files and bibliography it names, and anything in a styles/ folder."""
        path = path.resolve()
        if _is_below(path, self.out_dir) or ".cache" in path.parts or ".git" in path.parts:
            return False
        if path == self.source or path in self.inputs:
            return True
        if not _is_below(path, self.base):
            return True  # the only other root watched is the shipped styles folder
        if "styles" in path.relative_to(self.base).parts:
            return True
        return not self.inputs and path.parent == self.base and path.suffix in _SOURCE_SUFFIXES

    def run(self, changes: Iterable[set[Path]]) -> list[Outcome]:
        """Build once, then once per batch of relevant, really changed files, until `changes` ends."""
        self.rebuild([])
        for batch in changes:
            changed = self._really_changed(batch)
            if changed:
                self.rebuild(changed)
        return self.outcomes

    def rebuild(self, changed: list[Path]) -> Outcome:
        read_style.cache_clear()  # a style file may be what changed
        start = time.perf_counter()
        try:
            result = build(self.source, self.formats, self.out_dir)
        except CvError as exc:
            outcome = Outcome(changed, time.perf_counter() - start, problems=exc.problems)
        else:
            outcome = Outcome(changed, time.perf_counter() - start, result=result)
            self.inputs = {path.resolve() for path in result.inputs}
        self._remember(outcome)
        self.outcomes.append(outcome)
        self._report(outcome)
        if outcome.ok and self.on_success:
            self.on_success(outcome)
        return outcome

    def _really_changed(self, batch: set[Path]) -> list[Path]:
        """Relevant paths whose content differs from what the last build saw (editors save twice)."""
        changed = []
        for path in sorted({Path(p).resolve() for p in batch}):
            if self.relevant(path) and self._digests.get(path) != _digest(path):
                changed.append(path)
        return changed

    def _remember(self, outcome: Outcome) -> None:
        for path in {self.source, *self.inputs, *outcome.changed}:
            self._digests[path] = _digest(path)

    def _report(self, outcome: Outcome) -> None:
        what = ", ".join(_shown(path, self.base) for path in outcome.changed) or "start"
        if outcome.result is None:
            for problem in in_source_order(outcome.problems):
                print(problem, file=self.out)
            print(f"{what}: build failed, kept the last good outputs", file=self.out)
        else:
            timings = outcome.result.timings
            parts = [f"{fmt} {sum(timings.get(s, 0.0) for s in _stages(fmt)):.2f} s" for fmt in self.formats]
            warnings = [str(problem) for problem in in_source_order(outcome.result.warnings)]
            for warning in warnings:
                if warning not in self._warned:
                    print(warning, file=self.out)
            again = sum(warning in self._warned for warning in warnings)
            self._warned = set(warnings)
            still = f"; {again} warning{'s' if again != 1 else ''} as before" if again else ""
            print(f"{what}: rebuilt in {outcome.seconds:.2f} s ({', '.join(parts)}){still}", file=self.out)
        self.out.flush()


def file_changes(roots: list[Path], stop_event=None) -> Iterator[set[Path]]:
    """Batches of changed paths from watchfiles, debounced so one save is one batch."""
    import watchfiles

    for batch in watchfiles.watch(*roots, step=50, debounce=800, stop_event=stop_event):
        yield {Path(path) for _change, path in batch}


def watch(
    source: Path,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    out_dir: Path | None = None,
    serve: bool = False,
    port: int = 8000,
    changes: Iterable[set[Path]] | None = None,
) -> int:
    """Watch and rebuild until interrupted; with `serve`, a live-reloading preview on 127.0.0.1."""
    watcher = Watcher(source, formats, out_dir)
    server = None
    if serve:
        server = PreviewServer(watcher.out_dir, port)
        watcher.on_success = lambda _outcome: server.bump()
        server.start()
        print(f"preview on {server.url}", file=watcher.out)
    try:
        watcher.run(changes if changes is not None else file_changes(watcher.roots))
    except KeyboardInterrupt:
        pass
    finally:
        if server:
            server.stop()
    return 0


def _digest(path: Path) -> str:
    """The content's digest; a file that cannot be read as a regular file (gone, a FIFO, too
    large) is "missing" here, and the build says what is wrong with it."""
    try:
        return hashlib.blake2b(read_bytes(path, path.name), digest_size=16).hexdigest()
    except CvError:
        return "missing"


def _is_below(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _shown(path: Path, base: Path) -> str:
    return str(path.relative_to(base)) if _is_below(path, base) else str(path)
