"""Words the CV itself prints, per language, overridable from the front matter (`cvfilter.labels`).

CV words come from the tables in `words.py`; dates and the writing direction from CLDR (`cldr.py`).
A language without a table gets English throughout, dates included, so that no CV mixes the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import cldr
from .words import ENGLISH, WORDS

LANGUAGES = tuple(WORDS)


@dataclass(frozen=True)
class Labels:
    """The label set of one language, with the user's overrides applied."""

    lang: str = "en"
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        """The language whose words are printed: "de" for "de-AT", "en" for a language without a table."""
        code = cldr.primary(self.lang)
        return code if code in WORDS else "en"

    @property
    def tag(self) -> str:
        """The tag CLDR dates are formatted for: the document's own, unless it has no table."""
        return self.lang if self.base == cldr.primary(self.lang) else "en"

    @property
    def direction(self) -> str:
        """"rtl" or "ltr", the direction the document is set in."""
        return cldr.direction(self.tag)

    def isolate(self, text: str) -> str:
        """A left-to-right run ("1.2k+", "★1.3k") in a right-to-left document, set apart by Unicode's
        isolates (LRI ... PDI), so that its sign stays at its end; in every format the same."""
        return f"\u2066{text}\u2069" if self.direction == "rtl" else text

    def __getitem__(self, key: str) -> str:
        return self.overrides.get(key) or WORDS[self.base].get(key) or ENGLISH[key]

    def date(self, year: int, month: int = 0, day: int = 0) -> str:
        """"March 5, 2024", "5. März 2024", "5 de marzo de 2024"; "March 2024"; "2024"."""
        if month and day:
            return cldr.full_date(self.tag, year, month, day)
        if month:
            return cldr.month_year(self.tag, year, month)
        return str(year)

    def decimal_mark(self) -> str:
        return cldr.decimal_mark(self.tag)

    @staticmethod
    def known_keys() -> list[str]:
        return list(ENGLISH)
