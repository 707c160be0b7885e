"""metadata.yaml's `photo:` read back from each format of the themes with a place for one: an image
with its alt text in the tagged PDF (which still claims PDF/UA-1), a picture with its description in
the Word file, an <img> whose src is the image itself in the web page; nothing where the theme has
no place or the design hides it. A bad path is an error at its line: tests/bad/photo-*."""

from __future__ import annotations

import base64
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from bs4 import BeautifulSoup

from cvfilter.build import build
from tests.conftest import ROOT, SMALL_CV

PHOTO = ROOT / "tests" / "data" / "photo.jpg"
ALT = "Ada Lovelace at her desk"
METADATA = f"""name: Ada Lovelace
contact:
  email: ada@example.org
photo:
  file: me.jpg
  alt: {ALT}
positions:
  - title: Analyst
    org: Analytical Engine Co.
    dates: 1842 -- 1843
"""


def photo_cv(folder: Path, metadata: str = METADATA, front: str = "") -> Path:
    shutil.copy(PHOTO, folder / "me.jpg")
    (folder / "metadata.yaml").write_text(metadata, encoding="utf-8")
    (folder / "cv.md").write_text(SMALL_CV.replace("cvfilter:\n", "cvfilter:\n" + front, 1), encoding="utf-8")
    return folder / "cv.md"


@pytest.fixture(scope="module", params=["modern", "classic"])
def with_photo(request, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp(f"photo-{request.param}")
    return build(photo_cv(folder, front=f"  theme: {request.param}\n")).outputs


def figure_alts(reader: pypdf.PdfReader) -> list[str]:
    """The alt text of every Figure in the PDF's structure tree."""
    found: list[str] = []
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        if isinstance(node, pypdf.generic.IndirectObject):
            node = node.get_object()
        if isinstance(node, pypdf.generic.ArrayObject):
            todo.extend(node)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/Figure":
                found.append(str(node.get("/Alt")))
            if "/K" in node:
                todo.append(node["/K"])
    return found


def test_the_pdf_shows_the_photo_with_its_alt_text_and_stays_pdf_ua(with_photo: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(with_photo["pdf"])
    assert len(reader.pages[0].images) == 1
    assert figure_alts(reader) == [ALT]
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "<pdfaid:part>2</pdfaid:part>" in xmp


def test_the_word_file_holds_the_picture_with_its_description(with_photo: dict[str, Path]) -> None:
    document = docx.Document(str(with_photo["docx"]))
    assert len(document.inline_shapes) == 1
    body = zipfile.ZipFile(with_photo["docx"]).read("word/document.xml").decode("utf-8")
    assert re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body) == [ALT]
    holder = next(p for p in document.paragraphs if p._p.xpath(".//w:drawing"))
    assert holder.style.name == "CV Photo"
    media = [n for n in zipfile.ZipFile(with_photo["docx"]).namelist() if n.startswith("word/media/")]
    assert [zipfile.ZipFile(with_photo["docx"]).read(n) for n in media] == [PHOTO.read_bytes()]


def test_the_web_page_embeds_the_photo_with_its_alt_text(with_photo: dict[str, Path]) -> None:
    page = BeautifulSoup(with_photo["html"].read_text(encoding="utf-8"), "html.parser")
    images = page.find_all("img")
    assert len(images) == 1 and images[0].find_parent("header") is not None
    assert images[0]["alt"] == ALT
    kind, _, data = images[0]["src"].partition(",")
    assert kind == "data:image/jpeg;base64"
    assert base64.b64decode(data) == PHOTO.read_bytes()


def test_no_photo_where_the_design_hides_it_or_the_theme_has_no_place(tmp_path: Path) -> None:
    plain = METADATA.replace(f"photo:\n  file: me.jpg\n  alt: {ALT}\n", "photo: me.jpg\n")
    hidden = build(photo_cv(tmp_path, plain, "  theme: modern\n  design: {photo: false}\n")).outputs
    assert len(pypdf.PdfReader(hidden["pdf"]).pages[0].images) == 0
    assert len(docx.Document(str(hidden["docx"])).inline_shapes) == 0
    assert "<img" not in hidden["html"].read_text(encoding="utf-8")
    academic = build(photo_cv(tmp_path, plain, "  theme: academic\n"), ("html",)).outputs["html"]
    assert "<img" not in academic.read_text(encoding="utf-8")


def test_the_alt_text_is_the_owners_name_unless_given(tmp_path: Path) -> None:
    plain = METADATA.replace(f"photo:\n  file: me.jpg\n  alt: {ALT}\n", "photo: me.jpg\n")
    page = build(photo_cv(tmp_path, plain, "  theme: classic\n"), ("html",)).outputs["html"]
    image = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("img")
    assert image["alt"] == "Ada Lovelace"


def test_the_page_with_a_photo_stays_valid_and_accessible(with_photo: dict[str, Path]) -> None:
    """The Nu checker and axe-core (light and dark), as for every theme's page (test_styles_html)."""
    from tests.e2e.test_styles_html import test_page_has_no_serious_accessibility_violations, test_page_is_valid_html5

    folder = with_photo["html"].parent
    assert with_photo["html"].name == "cv.html"
    test_page_is_valid_html5(folder)
    test_page_has_no_serious_accessibility_violations(folder)


def test_plain_text_leaves_the_photo_out_and_the_other_exports_name_it(tmp_path: Path) -> None:
    outputs = build(photo_cv(tmp_path, front="  theme: modern\n"), ("txt", "md", "json")).outputs
    assert ALT not in outputs["txt"].read_text(encoding="utf-8")
    assert f"![{ALT}](me.jpg)" in outputs["md"].read_text(encoding="utf-8")
    assert '"image": "me.jpg"' in outputs["json"].read_text(encoding="utf-8")


def test_a_photo_too_large_to_embed_is_an_error_at_its_line(tmp_path: Path) -> None:
    from cvfilter.errors import CvError

    source = photo_cv(tmp_path)
    with (tmp_path / "me.jpg").open("r+b") as image:
        image.truncate(6_000_000)
    with pytest.raises(CvError) as raised:
        build(source, ("html",))
    assert [str(p.location).endswith("metadata.yaml:5:9") for p in raised.value.problems] == [True]
    assert "larger than 5 MB" in raised.value.problems[0].message
