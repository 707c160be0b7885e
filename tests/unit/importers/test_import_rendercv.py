"""RenderCV's Markdown becomes plain text in metadata.yaml and the .bib; links find a home or a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.reader import parse_bibliography
from cvfilter.errors import Diagnostics
from cvfilter.importers import import_cv, markdown_text
from cvfilter.importers.markdown_text import PlainText, plain_texts


@pytest.mark.parametrize(("written", "plain"), [
    ("**Fast** and *x*", PlainText("Fast and x")),
    ("***Kenji Watanabe***", PlainText("Kenji Watanabe")),
    ("__bold__ _it_ snake_case_name", PlainText("bold it snake_case_name")),
    ("`code *x*` 5 * 3 = 15", PlainText("code *x* 5 * 3 = 15")),
    (r"a \*literal\* star", PlainText("a *literal* star")),
    ("see [the paper](https://p.example) or <https://q.example>",
     PlainText("see the paper or https://q.example", [("the paper", "https://p.example")])),
    ("[**Bold link**](https://x.example)", PlainText("Bold link", [("Bold link", "https://x.example")])),
    ("![logo](logo.png) text", PlainText("logo text", lost=["the image logo.png"])),
    ("one\ntwo\n\nthree", PlainText("one two\n\nthree")),
    # What RenderCV does not read as Markdown stays as typed.
    ("1984. Big Brother", PlainText("1984. Big Brother")),
    ("# 1 in sales", PlainText("# 1 in sales")),
    ("- dash\n* star\n> quote\n***", PlainText("- dash * star > quote ***")),
    ("[1]: not a reference", PlainText("[1]: not a reference")),
    ('a -- b "q" it\'s ... x^2^ H~2~O $x$ <b>hi</b> @key ~~no~~', PlainText('a -- b "q" it\'s ... x^2^ H~2~O $x$ <b>hi</b> @key ~~no~~')),
    ("Title\n===", PlainText("Title ===")),
    ("    indented", PlainText("indented")),
])
def test_markdown_becomes_plain_text(written, plain):
    assert plain_texts([written], "cv.yaml") == [plain]


def test_many_values_are_read_at_once_each_on_its_own():
    values = ["**a**", "[b](https://b.example)", "", "1. c", "d\n\ne"]
    assert plain_texts(values, "cv.yaml") == [plain_texts([v], "cv.yaml")[0] for v in values]


def test_a_value_that_runs_into_its_neighbour_is_read_alone(monkeypatch):
    monkeypatch.setattr(markdown_text.secrets, "token_hex", lambda size: "x")
    values = ["*a*", "b\n\ncvfilterfieldx\n\nc", "**d**"]
    assert [p.text for p in plain_texts(values, "cv.yaml")] == ["a", "b\n\ncvfilterfieldx\n\nc", "d"]


# Text with no inline markup (no * _ ` [ ] < > \ ! &), but with what pandoc would read as a block.
WORDS = st.text(st.sampled_from(list("abcXYZ019 .,;:()'\"/?{}^$@%#>|=~+-\né")), max_size=40)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4))
@example(["1984. x\n2) y\n- z\n+ w\n# h\n> q\n| t |\n: d\n% title\n=\n---"])
def test_text_without_markup_comes_back_as_typed(values):
    assert [" ".join(p.text.split()) for p in plain_texts(values, "cv.yaml")] == [" ".join(v.split()) for v in values]


RENDERCV = """\
cv:
  name: Ada Lovelace
  sections:
    experience:
      - company: "[Analytical Engines](https://engines.example)"
        position: "**Lead** analyst"
        start_date: 2020-01
        highlights:
          - "**Fast** notes on *Bernoulli* numbers"
          - "See [the notes](https://notes.example)"
    projects:
      - name: "[Engine](https://engine.example)"
        url: https://elsewhere.example
        summary: "A `loom` driver"
    publications:
      - title: "Notes on the *Engine*"
        authors: ["***Ada Lovelace***", "Charles Babbage"]
        journal: "Proceedings of the *Royal Society*"
        date: 1843
        summary: "**Best** paper"
      - title: A Sketch
        authors: [Ada Lovelace]
        journal: Scientific Memoirs
        date: 1842-10
    skills:
      - label: "**Languages**"
        details: "[Python](https://python.example), C"
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rendercv")
    (folder / "cv.yaml").write_text(RENDERCV, encoding="utf-8")
    _written, warnings = import_cv(folder / "cv.yaml", folder / "out")
    metadata = yaml.safe_load((folder / "out" / "metadata.yaml").read_text(encoding="utf-8"))
    diagnostics = Diagnostics()
    bib = parse_bibliography((folder / "out" / "publications.bib").read_text(encoding="utf-8"), "publications.bib", diagnostics)
    assert not diagnostics.problems
    return metadata, bib.entries, [str(w) for w in warnings], folder / "out"


def test_entries_keep_the_words_without_the_markup(imported):
    metadata, _entries, _warnings, _out = imported
    work = metadata["collections"]["experience"][0]
    assert work["title"] == "Lead analyst"
    assert work["highlights"] == ["Fast notes on Bernoulli numbers", "See the notes"]
    assert metadata["projects"][0]["detail"] == "A loom driver"
    assert metadata["lines"]["skills"] == [{"label": "Languages", "text": "Python, C"}]


def test_a_link_that_is_the_whole_name_becomes_the_entry_link(imported):
    metadata, _entries, _warnings, _out = imported
    work = metadata["collections"]["experience"][0]
    assert (work["org"], work["org_url"]) == ("Analytical Engines", "https://engines.example")
    project = metadata["projects"][0]
    assert (project["title"], project["url"]) == ("Engine", "https://elsewhere.example")


def test_each_link_without_a_place_is_a_warning_at_its_line(imported):
    _metadata, _entries, warnings, _out = imported
    hint = " (metadata.yaml holds plain text; write the address out where readers need it)"
    assert warnings == [
        "cv.yaml:10:13: warning: cv.sections.experience[0].highlights[1]: the link to https://notes.example was not kept, "
        "only its text 'the notes'" + hint,
        "cv.yaml:12:15: warning: cv.sections.projects[0].name: the link to https://engine.example was not kept, "
        "only its text 'Engine'" + hint,
        "cv.yaml:27:18: warning: cv.sections.skills[0].details: the link to https://python.example was not kept, "
        "only its text 'Python'" + hint,
    ]


def test_publications_use_the_standard_venue_fields_as_plain_text(imported):
    _metadata, entries, _warnings, out = imported
    notes, sketch = entries["notes1843"], entries["sketch1842"]
    assert (notes.type, notes.fields["booktitle"], notes.fields["title"]) == ("inproceedings", "Proceedings of the Royal Society", "Notes on the Engine")
    assert [a.full for a in notes.authors.authors] == ["Ada Lovelace", "Charles Babbage"]
    assert notes.fields["_note"] == "Best paper"
    assert (sketch.type, sketch.fields["journal"]) == ("article", "Scientific Memoirs")
    assert "_venue" not in Path(out / "publications.bib").read_text(encoding="utf-8")
