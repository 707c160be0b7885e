"""The talks macro: numbered, italic titles linked when they have a url, venue, year; a lead-in first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
talks:
  - title: On the Engine
    venue: Royal Society, London
    url: https://example.org/engine
    year: 1843
    tags: [keynote]
  - title: Notes A to G
    venue: Taylor's Memoirs
    year: 1842
  - title: "Bernoulli: numbers"
    venue: Private letter
    year: 1844
"""

DOC = """# Invited Talks

::: {.talks OPTIONS}
Slides are at [ada/slides](https://example.org/slides).
:::
"""


def doc(options: str = "") -> str:
    return DOC.replace("OPTIONS", options)


def test_lead_in_comes_first_then_numbered_talks_in_data_order(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert out.startswith("Invited Talks Slides are at ada/slides. 1. On the Engine, Royal Society, London 1843")
    assert "2. Notes A to G, Taylor's Memoirs 1842" in out
    assert "3. Bernoulli: numbers, Private letter 1844" in out


def test_html_title_is_italic_and_linked_only_with_a_url(cv_dir):
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    items = soup.select("ol > li")
    assert [normalize(li.select_one(".cv-venue").get_text()) for li in items] == [
        "Royal Society, London", "Taylor's Memoirs", "Private letter"]
    assert normalize(items[0].select_one("a[href='https://example.org/engine'] em").get_text()) == "On the Engine"
    assert normalize(items[1].select_one(".cv-title em").get_text()) == "Notes A to G" and not items[1].select(".cv-title a")
    assert soup.select_one("ol").find_previous("p").select_one("a")["href"] == "https://example.org/slides"


def test_options_sort_limit_tags_numbering(cv_dir):
    out = normalize(cv_dir(META, doc("sort=date limit=2"), "plain"))
    assert "1. Bernoulli: numbers" in out and "2. On the Engine" in out and "Notes A to G" not in out
    out = normalize(cv_dir(META, doc("tags=keynote numbering=none"), "plain"))
    assert "On the Engine" in out and "Notes A to G" not in out and "1." not in out
    out = normalize(cv_dir(META, doc("sort=title reverse=true"), "plain"))
    assert out.index("On the Engine") < out.index("Notes A to G") < out.index("Bernoulli")


def test_a_talk_without_a_venue_is_an_error_on_its_line(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir("name: A\ntalks:\n  - title: T\n    year: 2020\n", doc(), "plain")
    problem = caught.value.problems[0]
    assert problem.location.line == 3 and "venue" in problem.message


def test_bad_numbering_value_is_an_error(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir(META, doc("numbering=roman"), "plain")
    assert "numbering" in caught.value.problems[0].message


def test_tags_that_match_nothing_warn_at_the_macro_line(tmp_path):
    from cvfilter.check import check

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(doc("tags=nosuchtag"), encoding="utf-8")
    assert [str(p) for p in check(tmp_path / "cv.md")] == [
        "cv.md:3: warning: no talks match tags=nosuchtag (tags present: keynote)"]
