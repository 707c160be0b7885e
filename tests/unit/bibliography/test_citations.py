"""Pandoc citations in prose, formatted by citeproc-py with the document's CSL style."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from cvfilter.pandoc import pandoc_path
from tests.conftest import normalize

META = "name: Brandon Amos\nowner:\n  aliases: [B. Amos]\n"
BIB = """\
@inproceedings{optnet, title={OptNet}, author={Amos, Brandon and Kolter, J. Zico}, year={2017}, booktitle={ICML}}
@inproceedings{icnn, title={Input Convex Neural Networks}, author={Amos, Brandon and Xu, Lei and Kolter, J. Zico}, year={2017}, booktitle={ICML}}
@book{book, title={A Book}, author={Boyd, Stephen}, year={2004}, publisher={CUP}}
"""
TEXT = """\
# Research

OptNet [@optnet] and ICNNs [see @icnn, p. 3; @book].
@optnet showed it.

::: references
## References
:::

# After

Done.
"""


def run(cv_dir, fmt: str = "html", csl: str = "", text: str = TEXT) -> str:
    front = f"---\ncvfilter:\n  bibliography: refs.bib\n{f'  csl: {csl}' + chr(10) if csl else ''}---\n\n"
    return cv_dir(META, front + text, fmt, refs__bib=BIB)


def test_author_date_citations_with_prefix_locator_and_in_text(cv_dir):
    soup = BeautifulSoup(run(cv_dir), "lxml")
    cites = [normalize(s.get_text()) for s in soup.select("span.cv-cite")]
    assert cites == ["(Amos and Kolter 2017)", "(see Amos et al. 2017, p. 3; Boyd 2004)", "Amos and Kolter (2017)"]


def test_references_go_where_the_macro_is_with_the_owner_bold(cv_dir):
    soup = BeautifulSoup(run(cv_dir), "lxml")
    refs = soup.select_one("#refs")
    assert refs.find(["h2", "h3"]).get_text() == "References"
    entries = refs.select("div.cv-reference")
    after = soup.find(lambda tag: tag.name in ("h2", "h3") and tag.get_text() == "After")
    assert after.find_previous("div", class_="cv-reference") is entries[-1]
    assert [e["data-key"] for e in entries] == ["optnet", "icnn", "book"]
    assert [normalize(s.get_text()) for s in refs.select(".cv-owner strong")] == ["Brandon Amos", "Brandon Amos"]


def test_references_go_at_the_end_without_the_macro(cv_dir):
    soup = BeautifulSoup(run(cv_dir, text="Only [@book].\n\n# Last\n\nEnd.\n"), "lxml")
    refs = soup.select_one("#refs")
    assert refs is not None and refs.find_previous(["h2", "h3"]).get_text() == "Last"
    assert "A Book" in normalize(refs.get_text())


def test_numeric_style_numbers_citations_and_references_in_order(cv_dir):
    plain = run(cv_dir, "plain", csl="ieee")
    text = normalize(plain)
    assert "OptNet [1] and ICNNs see [2, p. 3], [3]." in text
    assert "Amos and Kolter [1] showed it." in text
    assert re.search(r"\[1\] B\. Amos and J\. Z\. Kolter, “OptNet”", text)
    assert text.index("[2] B. Amos, L. Xu") < text.index("[3] S. Boyd")


def test_apa_style(cv_dir):
    text = normalize(run(cv_dir, "plain", csl="apa"))
    assert "(see Amos et al., 2017, p. 3; Boyd, 2004)" in text
    assert "Boyd, S. (2004). A Book. CUP." in text


def test_unknown_key_is_an_error_with_line_and_suggestion(cv_dir):
    with pytest.raises(CvError) as caught:
        run(cv_dir, text="# R\n\nSee [@optnett].\n")
    problem = caught.value.problems[0]
    assert "unknown citation key '@optnett'" in problem.message and "refs.bib" in problem.message
    assert problem.location.line == 8 and "did you mean @optnet?" in problem.hint


def test_citeproc_after_the_filter_has_nothing_left_to_do(cv_dir):
    run(cv_dir)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([pandoc_path(), "cv.md", "--filter", "cvfilter", "--citeproc", "-t", "plain"],
                            cwd=cv_dir.path, capture_output=True, env=env, text=True)
    assert result.returncode == 0, result.stderr
    assert "(Amos and Kolter 2017)" in normalize(result.stdout)
    assert "not found" not in result.stderr


def test_citations_are_formatted_when_a_macro_only_warned(cv_dir):
    soup = BeautifulSoup(run(cv_dir, text=TEXT + "\n# Papers\n\n::: {.publications types=patent}\n:::\n"), "lxml")
    assert [normalize(s.get_text()) for s in soup.select("span.cv-cite")][0] == "(Amos and Kolter 2017)"


LEFT_OUT = """\
# Research

Kolter showed it [-@optnet]. Boyd [-@book, p. 3]. Both [see -@icnn; @book]. And @optnet too.

::: references
:::
"""


# What pandoc 3.9 --citeproc writes for the same text with the same style (checked by hand).
@pytest.mark.parametrize(("csl", "expected"), [
    ("", ["(2017)", "(2004, p. 3)", "(see 2017; Boyd 2004)", "Amos and Kolter (2017)"]),
    ("apa", ["(2017)", "(2004, p. 3)", "(see 2017; Boyd, 2004)", "Amos and Kolter (2017)"]),
    ("chicago-author-date", ["(2017)", "(2004, 3)", "(see 2017; Boyd 2004)", "Amos and Kolter (2017)"]),
    ("ieee", ["[1]", "[2, p. 3]", None, "Amos and Kolter [1]"]),  # numbered: nothing to leave out
])
def test_suppressed_author_shows_the_rest_of_the_citation(cv_dir, csl, expected):
    html = run(cv_dir, "html", csl=csl, text=LEFT_OUT)
    soup = BeautifulSoup(html, "lxml")
    cites = [normalize(s.get_text()) for s in soup.select("span.cv-cite")]
    assert [c for c, e in zip(cites, expected) if e is not None] == [e for e in expected if e is not None]
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in html)  # no stand-in or marker left behind
    references = normalize(soup.select_one("#refs").get_text())
    assert "Kolter" in references and "Boyd" in references  # the references still name every author


def test_suppressed_author_reaches_plain_text_as_well(cv_dir):
    text = normalize(run(cv_dir, "plain", csl="apa", text=LEFT_OUT))
    assert "Kolter showed it (2017). Boyd (2004, p. 3). Both (see 2017; Boyd, 2004). And Amos and Kolter (2017) too." in text


def test_a_variant_without_the_references_section_lists_no_cited_works_and_says_so(tmp_path, capsys):
    from cvfilter.build import build

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    front = "---\ncvfilter:\n  bibliography: refs.bib\n  variants:\n    short:\n      sections: [Research, After]\n---\n\n"
    text = "# Research\n\nOptNet [@optnet].\n\n# References\n\n::: references\n:::\n\n# After\n\nDone.\n"
    (tmp_path / "cv.md").write_text(front + text, encoding="utf-8")
    result = build(tmp_path / "cv.md", ("html",), variant="short", stem="cv-short")
    soup = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "lxml")
    assert soup.select("span.cv-cite") and not soup.select("div.cv-reference")  # nothing trails "After"
    (warning,) = [w for w in result.warnings if "cited" in w.message]
    assert (warning.location.line, warning.message) == (6, "the variant 'short' lists none of the works cited in its text")
