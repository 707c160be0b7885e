"""Nothing in a .bib is dropped silently: \\input is warned of, \\verb and verbatim keep their text,
@string joins with #, a NUL byte is an error at its line, and invisible characters in the owner's
name do not lose the bold."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.cli import main
from cvfilter.errors import Diagnostics

from .conftest import refused
from .test_caches import CV


def _parsed(text: str):
    found = Diagnostics()
    return parse_bibliography(text, "publications.bib", found), [str(p) for p in found.problems]


def test_input_and_include_are_warned_of_at_their_line() -> None:
    bib, problems = _parsed("@article{k,\n  title={T},\n  note={See \\input{chapter} and \\include{b}},\n  year={2000},\n}\n")
    assert bib.entries["k"].fields["note"] == "See and"
    assert "publications.bib:3: warning: \\include in field 'note' of 'k' would read another file" in problems[0]
    assert any("\\input in field 'note'" in p for p in problems)


@pytest.mark.parametrize(("value", "text"), [
    ("\\verb|x_y|", "x_y"), ("\\verb+a\\b{c}+", "a\\b{c}"), ("\\begin{verbatim}a  b\\end{verbatim}", "a b"),
])
def test_verbatim_text_is_kept(value: str, text: str) -> None:
    bib, problems = _parsed(f"@article{{k,\n  title={{T}},\n  author={{A, B}},\n  note={{Code {value} here}},\n  year={{2000}},\n}}\n")
    assert bib.entries["k"].fields["note"] == f"Code {text} here"
    assert problems == []


def test_a_string_may_join_earlier_strings() -> None:
    bib, problems = _parsed('@string{conf = "Conference on"}\n@string{icml = conf # " Machine Learning"}\n'
                            "@inproceedings{k,\n  title={T},\n  author={A, B},\n  booktitle=icml # { (ICML)},\n  year={2000},\n}\n")
    assert bib.entries["k"].fields["booktitle"] == "Conference on Machine Learning (ICML)"
    assert problems == []


def test_a_nul_byte_is_an_error_at_its_line(small_cv: Path, capsys) -> None:
    (small_cv / "cv.md").write_text(CV, encoding="utf-8")
    (small_cv / "publications.bib").write_bytes(b"@article{k,\n  title={T},\n  year={20\x0000},\n}\n")
    assert "NUL" in refused(["check"], capsys, "publications.bib:3")


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_in_the_owners_name_keep_the_bold(small_cv: Path, capsys, invisible: str) -> None:
    (small_cv / "cv.md").write_text(CV, encoding="utf-8")
    (small_cv / "publications.bib").write_text(
        f"@article{{k,\n  title={{T}},\n  author={{Love{invisible}lace, Ada and Babbage, Charles}},\n  journal={{J}},\n  year={{1843}},\n}}\n",
        encoding="utf-8")
    assert main(["build", "--to", "html"]) == 0, capsys.readouterr().err
    html = (small_cv / "build" / "cv.html").read_text(encoding="utf-8")
    assert html.count('class="cv-owner"') == 1
