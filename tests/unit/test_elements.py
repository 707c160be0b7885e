"""text(): the one door for user strings into the AST."""

from __future__ import annotations

import panflute as pf
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.elements import NBSP, text


def test_no_break_space_stays_inside_the_word():
    assert [type(e).__name__ for e in text(f"2014{NBSP}–{NBSP}2019 x")] == ["Str", "Space", "Str"]


@given(st.text())
def test_text_keeps_every_other_character_in_order(value):
    inlines = text(value)
    words = [e.text for e in inlines if isinstance(e, pf.Str)]
    assert all(words) and not any(ch in word for word in words for ch in ASCII_SPACE)
    assert "".join(words) == "".join(ch for ch in value if ch not in ASCII_SPACE)
    assert all(isinstance(e, pf.Space) for e in inlines[1::2])


ASCII_SPACE = " \t\n\r\f\v"
