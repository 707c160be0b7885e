"""`cv new`: the starter shows every macro and builds as it is, with its résumé variant on one page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from pypdf import PdfReader

from cvfilter.assets import styles_dir
from cvfilter.cli import main
from cvfilter.macros import MACROS
from cvfilter.macros.registry import INLINE_MACROS
from tests.conftest import normalize


def test_the_two_starters_show_every_macro():
    used = []
    for kind in ("new", "resume"):
        text = (styles_dir() / "templates" / kind / "cv.md").read_text(encoding="utf-8")
        used += re.findall(r"^::: *\{?\.?([\w-]+)", text, re.MULTILINE) + re.findall(r"\]\{\.([\w-]+)", text)
    used = [name for name in used if name]
    assert set(used) == {*MACROS, *INLINE_MACROS}  # a new macro belongs in a starter too


def test_the_resume_starter_is_one_page_with_bullets(tmp_path, capsys):
    assert main(["new", "--kind", "resume", str(tmp_path)]) == 0
    assert main(["build", str(tmp_path / "cv.md"), "--to", "pdf,html,docx"]) == 0
    built = tmp_path / "build"
    pages = PdfReader(built / "cv.pdf").pages
    assert len(pages) == 1
    assert "• Led the move of the ledger service" in pages[0].extract_text()
    soup = BeautifulSoup((built / "cv.html").read_text(encoding="utf-8"), "html.parser")
    nested = soup.select(".cv-highlights > ul > li > ul > li")
    assert [normalize(li.get_text()) for li in nested][:1] == ["Runbooks for the 20 alerts that page"]
    from docx import Document

    listed = [p for p in Document(str(built / "cv.docx")).paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert "Led the move of the ledger service to an event log; settlement runs 6x faster" in [p.text for p in listed]


def test_new_cv_builds_in_every_format(tmp_path, capsys):
    assert main(["new", str(tmp_path)]) == 0
    assert main(["build", str(tmp_path / "cv.md"), "--all-variants", "--to", "pdf,html,docx"]) == 0
    built = tmp_path / "build"
    html = normalize(BeautifulSoup((built / "cv.html").read_text(encoding="utf-8"), "html.parser").get_text(" "))
    for expected in ("Alex Example", "Research Engineer", "Notebooks that Still Run", "alexexample/notebook-pin",
                     "Research Software Conference", "Jo Student", "co-organiser", "Journal of Examples",
                     "Introduction to Programming", "Rust", "h-index of 6", "(Example and Colleague 2024)"):
        assert expected in html
    resume = PdfReader(built / "cv-resume.pdf")
    assert len(resume.pages) == 1
    resume_text = normalize(resume.pages[0].extract_text())
    assert "Notebooks that Still Run" in resume_text and "A Survey of Research Software" not in resume_text


def test_new_keeps_existing_files(tmp_path, capsys):
    (tmp_path / "cv.md").write_text("mine\n", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "cv.md").read_text(encoding="utf-8") == "mine\n"
