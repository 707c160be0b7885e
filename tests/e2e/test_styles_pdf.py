"""The example's PDF: its layout budget, its links, and the standards it claims, read back from the file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import yaml

from tests.conftest import ROOT, normalize

MAX_PAGES = 12
URL = re.compile(r"""(?:https?://|mailto:)[^\s"'}<>)]+""")


def data_urls() -> set[str]:
    """Every link target the example can produce: URLs written in cv.md, metadata.yaml and the
    bibliography, the profile addresses derived from contact handles, and GitHub repository pages."""
    text = (ROOT / "metadata.yaml").read_text(encoding="utf-8")
    sources = [ROOT / "cv.md", ROOT / "publications.bib"]
    urls = set(URL.findall(text + "".join(p.read_text(encoding="utf-8") for p in sources if p.exists())))
    data = yaml.safe_load(text)
    urls |= {f"https://github.com/{repo['name']}" for repo in data.get("repositories", [])}
    contact = data.get("contact", {})
    derived = {
        "email": "mailto:{}", "linkedin": "https://www.linkedin.com/in/{}", "twitter": "https://twitter.com/{}",
        "github": "https://github.com/{}", "orcid": "https://orcid.org/{}",
        "scholar": "https://scholar.google.com/citations?user={}",
    }
    urls |= {pattern.format(contact[key]) for key, pattern in derived.items() if key in contact}
    return urls


def link_targets(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(pdf)
    targets = []
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation.get("/Subtype") == "/Link" and "/URI" in annotation.get("/A", {}):
                targets.append(str(annotation["/A"]["/URI"]))
    return targets


def test_example_fits_the_page_budget(themed_build: Path) -> None:
    pages = len(pypdf.PdfReader(themed_build / "cv.pdf").pages)
    assert 1 <= pages <= MAX_PAGES


def test_every_link_goes_where_the_data_says(themed_build: Path) -> None:
    targets = link_targets(themed_build / "cv.pdf")
    assert targets, "the PDF has no clickable links"
    allowed = data_urls()
    assert [t for t in targets if t not in allowed] == []
    assert "mailto:bda@meta.com" in targets


def test_pdf_claims_ua1_and_a2b_and_is_tagged(themed_build: Path) -> None:
    reader = pypdf.PdfReader(themed_build / "cv.pdf")
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", xmp)
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("en")
    assert reader.metadata.title == "Brandon Amos — CV"
    assert reader.metadata.author == "Brandon Amos"


def pdftotext(pdf: Path, page: int = 1) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    args = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def test_first_page_opens_with_the_name_then_the_contact_line(example_build: Path) -> None:
    """The style must not start a fresh page after the template's content (page 1 was once blank),
    and the drawn icons must not split the contact line when the text is extracted."""
    text = normalize(pdftotext(example_build / "cv.pdf"))
    assert text.startswith("Brandon Amos ✉ bda@meta.com • ⌂ bamos.github.io • in bdamos")
    assert "Brandon Amos · Last updated on March 20, 2023" in text
    assert re.search(r"\b1 of \d+\b", text)


def test_plain_pandoc_with_typst_engine_uses_the_same_style(tmp_path: Path) -> None:
    from cvfilter.pandoc import pandoc_path

    for name in ("cv.md", "metadata.yaml", "publications.bib"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    if not (shutil.which("cvfilter") and shutil.which("typst")):
        pytest.skip("the cvfilter and typst commands are not on PATH (pip install the package)")
    result = subprocess.run(
        [pandoc_path(), "cv.md", "--filter", "cvfilter", "--pdf-engine=typst", "-o", "cv.pdf"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "cv.pdf")
    assert reader.metadata.title == "Brandon Amos — CV"
    assert normalize(pdftotext(tmp_path / "cv.pdf")).startswith("Brandon Amos ✉ bda@meta.com")


def test_no_page_of_the_example_ends_with_a_section_title(themed_build: Path) -> None:
    """A heading is kept with what follows it in every theme (the footer's lines are left out)."""
    from tests.e2e.test_pdf_layout import page_lines
    from tests.e2e.test_seed_coverage import SECTIONS

    pages = [[line for line in page if "Last updated on" not in line] for page in page_lines(themed_build / "cv.pdf")]
    assert len(pages) > 1
    for page in pages[:-1]:
        last = re.sub(r"\s+", " ", page[-1])
        assert last not in SECTIONS and not last.startswith("Publications ["), f"a page ends with the heading {last!r}"


def test_the_last_page_of_the_example_holds_more_than_a_few_lines(themed_build: Path) -> None:
    """The example's last page once held two Skills lines; no theme leaves a page that short."""
    from tests.e2e.test_pdf_layout import page_lines

    pages = [[line for line in page if "Last updated on" not in line] for page in page_lines(themed_build / "cv.pdf")]
    assert len(pages) == 1 or len(pages[-1]) >= 5, pages[-1]


def test_the_update_date_never_breaks_inside(themed_build: Path) -> None:
    """"Last updated on March 20, 2023" stays on one line, in the header and in every footer."""
    from tests.e2e.test_pdf_layout import word_boxes

    words = word_boxes(themed_build / "cv.pdf")
    starts = [i for i, w in enumerate(words) if w[0] == "Last" and i + 1 < len(words) and words[i + 1][0] == "updated"]
    assert len(starts) >= 2
    for start in starts:
        phrase = words[start:start + 6]
        assert [w[0] for w in phrase] == ["Last", "updated", "on", "March", "20,", "2023"]
        assert max(w[2] for w in phrase) - min(w[2] for w in phrase) < 2, phrase
