"""Dates as people write them on a CV: 2019, 2019-05, May 2019, "2019 -- Present"."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_LOOKUP = {name: i + 1 for i, name in enumerate(MONTHS)} | {
    name[:3]: i + 1 for i, name in enumerate(MONTHS)
} | {"sept": 9}
_PRESENT = {"present", "now", "current", "today", "ongoing"}
_RANGE_SPLIT = re.compile(r"\s*(?:--|–|—|\bto\b|(?<=\d)\s*-\s*(?=[A-Za-z]|\d{4}\b))\s*", re.IGNORECASE)


class DateError(ValueError):
    """A date the user wrote that no accepted form matches; `hint` when the fix is not another form."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, optionally with a month and day: CVs rarely know more than the year."""

    year: int
    month: int = 0
    day: int = 0

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class DateRange:
    """A start and an optional end; `ongoing` means the end is "Present"."""

    start: PartialDate
    end: PartialDate | None = None
    ongoing: bool = False

    @property
    def sort_key(self) -> tuple[PartialDate, PartialDate]:
        """Newest first sorts by end (ongoing counts as latest), then by start."""
        far = PartialDate(9999)
        return (far if self.ongoing else (self.end or self.start), self.start)

    @property
    def last_year(self) -> int:
        return 9999 if self.ongoing else (self.end or self.start).year


def parse_date(text: str) -> PartialDate:
    """One point in time: 2019, 2019-05, 2019-05-04, May 2019, May 4, 2019, 4 May 2019, 5/2019."""
    value = text.strip().rstrip(".")
    if match := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value):
        year, month, day = (int(g) if g else 0 for g in match.groups())
        return _checked(text, year, month, day)
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", value):
        return _checked(text, int(match[2]), int(match[1]), 0)
    if match := re.fullmatch(r"(\d{1,2})\.?\s+([A-Za-z]+)\.?\s+(\d{4})", value):
        month = _MONTH_LOOKUP.get(match[2].lower())
        if month is None:
            raise DateError(f"unknown month {match[2]!r} in {text!r}")
        return _checked(text, int(match[3]), month, int(match[1]))
    if match := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2},\s*)?(\d{4})", value):
        month = _MONTH_LOOKUP.get(match[1].lower())
        if month is None:
            raise DateError(f"unknown month {match[1]!r} in {text!r}")
        day = int(match[2].rstrip(", ")) if match[2] else 0
        return _checked(text, int(match[3]), month, day)
    raise DateError(f"cannot read {text!r} as a date")


def parse_date_range(value: str | int) -> DateRange:
    """A single date or a range; the end may be "Present"."""
    if isinstance(value, bool):
        raise DateError(f"expected a date, got {value!r}")
    text = str(value).strip()
    if not text:
        raise DateError("the date is empty")
    pieces = _RANGE_SPLIT.split(text)
    if len(pieces) == 2 and not pieces[1].strip():
        raise DateError(f"the range {text!r} has no end", f"write {pieces[0].strip()} -- Present if it is ongoing")
    if len(pieces) == 2 and not pieces[0].strip():
        raise DateError(f"the range {text!r} has no start")
    parts = [p for p in pieces if p]
    if len(parts) == 1:
        if parts[0].lower() in _PRESENT:
            raise DateError(f"{text!r} has an end but no start")
        return DateRange(parse_date(parts[0]))
    if len(parts) != 2:
        raise DateError(f"cannot read {text!r} as a date range")
    start = parse_date(parts[0])
    if parts[1].lower() in _PRESENT:
        return DateRange(start, None, ongoing=True)
    end = parse_date(parts[1])
    # "2019-05 -- 2019" is fine: a date known to the year may lie anywhere in that year.
    if (end.year, end.month or 12, end.day or 31) < (start.year, start.month or 1, start.day or 1):
        raise DateError(f"the range {text!r} ends before it starts", f"swap the two dates: {parts[1]} -- {parts[0]}")
    return DateRange(start, end)


def _checked(text: str, year: int, month: int, day: int) -> PartialDate:
    if not 1000 <= year <= 2999:
        raise DateError(f"year {year} in {text!r} is out of range")
    if not 0 <= month <= 12:
        raise DateError(f"month {month} in {text!r} is out of range")
    if day and not 1 <= day <= (calendar.monthrange(year, month)[1] if month else 31):
        raise DateError(f"day {day} in {text!r} does not exist")
    return PartialDate(year, month, day)


ACCEPTED_FORMS = '2019, 2019-05, May 2019, or a range such as "2019 -- Present"'
