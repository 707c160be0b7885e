"""Shared fixtures: run the filter in process on small documents, and build the example once."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import panflute as pf
import pytest

from cvfilter import pandoc
from cvfilter.filter import run

ROOT = Path(__file__).resolve().parents[1]

# The console scripts (cv, cvfilter, typst) of the environment running the tests come first on PATH,
# as after activating it: pandoc finds `--filter cvfilter` there even when the venv is not activated.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
SEED = ROOT / "tests" / "seed"


def markdown_to_doc(markdown: str) -> pf.Doc:
    """Parse Markdown with the bundled pandoc, as `cv build` does."""
    return pf.load(io.StringIO(pandoc.read_markdown(markdown, "cv.md", Path.cwd())))


def render(doc: pf.Doc, fmt: str) -> str:
    """Write a finished document with the bundled pandoc (text formats only)."""
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    target = {"html": "html5"}.get(fmt, fmt)
    return pandoc.write(buffer.getvalue(), target, [], Path.cwd(), "cv.md").decode("utf-8")


@pytest.fixture
def cv_dir(tmp_path: Path):
    """A folder with a metadata.yaml you write; returns a function that filters Markdown there."""

    def make(metadata: str, markdown: str, fmt: str = "plain", **files: str) -> str:
        (tmp_path / "metadata.yaml").write_text(metadata, encoding="utf-8")
        for name, content in files.items():
            (tmp_path / name.replace("__", ".")).write_text(content, encoding="utf-8")
        (tmp_path / "cv.md").write_text(markdown, encoding="utf-8")
        doc = run(markdown_to_doc(markdown), fmt, base_dir=tmp_path)
        return render(doc, fmt)

    make.path = tmp_path
    return make


# The smallest useful cv.md: a header and one list of dated entries from metadata.yaml.
SMALL_CV = """---
cvfilter:
  data: metadata.yaml
date: 2023-03-20
---

::: header
:::

# Positions

::: {.entries from=positions}
:::
"""

EXAMPLE_FILES = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")


def copy_example(work: Path) -> Path:
    """The repository's example CV copied into `work`, so that a test's build never writes into the repo."""
    for name in EXAMPLE_FILES:
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, work / name)
    return work


# The built-in themes; every one passes the read-back suite the default theme passes.
THEMES = sorted(p.name for p in (ROOT / "styles" / "themes").iterdir() if (p / "theme.yaml").is_file())


@pytest.fixture(scope="session")
def build_in_theme(tmp_path_factory):
    """The example CV built once per theme in all three formats, in a copy of the repo files; the
    example's own theme (academic) is built without --theme."""
    from cvfilter.build import build

    built: dict[str, Path] = {}

    def make(theme: str) -> Path:
        if theme not in built:
            work = copy_example(tmp_path_factory.mktemp(f"example-{theme}"))
            build(work / "cv.md", theme=None if theme == "academic" else theme)
            built[theme] = work / "build"
        return built[theme]

    return make


@pytest.fixture(scope="session")
def example_build(build_in_theme) -> Path:
    """The example CV of the repository built once in all three formats, in a copy of the repo files."""
    return build_in_theme("academic")


@pytest.fixture(scope="session", params=THEMES)
def themed_build(request, build_in_theme) -> Path:
    """The example CV built in each theme in turn (one build per theme per session)."""
    return build_in_theme(request.param)


def cache_text(path: Path) -> str:
    """The JSON of a file in .cache/cvfilter, without the digest line that seals it."""
    from cvfilter.cache import unseal

    return unseal(path.read_bytes()).decode("utf-8")


def write_cache_text(path: Path, text: str) -> None:
    """Write JSON into a cache file as cvfilter would, sealed, to test what reads it back."""
    from cvfilter.cache import seal

    path.write_bytes(seal(text.encode("utf-8")))


def normalize(text: str) -> str:
    """Text as a reader sees it: no-break spaces as spaces, runs of white space folded."""
    return " ".join(text.replace("\u00a0", " ").split())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-bad", action="store_true", help="rewrite tests/bad/*/expected.txt from the current messages")
    parser.addoption("--update-cases", action="store_true", help="rewrite tests/cases/*/expected/ from the current outputs")
