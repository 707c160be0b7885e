"""Imported publications written as BibTeX read back through the bibliography reader unchanged."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.errors import Diagnostics
from cvfilter.importers.bibtex import BibRecord, author_list, cite_key, write_bibtex

# Printable text with the characters BibTeX and LaTeX treat specially, NFC with spaces folded as the reader gives it.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Zl", "Zp"),
                             include_characters="{}\\%&$#_~^-@,\"'"), min_size=1, max_size=40).map(
    lambda s: " ".join(unicodedata.normalize("NFC", s).split())).filter(bool)


def read_back(fields: dict[str, str]):
    diagnostics = Diagnostics()
    bib = parse_bibliography(write_bibtex([BibRecord("k", "misc", fields)]), "x.bib", diagnostics)
    return bib.entries["k"], diagnostics


@settings(max_examples=150, deadline=None)
@given(title=TEXT, note=TEXT)
@example(title="}#", note="''&")  # a brace before a bib operator; a TeX quote ligature
@example(title="Fast -- and --- slow", note="``quoted'' !` ?` \\LaTeX{} 50% $5")
def test_titles_and_notes_round_trip(title, note):
    entry, diagnostics = read_back({"title": title, "author": "Ada Lovelace", "_note": note, "year": "2020"})
    assert entry.fields["title"] == title
    assert entry.fields["_note"] == note
    assert not diagnostics.problems


def test_authors_with_commas_or_and_stay_one_person():
    entry, _ = read_back({"title": "T", "author": author_list(["Jane Doe", "Smith, Jr., John", "Barnes and Noble"])})
    assert [a.full for a in entry.authors.authors] == ["Jane Doe", "Smith, Jr., John", "Barnes and Noble"]


def test_cite_keys_are_unique_and_readable():
    taken: set[str] = set()
    keys = [cite_key("Learning to Regrasp", "2023", taken) for _ in range(3)]
    assert keys == ["learning2023", "learning2023b", "learning2023c"]
