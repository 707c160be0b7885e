"""The LaTeX edge writes what TeX would set as another character so that the PDF shows it as written.

What the PDF then shows under pdflatex and xelatex is read back in tests/e2e/test_literal_text.py;
here, which characters become commands or get a zero kern between them, and that a Str with none
stays the very same element.
"""

from __future__ import annotations

import panflute as pf
import pytest

from cvfilter.formats.latex import SEPARATOR, finish, literal
from cvfilter.walk import walk


def _written(*texts: str, heading: bool = False) -> str:
    """What the writer gets for Strs side by side: their text, raw LaTeX marked |...|, the zero kern as |."""
    inlines = [pf.Str(text) for text in texts]
    doc = pf.Doc(pf.Header(*inlines) if heading else pf.Para(*inlines))
    walk(doc, literal)

    def shown(item: pf.Inline) -> str:
        if isinstance(item, pf.Span):
            return "".join(shown(inner) for inner in item.content)
        if isinstance(item, pf.RawInline):
            return "|" if item.text == SEPARATOR else f"|{item.text}|"
        return item.text

    return "".join(shown(item) for item in doc.content[0].content)


@pytest.mark.parametrize(("text", "written"), [
    ("<<a>>", "<|<a>|>"),
    ("<<<", "<|<|<"),
    (",,low", ",|,low"),
    ("a--b", "a-|-b"),
    ("a---b", "a-|-|-b"),
    ("\u2013-", "\u2013|-"),
    ("\u2013\u2014", "\u2013|\u2014"),
    ("-\u2013", "-|\u2013"),
    ("!\u2018", "!|\u2018"),
    ("?\u201c", "?|\u201c"),
    ("\u2019\u2019", "\u2019|\u2019"),
    ("\u2018\u2019", "\u2018|\u2019"),
    ("\u201c\u2018x\u2019\u201d", "\u201c|\u2018x\u2019|\u201d"),
    ("O'Brien", "O|\\textquotesingle{}|Brien"),
    ('say "hi"', "say |\\textquotedbl{}|hi|\\textquotedbl{}|"),
    ("!`", "!|\\textasciigrave{}|"),
    ("x^2", "x|\\textasciicircum{}|2"),
    ("Wait\u2026", "Wait|\\cvellipsis{}|"),
])
def test_what_tex_would_set_otherwise_is_written_apart_or_as_a_command(text: str, written: str) -> None:
    assert _written(text) == written


@pytest.mark.parametrize("text", [
    "2019\u20132020", "non-linear", "a, b", "x<y>z", "R&D 50%", "\u2018quoted\u2019", "\u201cx\u201d", "it\u2019s",
    "\u00a1Hola! \u00bfQu\u00e9?", "\u00abx\u00bb", "!?", "a - b", "~", "\\", "{}",
])
def test_text_that_tex_sets_as_written_stays_one_str(text: str) -> None:
    item = pf.Str(text)
    doc = pf.Doc(pf.Para(item))
    walk(doc, literal)
    assert doc.content[0].content.list == [item]


def test_a_pair_split_over_two_strs_is_kept_apart_too() -> None:
    assert _written("a,", ",b", "-", "-c<", "<", "x") == "a,|,b-|-c<|<x"


def test_a_command_in_a_heading_keeps_its_character_for_the_bookmark() -> None:
    """pandoc leaves raw LaTeX out of a heading's bookmark; the character rides in \\texorpdfstring."""
    assert _written('"Q" <<x>>', heading=True) == (
        '|\\texorpdfstring{\\textquotedbl{}}{|"|}|Q|\\texorpdfstring{\\textquotedbl{}}{|"|}| <|<x>|>'
    )


def test_front_matter_the_template_prints_is_written_literally_too() -> None:
    doc = pf.Doc(pf.Para(pf.Str("x")), metadata={"title": pf.MetaInlines(pf.Str("a,,b"))})
    finish(doc, None)
    title = doc.metadata["title"]
    assert [type(item).__name__ for item in title.content[0].content] == ["Str", "RawInline", "Str"]
