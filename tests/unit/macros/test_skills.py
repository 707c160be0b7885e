"""The skills macro: "Name: a, b, c" per group."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
skills:
  - name: Programming
    items: [C, C++, "C#", "Notes A, B"]
    tags: [code]
  - name: Toolbox
    items: [Engine, pencil]
"""


def doc(options: str = "") -> str:
    return f"# Skills\n\n::: {{.skills {options}}}\n:::\n"


def test_group_name_then_comma_list(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert out == "Skills Programming: C, C++, C#, Notes A, B Toolbox: Engine, pencil"


def test_html_keeps_each_item_separate(cv_dir):
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    groups = soup.select(".cv-skill")
    assert [g.select_one(".cv-skill-name").get_text() for g in groups] == ["Programming:", "Toolbox:"]
    assert [i.get_text() for i in groups[0].select(".cv-skill-item")] == ["C", "C++", "C#", "Notes A, B"]


def test_options(cv_dir):
    assert "Toolbox" not in cv_dir(META, doc("tags=code"), "plain")
    out = normalize(cv_dir(META, doc("sort=title reverse=true limit=1"), "plain"))
    assert out == "Skills Toolbox: Engine, pencil"


def test_items_must_be_a_list(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir("name: A\nskills:\n  - name: X\n    items: C, C++\n", doc(), "plain")
    assert caught.value.problems[0].location.line == 4
