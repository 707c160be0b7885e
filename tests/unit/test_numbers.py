"""Compact counts: the edges of each unit, and the "+" form never overstating."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.numbers import at_least, compact, decimal_mark


@pytest.mark.parametrize(("n", "shown"), [
    (0, "0"), (152, "152"), (999, "999"), (1000, "1k"), (1049, "1k"), (1050, "1.1k"), (1300, "1.3k"),
    (14_600, "14.6k"), (27_100, "27.1k"), (27_150, "27.2k"), (999_949, "999.9k"), (999_950, "1M"),
    (1_250_000, "1.3M"),
])
def test_compact_rounds_to_the_nearest_tenth(n, shown):
    assert compact(n) == shown


@pytest.mark.parametrize(("n", "shown"), [
    (0, "0+"), (999, "999+"), (1000, "1k+"), (1049, "1k+"), (1099, "1k+"), (6000, "6k+"), (6_999, "6.9k+"),
    (27_100, "27.1k+"), (27_162, "27.1k+"), (27_199, "27.1k+"), (999_999, "999.9k+"), (1_000_000, "1M+"),
])
def test_at_least_rounds_down(n, shown):
    assert at_least(n) == shown


def _value(shown: str) -> Fraction:
    """Exact, so that "16.1k" is 16100 and not 16100.000000000002 as a float."""
    units = {"k": 1_000, "M": 1_000_000, "B": 1_000_000_000}
    shown = shown.rstrip("+")
    return Fraction(shown[:-1]) * units[shown[-1]] if shown[-1] in units else Fraction(shown)


@given(st.integers(min_value=0, max_value=10**11))
def test_at_least_never_overstates_and_is_within_a_tenth(n):
    value = _value(at_least(n))
    assert value <= n
    unit = 1 if n < 1000 else max(u for u in (1_000, 1_000_000, 1_000_000_000) if n >= u)
    assert n - value < unit / 10 or n < 1000


@given(st.integers(min_value=0, max_value=10**11))
def test_compact_is_within_half_a_tenth_and_short(n):
    shown = compact(n)
    assert abs(_value(shown) - n) <= max(_value(shown), n) * 0.05 + 0.5
    assert re.fullmatch(r"\d{1,3}|[1-9]\d{0,2}(\.[1-9])?[kMB]", shown)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_both_forms_are_monotonic(a, b):
    low, high = sorted((a, b))
    assert _value(compact(low)) <= _value(compact(high))
    assert _value(at_least(low)) <= _value(at_least(high))


@pytest.mark.parametrize("bad", [-1, 1.5, True, "12"])
def test_not_a_count_is_refused(bad):
    with pytest.raises(ValueError):
        compact(bad)
    with pytest.raises(ValueError):
        at_least(bad)


@pytest.mark.parametrize(("lang", "short", "total"), [
    ("en-US", "1.3k", "27.1k+"), ("de", "1,3k", "27,1k+"), ("de-AT", "1,3k", "27,1k+"), ("fr-FR", "1,3k", "27,1k+"),
    ("pt_BR", "1,3k", "27,1k+"), ("ja", "1.3k", "27.1k+"),
])
def test_the_document_language_picks_the_decimal_mark(lang, short, total):
    assert (compact(1300, lang), at_least(27_162, lang)) == (short, total)
    assert compact(1000, lang) == "1k" and at_least(6000, lang) == "6k+"


@given(st.integers(min_value=0, max_value=10**10))
def test_german_differs_from_english_only_in_the_mark(n):
    assert compact(n, "de") == compact(n).replace(".", decimal_mark("de"))
    assert at_least(n, "de") == at_least(n).replace(".", ",")
