"""Format edges join each run of words into one Str: the same text, far fewer elements for pandoc to read."""

from __future__ import annotations

from pathlib import Path

import panflute as pf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.filter import run
from cvfilter.formats.common import join_words

from tests.conftest import ROOT, markdown_to_doc


def shape(elem: pf.Element) -> list[str]:
    return [item.text if isinstance(item, pf.Str) else type(item).__name__ for item in elem.content]


def test_words_and_the_spaces_between_them_become_one_str():
    para = pf.Para(pf.Str("Amos,"), pf.Space(), pf.Str("B."), pf.Str("!"), pf.Space(), pf.Space(), pf.Str("x"))
    join_words(para)
    assert shape(para) == ["Amos, B.!  x"]


def test_spaces_next_to_other_elements_stay_where_edges_look_for_them():
    date = pf.Span(pf.Str("2019"), classes=["cv-date"])
    para = pf.Para(pf.Space(), pf.Str("a"), pf.Space(), pf.Str("b"), pf.Space(), date, pf.Space(), pf.Str("c"), pf.LineBreak(), pf.Str("d"))
    join_words(para)
    assert shape(para) == ["Space", "a b", "Space", "Span", "Space", "c", "LineBreak", "d"]
    assert para.content[3] is date


def test_a_shared_str_is_not_changed_in_place():
    word = pf.Str("a")
    para = pf.Para(word, pf.Space(), pf.Str("b"))
    join_words(para)
    assert word.text == "a" and shape(para) == ["a b"]


INLINES = st.lists(st.one_of(
    st.builds(pf.Str, st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc")), min_size=1, max_size=4)),
    st.builds(pf.Space),
    st.builds(pf.LineBreak),
    st.builds(lambda: pf.Emph(pf.Str("e"))),
), max_size=12)


@given(INLINES)
def test_the_text_is_the_same_and_no_run_is_left(inlines: list[pf.Inline]):
    para = pf.Para(*inlines)
    before = pf.stringify(para)
    join_words(para)
    assert pf.stringify(para) == before
    kinds = "".join({pf.Str: "w", pf.Space: " "}.get(type(item), "x") for item in para.content)
    assert "ww" not in kinds and not any(run.strip(" ").count("w") > 1 for run in kinds.split("x"))


@pytest.mark.parametrize("fmt", ["html", "docx", "typst"])
def test_the_example_reaches_the_writers_with_its_words_joined(fmt: str, monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = run(markdown_to_doc((ROOT / "cv.md").read_text(encoding="utf-8")), fmt, base_dir=Path(ROOT))
    runs: list[str] = []

    words: list[str] = []

    def look(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, pf.Str):
            words.append(elem.text)
        elif isinstance(elem, (pf.Para, pf.Plain, pf.Span, pf.Link, pf.Header, pf.Emph, pf.Strong)):
            items = list(elem.content)
            runs.extend(pf.stringify(pf.Plain(a, b, c)) for a, b, c in zip(items, items[1:], items[2:])
                        if isinstance(a, pf.Str) and isinstance(b, pf.Space) and isinstance(c, pf.Str))

    doc.walk(look)
    assert runs == []
    assert "Brandon Amos" in words


def test_typst_unwraps_the_spans_its_writer_would_not_show(monkeypatch):
    monkeypatch.chdir(ROOT)
    doc = run(markdown_to_doc((ROOT / "cv.md").read_text(encoding="utf-8")), "typst", base_dir=Path(ROOT))
    spans: list[pf.Span] = []
    doc.walk(lambda elem, _doc: spans.append(elem) if isinstance(elem, pf.Span) else None)
    assert spans and all(span.identifier or span.attributes for span in spans)


def test_typst_keeps_a_span_with_a_label_or_a_language():
    from cvfilter.formats.typst import finish

    labelled = pf.Span(pf.Str("here"), identifier="here")
    french = pf.Span(pf.Str("ici"), attributes={"lang": "fr"})
    doc = pf.Doc(pf.Para(labelled, pf.Space(), french, pf.Space(), pf.Span(pf.Str("plain"), classes=["cv-skill"])))
    finish(doc, None)
    para = next(block for block in doc.content if isinstance(block, pf.Para))
    assert para.content[0] is labelled and para.content[2] is french
    assert isinstance(para.content[4], pf.Str) and para.content[4].text == "plain"
