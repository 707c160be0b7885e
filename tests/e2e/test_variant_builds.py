"""`cv build --variant` and `--all-variants`: one file set per variant, read back from the outputs."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from cvfilter.cli import main
from tests.conftest import ROOT, THEMES, normalize


def _pdf_text(reader: PdfReader) -> str:
    return normalize(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("theme", THEMES)
def test_example_resume_is_one_page_of_the_selected_sections(tmp_path, capsys, theme):
    for name in ("cv.md", "metadata.yaml", "publications.bib", "stats.json"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    assert main(["build", str(tmp_path / "cv.md"), "--variant", "resume", "--to", "pdf,html", "--theme", theme]) == 0
    assert "cv-resume.pdf" in capsys.readouterr().out
    reader = PdfReader(tmp_path / "build" / "cv-resume.pdf")
    assert len(reader.pages) == 1
    text = _pdf_text(reader)
    for expected in ("Brandon Amos", "Research Scientist", "Ph.D. in Computer Science", "Skills",
                     "Tutorial on amortized optimization", "Cross-Domain Imitation Learning"):
        assert expected in text
    for dropped in ("Previous Positions", "Invited Talks", "Open Source Repositories", "Snowplow",
                    "End-to-End Learning to Warm-Start",  # a publication not marked selected
                    "Objective Mismatch"):
        assert dropped not in text
    headings = [h.get_text() for h in BeautifulSoup((tmp_path / "build" / "cv-resume.html").read_text(), "html.parser").find_all("h2")]
    assert [h.split()[0] for h in headings] == ["Current", "Education", "Publications", "Skills"]


SMALL = """---
date: 2020-01-01
cvfilter:
  variants:
    short: {sections: [Education]}
    long: {}
---

::: header
:::

# Positions

::: {.entries from=positions}
:::

# Education

::: {.entries from=education}
:::
"""
SMALL_META = """\
name: Grace Hopper
positions: [{title: Rear Admiral, org: US Navy, dates: 1967 -- 1986}]
education: [{title: Ph.D. in Mathematics, org: Yale University, dates: 1934}]
"""


def test_all_variants_writes_the_plain_cv_and_one_set_per_variant(tmp_path, capsys):
    (tmp_path / "cv.md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(SMALL_META, encoding="utf-8")
    assert main(["build", str(tmp_path / "cv.md"), "--all-variants", "--to", "html,docx"]) == 0
    built = tmp_path / "build"
    assert sorted(p.name for p in built.iterdir()) == [
        "cv-long.docx", "cv-long.html", "cv-short.docx", "cv-short.html", "cv.docx", "cv.html"]
    short = normalize(BeautifulSoup((built / "cv-short.html").read_text(), "html.parser").get_text(" "))
    long = normalize(BeautifulSoup((built / "cv-long.html").read_text(), "html.parser").get_text(" "))
    assert "Yale University" in short and "Rear Admiral" not in short
    assert "Yale University" in long and "Rear Admiral" in long
    from docx import Document

    paragraphs = " ".join(p.text for p in Document(str(built / "cv-short.docx")).paragraphs)
    assert "Yale University" in paragraphs and "Rear Admiral" not in paragraphs


def test_unknown_variant_on_the_command_line_fails_with_the_known_names(tmp_path, capsys):
    (tmp_path / "cv.md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(SMALL_META, encoding="utf-8")
    assert main(["build", str(tmp_path / "cv.md"), "--variant", "resum"]) == 1
    err = capsys.readouterr().err
    assert "no variant 'resum'" in err and "long, short" in err
    assert not (tmp_path / "build").exists()


def test_all_variants_print_a_warning_about_a_shared_file_once(tmp_path, capsys):
    (tmp_path / "cv.md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "metadata.yaml").write_text(SMALL_META + "contact: {github: ghopper}\nrepositories: [{name: ghopper/cobol}]\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text(SMALL + "\n# Code\n\n::: repositories\n:::\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "cv.md"), "--all-variants", "--to", "html"]) == 0
    err = capsys.readouterr().err
    assert err.count("no star count for ghopper/cobol") == 1, err
