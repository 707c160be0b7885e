"""The parsed .bib kept on disk gives back exactly what a parse gives, warnings included, and never
serves a file that changed, a cache that is corrupt or one written by another reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cvfilter import cache as cache_module
from cvfilter.bibliography import reader, stored
from cvfilter.bibliography.reader import Bibliography, read_bibliography
from cvfilter.errors import Diagnostics, Problem
from tests.conftest import ROOT, cache_text, write_cache_text

# Seed defects (a doubled @, a field given twice, an unbraced word, no year) and a broken entry.
DEFECTS = """\
@@misc{doubled, title={{Doubled} at}, author={Ada Lovelace and others}, year={2020}}

@misc{twice, title={Twice}, author={Alan Turing and {The Team}},
  year={2020},
  year={2021}, note=oral}

@inproceedings{noyear, title={No {Year} here}, author={von Neumann, Jr, John}, editor={Grace Hopper}}

@misc{broken, title={Never closed, author={A B},
  year={2022},
}
"""


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Texts that reached the parser; each read starts as a new process would."""
    seen: list[str] = []
    parse = reader._parse_bibliography

    def counting(text: str, shown: str, diagnostics: Diagnostics) -> Bibliography:
        seen.append(text)
        return parse(text, shown, diagnostics)

    monkeypatch.setattr(reader, "_parse_bibliography", counting)
    monkeypatch.delenv(cache_module.CACHE_ENV, raising=False)
    monkeypatch.delenv(cache_module.DISABLE_ENV, raising=False)
    return seen


def build(path: Path, monkeypatch) -> tuple[Bibliography, list[Problem]]:
    """One build's read of the bibliography, in a fresh process."""
    monkeypatch.setattr(reader, "_PARSED", {})
    monkeypatch.setattr(cache_module, "_OPEN", {})
    diagnostics = Diagnostics()
    bibliography = read_bibliography(path, path.name, diagnostics, path.parent)
    return bibliography, diagnostics.problems


def cache_files(folder: Path) -> list[Path]:
    return sorted((folder / ".cache" / "cvfilter").glob("bibliography-*.json"))


@pytest.mark.parametrize("text", [DEFECTS, (ROOT / "publications.bib").read_text(encoding="utf-8")], ids=["defects", "example"])
def test_a_warm_read_gives_what_the_parse_gave_warnings_included(tmp_path: Path, monkeypatch, parses: list[str], text: str):
    path = tmp_path / "publications.bib"
    path.write_text(text, encoding="utf-8")
    cold, cold_problems = build(path, monkeypatch)
    warm, warm_problems = build(path, monkeypatch)
    assert len(parses) == 1
    assert list(warm.entries.items()) == list(cold.entries.items()) and warm.file == cold.file
    assert warm_problems == cold_problems != []
    assert any(p.severity == "warning" and p.location.line > 1 for p in warm_problems)


def test_the_defects_come_back_with_their_lines(tmp_path: Path, monkeypatch, parses: list[str]):
    path = tmp_path / "refs.bib"
    path.write_text(DEFECTS, encoding="utf-8")
    build(path, monkeypatch)
    warm, problems = build(path, monkeypatch)
    found = [str(p) for p in problems]
    assert any(m.startswith("refs.bib:1: warning: doubled '@'") for m in found)
    assert any(m.startswith("refs.bib:5: warning: field 'year' given twice in 'twice'") for m in found)
    assert any(m.startswith("refs.bib:5: warning: value 'oral' of field 'note'") for m in found)
    assert any(m.startswith("refs.bib:7: warning: entry 'noyear' has no year") for m in found)
    assert any(m.startswith("refs.bib:9: error: unbalanced braces in field 'title' of 'broken'") for m in found)
    assert warm.entries["doubled"].title_runs == (("Doubled", True), (" at", False))
    assert warm.entries["doubled"].authors.others
    assert warm.entries["twice"].authors.authors[1].literal == "The Team"
    noyear = warm.entries["noyear"]
    assert (noyear.authors.authors[0].particle, noyear.authors.authors[0].suffix) == ("von", "Jr")
    assert noyear.editors.authors[0].family == "Hopper" and noyear.location.line == 7


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],
    lambda text: "[]",
    lambda text: json.dumps({key: {**value, "entries": [{"key": 1}]} for key, value in json.loads(text).items()}),
    lambda text: json.dumps({key: {**value, "problems": [["x.bib", "one", 0, "m", "", "fatal"]]} for key, value in json.loads(text).items()}),
], ids=["truncated", "not-a-mapping", "bad-entry", "bad-problem"])
def test_a_corrupt_cache_is_parsed_again_and_rewritten(tmp_path: Path, monkeypatch, parses: list[str], damage):
    path = tmp_path / "publications.bib"
    path.write_text(DEFECTS, encoding="utf-8")
    cold, cold_problems = build(path, monkeypatch)
    [cached] = cache_files(tmp_path)
    write_cache_text(cached, damage(cache_text(cached)))
    again, problems = build(path, monkeypatch)
    assert len(parses) == 2
    assert list(again.entries.items()) == list(cold.entries.items()) and problems == cold_problems
    build(path, monkeypatch)
    assert len(parses) == 2  # rewritten: the next build reads it


def test_an_edited_bib_is_parsed_again_and_only_its_newest_parse_is_kept(tmp_path: Path, monkeypatch, parses: list[str]):
    path = tmp_path / "publications.bib"
    path.write_text(DEFECTS, encoding="utf-8")
    build(path, monkeypatch)
    path.write_text(DEFECTS.replace("{Twice}", "{Thrice}"), encoding="utf-8")
    edited, _ = build(path, monkeypatch)
    assert len(parses) == 2
    assert edited.entries["twice"].fields["title"] == "Thrice"
    [cached] = cache_files(tmp_path)
    assert len(json.loads(cache_text(cached))) == 1


def test_another_reader_version_does_not_read_the_stored_parse(tmp_path: Path, monkeypatch, parses: list[str]):
    path = tmp_path / "publications.bib"
    path.write_text(DEFECTS, encoding="utf-8")
    build(path, monkeypatch)
    monkeypatch.setattr(stored, "_reader_version", lambda: "a newer reader")
    build(path, monkeypatch)
    build(path, monkeypatch)
    assert len(parses) == 2
    [cached] = cache_files(tmp_path)
    assert len(json.loads(cache_text(cached))) == 1  # the old reader's parse is gone


def test_without_a_cache_folder_every_build_parses(tmp_path: Path, monkeypatch, parses: list[str]):
    monkeypatch.setenv(cache_module.DISABLE_ENV, "1")
    path = tmp_path / "publications.bib"
    path.write_text(DEFECTS, encoding="utf-8")
    first, first_problems = build(path, monkeypatch)
    second, second_problems = build(path, monkeypatch)
    assert len(parses) == 2 and second_problems == first_problems
    assert not (tmp_path / ".cache").exists()
