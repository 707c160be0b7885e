"""Every item of the seed CV appears, in the seed's order, in each output of the example build.

The expected items are parsed from seed/cv-target.txt itself (never copied from our own output):
each line is cut into fragments at its tabs and table bars, markup marks are dropped, list numbers
are ignored (Word and HTML number lists themselves), and a trailing date becomes a fragment of its own.
The fragments of the whole CV must then be found one after another in the text of each output.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, normalize

TARGET = ROOT / "tests" / "seed" / "cv-target.txt"
SECTIONS = (
    "Current Position", "Education", "Previous Positions", "Honors & Awards", "Publications",
    "Open Source Repositories", "Invited Talks", "Interns and Students", "Professional Activities",
    "Reviewing", "Teaching", "Skills",
)
_DATE = r"(?:\d{4}(?: – (?:\d{4}|present))?|[SF]\d{4})"
_TRAILING_DATE = re.compile(rf"^(.*?\S)\s+({_DATE})$", re.IGNORECASE)
_IS_DATE = re.compile(rf"^{_DATE}$", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    section: str
    fragments: tuple[str, ...]


def _clean(cell: str) -> str:
    """A fragment as a reader sees it: no markup marks, no list number, no space before a comma."""
    cell = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", cell)
    cell = re.sub(r"</?i>", "", cell).replace("*", "")
    cell = re.sub(r"^\s*\d+\.(?:\s+|$)", "", cell)
    return normalize(cell).replace(" ,", ",")


def seed_items() -> dict[str, list[Item]]:
    """The seed's items by section, in order; the header above the first section is not an item."""
    sections: dict[str, list[Item]] = {name: [] for name in SECTIONS}
    current = None
    for raw in TARGET.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        heading = next((s for s in SECTIONS if line == s or (s == "Publications" and line.startswith("Publications ["))), None)
        if heading:
            current = heading
            continue
        if current is None or not line or re.fullmatch(r"[-|\s]+", line):
            continue
        fragments: list[str] = []
        for cell in re.split(r"\t|\|", line):
            cleaned = _clean(cell)
            if not cleaned:
                continue
            match = _TRAILING_DATE.match(cleaned)
            if match and not _IS_DATE.match(cleaned):
                fragments += [match[1], match[2]]
            else:
                fragments.append(cleaned)
        if fragments:
            sections[current].append(Item(current, tuple(fragments)))
    return sections


def _pattern(fragment: str) -> re.Pattern[str]:
    """Spaces match any run of white space; dates ignore case ("Present" or "present")."""
    body = r"\s+".join(re.escape(word) for word in fragment.split())
    return re.compile(body, re.IGNORECASE if _IS_DATE.match(fragment) else 0)


def missing_in_order(text: str, items: list[Item]) -> list[str]:
    """Fragments not found after the previous one, each with its section; [] when all are in order."""
    text = text.replace("\u00a0", " ")
    position, missing = 0, []
    for item in items:
        for fragment in item.fragments:
            found = _pattern(fragment).search(text, position)
            if found:
                position = found.end()
            else:
                missing.append(f"{item.section}: {fragment!r} (of {' | '.join(item.fragments)})")
    return missing


def read_pdf(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def read_docx(path: Path) -> str:
    from docx import Document

    return "\n".join(paragraph.text for paragraph in Document(str(path)).paragraphs)


def read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.body.get_text()


READERS = {"pdf": read_pdf, "docx": read_docx, "html": read_html}


def test_the_seed_parses_into_the_expected_counts():
    """Guards the parser above: if it misread the seed, the coverage test would prove little."""
    items = seed_items()
    repos = [i for i in items["Open Source Repositories"] if any(f.startswith("★") or " ★" in f for f in i.fragments)]
    assert len(repos) == 33
    assert len(items["Invited Talks"]) == 1 + 35
    assert len(items["Interns and Students"]) == 11
    assert len(items["Previous Positions"]) == 12
    assert len(items["Honors & Awards"]) == 6
    assert len(items["Professional Activities"]) == 6
    assert len(items["Reviewing"]) == 18
    assert len(items["Teaching"]) == 2
    assert [i.fragments for i in items["Skills"]][0] == (
        "Programming", "C, C++, Fortran, Haskell, Java, Lua, Make, Mathematica, Python, R, Scala")
    assert items["Open Source Repositories"][-1].fragments == (
        "bamos/dotfiles", "★235", "♥ Linux, xmonad, emacs, vim, zsh, tmux", "2012")


@pytest.mark.parametrize("fmt", list(READERS))
def test_every_seed_item_outside_publications_appears_in_seed_order(themed_build, fmt):
    items = [item for name, section in seed_items().items() if name != "Publications" for item in section]
    text = READERS[fmt](themed_build / f"cv.{fmt}")
    missing = missing_in_order(text, items)
    assert not missing, f"{len(missing)} seed fragments missing or out of order in cv.{fmt}:\n" + "\n".join(missing[:20])


def seed_publication_titles() -> list[str]:
    """The numbered lines of the seed's Publications section, without their [code] and [slides] marks."""
    text = TARGET.read_text(encoding="utf-8")
    part = text[text.index("\nPublications ["):text.index("\nOpen Source Repositories")]
    titles = re.findall(r"^\s*\d+\.\s+(.+)$", part, re.MULTILINE)
    return [re.sub(r"(\s*\[(?:code|slides)\])+$", "", _clean(title)) for title in titles]


@pytest.mark.parametrize("fmt", list(READERS))
def test_publication_titles_appear_in_seed_order(themed_build, fmt):
    if not re.search(r"^#\s+Publications\b", (ROOT / "cv.md").read_text(encoding="utf-8"), re.MULTILINE):
        pytest.skip("cv.md has no Publications section yet (the publications macro lands separately)")
    titles = seed_publication_titles()
    assert len(titles) == 55
    text = READERS[fmt](themed_build / f"cv.{fmt}")
    missing = missing_in_order(text, [Item("Publications", (title,)) for title in titles])
    assert not missing, f"{len(missing)} publication titles missing or out of order in cv.{fmt}:\n" + "\n".join(missing[:20])


def test_the_order_check_notices_a_swapped_or_missing_item():
    items = [item for item in seed_items()["Invited Talks"]]
    text = "\n".join(" ".join(item.fragments) for item in items)
    assert missing_in_order(text, items) == []
    swapped = [items[0], items[2], items[1], *items[3:]]
    assert missing_in_order("\n".join(" ".join(i.fragments) for i in swapped), items)
    assert missing_in_order(text.replace(", NNAISENSE", ""), items)
