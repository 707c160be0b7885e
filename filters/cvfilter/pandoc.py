"""Running the bundled pandoc: read Markdown to JSON once, write each format from JSON."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from functools import cache
from pathlib import Path

from .assets import DEFAULT_THEME, styles_dir
from .errors import CvError, Location

READER = "markdown"


@cache
def pandoc_path() -> str:
    """The pandoc that ships inside pypandoc-binary, so every user has the same 3.x.

    Found without importing pypandoc: that import takes longer than a pandoc run.
    """
    spec = importlib.util.find_spec("pypandoc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
        if candidate.is_file():
            return str(candidate)
    import pypandoc

    return pypandoc.get_pandoc_path()


def read_markdown(text: str, shown_as: str, cwd: Path) -> str:
    """Markdown to Pandoc JSON, once per build."""
    return Running(text, shown_as, cwd).result()


class Running:
    """A pandoc run under way: started first, so that pandoc works while Python does something else
    (imports, readying Typst), and collected when its output is needed."""

    def __init__(self, text: str, shown_as: str, cwd: Path, args: list[str] | None = None, env: dict[str, str] | None = None) -> None:
        self.shown_as = shown_as
        pipe = subprocess.PIPE
        command = [pandoc_path(), *(args or ["-f", READER, "-t", "json"])]
        self.process = subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, cwd=cwd, env=env)
        stdin, self.process.stdin = self.process.stdin, None  # the input is all sent here, not by communicate()
        try:
            with stdin:  # closing flushes, which fails the same way as a write when pandoc has stopped
                stdin.write(text.encode("utf-8"))
        except BrokenPipeError:
            pass  # pandoc stopped early; its message is on stderr

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *_exc: object) -> None:
        """A build that stopped before it needed the result leaves no pandoc behind."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()

    def output(self) -> bytes:
        output, errors = self.process.communicate()
        return _checked(self.process.returncode, output, errors, self.shown_as)

    def result(self) -> str:
        return self.output().decode("utf-8")


def write(json_text: str, fmt: str, extra: list[str], cwd: Path, shown_as: str, epoch: int | None = None) -> bytes:
    """Pandoc JSON to one output format; binary formats come back as bytes too.

    `epoch` becomes SOURCE_DATE_EPOCH, which pandoc uses for the dates inside a .docx (zip entries,
    document properties), so that the same input gives the same bytes.
    """
    return start_write(json_text, fmt, extra, cwd, shown_as, epoch).output()


def start_write(json_text: str, fmt: str, extra: list[str], cwd: Path, shown_as: str, epoch: int | None = None) -> Running:
    """`write`, started: its `output()` waits for the bytes."""
    env = None if epoch is None else {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    return Running(json_text, shown_as, cwd, ["-f", "json", "-t", fmt, "-o", "-", *extra], env)


def _checked(status: int, output: bytes, errors: bytes, shown_as: str) -> bytes:
    if status != 0:
        message = errors.decode("utf-8", errors="replace").strip()
        raise CvError.at(Location(shown_as), f"pandoc failed: {message}")
    return output


def run_bundled(arguments: list[str]) -> int:
    """`cv pandoc ...`: the bundled pandoc, with this environment's `cvfilter` and `typst` first on PATH."""
    import sysconfig

    scripts = sysconfig.get_path("scripts")
    env = {**os.environ, "PATH": os.pathsep.join([scripts, os.environ.get("PATH", "")])}
    return subprocess.run([pandoc_path(), *with_reference_doc(arguments)], env=env).returncode


def with_reference_doc(arguments: list[str]) -> list[str]:
    """The arguments, plus `--reference-doc` with cvfilter's Word styles when they write a .docx and
    name no reference document: a filter cannot choose it, so under `cv pandoc` this does."""
    if any(a == "--reference-doc" or a.startswith("--reference-doc=") for a in arguments):
        return arguments
    if not _writes_docx(arguments):
        return arguments
    return [*arguments, "--reference-doc", str(styles_dir() / "themes" / DEFAULT_THEME / "reference.docx")]


def _writes_docx(arguments: list[str]) -> bool:
    for index, argument in enumerate(arguments):
        following = arguments[index + 1] if index + 1 < len(arguments) else ""
        if argument in ("-o", "--output") and following.lower().endswith(".docx"):
            return True
        if argument in ("-t", "--to", "-w", "--write") and following == "docx":
            return True
        if argument.startswith(("--output=", "-o")) and argument.lower().endswith(".docx"):
            return True
        if argument in ("--to=docx", "--write=docx", "-tdocx"):
            return True
    return False
