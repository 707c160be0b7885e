"""Dates as people write them are read; anything else is refused with a reason, never guessed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter.data.dates import DateError, parse_date_range


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2019", "2019", ""), ("2019-05", "2019-05", ""), ("2019-05-04", "2019-05-04", ""), ("May 2019", "2019-05", ""),
    ("Sept. 2019", "2019-09", ""), ("sep 2019", "2019-09", ""), ("May 4, 2019", "2019-05-04", ""),
    ("4 May 2019", "2019-05-04", ""), ("5/2019", "2019-05", ""), ("2019 -- 2021", "2019", "2021"),
    ("2019--2021", "2019", "2021"), ("2019-2021", "2019", "2021"), ("2019 – 2021", "2019", "2021"),
    ("2019 — Present", "2019", "Present"), ("2019 to present", "2019", "Present"), ("2019-present", "2019", "Present"),
    ("May 2019 - June 2020", "2019-05", "2020-06"), ("2019-05 -- 2020-01", "2019-05", "2020-01"),
    ("2019 - now", "2019", "Present"), ("2020-02-29", "2020-02-29", ""),
])
def test_forms_people_write_are_read(text: str, start: str, end: str) -> None:
    dates = parse_date_range(text)
    assert dates.start.iso() == start
    assert (dates.end.iso() if dates.end else "Present" if dates.ongoing else "") == end


@pytest.mark.parametrize(("text", "reason"), [
    ("Spring 2020", "unknown month 'Spring'"), ("2019/2020", "cannot read"), ("19", "cannot read"),
    ("2019-2018", "ends before it starts"), ("2019 -- ", "has no end"), ("-- 2019", "has no start"),
    ("Present", "no start"), ("2019-02-30", "does not exist"), ("2019-02-29", "does not exist"),
    ("2019-13", "month 13"), ("2019.05", "cannot read"), ("", "empty"),
])
def test_everything_else_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_date_range(text)


@given(st.text(max_size=20))
def test_any_text_is_read_or_refused_never_crashes(text: str) -> None:
    try:
        parse_date_range(text)
    except DateError:
        pass


@given(st.integers(1000, 2999), st.integers(1, 12), st.integers(1000, 2999))
def test_iso_ranges_read_back_what_was_written(year: int, month: int, end_year: int) -> None:
    text = f"{year}-{month:02d} -- {end_year}"
    if end_year < year:
        with pytest.raises(DateError):
            parse_date_range(text)
    else:
        dates = parse_date_range(text)
        assert (dates.start.year, dates.start.month, dates.end.year) == (year, month, end_year)
