"""Short counts for a CV line: "152", "1.3k", "14.6k", and "27.1k+" for totals that only grow.

One module so that the repositories list and the statistics report print numbers the same way.
Integer arithmetic only: a float would round 1050 down or 1049.999 up depending on its binary form.
"""

from __future__ import annotations

from . import cldr

_UNITS = ((1_000, "k"), (1_000_000, "M"), (1_000_000_000, "B"))


def decimal_mark(lang: str = "en") -> str:
    """CLDR's decimal mark for a BCP 47 language tag such as "de-DE" or "en-US": "," or "."."""
    return cldr.decimal_mark(lang)


def compact(n: int, lang: str = "en") -> str:
    """A count rounded to the nearest tenth of a unit, halves up: 1049 -> "1k", 1050 -> "1.1k" ("1,1k" in German)."""
    _check(n)
    if n < 1_000:
        return str(n)
    for size, suffix in _UNITS:
        tenths = (n * 10 + size // 2) // size
        if tenths < 10_000 or size == _UNITS[-1][0]:  # 999_950 is "1M", not "1000k"
            return _tenths(tenths, suffix, lang)
    raise AssertionError("unreachable: the last unit always returns")


def at_least(n: int, lang: str = "en") -> str:
    """A lower bound with a plus, always rounded down so it never overstates: 27_199 -> "27.1k+"."""
    _check(n)
    if n < 1_000:
        return f"{n}+"
    size, suffix = next((s, x) for s, x in reversed(_UNITS) if n >= s)
    return _tenths(n * 10 // size, suffix, lang) + "+"


def _tenths(tenths: int, suffix: str, lang: str) -> str:
    whole, tenth = divmod(tenths, 10)
    return f"{whole}{suffix}" if tenth == 0 else f"{whole}{decimal_mark(lang)}{tenth}{suffix}"


def _check(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"expected a count (a whole number of at least 0), got {n!r}")
