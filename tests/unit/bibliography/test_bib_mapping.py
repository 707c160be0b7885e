"""BibTeX and biblatex fields to CSL-JSON, one test per rule of mapping.py (after pandoc's reader)."""

from __future__ import annotations

import re

import pytest

from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.errors import Diagnostics
from tests.unit.bibliography.citing import entries, item, render


def test_journaltitle_is_the_container_of_an_article():
    csl = item("@article{k, author={A, B}, title={T}, journaltitle={Journal of Things}, date={2001}}")
    assert csl["container-title"] == "Journal of Things"


def test_subtitle_and_titleaddon_join_the_title_as_pandoc_joins_them():
    csl = item("@book{k, author={A, B}, title={Main Title}, subtitle={A Subtitle}, titleaddon={An Addon}, year={2001}}")
    assert "Main title: A subtitle. An addon" in csl["title"]
    asked = item("@book{k, author={A, B}, title={Why?}, subtitle={Because}, year={2001}}")
    assert "Why? Because" in asked["title"], "no colon after a title that ends in its own mark"


@pytest.mark.parametrize("fields, parts", [
    ("date={2004-10-27}", [[2004, 10, 27]]),
    ("date={1998/2000}", [[1998], [2000]]),
    ("year={2020}, month=jun", [[2020, 6]]),
    ("year={2020}, month={May}", [[2020, 5]]),
    ("year={2020}, month={June}", [[2020, 6]]),
    ("year={2020}, month=sep, day={3}", [[2020, 9, 3]]),
])
def test_dates_keep_day_and_month_from_date_or_from_month_macros(fields: str, parts: list):
    assert item(f"@article{{k, author={{A, B}}, title={{T}}, journal={{J}}, {fields}}}")["issued"] == {"date-parts": parts}


def test_origdate_urldate_and_eventdate_are_dates_of_their_own():
    csl = item("@inproceedings{k, author={A, B}, title={T}, booktitle={B}, date={2001}, origdate={1900},"
               " urldate={2020-01-02}, eventdate={2000-12-01}}")
    assert csl["original-date"] == {"date-parts": [[1900]]}
    assert csl["accessed"] == {"date-parts": [[2020, 1, 2]]}
    assert csl["event-date"] == {"date-parts": [[2000, 12, 1]]}


def test_translator_and_bookauthor_are_names_of_their_own():
    csl = item("@inbook{k, author={A, B}, bookauthor={Cee, Dee}, translator={Ess, Tee and Vee, Wu}, title={T},"
               " booktitle={B}, year={2001}}")
    assert [n["family"] for n in csl["translator"]] == ["Ess", "Vee"]
    assert csl["container-author"][0]["family"] == "Cee"
    assert "(T. Ess & W. Vee, Trans.)" in render_item_text(csl)


def render_item_text(csl: dict) -> str:
    from tests.unit.bibliography.citing import render_item

    return render_item(csl)


def test_an_arxiv_eprint_is_a_link_and_archiveprefix_is_its_alias():
    for fields in ("eprint={1234.5678}, eprinttype={arxiv}", "eprint={1234.5678}, archiveprefix={arXiv}"):
        csl = item(f"@online{{k, author={{A, B}}, title={{T}}, date={{2001}}, {fields}}}")
        assert "https://arxiv.org/abs/1234.5678" in csl["URL"]


def test_location_is_the_place_and_a_patent_location_its_jurisdiction():
    assert item("@book{k, author={A, B}, title={T}, year={2001}, location={Berlin and London}}")["publisher-place"] == "Berlin; London"
    patent = item("@patent{k, author={A, B}, title={T}, year={2001}, location={countryfr and countryuk}, number={1}}")
    assert patent["type"] == "patent" and patent["jurisdiction"] == "France; United Kingdom"
    assert "publisher-place" not in patent


def test_a_braced_and_in_a_publisher_is_a_word():
    csl = item("@book{k, author={A, B}, title={T}, year={2001}, publisher={Smithers {and} Company}}")
    assert csl["publisher"] == "Smithers and Company"


@pytest.mark.parametrize("kind, extra, csl_type, genre", [
    ("patent", "", "patent", None),
    ("phdthesis", "school={MIT}", "thesis", "PhD thesis"),
    ("mastersthesis", "school={MIT}", "thesis", "Master’s thesis"),
    ("thesis", "type={phdthesis}", "thesis", "PhD thesis"),
    ("techreport", "institution={MIT}", "report", None),
    ("report", "type={techreport}", "report", "technical report"),
    ("online", "", "webpage", None),
    ("misc", "", "", None),
    ("collection", "", "book", None),
    ("unpublished", "venue={Somewhere}", "speech", None),
    ("article", "entrysubtype={magazine}", "article-magazine", None),
])
def test_entry_types_map_as_pandoc_maps_them(kind: str, extra: str, csl_type: str, genre: str | None):
    csl = item(f"@{kind}{{k, author={{A, B}}, title={{T}}, year={{2001}}, {extra}}}")
    assert csl["type"] == csl_type
    assert csl.get("genre") == genre


def test_a_type_is_shown_mapped_never_raw():
    assert "Patentus" not in render("@patent{k, author={A, B}, title={T}, year={2001}, type={patentus}, number={7}}")


def test_number_on_a_book_is_its_number_in_the_series_on_an_article_its_issue():
    book = item("@book{k, author={A, B}, title={T}, year={2001}, series={Lecture Notes}, number={3}}")
    assert book["collection-number"] == "3" and "issue" not in book
    article = item("@article{k, author={A, B}, title={T}, year={2001}, journal={J}, number={3}}")
    assert article["issue"] == "3"
    report = item("@report{k, author={A, B}, title={T}, year={2001}, number={TR-7}}")
    assert report["number"] == "TR-7"


def test_an_editor_standing_in_for_the_author_is_printed_once():
    text = render("@book{k, editor={Westfahl, Gary}, title={Space and Beyond}, year={2000}, publisher={Greenwood}}")
    assert text == "Westfahl, G. (Ed.). (2000). Space and beyond. Greenwood."


def test_crossref_inherits_with_biblatex_names_and_the_child_wins():
    bib = ("@inproceedings{child, author={A, B}, title={Paper}, crossref={proc}, pages={1--2}}\n"
           "@proceedings{proc, editor={Ed, Itor}, title={The Proceedings}, year={2001}, publisher={P}, pages={9}}\n")
    child = entries(bib)["child"]
    assert child.fields["booktitle"] == "The Proceedings"
    assert child.fields["year"] == "2001" and child.fields["pages"] == "1–2"
    assert child.editors.authors[0].family == "Ed"
    assert item(bib, "child")["container-title"] == "The proceedings"


def test_xdata_inherits_field_names_unchanged():
    bib = "@xdata{pub, publisher={Springer}, location={Berlin}}\n@book{k, author={A, B}, title={T}, year={2001}, xdata={pub}}\n"
    csl = item(bib, "k")
    assert csl["publisher"] == "Springer" and csl["publisher-place"] == "Berlin"


def test_a_crossref_to_nothing_is_a_warning_at_the_entry():
    diagnostics = Diagnostics()
    parse_bibliography("@inbook{k, author={A, B}, title={T}, year={2001}, crossref={nope}}\n", "refs.bib", diagnostics)
    assert any("crossref 'nope' of 'k' names no entry" in str(p) for p in diagnostics.problems)


def test_string_macros_and_concatenation():
    bib = '@string{jams = {J. Amer. Math. Soc.}}\n@article{k, author={A, B}, title={T}, year={2001}, journal=jams # " (Series " # {B} # ")"}\n'
    assert item(bib, "k")["container-title"] == "J. Amer. Math. Soc. (Series B)"


def test_a_field_csl_cannot_hold_is_warned_once_per_kind_with_its_line():
    diagnostics = Diagnostics()
    bib = ("@book{a, author={A, B}, title={T}, year={2001},\n  pagination={verse}}\n"
           "@book{b, author={A, B}, title={T}, year={2002},\n  pagination={verse}}\n")
    parse_bibliography(bib, "refs.bib", diagnostics)
    found = [str(p) for p in diagnostics.problems if "pagination" in str(p)]
    assert len(found) == 1 and found[0].startswith("refs.bib:2:") and "'a'" in found[0]


def test_latex_logos_quotes_and_hyphen_are_text():
    csl = item(r"@book{k, author={A, B}, title={The \TeX book and \LaTeX\ with \mkbibquote{quoted} x\hyphen y}, year={2001}}")
    title = re.sub(r"<[^>]+>", "", csl["title"])
    assert "The TeX book and LaTeX with “quoted” x-y" in title


def test_math_in_a_title_is_a_math_element_never_dollars():
    import panflute as pf

    from cvfilter.bibliography.render import render_reference, resolve_style, to_inlines, item_json
    from cvfilter.errors import Location
    from tests.conftest import ROOT

    csl = item(r"@article{k, author={A, B}, title={An Image is Worth $16\times 16$ Words}, journal={J}, year={2021}}")
    marked = render_reference(item_json(csl), resolve_style("chicago-author-date", ROOT, Location("t")), "en-US")
    inlines = to_inlines(marked, csl)
    maths = []
    pf.Plain(*inlines).walk(lambda e, d: maths.append(e.text) if isinstance(e, pf.Math) else None)
    assert maths == [r"16\times 16"]
    assert "$" not in pf.stringify(pf.Plain(*inlines))


def test_apostrophes_are_typographic_as_pandoc_prints_them():
    csl = item("@article{k, author={O'Connor, Brendan}, title={Jake's Style}, journal={J}, year={2001}}")
    assert csl["author"][0]["family"] == "O’Connor" and "Jake’s style" in csl["title"]


def test_particles_drop_as_biblatex_does_by_default():
    assert render("@book{k, author={von Brandt, Ahasver}, title={T}, year={2001}}").startswith("Brandt, A. von")


def test_a_non_english_entry_keeps_its_title_case():
    csl = item("@book{k, author={A, B}, title={Über Die Theorie}, langid={german}, year={2001}}")
    assert "Über Die Theorie" in csl["title"] and csl["language"] == "de-DE"


def test_only_lower_case_words_before_the_family_name_are_a_particle_as_in_biblatex():
    csl = item("@book{k, author={Ram{\\'o}n y Cajal, Santiago and de la Fuente, Juan}, title={T}, year={1894}}")
    assert csl["author"][0] == {"family": "Ramón y Cajal", "given": "Santiago"}
    assert csl["author"][1]["family"] == "Fuente" and csl["author"][1]["dropping-particle"] == "de la"


def test_a_braced_capital_is_protected_in_sentence_case_only():
    from tests.unit.bibliography.citing import render_item

    csl = item("@article{k, author={Liu, Z.}, title={A Conv{N}et for the 2020s on {iPhone}}, journal={J}, year={2022}}")
    assert render_item(csl, "apa").startswith("Liu, Z. (2022). A convNet for the 2020s on iPhone.")
    assert "“A ConvNet for the 2020s on iPhone.”" in render_item(csl, "chicago-author-date")


def test_a_crossref_child_is_warned_only_for_what_its_parent_lacks_too():
    diagnostics = Diagnostics()
    bib = ("@inproceedings{child, author={A, B}, title={Paper}, crossref={proc}}\n"
           "@proceedings{proc, title={The Proceedings}, year={2001}}\n"
           "@inbook{orphan, title={T}, crossref={proc}}\n")
    parse_bibliography(bib, "refs.bib", diagnostics)
    found = [str(p) for p in diagnostics.problems]
    assert not any("'child'" in m for m in found)
    assert any("'orphan' has no author" in m for m in found)


def test_initials_written_together_are_read_apart():
    csl = item("@book{k, author={Rose, H.E. and J.C. Shepherdson}, title={T}, year={1973}}")
    assert [n["given"] for n in csl["author"]] == ["H. E.", "J. C."]
