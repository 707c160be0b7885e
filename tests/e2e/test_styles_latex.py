"""Plain `pandoc cv.md --filter cvfilter -o cv.pdf`: every symbol the core emits sets under pdflatex and
xelatex, with Debian's pandoc 2.17 and the bundled 3.x, and the PDF carries title and author."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from cvfilter.pandoc import pandoc_path
from tests.conftest import normalize

META = """\
name: Ada Lovelace
contact:
  email: ada@example.org
  phone: "+44 20 7946 0000"
  website: https://ada.example.org
  twitter: ada
  github: ada
  linkedin: ada
positions:
  - title: Analyst ★ ♥ • –
    org: Analytical Engine Co.
    with: [{name: Charles Babbage, url: "https://example.org/cb"}]
    topic: programs
    dates: 1842 -- 1843
    detail: Symbols ✉ ★ 𝕏 ⌂ • – ♥ ☎ ⌥ in running text
"""

DOC = """---
date: 1843-09-01
---

::: header
:::

# Positions

::: {.entries from=positions}
:::
"""


def pandocs() -> list[str]:
    found = [pandoc_path()]
    if shutil.which("pandoc") and Path(shutil.which("pandoc")).resolve() != Path(pandoc_path()).resolve():
        found.append(shutil.which("pandoc"))
    return found


@pytest.mark.parametrize("engine", ["pdflatex", "xelatex"])
@pytest.mark.parametrize("pandoc", pandocs(), ids=lambda path: "system" if path.startswith("/usr") else "bundled")
def test_symbols_set_under_every_engine(tmp_path: Path, pandoc: str, engine: str) -> None:
    if not (shutil.which(engine) and shutil.which("cvfilter")):
        pytest.skip(f"{engine} or the cvfilter command is not installed")
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(DOC, encoding="utf-8")
    result = subprocess.run(
        [pandoc, "cv.md", "--filter", "cvfilter", f"--pdf-engine={engine}", "-o", "cv.pdf"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Missing character" not in result.stderr
    reader = pypdf.PdfReader(tmp_path / "cv.pdf")
    assert reader.metadata.title == "Ada Lovelace — CV"
    assert reader.metadata.author == "Ada Lovelace"
    text = normalize(" ".join(page.extract_text() for page in reader.pages))
    for words in ("Ada Lovelace", "ada@example.org", "Analytical Engine Co.", "in running text", "1842 – 1843"):
        assert words in text
    links = {str(a.get_object()["/A"]["/URI"]) for a in reader.pages[0].get("/Annots") or [] if "/A" in a.get_object()}
    assert {"mailto:ada@example.org", "https://example.org/cb"} <= links
