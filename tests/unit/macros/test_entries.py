"""The entries and header macros on small documents, read back as plain text and HTML."""

from __future__ import annotations

import pytest

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
contact:
  email: ada@example.org
positions:
  - title: Analyst
    org: Analytical Engine Co.
    location: London
    with: [{name: Charles Babbage, url: "https://example.org/cb"}]
    topic: programs
    dates: 1842 -- 1843
  - title: Translator
    org: Taylor's Scientific Memoirs
    note: notes A to G
    dates: 1843
"""

DOC = """---
date: 1843-09-01
---

::: header
:::

# Positions

::: {.entries from=positions}
:::
"""


def test_entries_render_title_org_aside_and_dates_in_order(cv_dir):
    out = normalize(cv_dir(META, DOC, "plain"))
    assert "Analyst, Analytical Engine Co., London (with Charles Babbage on programs) 1842 – 1843" in out
    assert out.index("Analyst") < out.index("Translator")
    assert "(notes A to G) 1843" in out
    assert "Last updated on September 1, 1843" in out


def test_html_has_header_sections_h2_and_time(cv_dir):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(cv_dir(META, DOC, "html"), "html.parser")
    assert soup.select_one("header h1").get_text() == "Ada Lovelace"
    section = soup.select_one("section")
    assert section.h2.get_text() == "Positions"
    assert [normalize(t.get_text()) for t in section.select("time")] == ["1842 – 1843", "1843"]
    assert soup.select_one("a[href='https://example.org/cb']").get_text() == "Charles Babbage"


def test_sort_reverse_limit(cv_dir):
    doc = DOC.replace("{.entries from=positions}", "{.entries from=positions reverse=true limit=1}")
    out = normalize(cv_dir(META, doc, "plain"))
    assert "Translator" in out and "Analyst" not in out


def test_unknown_option_names_line_and_suggests(cv_dir):
    doc = DOC.replace("{.entries from=positions}", "{.entries from=positions revers=true}")
    with pytest.raises(CvError) as caught:
        cv_dir(META, doc, "plain")
    problem = caught.value.problems[0]
    assert (problem.location.file, problem.location.line) == ("cv.md", 10)
    assert "revers" in problem.message and "reverse" in problem.hint


def test_unknown_macro_is_an_error_with_suggestion(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir(META, DOC.replace("::: header", "::: headr"), "plain")
    problem = caught.value.problems[0]
    assert problem.location.line == 5 and ".header" in problem.hint


def test_filter_twice_equals_once(cv_dir):
    from cvfilter.filter import run
    from tests.conftest import markdown_to_doc, render

    cv_dir(META, DOC, "html")
    once = run(markdown_to_doc(DOC), "html", base_dir=cv_dir.path)
    first = render(once, "html")
    twice = run(once, "html", base_dir=cv_dir.path)
    assert render(twice, "html") == first


def test_an_error_carries_the_warnings_found_with_it(cv_dir):
    """Fixing the errors should not reveal a second round of problems that were already known."""
    doc = DOC.replace("{.entries from=positions}", "{.entries from=positions tags=nosuch}") + "\n::: headr\n:::\n"
    with pytest.raises(CvError) as caught:
        cv_dir(META, doc, "plain")
    severities = [(p.severity, p.location.line) for p in caught.value.problems]
    assert severities[0] == ("error", 13)
    assert ("warning", 10) in severities


ASIDES = """\
name: Ada Lovelace
education:
  - {title: B.A. in Mathematics, org: Example University, dates: 1835, gpa: 3.9/4.0}
  - {title: M.A. in Mathematics, org: Example University, dates: 1837, gpa: 3.9/4.0, note: summa cum laude, topic: notebooks}
  - {title: Ph.D. in Mathematics, org: Example University, dates: 1840, gpa: 4.0/4.0, with: [{name: Charles Babbage}],
     topic: engines, note: first thesis}
  - {title: Diploma, org: Example University, dates: 1841, topic: engines, note: with honours}
"""


def test_a_gpa_keeps_the_topic_collaborators_and_note_beside_it(cv_dir):
    doc = DOC.replace("from=positions", "from=education")
    out = normalize(cv_dir(ASIDES, doc, "plain"))
    assert "B.A. in Mathematics, Example University (3.9/4.0) 1835" in out
    assert "M.A. in Mathematics, Example University (3.9/4.0; on notebooks; summa cum laude) 1837" in out
    assert "Ph.D. in Mathematics, Example University (4.0/4.0; with Charles Babbage on engines; first thesis) 1840" in out
    assert "Diploma, Example University (on engines; with honours) 1841" in out
