"""The HTML edge's one walk: dates become <time> wherever they are, marker links are named after their own entry."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import normalize

DOC = """
# Awards [2019]{.cv-date}

Text *with [2018]{.cv-date datetime="2018"} inside* and [link [2017]{.cv-date}](https://e.org)

| line [2015]{.cv-date datetime="2015"} one

Term [2014]{.cv-date}
:   Definition [2013]{.cv-date}

| a |
|---|
| x [2011]{.cv-date} |

Free [Title words]{.cv-title} and [[\\[code\\]](https://c.org)]{.cv-pub-link} outside.

::: {.cv-entry}
[Entry title]{.cv-title} then [[\\[pdf\\]](https://p.org)]{.cv-pub-link} [2010]{.cv-date datetime="2010"}

::: {.cv-detail}
detail [[\\[slides\\]](https://s.org)]{.cv-pub-link}
:::
:::
"""


def test_every_date_is_a_time_element_and_no_date_span_is_left(cv_dir):
    soup = BeautifulSoup(cv_dir("name: Ada\n", DOC, "html"), "html.parser")
    assert [normalize(t.get_text()) for t in soup.select("time")] == ["2019", "2018", "2017", "2015", "2014", "2013", "2011", "2010"]
    assert soup.select("span.cv-date") == []
    assert soup.select_one("time[datetime='2010']").find_previous_sibling("span")["class"] == ["cv-what"]


def test_marker_links_are_named_after_the_entry_that_holds_them(cv_dir):
    soup = BeautifulSoup(cv_dir("name: Ada\n", DOC, "html"), "html.parser")
    named = {link.get_text(): link.get("aria-label") for link in soup.select(".cv-pub-link a")}
    assert named == {"[code]": None, "[pdf]": "pdf: Entry title", "[slides]": "slides: Entry title"}


def test_the_section_list_names_a_heading_without_its_date(cv_dir):
    soup = BeautifulSoup(cv_dir("name: Ada\n", DOC, "html"), "html.parser")
    assert [normalize(a.get_text()) for a in soup.select("nav a")] == ["Awards"]
