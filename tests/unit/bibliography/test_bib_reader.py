"""The tolerant BibTeX reader: every real defect of the seed's file gives a warning with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.reader import parse_bibliography, read_bibliography
from cvfilter.errors import CvError, Diagnostics
from tests.conftest import ROOT


def read(text: str) -> tuple[dict, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_bibliography(text, "refs.bib", diagnostics).entries, diagnostics


def messages(diagnostics: Diagnostics) -> list[str]:
    return [str(p) for p in diagnostics.problems]


def test_seed_file_reads_all_55_entries_with_one_warning_per_defect():
    diagnostics = Diagnostics()
    bib = read_bibliography(ROOT / "publications.bib", "publications.bib", diagnostics)
    assert len(bib) == 55
    found = messages(diagnostics)
    assert any(m.startswith("publications.bib:413:") and "doubled '@'" in m for m in found)
    assert any(m.startswith("publications.bib:255:") and "'selected'" in m and "pineda2022theseus" in m for m in found)
    assert any(m.startswith("publications.bib:450:") and "'year' given twice" in m and "fickinger2021scalable" in m for m in found)
    assert any(m.startswith("publications.bib:769:") and "lambert2020objective" in m for m in found)
    assert not diagnostics.errors
    entries = bib.entries
    assert entries["paulus2021comboptnet"].type == "inproceedings"
    assert [a.family for a in entries["paulus2021comboptnet"].authors.authors][1:3] == ["Rolínek", "Musil"]
    assert entries["pineda2022theseus"].selected
    assert not entries["benhamu2022matching"].selected
    assert entries["fickinger2021scalable"].year == 2021
    assert entries["turner2015bad"].fields["_venue"] == "IEEE Security & Privacy"
    assert entries["amos2021modelbased"].location.line == 342


def test_urls_are_not_read_as_latex():
    entries, _ = read("@misc{k, title={T}, author={A B}, year={2020}, url={https://x.org/~boyd/a%20b--c}}")
    assert entries["k"].fields["url"] == "https://x.org/~boyd/a%20b--c"


def test_unbraced_word_warns_but_numbers_and_strings_do_not():
    entries, diagnostics = read('@string{ICML = {Intl. Conf. on ML}}\n@misc{k, title={T}, author={A B}, year=2020, booktitle=ICML, month=mar, note=oral}')
    assert entries["k"].fields["booktitle"] == "Intl. Conf. on ML"
    assert entries["k"].fields["month"] == "3"
    found = messages(diagnostics)
    assert len(found) == 1 and "'oral'" in found[0] and found[0].startswith("refs.bib:2:")


def test_incomplete_entries_are_warned_with_key_and_line_but_kept():
    entries, diagnostics = read("@misc{first, title={T}, author={A B}, year={2020}}\n\n@misc{bare, author={A B}}\n")
    assert set(entries) == {"first", "bare"}
    found = messages(diagnostics)
    assert any(m.startswith("refs.bib:3:") and "'bare' has no title" in m for m in found)
    assert any(m.startswith("refs.bib:3:") and "'bare' has no year" in m for m in found)


def test_a_year_without_four_digits_is_warned_at_its_own_line():
    entries, diagnostics = read("@misc{odd,\n  title={T},\n  author={A B},\n  year={20x3},\n}\n")
    assert entries["odd"].year is None
    assert messages(diagnostics) == [
        "refs.bib:4: warning: year '20x3' of 'odd' has no four-digit year; it is listed without a year "
        "(write the year as four digits, e.g. year={2023})"
    ]


def test_an_unknown_latex_command_is_warned_at_its_field_not_dropped_silently():
    text = ("@misc{k,\n  title={A \\foo{Macro} title about \\LaTeX, \\textit{in vivo} and Sch\\\"{o}n},\n"
            "  author={A B},\n  year={2020},\n  url={https://example.org/\\foo},\n}\n")
    entries, diagnostics = read(text)
    assert "".join(run for run, _ in entries["k"].title_runs) == "A Macro title about LaTeX, in vivo and Schön"
    assert [m.split(" is dropped")[0] for m in messages(diagnostics)] == [
        "refs.bib:2: warning: unknown LaTeX command \\foo in field 'title' of 'k'",
    ], "\\LaTeX is its logo's text, as pandoc prints it"


def test_duplicate_keys_warn_and_keep_the_first():
    entries, diagnostics = read("@misc{k, title={One}, author={A B}, year={2020}}\n@misc{k, title={Two}, author={A B}, year={2021}}\n")
    assert entries["k"].fields["title"] == "One"
    assert any(m.startswith("refs.bib:2:") and "duplicate key 'k'" in m and "line 1" in m for m in messages(diagnostics))


def test_unbalanced_braces_are_an_error_naming_line_and_key():
    _, diagnostics = read("@misc{good, title={T}, author={A B}, year={2020}}\n\n@misc{broken, title={T, author={A B}, year={2020}\n\n@misc{next, title={N}, author={A B}, year={2021}}\n")
    errors = [str(p) for p in diagnostics.errors]
    assert errors and "refs.bib:3:" in errors[0] and "'broken'" in errors[0]


def test_missing_file_is_an_error(tmp_path: Path):
    with pytest.raises(CvError, match="nope.bib not found"):
        read_bibliography(tmp_path / "nope.bib", "nope.bib", Diagnostics())


def test_title_brace_groups_are_kept_as_protected_runs():
    entries, _ = read("@misc{k, title={{{Whole Title}}}, author={A B}, year={2020}}\n@misc{j, title={About {LaTeX} and {\\'e}t{\\'e}}, author={A B}, year={2020}}")
    assert entries["k"].title_runs == (("Whole Title", True),)
    assert ("LaTeX", True) in entries["j"].title_runs
    assert entries["j"].fields["title"] == "About LaTeX and été"


def test_a_brace_outside_any_entry_is_warned():
    entries, diagnostics = read("@misc{k, title={T}, author={A B}, year={2020}}\n}\n@misc{j, title={U}, author={A B}, year={2021}}\n")
    assert set(entries) == {"k", "j"}
    assert [str(p) for p in diagnostics.problems] == [
        "refs.bib:2: warning: brace outside any entry (an entry above may close too early; check its braces)"]


@pytest.mark.parametrize("entry, message", [
    ("@misc{first,\n  title={T},\n  author={Brandon Amos,\n  year={2023},\n}\n",
     "refs.bib:3: error: unbalanced braces in field 'author' of 'first' (close the { opened here)"),
    ("@misc{first,\n  title={A {Nested} title},\n  abstract={Two\n    lines = prose},\n  note=\"open,\n  year={2023},\n}\n",
     "refs.bib:5: error: unclosed quote in field 'note' of 'first' (close the \" opened here)"),
])
def test_a_broken_entry_is_one_error_at_the_field_at_fault(entry: str, message: str, capfd):
    _, diagnostics = read(entry + "\n@misc{next, title={N}, author={A B}, year={2021}}\n")
    assert [str(p) for p in diagnostics.errors] == [message]
    assert capfd.readouterr().err == ""


def test_a_broken_bib_is_reported_with_broken_data_in_one_check(tmp_path: Path, monkeypatch):
    from cvfilter.check import check

    monkeypatch.chdir(tmp_path)
    (tmp_path / "metadata.yaml").write_text("name: Ada\nwebsite: [\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@misc{first,\n  title={T},\n  author={Ada,\n  year={2023},\n}\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ncvfilter:\n  bibliography: refs.bib\n---\n\n::: publications\n:::\n", encoding="utf-8")
    found = [str(p) for p in check(tmp_path / "cv.md")]
    assert any(m.startswith("metadata.yaml:") for m in found)
    assert "refs.bib:3: error: unbalanced braces in field 'author' of 'first' (close the { opened here)" in found


def test_an_unchanged_file_is_parsed_once_and_its_warnings_are_reported_each_time():
    text = "@misc{a, title={One}, year={2020}, year={2021}}\n"
    first, second = Diagnostics(), Diagnostics()
    bib = parse_bibliography(text, "same.bib", first)
    again = parse_bibliography(text, "same.bib", second)
    assert again is bib
    assert [p.message for p in second.problems] == [p.message for p in first.problems] != []
    changed = parse_bibliography(text.replace("One", "Two"), "same.bib", Diagnostics())
    assert changed is not bib and changed.entries["a"].title_runs[0][0] == "Two"


@pytest.mark.parametrize(("title", "shown"), [
    ("Learning {MPC} controllers", "Learning MPC controllers"),
    ("The {L}ogic of {B}ayes", "The Logic of Bayes"),
    ("{A}~{B}", "A B"),
    ("Caf{\\'e} {\\'e}t{\\'e} talk", "Café été talk"),
    ("{OptNet}: Differentiable Optimization", "OptNet: Differentiable Optimization"),
    ("{{Whole Title Protected}}", "Whole Title Protected"),
    ("A study of \\textit{in vivo} methods with \\textbf{bold} claims", "A study of in vivo methods with bold claims"),
    ("Sch\\\"{o}nhage and Caf\\'{e} for Fran\\c{c}ois and Dvo\\v{r}\\'{a}k", "Schönhage and Café for François and Dvořák"),
])
def test_a_title_keeps_the_spaces_around_its_brace_groups(title: str, shown: str):
    entries, _ = read(f"@misc{{k, title={{{title}}}, author={{A B}}, year={{2020}}}}")
    assert "".join(text for text, _ in entries["k"].title_runs) == shown


def test_a_field_given_twice_on_one_line_is_reported_at_that_line_not_in_the_next_entry():
    _, diagnostics = read("@misc{a, title={T}, author={A B}, year={2020}, year={2021}}\n\n@misc{b, title={U}, author={C D},\n  year={2022}}\n")
    assert [str(p) for p in diagnostics.problems] == [
        "refs.bib:1: warning: field 'year' given twice in 'a'; the first value is kept (delete one of them)"]


def test_a_field_given_three_times_is_reported_at_the_second_and_third():
    _, diagnostics = read("@misc{a, title={T}, author={A B},\n  year={2020},\n  year={2021},\n  year={2022}}\n")
    assert [p.location.line for p in diagnostics.problems] == [3, 4]


@pytest.mark.parametrize(("entry", "fields", "lines"), [
    ("@misc{a,\n  title = {X}\n  year = {2020},\n  author = {A B},\n}\n", {"title": "X", "year": "2020"}, [2]),
    ('@misc{a,\n  title = "X, {"}b"\n  year = 2020\n  author = {A B}\n}\n', {"title": 'X, "b', "year": "2020"}, [2, 3]),
    ("@misc{a,\n  title = {X, a long\n    title} year = {2020} author = {A B},\n}\n", {"title": "X, a long title", "year": "2020"}, [3, 3]),
    ("@misc{a,\n  title =\n    {X}\n  year = {2020},\n  author = {A B},\n}\n", {"title": "X", "year": "2020"}, [3]),
    ('@misc{a,\n  title = {X},\n  journal = "J" # " of" # " Y"\n  year = {2020},\n  author = {A B},\n}\n', {"title": "X", "journal": "J of Y", "year": "2020"}, [3]),
])
def test_a_missing_comma_between_fields_is_warned_where_it_belongs_and_both_fields_are_read(entry, fields, lines):
    entries, diagnostics = read(entry)
    assert entries["a"].fields == fields
    assert [a.family for a in entries["a"].authors.authors] == ["B"]
    assert [p.location.line for p in diagnostics.problems] == lines
    assert all(p.severity == "warning" and p.message.startswith("missing comma after field") for p in diagnostics.problems)


def test_a_missing_comma_names_both_fields_and_says_where_to_add_it():
    _, diagnostics = read("@misc{a,\n  title = {X}\n  year = {2020},\n  author = {A B},\n}\n")
    assert [str(p) for p in diagnostics.problems] == [
        "refs.bib:2: warning: missing comma after field 'title' of 'a'; 'year' is read as a field of its own "
        "(add a comma after the title field)"]


def test_an_equals_sign_inside_a_value_is_not_a_missing_comma():
    entries, diagnostics = read('@misc{a,\n  title = {Two\n    lines = prose},\n  note = "x = y",\n  author = {A B}, year = 2020,\n}\n')
    assert entries["a"].fields["title"] == "Two lines = prose"
    assert entries["a"].fields["note"] == "x = y"
    assert diagnostics.problems == []


def test_a_missing_comma_before_a_broken_field_does_not_hide_where_the_entry_breaks():
    _, diagnostics = read("@misc{a,\n  title = {X}\n  year = {2020},\n  journal = {Sketch of {the engine},\n"
                          "  author = {A B},\n}\n\n@misc{b, title={N}, author={A B}, year={2021}}\n")
    assert [str(p) for p in diagnostics.errors] == [
        "refs.bib:4: error: unbalanced braces in field 'journal' of 'a' (close the { opened here)"]


_VALUE_TEXT = st.text(alphabet="abcXYZ 019=,:.\"\n", min_size=1, max_size=12).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(_VALUE_TEXT, min_size=2, max_size=4), st.data())
def test_dropping_commas_reads_as_the_file_with_them_plus_one_warning_each(values: list[str], data) -> None:
    names = ["title", "journal", "note", "publisher"][:len(values)]
    dropped = data.draw(st.lists(st.booleans(), min_size=len(values) - 1, max_size=len(values) - 1))
    rows = [f"  {name} = {{{value}}}" for name, value in zip(names, values)]
    whole = "@misc{a,\n" + ",\n".join(rows) + ",\n  author = {A B}, year = 2020\n}\n"
    broken = "@misc{a,\n" + "".join(row + ("\n" if drop else ",\n") for row, drop in zip(rows, dropped)) + rows[-1] + ",\n  author = {A B}, year = 2020\n}\n"
    clean, found = Diagnostics(), Diagnostics()
    expected = parse_bibliography(whole, "whole.bib", clean).entries
    entries = parse_bibliography(broken, "broken.bib", found).entries
    assert entries["a"].fields == expected["a"].fields
    assert clean.problems == []
    ends = [2 + sum(row.count("\n") + 1 for row in rows[:index + 1]) - 1 for index in range(len(rows))]
    assert [(p.location.line, p.message.split("'")[1]) for p in found.problems] == [
        (ends[index], names[index]) for index, drop in enumerate(dropped) if drop]
