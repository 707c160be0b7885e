"""The Typst edge escapes what Typst's markup would read in a Str and pandoc's writer leaves as it is.

What the PDF then shows is read back in tests/e2e/test_literal_text.py; here, which characters
become raw escapes, and that a Str with none stays the very same element.
"""

from __future__ import annotations

import panflute as pf
import pytest

from cvfilter.formats.typst import finish, keep_literal


def _written(text: str) -> str:
    """The Typst the writer gets for a Str: Str pieces as they are, raw escapes marked with |...|."""
    content = pf.Para(pf.Str(text)).content
    keep_literal(content)
    return "".join(f"|{item.text}|" if isinstance(item, pf.RawInline) else item.text for item in content)


@pytest.mark.parametrize(("text", "written"), [
    ("Wait... what", "Wait.|\\.|. what"),
    ("......", "|\\.||\\.|.|\\.|.|\\.|"),
    ("soft-?hy", "soft|\\-|?hy"),
    ("x -1 and (-2)", "x |\\-|1 and (|\\-|2)"),
    ("-\u00b2", "|\\-|\u00b2"),
    ("\u201990s", "|\u2019|90s"),
    ("- item", "|\\-| item"),
    ("+ one", "|\\+| one"),
    ("== two", "|\\=|= two"),
    ("/ term: x", "|\\/| term: x"),
    ("-", "|\\-|"),
    ("12. twelve", "|\\1|2. twelve"),
    (".com", "|\\.|com"),
    ("\u2013-", "|\u2013|-"),
    ("a-\u2013b", "a-|\u2013|b"),
    ("\u2013\u2014", "|\u2013|\u2014"),
    ("-\u2013\u2013", "-|\u2013|\u2013"),
    ("x \u2014-", "x |\u2014|-"),
])
def test_what_typst_would_read_as_markup_is_escaped(text: str, written: str) -> None:
    assert _written(text) == written


@pytest.mark.parametrize("text", [
    "2019-2020", "non-linear", "Ph.D.", "1.5", "a -b", "it's", "--", "J. Zico Kolter", "3.99/4.00", "A & B",
    "2019\u20132020", "a \u2014 b", "\u2013",
])
def test_text_that_typst_reads_as_written_stays_one_str(text: str) -> None:
    item = pf.Str(text)
    content = pf.Para(item).content
    keep_literal(content)
    assert content.list == [item]


def test_front_matter_the_template_sets_as_markup_is_escaped_and_keywords_are_strings() -> None:
    """pandoc's Typst template writes title, subtitle, author and abstract as markup, and each keyword
    bare into an array (code), where `machine learning` would not compile."""
    doc = pf.Doc(pf.Para(pf.Str("x")), metadata={
        "title": pf.MetaInlines(pf.Str("x"), pf.Space(), pf.Str("-1")),
        "author": pf.MetaList(pf.MetaMap(name=pf.MetaInlines(pf.Str("soft-?hy")))),
        "keywords": pf.MetaList(pf.MetaInlines(pf.Str("machine"), pf.Space(), pf.Str('"learning"')), pf.MetaBool(True)),
    })
    finish(doc, None)
    title = doc.metadata["title"].content
    assert [item.text for item in title if isinstance(item, pf.RawInline)] == ["\\-"]
    name = doc.metadata["author"][0]["name"].content
    assert [item.text for item in name if isinstance(item, pf.RawInline)] == ["\\-"]
    keywords = [pf.stringify(item) for item in doc.metadata["keywords"].content]
    assert keywords == ['"machine \\"learning\\""', '"true"']
