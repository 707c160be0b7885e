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


def test_starter_shows_every_macro():
    text = (styles_dir() / "templates" / "new" / "cv.md").read_text(encoding="utf-8")
    used = re.findall(r"^::: *\{?\.?([\w-]+)", text, re.MULTILINE) + re.findall(r"\]\{\.([\w-]+)", text)
    used = [name for name in used if name]
    assert set(used) == {*MACROS, *INLINE_MACROS}  # a new macro belongs in the starter too


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
