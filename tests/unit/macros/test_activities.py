"""The activities macro renders professional service like any dated entry."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
activities:
  - title: Engine Workshop Organizer
    url: https://example.org/workshop
    dates: 1843
    tags: [organizing]
  - title: Royal Society Reviewer
    dates: 1840 -- 1842
"""


def doc(options: str = "") -> str:
    return f"# Professional Activities\n\n::: {{.activities {options}}}\n:::\n"


def test_title_and_dates_linked_when_there_is_a_url(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert "Engine Workshop Organizer 1843 Royal Society Reviewer 1840 – 1842" in out
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    assert normalize(soup.select_one("a[href='https://example.org/workshop']").get_text()) == "Engine Workshop Organizer"
    assert len(soup.select(".cv-activities .cv-entry")) == 2


def test_options(cv_dir):
    out = normalize(cv_dir(META, doc("tags=organizing"), "plain"))
    assert "Engine Workshop" in out and "Reviewer" not in out
    out = normalize(cv_dir(META, doc("reverse=true"), "plain"))
    assert out.index("Reviewer") < out.index("Engine Workshop")


def test_numbering_is_not_an_option_of_activities(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir(META, doc("numbering=ascending"), "plain")
    assert "numbering" in caught.value.problems[0].message
