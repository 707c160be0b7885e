"""The Typst edge escapes what Typst's markup would read in a Str and pandoc's writer leaves as it is.

What the PDF then shows is read back in tests/e2e/test_literal_text.py; here, which characters
become raw escapes, and that a Str with none stays the very same element.
"""

from __future__ import annotations

import panflute as pf
import pytest

from cvfilter.formats.typst import keep_literal


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
])
def test_what_typst_would_read_as_markup_is_escaped(text: str, written: str) -> None:
    assert _written(text) == written


@pytest.mark.parametrize("text", [
    "2019-2020", "non-linear", "Ph.D.", "1.5", "a -b", "it's", "--", "J. Zico Kolter", "3.99/4.00", "A & B",
])
def test_text_that_typst_reads_as_written_stays_one_str(text: str) -> None:
    item = pf.Str(text)
    content = pf.Para(item).content
    keep_literal(content)
    assert content.list == [item]
