"""The same small CV in every language: each label in its own words, CLDR's dates, the direction of
the script, and in the PDF the script faces that draw it.

One HTML build per language (25); PDF and Word for the right-to-left and the other non-Latin scripts
(ar, he, fa, ja, zh, ko, hi, ru), where fonts and direction matter."""

from __future__ import annotations

import datetime
import functools
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from babel import Locale
from babel.dates import format_date, format_skeleton
from bs4 import BeautifulSoup
from pypdf import PdfReader

from cvfilter.build import build
from cvfilter.words import WORDS
from tests.conftest import normalize
from tests.readback import pdf_text
from tests.unit.test_languages import ISSUE_LANGUAGES
from tests.unit.test_locales import BIB, META, cv

# The labels this CV prints: everything but "untitled", "no-date" and "page-of" (the PDF's footer).
SHOWN = ("present", "last-updated", "thesis", "advisor", "with", "and", "on", "selected-legend", "and-earlier",
         "stars-total", "citations", "h-index", "et-al")
# Mixed lines: an Arabic title with a Latin organisation and topic, and a Hebrew one.
MIXED = """  - title: باحثة أولى
    org: Max Planck Institute
    topic: Invariant theory
    dates: 2015 -- 2019
  - title: חוקרת בכירה
    org: Weizmann Institute
    dates: 2012 -- 2014
"""
CONTROLS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u200e\u200f"))


def _folder(tmp_path: Path, lang: str) -> Path:
    (tmp_path / "metadata.yaml").write_text(META.replace("positions:\n", "positions:\n" + MIXED), encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "cv.md").write_text(cv(lang), encoding="utf-8")
    return tmp_path / "cv.md"


def _text(soup: BeautifulSoup) -> str:
    return normalize(soup.get_text(" ")).translate(CONTROLS)


@pytest.mark.parametrize("lang", ISSUE_LANGUAGES)
def test_every_label_date_and_direction_in_the_html(tmp_path, lang):
    result = build(_folder(tmp_path, lang), ("html",))
    soup = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser")
    page = _text(soup)
    for key in SHOWN:
        assert WORDS[lang][key] in page, f"{lang}: {key} = {WORDS[lang][key]!r} missing"
    locale = Locale.parse(lang)
    assert normalize(format_date(datetime.date(2024, 3, 5), "long", locale=locale)) in page
    assert normalize(format_skeleton("yMMMM", datetime.date(1919, 6, 1), locale=locale)) in page
    rtl = lang in ("ar", "he", "fa", "ur")
    assert soup.html["lang"] == lang and soup.html.get("dir") == ("rtl" if rtl else None)
    assert not [p for p in result.warnings if "glyph" in p.message or "font" in p.message]


# The face each script is drawn with: Libertinus Serif has Hebrew and Cyrillic, the others come from
# the font packages (Arabic, Devanagari) and the system's Noto CJK.
FACES = {"ar": "NotoSansArabic", "fa": "NotoSansArabic", "he": "LibertinusSerif", "ru": "LibertinusSerif",
         "hi": "NotoSansDevanagari", "ja": "NotoSerifCJKjp", "zh": "NotoSerifCJKsc", "ko": "NotoSerifCJKkr"}


def _fonts_of_text(pdf: Path) -> dict[str, set[str]]:
    """Each character of the PDF's text with the base fonts it is drawn in."""
    drawn: dict[str, set[str]] = {}
    for page in PdfReader(pdf).pages:
        def visit(text, _cm, _tm, font, _size):
            name = str(font.get("/BaseFont", "")).split("+")[-1] if font else ""
            for char in text:
                drawn.setdefault(char, set()).add(name)
        page.extract_text(visitor_text=visit)
    return drawn


def _enough_letters(lang: str, letters: set[str], found: set[str]) -> bool:
    """Typst maps an Arabic ligature (جمي) to fewer characters than it draws, so a few letters of
    Arabic, Persian and Urdu are missing from the text layer; every other script keeps them all."""
    return len(found) >= (0.8 if lang in ("ar", "fa", "ur") else 1.0) * len(letters)


@pytest.fixture(scope="module")
def script_builds(tmp_path_factory) -> dict[str, object]:
    return {lang: build(_folder(tmp_path_factory.mktemp(lang), lang), ("pdf", "docx")) for lang in FACES}


@pytest.mark.parametrize("lang", list(FACES))
def test_the_pdf_draws_each_script_in_a_real_face(script_builds, lang):
    result = script_builds[lang]
    drawn = _fonts_of_text(result.outputs["pdf"])
    letters = {c for key in SHOWN for c in WORDS[lang][key] if c.isalpha() and ord(c) > 0x2FF}
    assert letters, lang
    found = letters & set(drawn)
    assert _enough_letters(lang, letters, found), f"{lang}: {sorted(letters - found)} not in the PDF's text"
    for char in found:
        assert any(FACES[lang] in name for name in drawn[char]), f"{lang}: {char!r} drawn in {drawn[char]}"
    assert not [p for p in result.warnings if "glyph" in p.message or "font" in p.message]
    styles = zipfile.ZipFile(io.BytesIO(result.outputs["docx"].read_bytes())).read("word/styles.xml").decode()
    if lang in ("ja", "zh", "ko"):  # Word's East Asian font is the PDF's CJK face
        assert f'w:eastAsia="Noto Serif CJK {FACES[lang][-2:].upper()}"' in styles
    if lang in ("ar", "fa", "he"):
        return  # pypdf reads right-to-left lines of a Typst PDF with their spaces moved
    page_of = WORDS[lang]["page-of"]
    assert f"1 {page_of} 1" in normalize(PdfReader(result.outputs["pdf"]).pages[0].extract_text()).translate(CONTROLS)


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_right_to_left_in_all_three_formats(script_builds, tmp_path, lang):
    result = script_builds[lang]
    # Arabic and Hebrew in the PDF under their faces, with the Latin names of the mixed lines.
    drawn = _fonts_of_text(result.outputs["pdf"])
    assert any("NotoSansArabic" in n for n in drawn["ب"]) and any("LibertinusSerif" in n for n in drawn["ח"])
    text = normalize(PdfReader(result.outputs["pdf"]).pages[0].extract_text())
    assert "Max Planck Institute" in text and "Weizmann Institute" in text and "2015" in text
    # Word: every paragraph of the body is right-to-left (w:bidi), every run too (w:rtl), and so is the
    # document's default paragraph (the title has no properties of its own); the text of a mixed line
    # keeps its logical order, title first.
    document = docx.Document(result.outputs["docx"])
    body = [p for p in document.paragraphs if p.text.strip() and p.style.name != "Title"]
    assert body and all(p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None for p in body)
    runs = [r for p in body for r in p.runs if r.text.strip()]
    assert all(r._r.rPr is not None and r._r.rPr.find(docx.oxml.ns.qn("w:rtl")) is not None for r in runs)
    mixed = next(p.text for p in body if "Max Planck" in p.text)
    assert mixed.index("باحثة أولى") < mixed.index("Max Planck Institute") < mixed.index("Invariant theory")
    styles = zipfile.ZipFile(io.BytesIO(result.outputs["docx"].read_bytes())).read("word/styles.xml").decode()
    assert "<w:pPrDefault><w:pPr><w:bidi />" in styles
    assert 'w:cs="Noto Sans Arabic"' in styles and f'w:bidi="{lang}"' in styles
    # Typst: the document is set right to left.
    from cvfilter.filter import run
    from tests.conftest import markdown_to_doc, render

    folder = result.outputs["pdf"].parent.parent
    typst = render(run(markdown_to_doc((folder / "cv.md").read_text(encoding="utf-8")), "typst", base_dir=folder), "typst")
    assert "dir: rtl" in typst and '"Noto Sans Arabic"' in typst
    # HTML: dir on the root, and the mixed line in logical order.
    html = build(folder / "cv.md", ("html",), out_dir=tmp_path).outputs["html"].read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["dir"] == "rtl"
    # A count keeps its sign at its end: isolated from the right-to-left text around it (LRI ... PDI).
    assert soup.select_one(".cv-stars-total").get_text() == "\u20661.2k+\u2069"
    line = _text(soup)
    assert line.index("باحثة أولى") < line.index("Max Planck Institute") < line.index("Invariant theory")


# The repository's own example CV (cv.md and its data at the root), built once per language into PDF
# and HTML together. Its labels: those of the small CV but "et-al" (no author list is long enough),
# and in the PDF the footer's "page-of".
EXAMPLE = ("cv.md", "metadata.yaml", "publications.bib", "stats.json")
EXAMPLE_SHOWN = tuple(key for key in SHOWN if key != "et-al")
ROOT = Path(__file__).resolve().parents[2]
RIGHT_TO_LEFT = ("ar", "he", "fa", "ur")


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    """The example in one language, built on first use (both formats in one build) and kept."""
    @functools.cache
    def build_in(lang: str):
        folder = tmp_path_factory.mktemp(f"example-{lang}")
        for name in EXAMPLE:
            shutil.copy(ROOT / name, folder / name)
        source = folder / "cv.md"
        text = source.read_text(encoding="utf-8")
        assert re.search(r"^lang: .*$", text, re.M), "the example's front matter names its language"
        source.write_text(re.sub(r"^lang: .*$", f"lang: {lang}", text, count=1, flags=re.M), encoding="utf-8")
        updated = datetime.date.fromisoformat(re.search(r"^date: (\S+)$", text, re.M)[1])
        return build(source, ("pdf", "html")), updated
    return build_in


def _has_word(text: str, lang: str, word: str) -> bool:
    """`word` as a word of `text`: not inside a longer one ("e" is Italian "and", not the e of "Research");
    Chinese, Japanese and Korean labels sit against their neighbours without spaces."""
    if lang in ("zh", "ja", "ko"):
        return word in text
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@pytest.mark.parametrize("lang", ISSUE_LANGUAGES)
def test_the_example_cv_in_every_language_html_and_pdf(example_build, lang):
    result, updated = example_build(lang)
    locale = Locale.parse(lang)
    date = normalize(format_date(updated, "long", locale=locale))
    soup = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser")
    html = _text(soup)
    missing = [key for key in EXAMPLE_SHOWN if not _has_word(html, lang, WORDS[lang][key])]
    assert not missing, f"{lang}: HTML lacks {[(key, WORDS[lang][key]) for key in missing]}"
    assert date in html, f"{lang}: HTML lacks the date {date!r}"
    assert soup.html["lang"] == lang and soup.html.get("dir") == ("rtl" if lang in RIGHT_TO_LEFT else None)
    pdf = normalize(pdf_text(result.outputs["pdf"])).translate(CONTROLS)
    if lang in RIGHT_TO_LEFT:
        # The text layer of a right-to-left Typst line comes back in drawing order, shaped letters
        # and all: read the letters of each label (the rest of the example is Latin) and the date's
        # Latin digits.
        for key, words in [*((key, WORDS[lang][key]) for key in (*EXAMPLE_SHOWN, "page-of")), ("date", date)]:
            letters = {c for c in words if c.isalpha() and ord(c) > 0x2FF}
            found = letters & set(pdf)
            assert _enough_letters(lang, letters, found), f"{lang}: {key}: {sorted(letters - found)} not in the PDF"
        assert str(updated.year) in pdf and str(updated.day) in pdf
        return
    missing = [key for key in EXAMPLE_SHOWN if not _has_word(pdf, lang, WORDS[lang][key])]
    assert not missing, f"{lang}: PDF lacks {[(key, WORDS[lang][key]) for key in missing]}"
    # Typst sets a little space between Chinese or Japanese and digits, which the text layer keeps.
    unspaced = (lambda text: text.replace(" ", "")) if lang in ("zh", "ja") else (lambda text: text)
    assert unspaced(date) in unspaced(pdf), f"{lang}: PDF lacks the date {date!r}"
    # The footer, read with pypdf: pdftotext drops the narrow spaces around a short word ("1z7", "1/7").
    pages = PdfReader(result.outputs["pdf"]).pages
    footer = f"1 {WORDS[lang]['page-of']} {len(pages)}"
    assert footer in normalize(pages[0].extract_text()).translate(CONTROLS), f"{lang}: PDF lacks {footer!r}"
