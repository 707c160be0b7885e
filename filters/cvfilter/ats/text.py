"""What an extractor read, and the characters a parser cannot read as words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Typography that a typesetter may print and a parser's tokenizer need not care about: folded on
# both sides before matching, so that only words decide.
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
                       "\u2066": None, "\u2067": None, "\u2068": None, "\u2069": None, "\u200b": None,
                       "\u200e": None, "\u200f": None, "\u00ad": None,
                       # a ligature is a finding of its own (garbled), not a missing word as well
                       "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without white space and with quotes and dashes folded: extractors disagree on spaces
    (pypdf joins words a column apart, PDFium breaks lines mid-entry), never on letters."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text).translate(_FOLD))


@dataclass
class Extraction:
    """One reading of one file: its text in reading order, its lines, and the link targets it carries."""

    fmt: str
    reader: str  # "pypdf", "pdfium", "paragraphs", "xml runs", "dom"
    text: str
    links: list[str] = field(default_factory=list)
    pages_without_text: list[int] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def garbled_kind(char: str) -> str | None:
    """Why a parser would misread `char`, or None: the replacement character (a glyph without a
    Unicode mapping), private-use code points (icon fonts), presentation ligatures (ﬁ for fi)
    and soft hyphens, which split a word where no parser looks for it."""
    code = ord(char)
    if code == 0xFFFD:
        return "replacement character U+FFFD (a glyph without a Unicode mapping)"
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return f"private-use character U+{code:04X} (an icon font's glyph; parsers read nothing)"
    if 0xFB00 <= code <= 0xFB06:
        return f"ligature U+{code:04X} {unicodedata.name(char, '')!s} (parsers read {unicodedata.normalize('NFKC', char)!r} as one unknown letter)"
    if code == 0x00AD:
        return "soft hyphen U+00AD (splits the word for a parser)"
    return None


_GARBLED = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff\ufb00-\ufb06\u00ad]")


def garbled(text: str) -> list[tuple[int, str, str]]:
    """(offset, character, why) of each character of `text` a parser would misread."""
    return [(m.start(), m.group(), garbled_kind(m.group()) or "") for m in _GARBLED.finditer(text)]
