"""The repositories macro: stars, the computed total, numbering and the shared list options."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
repositories:
  - name: ada/engine
    description: Notes on the <Analytical> Engine & *friends*
    stars: 14600
    year: 2015
    tags: [main]
  - name: ada/bernoulli
    description: Bernoulli numbers
    stars: 1049
    year: 2017
  - name: ada/dotfiles
    description: Linux, emacs
    symbol: ♥
    stars: 999
    year: 2012
    tags: [main]
"""


def doc(options: str = "") -> str:
    return f"# Open Source\n\n::: {{.repositories {options}}}\n:::\n"


def test_numbered_name_stars_description_year_in_data_order(cv_dir):
    out = normalize(cv_dir(META, doc(), "plain"))
    assert "16.6k+ GitHub stars across all repositories." in out
    assert "1. ada/engine ★14.6k Notes on the <Analytical> Engine & *friends* 2015" in out
    assert "2. ada/bernoulli ★1k Bernoulli numbers 2017" in out
    assert "3. ada/dotfiles ★999 ♥ Linux, emacs 2012" in out


def test_html_links_the_repository_and_italicises_the_description(cv_dir):
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    items = soup.select("ol > li")
    assert len(items) == 3
    first = items[0]
    assert first.select_one("a[href='https://github.com/ada/engine']").get_text() == "ada/engine"
    assert first.select_one(".cv-stars").get_text() == "★14.6k"
    assert first.select_one(".cv-stars")["data-count"] == "14600"
    assert normalize(first.select_one(".cv-description em").get_text()) == "Notes on the <Analytical> Engine & *friends*"
    assert normalize(first.select_one("time").get_text()) == "2015"


def test_total_counts_all_repositories_even_when_the_list_is_filtered(cv_dir):
    out = normalize(cv_dir(META, doc("tags=main limit=1"), "plain"))
    assert out.startswith("Open Source 16.6k+ GitHub stars")
    assert "ada/engine" in out and "ada/dotfiles" not in out and "ada/bernoulli" not in out


def test_total_false_leaves_the_sentence_out(cv_dir):
    out = normalize(cv_dir(META, doc("total=false"), "plain"))
    assert "GitHub stars" not in out and "1. ada/engine" in out


def test_sort_title_reverse_and_no_numbering(cv_dir):
    out = normalize(cv_dir(META, doc("sort=title reverse=true numbering=none"), "plain"))
    assert out.index("ada/engine") < out.index("ada/dotfiles") < out.index("ada/bernoulli")
    assert "1." not in out


def test_sort_date_and_descending_numbers(cv_dir):
    out = normalize(cv_dir(META, doc("sort=date numbering=descending"), "plain"))
    assert "3. ada/bernoulli" in out and "2. ada/engine" in out and "1. ada/dotfiles" in out
    assert out.index("ada/bernoulli") < out.index("ada/engine") < out.index("ada/dotfiles")


def test_no_star_counts_warns_instead_of_printing_zero(cv_dir):
    meta = "name: A\nrepositories:\n  - name: a/b\n    year: 2020\n"
    out = normalize(cv_dir(meta, doc(), "plain"))
    assert "GitHub stars" not in out and "★" not in out and "1. a/b 2020" in out


def test_bad_repository_name_is_reported_on_its_line(cv_dir):
    with pytest.raises(CvError) as caught:
        cv_dir("name: A\nrepositories:\n  - name: not a repo\n", doc(), "plain")
    problem = caught.value.problems[0]
    assert problem.location.line == 3 and "owner/name" in problem.message


def test_star_counts_come_from_the_statistics_cache_first(cv_dir):
    cache = '{"version": 1, "repositories": {"ada/engine": {"stars": 27100, "fetched": "2023-03-20T00:00:00Z"}}}'
    out = normalize(cv_dir(META, doc(), "plain", stats__json=cache))
    assert "ada/engine ★27.1k" in out and "ada/bernoulli ★1k" in out and "★14.6k" not in out


def test_german_documents_write_a_decimal_comma(cv_dir):
    out = normalize(cv_dir(META, "---\nlang: de-DE\n---\n\n" + doc(), "plain"))
    assert "ada/engine ★14,6k" in out and "16,6k+ GitHub-Sterne" in out
