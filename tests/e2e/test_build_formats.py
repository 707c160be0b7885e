"""`cv build` of the example: every entry of the header and dated sections, in seed order, in each format."""

from __future__ import annotations

import pytest

from tests.conftest import normalize

from tests.readback import assert_in_order, docx_paragraphs, docx_text, html_soup, html_text, pdf_text, seed_section

DATED_SECTIONS = ["Current Position", "Education", "Previous Positions", "Honors & Awards"]


def expected_entries() -> list[str]:
    """Section titles and entry lines of the seed, as the seed prints them."""
    expected = []
    for title in DATED_SECTIONS:
        expected.append(title)
        expected.extend(seed_section(title))
    return expected


@pytest.fixture(scope="module")
def texts(themed_build) -> dict[str, str]:
    return {
        "pdf": pdf_text(themed_build / "cv.pdf"),
        "docx": docx_text(themed_build / "cv.docx"),
        "html": html_text(themed_build / "cv.html"),
    }


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_header_and_dated_sections_in_seed_order(texts, fmt):
    text = texts[fmt]
    assert_in_order(text, ["Brandon Amos", "bda@meta.com", "bdamos", "brandondamos", "Last updated on March 20, 2023"])
    assert_in_order(text, expected_entries())


def test_docx_uses_word_styles_and_no_tables(themed_build):
    import docx

    paragraphs = docx_paragraphs(themed_build / "cv.docx")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings[: len(DATED_SECTIONS)] == DATED_SECTIONS
    styles = {style for style, _text in paragraphs}
    assert {"Title", "CV Contact", "CV Entry", "CV Detail"} <= styles
    entry = next(text for style, text in paragraphs if style == "CV Entry")
    assert entry.startswith("Research Scientist") and normalize(entry).endswith("2019 – Present")
    assert "\t" in entry, "the date sits on a right tab stop, beside its entry"
    assert not docx.Document(str(themed_build / "cv.docx")).tables


def test_html_is_one_file_with_landmarks(themed_build):
    soup = html_soup(themed_build / "cv.html")
    assert soup.html["lang"].startswith("en")
    assert soup.select_one("header h1").get_text(strip=True) == "Brandon Amos"
    headings = [s.h2.get_text(strip=True) for s in soup.select("section")]
    assert headings[: len(DATED_SECTIONS)] == DATED_SECTIONS
    assert soup.select_one("style"), "the CSS is inlined"
    assert not soup.select("link[rel=stylesheet], script[src]"), "no external requests"
