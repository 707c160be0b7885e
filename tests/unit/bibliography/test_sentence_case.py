"""Title Case to sentence case and back, as pandoc and citeproc do it (sentence_case.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.bibliography.sentence_case import sentence_case, to_title_case


def plain(runs) -> str:
    return "".join(text for text, _ in runs)


@pytest.mark.parametrize("title, expected", [
    ("Higher-Dimensional Algebra V: 2-Groups", "Higher-dimensional algebra v: 2-groups"),
    ("The Importance of Being Earnest: A Trivial Comedy", "The importance of being earnest: A trivial comedy"),
    ("Learning MPC Controllers with TensorFlow", "Learning MPC controllers with TensorFlow"),
    ("why tanh: choosing a sigmoidal function", "Why tanh: Choosing a sigmoidal function"),
    ("Hemingway’s Style and Jake’s Narration", "Hemingway’s style and jake’s narration"),
    ("Is It Complete? Yes", "Is it complete? Yes"),
])
def test_sentence_case_as_pandoc_reads_bibtex(title: str, expected: str):
    assert plain(sentence_case([(title, False)])) == expected


def test_braced_words_and_the_words_they_start_keep_their_case():
    runs = [("Higher-Dimensional Algebra ", False), ("V", True), (": 2-Groups of ", False), ("Bayesian", True), (" Nets", False)]
    assert plain(sentence_case(runs)) == "Higher-dimensional algebra V: 2-groups of Bayesian nets"


@pytest.mark.parametrize("title, expected", [
    ("the perils of using mechanical turk to evaluate open-ended text generation",
     "The Perils of Using Mechanical Turk to Evaluate Open-Ended Text Generation"),
    ("a view from the trenches: what to look at", "A View from the Trenches: What to Look At"),
    ("learning with iPhone and GPU data", "Learning with iPhone and GPU Data"),
])
def test_title_case_as_citeproc_makes_it(title: str, expected: str):
    assert plain(to_title_case([(title, False)])) == expected


_WORDS = st.text(alphabet=st.sampled_from("aAbBcZzÉé-: ?."), min_size=0, max_size=12)


@given(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=8))
def test_braced_runs_never_change(runs):
    for convert in (sentence_case, to_title_case):
        out = convert(runs)
        assert [text for text, protected in out if protected] == [text for text, protected in runs if protected]
        assert len(out) == len(runs)
        assert [text.casefold() for text, _ in out] == [text.casefold() for text, _ in runs], "only letter case changes"
