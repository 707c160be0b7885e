"""Running the bundled pandoc: read Markdown to JSON once, write each format from JSON."""

from __future__ import annotations

import importlib.util
import os
import os
import subprocess
from functools import cache
from pathlib import Path

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
    return _run([pandoc_path(), "-f", READER, "-t", "json"], text.encode("utf-8"), shown_as, cwd).decode("utf-8")


def write(json_text: str, fmt: str, extra: list[str], cwd: Path, shown_as: str, epoch: int | None = None) -> bytes:
    """Pandoc JSON to one output format; binary formats come back as bytes too.

    `epoch` becomes SOURCE_DATE_EPOCH, which pandoc uses for the dates inside a .docx (zip entries,
    document properties), so that the same input gives the same bytes.
    """
    args = [pandoc_path(), "-f", "json", "-t", fmt, "-o", "-", *extra]
    env = None if epoch is None else {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    return _run(args, json_text.encode("utf-8"), shown_as, cwd, env)


def _run(args: list[str], data: bytes, shown_as: str, cwd: Path, env: dict[str, str] | None = None) -> bytes:
    result = subprocess.run(args, input=data, capture_output=True, cwd=cwd, env=env)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip()
        raise CvError.at(Location(shown_as), f"pandoc failed: {message}")
    return result.stdout


def run_bundled(arguments: list[str]) -> int:
    """`cv pandoc ...`: the bundled pandoc, with this environment's `cvfilter` and `typst` first on PATH."""
    import sysconfig

    scripts = sysconfig.get_path("scripts")
    env = {**os.environ, "PATH": os.pathsep.join([scripts, os.environ.get("PATH", "")])}
    return subprocess.run([pandoc_path(), *arguments], env=env).returncode
