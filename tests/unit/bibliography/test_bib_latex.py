"""LaTeX in BibTeX values: brace checks (a backslash makes the brace after it a literal one) and
the conversion to Unicode, whose fast path must give what pylatexenc gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.bibliography.latex import balanced, by_pylatexenc, clean, to_unicode


@pytest.mark.parametrize(("value", "expected"), [
    ("", True),
    ("plain text", True),
    ("{DNA} and {RNA {nested}}", True),
    ("a \\{ literal", True),
    ("literal \\} too", True),
    ("{open", False),
    ("close}", False),
    ("}{", False),
    ("{\\}", False),
    ("{\\'e}", True),
])
def test_balanced(value: str, expected: bool) -> None:
    assert balanced(value) is expected


# ---- the fast path of to_unicode gives what pylatexenc gives ------------------------------------

# Plain text: any letter, digit, punctuation or space except what LaTeX reads as markup. A single
# dash or quote is plain; "--" and "''" are ligatures (drawn as whole words below, next to others).
# A bare & or % is plain too: the slow path escapes it before pylatexenc reads the value.
_LATEX_MARKUP = "\\{}~$`"
_plain_char = st.characters(blacklist_categories=("Cs",), blacklist_characters=_LATEX_MARKUP)
_plain_piece = st.one_of(
    st.text(_plain_char, max_size=8),
    st.sampled_from(["-", "'", '"', " ", "\n", "\t", "\u00a0", "\r\n", "é", "e\u0301", "1-2", "O'Neil", "?", "!", "&", "%", "''"]),
)
_plain = st.lists(_plain_piece, max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_plain)
def test_plain_text_comes_out_as_pylatexenc_gives_it(value: str) -> None:
    assert to_unicode(value) == by_pylatexenc(value)


_group = st.deferred(lambda: st.lists(st.one_of(_plain_piece, _plain_piece.map(lambda t: "{" + t + "}"),
                                                _group.map(lambda t: "{" + t + "}")), max_size=4).map("".join))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_plain_piece, _group.map(lambda t: "{" + t + "}"), st.sampled_from(["-", "{-}", "'", "{}"])),
                max_size=8).map("".join))
def test_text_in_braces_comes_out_as_pylatexenc_gives_it(value: str) -> None:
    assert to_unicode(value) == by_pylatexenc(value)


@settings(max_examples=300, deadline=None)
@given(_plain, st.sampled_from(["{MPC}", "\\'e", "\\textit{in vivo}", "{\\&}", "a--b"]))
def test_text_reads_the_same_beside_other_latex_as_alone(value: str, latex: str) -> None:
    """Quotes, dashes, & and % do not depend on a brace or a command elsewhere in the value."""
    assert to_unicode(f"{value} {latex}") == clean(f"{to_unicode(value)} {to_unicode(latex)}")


@pytest.mark.parametrize(("value", "expected"), [
    ("{OptNet}: Differentiable Optimization", "OptNet: Differentiable Optimization"),
    ("{{Nested {groups}}}", "Nested groups"),
    ("pages 1--10", "pages 1–10"),
    ("a{-}-b", "a--b"),  # braces keep the dashes apart: not an en dash
    ("{Security \\& Privacy}", "Security & Privacy"),
    ("{Rol{\\'\\i}nek}", "Rolínek"),
    ("Boyd~S.", "Boyd S."),
    ("{``Quoted''}", "“Quoted”"),
    ("The ``Best'' Paper", "The “Best” Paper"),
    ("{A & B}", "A & B"),
    ("{A \\& B} \\& C & D", "A & B & C & D"),
    ("\\textit{R&D} at 50% {x}", "R&D at 50% x"),
    ("{$a & b$} 5\\%", "$a & b$ 5%"),
    ("{open", "open"),
    ("  spaced \n  out  ", "spaced out"),
    ("x\\^{}2 and a\\~{}b", "x^2 and a~b"),  # an accent over nothing is the character itself
    ("\\textasciicircum{} \\textasciitilde{}", "^ ~"),  # as LaTeX prints them, not ˆ
    ("\\^{o} \\~{n}", "ô ñ"),
    # A CJK compatibility ideograph is the character typed (Korean Hanja names use them): NFC
    # would turn U+F900 into U+8C48, while the accents around it still compose.
    ("\uf900 {\ufa10}\U0002f800 e\u0301 \\'e", "\uf900 \ufa10\U0002f800 é é"),
])
def test_to_unicode(value: str, expected: str) -> None:
    assert to_unicode(value) == expected


@pytest.mark.parametrize("value", ["Pattern Analysis & Machine Intelligence", "50% faster", "$x$ and #1", "a_b^c"])
def test_bare_latex_specials_without_braces_or_backslashes_are_kept_as_written(value: str) -> None:
    assert to_unicode(value) == value
