"""The filter under plain pandoc: the bundled 3.x and Debian's 2.17, every writer a user would try."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cvfilter.pandoc import pandoc_path
from tests.conftest import copy_example, normalize
from tests.readback import docx_text, html_soup, html_text, pdf_text

PANDOCS = {"bundled": pandoc_path()}
if shutil.which("pandoc", path="/usr/bin"):
    PANDOCS["debian"] = "/usr/bin/pandoc"

EXPECTED = [
    "Brandon Amos",
    "Research Scientist, Meta AI, Fundamental AI Research (FAIR), New York City 2019 – Present",
    "Nine undergraduate scholarships 2011 – 2014",
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    work = copy_example(tmp_path_factory.mktemp("plain"))
    return work


def run_pandoc(pandoc: str, workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """pandoc with our console scripts (cvfilter, typst) first on PATH, as after `pip install .`."""
    scripts = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([pandoc, "cv.md", "--filter", "cvfilter", *args], cwd=workdir, capture_output=True, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return result


def assert_has_entries(text: str) -> None:
    text = normalize(text)
    position = 0
    for item in EXPECTED:
        position = text.find(item, position)
        assert position >= 0, item


@pytest.mark.parametrize("which", PANDOCS)
def test_html(which, workdir):
    run_pandoc(PANDOCS[which], workdir, "-s", "-o", f"cv-{which}.html")
    soup = html_soup(workdir / f"cv-{which}.html")
    assert soup.select_one("header h1").get_text(strip=True) == "Brandon Amos"
    assert_has_entries(html_text(workdir / f"cv-{which}.html"))


@pytest.mark.parametrize("which", PANDOCS)
def test_docx(which, workdir):
    run_pandoc(PANDOCS[which], workdir, "-o", f"cv-{which}.docx")
    assert_has_entries(docx_text(workdir / f"cv-{which}.docx"))


@pytest.mark.parametrize("which", PANDOCS)
@pytest.mark.parametrize("writer", ["markdown", "plain"])
def test_text_writers(which, writer, workdir):
    out = run_pandoc(PANDOCS[which], workdir, "-t", writer).stdout.decode()
    # Markdown writes emphasis as *...*, an en dash as `--` (its smart typography), and escapes punctuation.
    assert_has_entries(normalize(out).replace("\\", "").replace("*", "").replace(" -- ", " – "))
    assert "cvfilter" not in out, "the configuration key is consumed, not echoed"


@pytest.mark.parametrize("which", PANDOCS)
@pytest.mark.parametrize("engine", ["pdflatex", "xelatex"])
def test_latex_pdf(which, engine, workdir):
    if not shutil.which(engine):
        pytest.skip(f"{engine} is not installed (scripts/test.sh installs it)")
    run_pandoc(PANDOCS[which], workdir, f"--pdf-engine={engine}", "-o", f"cv-{which}-{engine}.pdf")
    text = pdf_text(workdir / f"cv-{which}-{engine}.pdf")
    assert_has_entries(text)
    assert "bda@meta.com" in text


def test_typst_source_and_typst_engine(workdir):
    """Typst needs pandoc 3; our `typst` command wraps the typst package, so no TeX is involved."""
    source = run_pandoc(PANDOCS["bundled"], workdir, "-t", "typst", "-s").stdout.decode()
    assert "#set document(" in source
    run_pandoc(PANDOCS["bundled"], workdir, "--pdf-engine=typst", "-o", "cv-typst.pdf")
    assert_has_entries(pdf_text(workdir / "cv-typst.pdf"))


def test_cv_pandoc_runs_the_bundled_pandoc_with_our_commands(workdir):
    """`cv pandoc` gives machines with an old or no pandoc the bundled 3.x, filter and typst included."""
    scripts = Path(sys.executable).parent
    version = subprocess.run([scripts / "cv", "pandoc", "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("pandoc 3.")
    env = {**os.environ, "PATH": "/usr/bin:/bin"}  # neither cvfilter nor typst on the user's own PATH
    subprocess.run([scripts / "cv", "pandoc", "cv.md", "--filter", "cvfilter", "--pdf-engine=typst", "-o", "via-cv.pdf"],
                   cwd=workdir, env=env, check=True, capture_output=True)
    assert_has_entries(pdf_text(workdir / "via-cv.pdf"))


def test_markdown_names_the_owner_as_its_one_title_heading(tmp_path):
    """A name that starts with `%` must not turn into a Markdown title block when read back."""
    (tmp_path / "metadata.yaml").write_text('name: "%;25 $x$"\n', encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ndate: 2020-01-01\n---\n\n::: header\n:::\n\n# Skills\n", encoding="utf-8")
    out = run_pandoc(PANDOCS["bundled"], tmp_path, "-t", "markdown", "-s").stdout.decode()
    assert out.startswith("# %;25 \\$x\\$")
    assert "## Skills" in out
    assert "cvfilter-" not in out, "internal markers stay out of the front matter"
