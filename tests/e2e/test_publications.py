"""The seed's 55 publications out of `cv build`, entry by entry, in HTML, DOCX and PDF.

The expected entries are parsed from the seed's Publications section (tests/data/seed-publications.txt,
copied from cv-target.txt with its markdown-ish marks: `**owner**`, `*title*`, `[title](#)`).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from bs4 import BeautifulSoup

from tests.conftest import ROOT, normalize

SEED_SECTION = ROOT / "tests" / "data" / "seed-publications.txt"
# The seed's text misspells three names that its own publications.bib (our source) spells right.
SEED_TYPOS = {"Vinitzky": "Vinitsky", "Simoons": "Simoens", "Guanhong": "Guanhang"}
SELECTED = {1, 2, 5, 8, 11, 12, 24, 29, 30, 33, 34, 37, 38, 44}
GROUPS = ["2023", "2022", "2021", "2020", "2019", "2018", "2017", "2016", "2015 and earlier"]


@dataclass(frozen=True)
class Pub:
    number: int
    group: str
    title: str
    links: tuple[str, ...]
    authors: str
    venue: str


def _unmark(line: str) -> str:
    line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
    line = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", line)
    for wrong, right in SEED_TYPOS.items():
        line = line.replace(wrong, right)
    return line.strip()


def seed_publications() -> list[Pub]:
    lines = SEED_SECTION.read_text(encoding="utf-8").splitlines()
    pubs: list[Pub] = []
    group = ""
    current: list[str] = []

    def close() -> None:
        if current:
            head, *rest = current
            number, title = re.match(r"(\d+)\.\s+(.*)$", head).groups()
            links = tuple(re.findall(r"\[(code|slides|talk|doi)\]", title))
            title = re.sub(r"(\s*\[(code|slides|talk|doi)\])+\s*$", "", _unmark(title)).strip("*").strip()
            pubs.append(Pub(int(number), group, title, links, " ".join(rest[:-1]), rest[-1]))
            current.clear()

    for raw in lines[1:]:
        line = raw.strip()
        if not line or line.startswith("Selected publications"):
            continue
        if re.fullmatch(r"\d{4}( and earlier)?", line):
            close()
            group = line
        elif re.match(r"\d+\.\s", line):
            close()
            current.append(line)
        else:
            current.append(_unmark(line))
    close()
    return pubs


def test_the_seed_section_parses_into_55_entries():
    pubs = seed_publications()
    assert [p.number for p in pubs] == list(range(1, 56))
    assert pubs[10].venue == "L4DC 2021 (Oral)" and pubs[10].links == ("code", "slides")
    assert pubs[25].authors.endswith("Brent Castle, and Michael Trosset")


def html_publications(html: str) -> list[tuple[Pub, bool, list[str]]]:
    """(entry, highlighted, bold texts) for each publication of the HTML page."""
    soup = BeautifulSoup(html, "lxml")
    section = soup.select_one("div.cv-publications")
    out = []
    group = ""
    for node in section.find_all(["h2", "h3", "h4", "ol"]):
        if "cv-group" in (node.get("class") or []):
            group = node.get_text(" ", strip=True)
            continue
        start = int(node.get("start", 1))
        for offset, item in enumerate(node.find_all("li", recursive=False)):
            div = item.select_one("div.cv-pub")
            para = div.find("p")
            lines = [normalize(part) for part in _split_at_br(para)]
            title = normalize(div.select_one(".cv-pub-title").get_text(" "))
            links = tuple(a.get_text().strip("[]") for a in div.select(".cv-pub-link a"))
            pub = Pub(start + offset, group, title, links, lines[1], lines[2])
            bold = [normalize(s.get_text(" ")) for s in div.select(".cv-owner strong")]
            out.append((pub, "cv-selected" in div.get("class", []), bold))
    return out


def _split_at_br(para) -> list[str]:
    parts = [""]
    for child in para.descendants:
        if getattr(child, "name", None) == "br":
            parts.append("")
        elif isinstance(child, str):
            parts[-1] += child
    return parts


def test_html_has_every_seed_entry_with_numbering_groups_links_and_owner_bold(example_build):
    seed = seed_publications()
    ours = html_publications((example_build / "cv.html").read_text(encoding="utf-8"))
    assert len(ours) == 55
    for expected, (got, highlighted, bold) in zip(seed, ours):
        assert got == expected, f"entry {expected.number}"
        assert highlighted == (expected.number in SELECTED), f"entry {expected.number} highlight"
        assert [b.rstrip("*") for b in bold] == ["Brandon Amos"], f"entry {expected.number} bold {bold}"
    soup = BeautifulSoup((example_build / "cv.html").read_text(encoding="utf-8"), "lxml")
    section = soup.select_one("div.cv-publications")
    assert [normalize(h.get_text(" ")) for h in section.select(".cv-group")] == GROUPS
    assert normalize(section.select_one(".cv-legend").get_text(" ")) == "Selected publications are highlighted."
    first = section.select_one(".cv-pub-title a")
    assert first["href"] == "https://arxiv.org/abs/2202.00665"
    heading = section.find_previous(["h2", "h1"])
    assert normalize(heading.get_text()) == "Publications [Google Scholar: 6k+ citations and an h-index of 31]"
    assert heading.find("a")["href"].startswith("https://scholar.google.com/citations?user=")


def test_docx_has_every_entry_with_the_owner_in_bold_runs(example_build):
    from docx import Document

    document = Document(str(example_build / "cv.docx"))
    paragraphs = [p for p in document.paragraphs if "\n" in p.text]
    seed = seed_publications()
    by_title = {}
    for p in paragraphs:
        lines = [normalize(line) for line in p.text.split("\n")]
        by_title[lines[0]] = (p, lines)
    for expected in seed:
        head = " ".join([expected.title, *(f"[{k}]" for k in expected.links)])
        assert head in by_title, f"entry {expected.number} title line missing in DOCX"
        paragraph, lines = by_title[head]
        assert lines[1:] == [expected.authors, expected.venue], f"entry {expected.number}"
        bold = normalize("".join(r.text for r in paragraph.runs if r.bold)).rstrip("*")
        assert bold == "Brandon Amos", f"entry {expected.number} bold {bold!r}"
        assert (paragraph.style.name == "CV Selected") == (expected.number in SELECTED), f"entry {expected.number} style"


def test_pdf_text_has_every_entry_numbered_in_order(example_build):
    raw = subprocess.run(["pdftotext", str(example_build / "cv.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    running = re.compile(r"\s*(\d{1,2}|\d+ of \d+|.*Last updated on.*)\s*")  # page numbers and footers
    text = normalize("\n".join(line for line in raw.splitlines() if not running.fullmatch(line)))
    section = text[text.index("Publications [Google Scholar: 6k+ citations and an h-index of 31]"):text.index("Open Source Repositories")]
    position = 0
    for expected in seed_publications():
        head = " ".join([f"{expected.number}. {expected.title}", *(f"[{k}]" for k in expected.links)])
        for part in (head, expected.authors, expected.venue):
            found = section.find(part, position)
            assert found >= 0, f"entry {expected.number}: {part!r} missing or out of order in the PDF"
            position = found + len(part)
    for group in GROUPS:
        assert f" {group} " in section
