"""Themes and `design:` values, read back from each format: the PDF's page and fonts (pypdf,
pdftotext word boxes), the Word file's page and named styles, the web page's CSS; and a CV's own
copy of a theme (`cv theme eject`) taking precedence over the shipped one."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from bs4 import BeautifulSoup

from cvfilter.build import build
from cvfilter.cli import main
from tests.conftest import SMALL_CV, THEMES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
METADATA = """name: Ada Lovelace
contact:
  email: ada@example.org
positions:
  - title: Analyst
    org: Analytical Engine Co.
    dates: 1842 -- 1843
  - title: Translator
    org: Taylor's Scientific Memoirs
    dates: 1843
"""


def cv_with(folder: Path, front: str) -> Path:
    """SMALL_CV with more front matter after its `cvfilter:` line."""
    (folder / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    (folder / "cv.md").write_text(SMALL_CV.replace("cvfilter:\n", "cvfilter:\n" + front, 1), encoding="utf-8")
    return folder / "cv.md"


def page_points(pdf: Path) -> tuple[int, int]:
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def docx_page(path: Path) -> dict[str, int]:
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    size, margins = re.search(r"<w:pgSz [^>]*>", body)[0], re.search(r"<w:pgMar [^>]*>", body)[0]

    def value(element: str, name: str) -> int:
        return int(re.search(rf'w:{name}="(\d+)"', element)[1])

    return {"width": value(size, "w"), "height": value(size, "h"), "left": value(margins, "left")}


@pytest.mark.parametrize(("page", "points", "twips"), [("a4", (595, 842), (11906, 16838)), ("letter", (612, 792), (12240, 15840))])
def test_page_size_reaches_every_format(tmp_path: Path, page: str, points: tuple[int, int], twips: tuple[int, int]) -> None:
    outputs = build(cv_with(tmp_path, f"  design: {{page: {page}}}\n")).outputs
    assert page_points(outputs["pdf"]) == points
    word = docx_page(outputs["docx"])
    assert (word["width"], word["height"]) == twips
    assert f"@page {{ size: {page};" in outputs["html"].read_text(encoding="utf-8")


def test_a_size_without_a_name_and_each_theme_default(tmp_path: Path) -> None:
    outputs = build(cv_with(tmp_path, "  design: {page: 6in x 9in}\n"), ("pdf", "docx")).outputs
    assert page_points(outputs["pdf"]) == (432, 648)
    assert (docx_page(outputs["docx"])["width"], docx_page(outputs["docx"])["height"]) == (8640, 12960)
    classic = build(cv_with(tmp_path, "  theme: classic\n"), ("pdf",)).outputs["pdf"]
    assert page_points(classic) == (595, 842)  # the classic theme is drawn on A4


@pytest.fixture(scope="module")
def designed(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("designed")
    front = ('  design:\n    font: EB Garamond\n    font-size: 12pt\n    accent: "#aa3300"\n    margins: 1in\n'
             "    section-title: bar\n    header-align: left\n    line-spacing: 1.25\n")
    return build(cv_with(folder, front)).outputs


def pdf_fonts(pdf: Path) -> set[str]:
    reader = pypdf.PdfReader(pdf)
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def first_word_left(pdf: Path) -> float:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return min(float(x) for x in re.findall(r'<word xMin="([\d.]+)"', html))


def test_design_values_reach_the_pdf(designed: dict[str, Path]) -> None:
    fonts = pdf_fonts(designed["pdf"])
    assert any(name.startswith("EBGaramond") for name in fonts), fonts
    assert not any(name.startswith("Libertinus") for name in fonts), fonts
    assert first_word_left(designed["pdf"]) == pytest.approx(72, abs=1.5)  # margins: 1in


def test_design_values_reach_the_word_styles(designed: dict[str, Path]) -> None:
    document = docx.Document(designed["docx"])
    styles = document.styles
    assert styles["Normal"].font.name == "Cambria"  # EB Garamond's kind of face in Word
    assert styles["Normal"].font.size == docx.shared.Pt(12)
    heading = styles["Heading 1"]
    assert str(heading.font.color.rgb) == "AA3300"
    borders = heading.element.find(f"{W}pPr/{W}pBdr")
    assert borders is not None and borders.find(f"{W}left") is not None and borders.find(f"{W}bottom") is None
    assert styles["Title"].paragraph_format.alignment.name == "LEFT"
    spacing = styles["Normal"].element.find(f"{W}pPr/{W}spacing")
    assert spacing.get(f"{W}line") == "300"  # 1.25 lines
    assert docx_page(designed["docx"])["left"] == 1440
    assert [p.style.name for p in document.paragraphs][:2] == ["Title", "CV Contact"]  # still named styles


def test_design_values_reach_the_css(designed: dict[str, Path]) -> None:
    page = BeautifulSoup(designed["html"].read_text(encoding="utf-8"), "html.parser")
    css = "\n".join(style.get_text() for style in page.find_all("style"))
    assert "--accent: #aa3300;" in css and '--font: "EB Garamond"' in css
    assert "--scale: 1.143" in css and "--lines: 1.25" in css
    assert "margin: 72pt 72pt" in css
    assert page.select_one("main")["class"] == ["cv-titles-bar", "cv-dates-right"]
    assert "cv-align-left" in page.select_one("header")["class"]


def test_dates_on_the_left_in_the_pdf_and_the_page(tmp_path: Path) -> None:
    outputs = build(cv_with(tmp_path, "  design: {date-position: left}\n"), ("pdf", "html")).outputs
    html = subprocess.run(["pdftotext", "-bbox", str(outputs["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    words = {w: float(x) for x, w in re.findall(r'<word xMin="([\d.]+)" [^>]*>([^<]*)</word>', html)}
    assert words["1842"] < words["Analyst,"] < 200  # the date first, at the left margin
    assert "cv-dates-left" in BeautifulSoup(outputs["html"].read_text(encoding="utf-8"), "html.parser").main["class"]


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_is_listed_with_a_description(theme: str, capsys) -> None:
    assert main(["themes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(line for line in lines if line.split()[0] == theme)
    assert len(line.split(None, 1)[1]) > 20


def test_an_ejected_theme_takes_precedence_and_a_missing_file_is_reported(tmp_path: Path, capsys) -> None:
    source = cv_with(tmp_path, "  theme: modern\n")
    assert main(["theme", "eject", "modern", str(tmp_path)]) == 0
    local = tmp_path / "styles" / "themes" / "modern"
    assert sorted(p.name for p in local.iterdir()) == ["cv.css", "cv.typ", "docx.yaml", "reference.docx", "theme.yaml"]
    assert main(["theme", "eject", "modern", str(tmp_path)]) == 1  # never over an edited copy
    css = local / "cv.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.cv-name { outline: 3px dotted hotpink; }\n", encoding="utf-8")
    typ = local / "cv.typ"
    typ.write_text(typ.read_text(encoding="utf-8").replace("#let cv-on-accent = white", '#let cv-on-accent = rgb("#ffee00")'),
                   encoding="utf-8")
    outputs = build(source, ("pdf", "html")).outputs
    assert "hotpink" in outputs["html"].read_text(encoding="utf-8")
    other = build(cv_with(tmp_path / "elsewhere" if (tmp_path / "elsewhere").mkdir() is None else tmp_path, "  theme: modern\n"),
                  ("html",)).outputs
    assert "hotpink" not in other["html"].read_text(encoding="utf-8")  # another CV keeps the shipped theme
    capsys.readouterr()
    typ.unlink()
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    assert "styles/themes/modern/cv.typ: error: theme 'modern' has no cv.typ" in err
    assert main(["build", str(source)]) == 1
