"""The students macro: linked names, the detail in parentheses, years on the right."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import normalize

META = """\
name: Ada Lovelace
students:
  - name: Mary Somerville
    url: https://example.org/ms
    detail: visiting from Edinburgh, now at Oxford
    dates: 1840 -- present
    tags: [visiting]
  - name: Charles Babbage
    dates: 1838 -- 1839
  - name: Augustus De Morgan
    detail: tutor (really)
    dates: 1841
"""


def doc(options: str = "") -> str:
    return f"# Students\n\n::: {{.students {options}}}\n:::\n"


def test_name_detail_and_years(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert "Mary Somerville (visiting from Edinburgh, now at Oxford) 1840 – Present" in out
    assert "Charles Babbage 1838 – 1839" in out
    assert "Augustus De Morgan (tutor (really)) 1841" in out
    assert out.index("Mary") < out.index("Charles") < out.index("Augustus")


def test_html_links_names_with_a_url_and_marks_each_student(cv_dir):
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    students = soup.select(".cv-student")
    assert len(students) == 3
    assert normalize(students[0].select_one("a[href='https://example.org/ms']").get_text()) == "Mary Somerville"
    assert not students[1].select("a")
    assert [normalize(t.get_text()) for t in soup.select("time")] == ["1840 – Present", "1838 – 1839", "1841"]


def test_options(cv_dir):
    out = normalize(cv_dir(META, doc("sort=date"), "plain"))
    assert out.index("Mary") < out.index("Augustus") < out.index("Charles")
    out = normalize(cv_dir(META, doc("tags=visiting numbering=ascending"), "plain"))
    assert "1. Mary Somerville" in out and "Charles" not in out
    out = normalize(cv_dir(META, doc("reverse=true limit=1"), "plain"))
    assert "Augustus" in out and "Mary" not in out and "Charles" not in out
