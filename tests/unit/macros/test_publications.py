"""The publications macro: owner highlighting on tricky names, numbering, groups, filters, CSL styles."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from cvfilter.errors import CvError
from tests.conftest import ROOT, normalize

META = "name: Brandon Amos\nowner:\n  aliases: [B. Amos, B. D. Amos]\nscholar:\n  citations: 6012\n  h_index: 31\n  url: https://scholar.example/b\n"
TRICKY = (ROOT / "tests" / "data" / "tricky-names.bib").read_text(encoding="utf-8")

SMALL = """\
@article{new, title={Newest Paper}, author={Amos, Brandon and Cohen, Samuel}, year={2022}, journal={Journal of X},
  codeurl={https://code.example/new}, selected={true}, keywords={journal}}
@inproceedings{mid, title={Middle Paper}, author={Cohen, Samuel and Amos, Brandon}, year={2020}, booktitle={ICML}, _venue={ICML}, _note={Oral},
  slidesurl={https://slides.example/mid}, _talkurl={https://talk.example/mid}, doi={10.1000/xyz}}
@misc{old, title={Old Report}, author={Amos, Brandon}, year={2014}, _venue={CMU}}
@misc{older, title={Older Report}, author={Amos, Brandon}, year={2012}, _venue={CMU}}
"""


def page(cv_dir, body: str, bib: str = SMALL, front: str = "") -> BeautifulSoup:
    markdown = f"---\ncvfilter:\n  bibliography: refs.bib\n{front}---\n\n# Publications\n\n{body}\n"
    return BeautifulSoup(cv_dir(META, markdown, "html", refs__bib=bib), "lxml")


def entries(soup: BeautifulSoup) -> dict[str, str]:
    return {div["data-key"]: normalize(div.get_text()) for div in soup.select("div.cv-pub")}


def test_tricky_names_highlight_the_owner_and_nobody_else(cv_dir):
    soup = page(cv_dir, "::: publications\n:::", TRICKY)
    bold = {div["data-key"]: [normalize(s.get_text(" ")) for s in div.select(".cv-owner strong")] for div in soup.select("div.cv-pub")}
    assert bold == {
        "particles": ["Brandon Amos"],
        "accents": ["B. Amos"],
        "corporate": ["B. Amos"],
        "others": ["B. D. Amos"],
        "namesakes": ["Brandon Amos"],
        "accentowner": ["Brándon Amos*"],
    }
    text = entries(soup)
    assert "Ludwig van der Berg, Juan de la Fuente, Jean-Pierre Dupont-Moreau, and Brandon Amos" in text["particles"]
    assert "Michal Rolínek, Thomas Rothörl, Nathan Lichtlé, and B. Amos" in text["accents"]
    assert "Meta AI, B. Amos, and Plato" in text["corporate"]
    assert "Samuel Cohen, B. D. Amos, et al." in text["others"]
    assert "Brian Amos, Brandon Smith, Tomos Amosson, Brandon Amos, and Li Lim" in text["namesakes"]
    assert "Brándon Amos*, and Jane Doe*" not in text["accentowner"] and "Brándon Amos* and Jane Doe*" in text["accentowner"]


def test_year_groups_newest_first_with_merged_earlier_years_and_continuous_numbers(cv_dir):
    soup = page(cv_dir, "::: {.publications earlier=2014}\n:::")
    assert [normalize(h.get_text(" ")) for h in soup.select(".cv-group")] == ["2022", "2020", "2014 and earlier"]
    assert [int(ol.get("start", 1)) for ol in soup.select("ol")] == [1, 2, 3]
    assert list(entries(soup)) == ["new", "mid", "old", "older"]
    assert normalize(soup.select_one(".cv-legend").get_text(" ")) == "Selected publications are highlighted."
    assert [d["data-key"] for d in soup.select("div.cv-selected")] == ["new"]


def test_descending_numbering_gives_the_newest_the_highest_number(cv_dir):
    soup = page(cv_dir, "::: {.publications numbering=descending}\n:::")
    lists = soup.select("ol[reversed]")
    assert [ol.get("start", str(len(ol.find_all("li")))) for ol in lists] == ["4", "3", "2", "1"]
    assert [" ".join(li["class"]) for li in soup.select("ol[reversed] > li")][0] == "cv-entry cv-pub cv-selected"
    plain = cv_dir(META, "---\ncvfilter:\n  bibliography: refs.bib\n---\n\n::: {.publications numbering=descending}\n:::\n", "plain")
    assert [line.split(".")[0] for line in plain.splitlines() if re.match(r"\d+\. ", line)] == ["4", "3", "2", "1"]


def test_no_numbering_and_no_groups(cv_dir):
    soup = page(cv_dir, "::: {.publications numbering=none group-by=none legend=false}\n:::")
    assert not soup.select("ol") and not soup.select(".cv-group") and not soup.select(".cv-legend")
    assert len(entries(soup)) == 4


@pytest.mark.parametrize("options, keys", [
    ("types=article,misc", ["new", "old", "older"]),
    ("selected=true", ["new"]),
    ("years=2013-2020", ["mid", "old"]),
    ("years=-2014", ["old", "older"]),
    ("keywords=journal", ["new"]),
    ("limit=2", ["new", "mid"]),
])
def test_filters(cv_dir, options: str, keys: list[str]):
    assert list(entries(page(cv_dir, f"::: {{.publications {options}}}\n:::"))) == keys


def test_venue_note_and_link_markers_after_the_title(cv_dir):
    soup = page(cv_dir, "::: publications\n:::")
    mid = soup.select_one("div.cv-pub[data-key=mid]")
    assert normalize(mid.get_text()).startswith("Middle Paper [slides] [talk] [doi]")
    assert [a["href"] for a in mid.select(".cv-pub-link a")] == [
        "https://slides.example/mid", "https://talk.example/mid", "https://doi.org/10.1000/xyz"]
    assert "ICML 2020 (Oral)" in normalize(mid.get_text(" "))
    only_code = page(cv_dir, "::: {.publications links=code}\n:::")
    assert not only_code.select("div.cv-pub[data-key=mid] .cv-pub-link")


def test_long_author_lists_are_cut_but_never_hide_the_owner(cv_dir):
    bib = "@misc{long, title={Long}, author={A One and B Two and C Three and D Four and Amos, Brandon and F Six}, year={2020}}"
    soup = page(cv_dir, "::: {.publications max-authors=3}\n:::", bib)
    text = entries(soup)["long"]
    assert "A One, B Two, …, Brandon Amos, et al." in text
    assert "C Three" not in text
    assert normalize(soup.select_one(".cv-owner").get_text(" ")) == "Brandon Amos"


@pytest.mark.parametrize("limit, owner_last, shown", [
    (4, True, "Long A One, B Two, C Three, …, and Brandon Amos 2020"),
    (2, True, "Long A One, …, and Brandon Amos 2020"),
    (5, False, "Long A One, B Two, C Three, D Four, Brandon Amos, et al. 2020"),
    (1, False, "Long …, Brandon Amos, et al. 2020"),
])
def test_cut_author_lists_keep_the_order(cv_dir, limit: int, owner_last: bool, shown: str):
    authors = "A One and B Two and C Three and D Four and " + ("E Five and Amos, Brandon" if owner_last else "Amos, Brandon and E Five")
    bib = f"@misc{{long, title={{Long}}, author={{{authors}}}, year={{2020}}}}"
    assert entries(page(cv_dir, f"::: {{.publications max-authors={limit}}}\n:::", bib))["long"] == shown


def test_apa_and_ieee_styles_format_as_they_say(cv_dir):
    apa = entries(page(cv_dir, "::: {.publications csl=apa}\n:::"))["mid"]
    assert apa.startswith("Cohen, S., & Amos, B. (2020). Middle paper"), "CSL styles get sentence case, as from pandoc"
    ieee_soup = page(cv_dir, "::: publications\n:::", front="  csl: ieee\n")
    ieee = entries(ieee_soup)["mid"]
    assert ieee.startswith("S. Cohen and B. Amos, “Middle paper")
    assert "in ICML, 2020" in ieee
    assert [normalize(s.get_text(" ")) for s in ieee_soup.select(".cv-owner strong")][:2] == ["B. Amos", "B. Amos"]
    assert not re.search(r"\[\d+\]", ieee), "our list numbers entries; the style's own numbers are dropped"


def test_a_csl_file_next_to_the_cv_can_be_used(cv_dir):
    (cv_dir.path / "mine.csl").write_text((ROOT / "styles" / "csl" / "cvfilter.csl").read_text(encoding="utf-8").replace(
        'font-style="italic"', 'font-weight="bold"'), encoding="utf-8")
    soup = page(cv_dir, "::: {.publications csl=mine.csl}\n:::")
    assert soup.select_one("div.cv-pub[data-key=new] .cv-pub-title strong")


@pytest.mark.parametrize("body, message", [
    ("::: {.publications csl=nonesuch}\n:::", "unknown CSL style 'nonesuch'"),
    ("::: {.publications links=code,video}\n:::", "unknown link kind 'video'"),
    ("::: {.publications years=soon}\n:::", "years='soon' is not a year range"),
    ("::: {.publications sorting=year}\n:::", "unknown option 'sorting'"),
    ("::: {.publications years=2019-2015}\n:::", "years='2019-2015' runs backwards"),
    ("::: {.publications limit=-3}\n:::", "option limit='-3' must be at least 0"),
    ("::: {.publications max-authors=-1}\n:::", "option max-authors='-1' must be at least 0"),
])
def test_bad_options_are_errors_with_the_line(cv_dir, body: str, message: str):
    with pytest.raises(CvError, match=re.escape(message)) as caught:
        page(cv_dir, body)
    assert caught.value.problems[0].location.line == 8


def checked(tmp_path, body: str) -> list[str]:
    """`cv check` on a CV whose Publications section is `body`: its messages as printed."""
    from cvfilter.check import check

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(SMALL, encoding="utf-8")
    (tmp_path / "cv.md").write_text(f"---\ncvfilter:\n  bibliography: refs.bib\n---\n\n# Publications\n\n{body}\n", encoding="utf-8")
    return [str(p) for p in check(tmp_path / "cv.md")]


@pytest.mark.parametrize("options, message", [
    ("types=artcle", "no publications match types=artcle (types present: article, inproceedings, misc)"),
    ("keywords=nonexistent", "no publications match keywords=nonexistent (keywords present: journal)"),
    ("years=2030-", "no publications match years=2030- (years present: 2012, 2014, 2020, 2022)"),
    ("types=misc years=2020-", "no publications match types=misc years=2020- (types present: article, inproceedings, misc; "
                               "years present: 2012, 2014, 2020, 2022)"),
    ("types=misc selected=true", "no publications match types=misc selected=true (types present: article, inproceedings, misc)"),
])
def test_filters_that_match_nothing_warn_at_the_macro_line(tmp_path, options: str, message: str):
    assert checked(tmp_path, f"::: {{.publications {options}}}\n:::") == [f"cv.md:8: warning: {message}"]


def test_filters_that_match_something_say_nothing(tmp_path):
    assert checked(tmp_path, "::: {.publications types=misc years=2012-2014}\n:::") == []


def test_scholar_stats_in_a_heading(cv_dir):
    markdown = "# Publications []{.scholar-stats}\n\nText with [a span]{.smallcaps} stays.\n"
    soup = BeautifulSoup(cv_dir(META, markdown, "html"), "lxml")
    heading = soup.find(["h1", "h2"])
    assert normalize(heading.get_text()) == "Publications [Google Scholar: 6k+ citations and an h-index of 31]"
    assert heading.find("a")["href"] == "https://scholar.example/b"
    assert soup.select_one("span.smallcaps")


def test_unknown_inline_macro_option_is_an_error_with_its_line(cv_dir):
    with pytest.raises(CvError, match="unknown option 'lable'") as caught:
        cv_dir(META, "Intro.\n\n# Publications []{.scholar-stats lable=x}\n", "html")
    assert caught.value.problems[0].location.line == 3


@pytest.mark.parametrize("before, span, line", [("", "[]{.scholar-stat}", 3), ("More.\n\n", "[]{#stats .scholar-stat}", 5)])
def test_an_empty_span_with_an_unknown_class_is_a_misspelt_macro(cv_dir, before: str, span: str, line: int):
    markdown = f"Intro with [words]{{.smallcaps}} and []{{#anchor}}.\n\n{before}# Publications {span}\n"
    with pytest.raises(CvError) as caught:
        cv_dir(META, markdown, "html")
    assert [str(p) for p in caught.value.problems] == [
        f"cv.md:{line}: error: unknown inline macro .scholar-stat (did you mean .scholar-stats?)"]


def test_an_entry_without_a_title_shows_its_key_there_with_its_links_after_it(cv_dir, tmp_path):
    bib = "@misc{notitle, author={Amos, Brandon}, year={2021}, _venue={Workshop}, codeurl={https://code.example/x}}"
    soup = page(cv_dir, "::: {.publications legend=false}\n:::", bib)
    div = soup.select_one("div.cv-pub.cv-untitled")
    assert normalize(div.select_one(".cv-pub-title").get_text()) == "notitle (untitled)"
    assert normalize(div.get_text(" ")).startswith("notitle (untitled) [code] Brandon Amos")
    assert div.select_one(".cv-pub-title").find_next_sibling("span")["class"] == ["cv-pub-link"]
    german = cv_dir(META, "---\nlang: de\ncvfilter:\n  bibliography: refs.bib\n---\n\n::: publications\n:::\n", "plain", refs__bib=bib)
    assert "notitle (ohne Titel) [code]" in normalize(german)


@pytest.mark.parametrize("body, bib", [
    ("::: {.publications selected=true}\n:::", SMALL),
    ("::: publications\n:::", SMALL.replace("year={2020},", "year={2020}, selected={true},")
     .replace("_venue={CMU}}", "_venue={CMU}, selected={true}}")),
])
def test_a_list_where_every_entry_is_selected_highlights_none_and_has_no_legend(cv_dir, body: str, bib: str):
    soup = page(cv_dir, body, bib)
    assert entries(soup) and not soup.select(".cv-selected") and not soup.select(".cv-legend")
