"""Typst PDF layout read back from word boxes (`pdftotext -bbox`): where the words land on the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cvfilter.build import build
from tests.conftest import THEMES

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")

CV = """---
date: 2023-03-20
---

# Positions

::: {.entries from=positions}
:::
"""


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) for every word of the PDF, in reading order."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)]


def test_a_date_that_does_not_fit_stays_in_the_right_aligned_column(tmp_path: Path) -> None:
    # Titles of growing length: one of them fills its line so that the date must move to the next.
    entries = "".join(
        f"  - title: Research Assistant in the Department of Computer Science {'x' * n}\n"
        f"    org: Carnegie Mellon\n    dates: 2016-09 -- 2019-05\n"
        for n in range(14)
    )
    (tmp_path / "metadata.yaml").write_text(f"name: Ada Lovelace\npositions:\n{entries}", encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    pdf = build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"]
    # The text layer stays clean: no joiner characters between an entry and its date.
    assert "\u2060" not in subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    words = word_boxes(pdf)
    years = [w for w in words if w[0] == "2019"]
    assert len(years) == 14
    right_edges = [round(w[3]) for w in years]
    assert max(right_edges) - min(right_edges) <= 1, right_edges
    # At least one date had to leave its title's line (and it is still right-aligned, above).
    titles = [w for w in words if w[0] == "Mellon"]
    assert any(year[2] > title[4] for year, title in zip(years, titles))


def long_entries_cv(folder: Path) -> Path:
    """Entries of three lines under seven headings: page breaks must fall somewhere."""
    words = "with a title long enough to fill more than two lines of the page " * 4
    entries = "".join(f"  - title: Entry{n} {words}\n    org: Org\n    dates: 2016 -- 2019\n" for n in range(40))
    (folder / "metadata.yaml").write_text(f"name: Ada Lovelace\npositions:\n{entries}", encoding="utf-8")
    sections = "".join(f"# Section{k}\n\n::: {{.entries from=positions limit={4 * (k + 1)}}}\n:::\n\n" for k in range(7))
    (folder / "cv.md").write_text(f"---\ndate: 2023-03-20\n---\n\n{sections}", encoding="utf-8")
    return folder / "cv.md"


def page_lines(pdf: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    return [[line for line in page if not re.search(r"\d+ of \d+$", line)] for page in pages if page]


def assert_entries_and_headings_stay_whole(pages: list[list[str]]) -> None:
    assert len(pages) > 2
    for before, after in zip(pages, pages[1:]):
        assert after[0].startswith(("Entry", "Section")), f"page starts inside an entry: {after[0]!r}"
        assert not before[-1].startswith("Section"), f"page ends with a heading: {before[-1]!r}"


@pytest.mark.parametrize("theme", THEMES)
def test_typst_never_splits_an_entry_or_strands_a_heading(tmp_path: Path, theme: str) -> None:
    pdf = build(long_entries_cv(tmp_path), ("pdf",), theme=theme).outputs["pdf"]
    assert_entries_and_headings_stay_whole(page_lines(pdf))


def test_latex_never_splits_an_entry_or_strands_a_heading(tmp_path: Path) -> None:
    if not (shutil.which("pdflatex") and shutil.which("cvfilter")):
        pytest.skip("pdflatex or the cvfilter command is not installed")
    from cvfilter.pandoc import pandoc_path

    long_entries_cv(tmp_path)
    subprocess.run([pandoc_path(), "cv.md", "--filter", "cvfilter", "-o", "cv.pdf"], cwd=tmp_path, check=True,
                   capture_output=True, timeout=300)
    assert_entries_and_headings_stay_whole(page_lines(tmp_path / "cv.pdf"))


def positions_cv(folder: Path, count: int) -> Path:
    entries = "".join(f"  - title: Research Assistant number {i}\n    org: Carnegie Mellon\n    dates: 2016 -- 2019\n"
                      for i in range(count))
    (folder / "metadata.yaml").write_text(f"name: Ada Lovelace\npositions:\n{entries}", encoding="utf-8")
    (folder / "cv.md").write_text(CV, encoding="utf-8")
    return folder / "cv.md"


@pytest.mark.parametrize("count", [51, 53])
def test_a_last_page_of_a_few_lines_is_pulled_back_by_shrinking_the_spacing(tmp_path: Path, count: int) -> None:
    """At the theme's own spacing 51 and 53 one-line entries spill one and three entries onto a
    second page (measured with cv-squeeze at 1); the spacing shrinks within its bound and they fit."""
    pdf = build(positions_cv(tmp_path, count), ("pdf",)).outputs["pdf"]
    pages = page_lines(pdf)
    assert len(pages) == 1
    assert sum(line.startswith("Research Assistant number") for line in pages[0]) == count


def test_a_cv_that_fills_its_pages_keeps_the_theme_spacing(tmp_path: Path) -> None:
    """Only a short last page shrinks the spacing: 40 entries end mid-page, their gaps stay as drawn."""
    pdf = build(positions_cv(tmp_path, 40), ("pdf",)).outputs["pdf"]
    years = [w for w in word_boxes(pdf) if w[0] == "2019"]
    gaps = {round(b[2] - a[2], 1) for a, b in zip(years, years[1:])}
    pdf_tight = build(positions_cv(tmp_path, 53), ("pdf",)).outputs["pdf"]
    years_tight = [w for w in word_boxes(pdf_tight) if w[0] == "2019"]
    tight = {round(b[2] - a[2], 1) for a, b in zip(years_tight, years_tight[1:])}
    assert len(gaps) == 1 and len(tight) == 1 and min(tight) < min(gaps)


def test_a_contact_line_that_wraps_has_its_separators_only_between_items(tmp_path: Path) -> None:
    """Typst broke the header's line after a "•" (it ended the line, the update date below it); the
    line now breaks between items and each line keeps its separators inside."""
    (tmp_path / "metadata.yaml").write_text(
        "name: Mariano Fresno\ncontact:\n  location: Buenos Aires, Argentina\n  email: mariano@fresno.example\n"
        "  phone: +54 9 11 6250-2232\n  linkedin: mariano-martin-fresno\n  github: mnofresno\n"
        "  website: https://fresno.example/portfolio\n  orcid: 0000-0002-1825-0097\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ndate: 2025-01-28\n---\n\n::: header\n:::\n", encoding="utf-8")
    words = word_boxes(build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"])
    lines: dict[int, list[str]] = {}
    for word, _x, top, _x2, _bottom in words[2:]:  # after the name
        lines.setdefault(round(top), []).append(word)
    contact = [line for line in lines.values() if "•" in line or line[0] == "Last"]  # not the footer
    assert len(contact) >= 2, contact  # the line wraps
    for line in contact:
        assert line[0] != "•" and line[-1] != "•", line
    assert " ".join(contact[-1]).endswith("Last updated on January 28, 2025")


def _pixels(pdf: Path, tmp_path: Path) -> tuple[int, int, bytes]:
    """Page 1 at 144 dpi, as (width, height, RGB bytes) from pdftoppm's PPM: a point is two pixels."""
    subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    data = (tmp_path / "page.ppm").read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P6"
    return int(width), int(height), pixels


def test_the_modern_band_shows_the_headline_and_the_drawn_icons_in_its_light_ink(tmp_path: Path) -> None:
    """On the modern theme's dark band the headline was muted grey and the drawn icons the band's own
    colour (a theme's cv-icon-ink never reached base.typ's cv-icon): both must show light pixels."""
    (tmp_path / "metadata.yaml").write_text(
        "name: Sam Example\nheadline: Backend Engineer\ncontact:\n  email: sam@example.org\n  github: samexample\n",
        encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ndate: 2025-01-15\ncvfilter: {theme: modern}\n---\n\n::: header\n:::\n", encoding="utf-8")
    pdf = build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"]
    words = {w[0]: w for w in word_boxes(pdf)}
    width, _height, pixels = _pixels(pdf, tmp_path)

    def light(x0: float, y0: float, x1: float, y1: float) -> int:
        return sum(1 for y in range(int(2 * y0), int(2 * y1) + 1) for x in range(int(2 * x0), int(2 * x1) + 1)
                   if min(pixels[3 * (y * width + x):3 * (y * width + x) + 3]) > 170)

    headline = words["Backend"]
    assert light(*headline[1:]) > 5, "the headline does not show on the band"
    for word in ("sam@example.org", "samexample"):
        _, x0, y0, _x1, y1 = words[word]
        assert light(x0 - 12, y0, x0 - 2, y1) > 3, f"the icon before {word} does not show on the band"
