"""The teaching macro: "Course (CODE), role" with the term on the right."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import normalize

META = """\
name: Ada Lovelace
teaching:
  - name: Distributed Systems
    code: CMU 15-440/640
    role: TA
    term: S2016
  - name: Graduate AI
    code: CMU 15-780
    role: TA
    term: S2017
    url: https://example.org/ai
    tags: [grad]
  - name: Poetical Science
    role: Instructor
    term: Fall 1842
"""


def doc(options: str = "") -> str:
    return f"# Teaching\n\n::: {{.teaching {options}}}\n:::\n"


def test_course_code_role_and_term(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert ("Distributed Systems (CMU 15-440/640), TA S2016 Graduate AI (CMU 15-780), TA S2017 "
            "Poetical Science, Instructor Fall 1842") in out


def test_html_term_is_a_time_with_its_year(cv_dir):
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    assert [(t.get_text(), t["datetime"]) for t in soup.select("time")] == [
        ("S2016", "2016"), ("S2017", "2017"), ("Fall\u00a01842", "1842")]
    assert normalize(soup.select_one("a[href='https://example.org/ai']").get_text()) == "Graduate AI"


def test_sort_by_the_year_in_the_term_and_other_options(cv_dir):
    out = normalize(cv_dir(META, doc("sort=date"), "plain"))
    assert out.index("Graduate AI") < out.index("Distributed") < out.index("Poetical")
    out = normalize(cv_dir(META, doc("tags=grad numbering=ascending"), "plain"))
    assert "1. Graduate AI" in out and "Distributed" not in out
    out = normalize(cv_dir(META, doc("limit=1 reverse=true"), "plain"))
    assert "Poetical" in out and "Graduate" not in out
