"""The example's Word file: named styles, real hyperlinks, plain paragraphs an ATS reads in order,
and a reference.docx that its script regenerates exactly."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.conftest import ROOT, THEMES, normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load_maker():
    spec = importlib.util.spec_from_file_location("make_reference", ROOT / "styles" / "docx" / "make_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def style_definitions(data: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    """Each named style's XML in canonical form, keyed by its name as Word stores it ("heading 1")."""
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
    found = {}
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name").get(f"{W}val")
        found[name] = etree.tostring(style, method="c14n")
    wanted = {n.lower() for n in names}
    return {name: xml for name, xml in found.items() if name.lower() in wanted}


@pytest.mark.parametrize("theme", THEMES)
def test_reference_docx_is_what_its_script_makes(theme: str) -> None:
    maker = load_maker()
    committed = style_definitions((ROOT / "styles" / "themes" / theme / "reference.docx").read_bytes(), maker.STYLE_NAMES)
    regenerated = style_definitions(maker.build(theme), maker.STYLE_NAMES)
    assert len(committed) == len(maker.STYLE_NAMES)
    assert committed == regenerated, "run `python styles/docx/make_reference.py` and commit the result"


@pytest.fixture(scope="module")
def document(themed_build: Path) -> docx.document.Document:
    return docx.Document(themed_build / "cv.docx")


def test_paragraphs_carry_the_cv_styles(document) -> None:
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:2] == ["Title", "CV Contact"]
    assert document.paragraphs[0].text == "Brandon Amos"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["Current Position", "Education", "Previous Positions", "Honors & Awards"]
    assert styles.count("CV Entry") > 20
    assert "CV Detail" in styles
    runs = {run.style.name for p in document.paragraphs for run in p.runs}
    assert {"CV Date", "CV Organisation", "CV Title"} <= runs


def test_file_properties_name_the_owner(document) -> None:
    assert document.core_properties.title == "Brandon Amos"
    assert document.core_properties.author == "Brandon Amos"


def test_body_is_plain_paragraphs_with_nothing_hidden_elsewhere(themed_build: Path, document) -> None:
    assert document.tables == []
    package = zipfile.ZipFile(themed_build / "cv.docx")
    body = package.read("word/document.xml").decode("utf-8")
    assert "txbxContent" not in body and "<w:tbl>" not in body and "<w:drawing" not in body
    for name in package.namelist():
        if name.startswith(("word/header", "word/footer")):
            assert not "".join(etree.fromstring(package.read(name)).itertext()).strip()


def test_dates_follow_their_entries_after_a_right_tab(document) -> None:
    lines = [normalize(p.text.replace("\t", " | ")) for p in document.paragraphs]
    assert "Research Scientist, Meta AI, Fundamental AI Research (FAIR), New York City | 2019 – Present" in lines
    entry = next(p for p in document.paragraphs if p.style.name == "CV Entry")
    stops = entry.style.paragraph_format.tab_stops
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert [(s.position, s.alignment.name) for s in stops] == [(text_width, "RIGHT")]


def test_links_are_real_hyperlinks(themed_build: Path) -> None:
    package = zipfile.ZipFile(themed_build / "cv.docx")
    body = etree.fromstring(package.read("word/document.xml"))
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    relation = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    links = {"".join(h.itertext()): targets[h.get(relation)] for h in body.iter(f"{W}hyperlink") if h.get(relation)}
    assert links["bda@meta.com"] == "mailto:bda@meta.com"
    assert links["J. Zico Kolter"] == "http://zicokolter.com"


def test_libreoffice_opens_the_file(themed_build: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed (scripts/test.sh installs libreoffice-writer-nogui)")
    profile = tmp_path / "profile"
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(themed_build / "cv.docx")],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "cv.txt").read_text(encoding="utf-8-sig")
    lines = [normalize(line) for line in text.splitlines()]
    assert lines[0] == "Brandon Amos"
    assert "Research Scientist, Meta AI, Fundamental AI Research (FAIR), New York City 2019 – Present" in lines


def test_a_link_in_a_heading_note_has_the_size_of_the_note(example_build: Path) -> None:
    """Publications [Google Scholar: 6k+ citations ...]: the link is not heading-size and bold."""
    document = docx.Document(example_build / "cv.docx")
    (heading,) = [p for p in document.paragraphs if p.style.name == "Heading 1" and "Google Scholar" in p.text]
    runs = {run.text: run.style for run in heading.iter_inner_content() if hasattr(run, "style")}
    links = [link for link in heading.iter_inner_content() if not hasattr(link, "style")]
    (link_run,) = [run for link in links for run in link.runs if run.text == "Google Scholar"]
    assert link_run.style.name == "CV Heading Note Link" and link_run.style.base_style.name == "Hyperlink"
    note = next(style for text, style in runs.items() if "citations" in text)
    assert link_run.style.font.size == note.font.size == docx.shared.Pt(9.5) and link_run.style.font.bold is False
