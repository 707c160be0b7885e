"""Month names, date patterns, the decimal mark and the writing direction of a language, from CLDR.

babel carries the CLDR data. A build needs one locale, so babel is imported on the first date or
number a build prints and each answer is cached for the process: importing babel and loading one
locale costs about 20 ms (measured on the CI machine), once per process.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Any


def primary(tag: str) -> str:
    """"de" for "de-AT", "zh" for "zh_Hant_TW": the language without its region or script."""
    return tag.replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=32)
def _locale(tag: str) -> Any:
    """The babel Locale for a BCP 47 tag; its language alone when babel lacks the region, English when
    babel lacks the language (the configuration warns about that)."""
    from babel import Locale, UnknownLocaleError

    for candidate in (tag.replace("_", "-"), primary(tag), "en"):
        try:
            return Locale.parse(candidate, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("unreachable: babel always knows English")


@lru_cache(maxsize=256)
def known(tag: str) -> bool:
    """Whether CLDR (as babel ships it) has the language of `tag`."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(primary(tag))
    except (UnknownLocaleError, ValueError):
        return False
    return True


@lru_cache(maxsize=256)
def full_date(tag: str, year: int, month: int, day: int) -> str:
    """CLDR's long date: "March 5, 2024", "5. März 2024", "2024年3月5日"."""
    from babel.dates import format_date

    return format_date(datetime.date(year, month, day), "long", locale=_locale(tag))


@lru_cache(maxsize=256)
def month_year(tag: str, year: int, month: int) -> str:
    """CLDR's month with its year (skeleton yMMMM), in the form a language uses without a day:
    "March 2024", "marzec 2024" (nominative, where "5 marca 2024" has the genitive), "2024年3月"."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=_locale(tag))


@lru_cache(maxsize=32)
def decimal_mark(tag: str) -> str:
    """The decimal separator with Latin digits, the digits the CV prints: "," in German, "." in English."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(_locale(tag), numbering_system="latn")


@lru_cache(maxsize=32)
def direction(tag: str) -> str:
    """"rtl" for Arabic, Hebrew, Persian, Urdu (CLDR's character order), else "ltr"."""
    return "rtl" if _locale(tag).character_order == "right-to-left" else "ltr"
