"""One reading against what it must hold: every check passes or is a finding with its place and a fix.

Matching ignores white space and folds quotes and dashes (text.squeeze), and follows the printed
order: each item is looked for after the one before it, within a window, so that one misplaced
entry is one finding, not every entry after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Location
from .expected import Expected
from .headings import known_names, standard_section
from .sources import Sources
from .text import Extraction, garbled, squeeze

# How far ahead (in characters without spaces, about a page) an item may be and still be in order.
WINDOW = 4000
# The owner's name must be among the first characters a parser reads (the top of the first page).
NAME_WITHIN = 400

# A word broken at a line end: a hyphen (or the soft hyphen a PDF keeps) before the line break.
_HYPHENATED = re.compile("([\\w\u00ad]+)[-\u00ad\u2010][ \t]*\n[ \t]*([a-zà-ÿ][\\w\u00ad]*)")


@dataclass(frozen=True)
class Finding:
    kind: str  # missing, order, garbled, hyphenated, heading, name, link, no-text
    what: str
    where: Location | None
    fix: str


@dataclass
class Score:
    """One reader's result: how many checks passed of how many, and each failure."""

    fmt: str
    reader: str
    checked: int = 0
    passed: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 if not self.checked else int(1000 * self.passed / self.checked) / 10

    def check(self, ok: bool, finding: Callable[[], Finding] | Finding | None = None) -> None:
        """Count one check; a failure adds its finding (made only then: placing it searches the sources)."""
        self.checked += 1
        if ok:
            self.passed += 1
        elif finding is not None:
            self.findings.append(finding() if callable(finding) else finding)


def score(reading: Extraction, expected: Expected, sources: Sources, extra_links: list[str] | None = None) -> Score:
    result = Score(reading.fmt, reading.reader)
    text = squeeze(reading.text)
    _owner(result, text, expected, sources)
    _contacts(result, text, [*reading.links, *(extra_links or [])], expected, sources)
    _in_order(result, text, expected, sources)
    _garbled(result, reading, sources)
    _hyphenated(result, reading, expected, sources)
    for page in reading.pages_without_text:
        result.check(False, Finding("no-text", f"page {page} has no text a parser can read", None,
                                    "text drawn as shapes or an image is invisible to parsers: keep it as text"))
    return result


def _owner(result: Score, text: str, expected: Expected, sources: Sources) -> None:
    if not expected.name:
        return
    name = squeeze(expected.name)
    at = text.find(name)
    result.check(0 <= at < NAME_WITHIN, lambda: Finding(
        "name", f"the owner's name {expected.name!r} is " + ("missing" if at < 0 else f"only at character {at}, not at the top"),
        sources.locate(expected.name), "print the name as text at the top of the first page, not in a picture or a sidebar"))


def _bare(url: str) -> str:
    return re.sub(r"^(https?://(www\.)?|mailto:|tel:)", "", url.strip(), flags=re.IGNORECASE).rstrip("/").lower()


def _contacts(result: Score, text: str, links: list[str], expected: Expected, sources: Sources) -> None:
    targets = {_bare(link) for link in links}
    for contact in expected.contacts:
        shown = squeeze(contact.text)
        visible = bool(shown) and shown in text
        result.check(visible, lambda: Finding("missing", f"contact {contact.kind} {contact.text!r} is not in the text",
                                      sources.locate(contact.text), "write the contact as text, not only as an icon or a link"))
        if contact.url and visible:
            bare = _bare(contact.url)
            recoverable = bare in targets or squeeze(bare) in text.lower()
            result.check(recoverable, lambda: Finding("link", f"the address of {contact.kind} ({contact.url}) is neither visible nor a link",
                                              sources.locate(contact.text), "keep the contact a link, or print its full address"))


def _in_order(result: Score, text: str, expected: Expected, sources: Sources) -> None:
    """Headings and entries in printed order; an entry's own fields in any order after the entry
    before it (a theme may set the dates before the title), so long as none reads elsewhere."""
    cursor = 0
    headings = iter(expected.headings)
    section = None
    for entry in expected.entries:
        if entry.section != section:
            section = entry.section
            for heading in headings:
                cursor = _one(result, text, cursor, heading, "heading", heading, sources, expected.lang)
                if heading == section:
                    break
        end = cursor
        for item in entry.fields:
            end = max(end, _one(result, text, cursor, item.text, item.kind, entry.label, sources, expected.lang))
        cursor = end
    for heading in headings:
        cursor = _one(result, text, cursor, heading, "heading", heading, sources, expected.lang)


def _one(result: Score, text: str, cursor: int, value: str, kind: str, label: str, sources: Sources, lang: str) -> int:
    """Check one item after `cursor`; where it ends (`cursor` when it is not in order)."""
    wanted = squeeze(value)
    if not wanted:
        return cursor
    at = text.find(wanted, cursor, cursor + WINDOW + len(wanted))
    if kind == "heading":
        known = standard_section(value, lang)
        result.check(known is not None, lambda: Finding(
            "heading", f"heading {value!r} is not a section name parsers know", sources.locate(f"# {value}") or sources.locate(value),
            f"name it as parsers do, e.g. {known_names(lang)}"))
    if at >= 0:
        result.check(True)
        return at + len(wanted)
    where = sources.locate(value)
    anywhere = text.find(wanted)
    what = f"{kind} {_short(value)!r}" + (f" of {_short(label)!r}" if label and label != value else "")
    if anywhere >= 0:
        result.check(False, Finding("order", f"{what} is read out of order ({'before' if anywhere < cursor else 'far after'} the entry before it)",
                                    where, "set the entry in one column, in source order (a sidebar or a floating block is read elsewhere)"))
    else:
        result.check(False, Finding("missing", f"{what} is not in the text", where,
                                    "keep it as text in the page's flow (not an image, a shape, a header or footer)"))
    return cursor


def _short(value: str, size: int = 60) -> str:
    return value if len(value) <= size else value[: size - 1] + "…"


def _garbled(result: Score, reading: Extraction, sources: Sources) -> None:
    seen: set[tuple[str, str]] = set()
    text = reading.text
    for offset, char, why in garbled(text):
        start = max(text.rfind(" ", 0, offset), text.rfind("\n", 0, offset)) + 1
        ends = [i for i in (text.find(" ", offset), text.find("\n", offset)) if i >= 0]
        word = text[start: min(ends) if ends else len(text)]
        if (char, word) in seen:
            continue
        seen.add((char, word))
        typed = sources.locate_char(char)
        plain = unicodedata.normalize("NFKC", word).replace("\u00ad", "")
        where = typed or sources.locate(plain)
        if 0xFB00 <= ord(char) <= 0xFB06:
            fix = (f"type {unicodedata.normalize('NFKC', char)!r} instead of the ligature character" if typed
                   else "the font's ligatures reach the text layer: turn them off for this format")
        elif char == "\u00ad":
            fix = "remove the soft hyphen from the word"
        elif char == "\ufffd":
            fix = "the font has no Unicode mapping for this glyph: use another font or type the character"
        else:
            fix = "replace the icon-font character with a word or a standard Unicode symbol"
        result.check(False, Finding("garbled", f"{why} in {word!r}", where, fix))


def _hyphenated(result: Score, reading: Extraction, expected: Expected, sources: Sources) -> None:
    """A word split over two lines with a hyphen the source does not have ("opti-" / "mization")."""
    corpus: str | None = None
    for match in _HYPHENATED.finditer(reading.text):
        if corpus is None:
            corpus = squeeze(" ".join(f.text for e in expected.entries for f in e.fields))
        first, second = match.group(1), match.group(2).replace("\u00ad", "")
        joined = first.replace("\u00ad", "") + second
        if squeeze(f"{first}-{second}") not in corpus and squeeze(joined) in corpus:
            result.check(False, Finding("hyphenated", f"{joined!r} is split at a line end as {first}- / {second}",
                                        sources.locate(joined), "turn hyphenation off (or remove the soft hyphens in the word)"))
