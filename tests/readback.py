"""Read outputs back as a person or a parser would: PDF text, DOCX paragraphs and styles, HTML DOM."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import SEED, normalize


def pdf_text(path: Path) -> str:
    """The PDF's text line by line as laid out (dates stay beside their entries), white space folded."""
    result = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return normalize(result.stdout.decode("utf-8"))


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, in document order."""
    import docx

    document = docx.Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


def docx_text(path: Path) -> str:
    return normalize(" ".join(text for _style, text in docx_paragraphs(path)))


def html_soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


BLOCK_TAGS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "header", "ol", "ul", "dd", "dt", "br"]


def html_text(path: Path) -> str:
    """The page's text as a browser shows it: inline elements joined, block elements on their own lines."""
    soup = html_soup(path)
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_after("\n")
    return normalize(soup.get_text())


def seed_section(title: str) -> list[str]:
    """The lines of one section of the seed CV, with its Markdown-ish marks removed."""
    lines = (SEED / "cv-target.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index(title) + 1
    out = []
    for line in lines[start:]:
        stripped = line.strip()
        if stripped in SECTION_TITLES or stripped.startswith("Publications ["):
            break
        if stripped:
            out.append(unmark(stripped))
    return out


def unmark(line: str) -> str:
    """`[text](#)` -> text, `*x*` and `**x**` -> x, `<i>x</i>` -> x, folded white space."""
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"</?i>", "", line)
    line = line.replace("**", "").replace("*", "")
    return normalize(line)


def assert_in_order(text: str, expected: list[str]) -> None:
    """Each expected string occurs in `text`, each after the one before it."""
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, f"missing or out of order: {item!r} (searched from offset {position})"
        position = found + len(item)


SECTION_TITLES = {
    "Current Position", "Education", "Previous Positions", "Honors & Awards", "Open Source Repositories",
    "Invited Talks", "Interns and Students", "Professional Activities", "Reviewing", "Teaching", "Skills",
}
