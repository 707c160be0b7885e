"""Author names from BibTeX, and recognising the CV's owner among them.

Matching compares family names exactly (after folding case, accents and hyphens) and given names
token by token, where an initial matches any name starting with it. So "B. D. Amos" and
"Amos, Brandon" are the owner, while "Brian Amos", "Brandon Amosson" or "Lim" for "Li" are not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .latex import clean, to_unicode

# Equal-contribution marks as authors write them after a name.
_MARK = re.compile(r"(\\textdagger|\\dagger|\\dag|\$\^?\{?(?:\\dagger|\*|\\ast)\}?\$|\\\*|\*|†|‡)")
_OTHERS = {"others", "et al.", "et al"}


@dataclass(frozen=True)
class Author:
    """One author: name parts in Unicode, or a literal (corporate) name, and an equal-contribution mark."""

    given: str = ""
    family: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""
    mark: str = ""

    @property
    def full(self) -> str:
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.particle, self.family) if p) + (f", {self.suffix}" if self.suffix else "")

    def csl(self) -> dict[str, str]:
        """The CSL-JSON name; the mark stays attached to the family name, as the seed prints it."""
        if self.literal:
            return {"literal": self.literal + self.mark}
        name = {"family": self.family + self.mark}
        if self.given:
            name["given"] = self.given
        if self.particle:  # biblatex's default (useprefix=false): "Brandt, A. von", sorted under B
            name["dropping-particle"] = self.particle
        if self.suffix:
            name["suffix"] = self.suffix
        return name


@dataclass(frozen=True)
class AuthorList:
    authors: tuple[Author, ...]
    others: bool = False


def parse_authors(raw: str) -> AuthorList:
    """A BibTeX name list ("A and B and others") as Authors; LaTeX decoded after splitting."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    authors: list[Author] = []
    others = False
    for part in split_multiple_persons_names(" ".join(raw.split())):
        part = part.strip()
        if not part:
            continue
        if part.casefold() in _OTHERS:
            others = True
            continue
        authors.append(parse_name(part))
    return AuthorList(tuple(authors), others)


@lru_cache(maxsize=4096)
def parse_name(raw: str) -> Author:
    """See `_parse_name`; given names written "J.G." read as "J. G.", as pandoc reads them."""
    author = _parse_name(raw)
    if author.given and _GLUED_INITIALS.search(author.given):
        return Author(given=_GLUED_INITIALS.sub(r"\1. ", author.given), family=author.family, particle=author.particle,
                      suffix=author.suffix, literal=author.literal, mark=author.mark)
    return author


_GLUED_INITIALS = re.compile(r"(?<!\w)([A-Z])\.(?=[A-Z](?:\.|\s|$))")


def _parse_name(raw: str) -> Author:
    """One BibTeX name: "First von Last", "von Last, First", "Last, Jr, First" or "{Literal}".
    Kept per text: co-authors recur across a publication list, and an Author never changes."""
    marks = "".join(_canonical_mark(m) for m in _MARK.findall(raw))
    bare = _MARK.sub("", raw).strip().strip(",").strip()
    if bare.startswith("{") and bare.endswith("}") and _one_group(bare):
        return Author(literal=to_unicode(bare[1:-1]), mark=marks)
    simple = _capitalised_parts(bare)
    if simple is not None:
        given, family = simple
        return Author(given=to_unicode(given), family=to_unicode(family), mark=marks)
    return _parsed_by_bibtexparser(bare, marks)


def _capitalised_parts(bare: str) -> tuple[str, str] | None:
    """(given, family) of a name made only of capitalised words ("Brandon Amos", "B. D. Amos",
    "Amos, Brandon"), as BibTeX's rules split it: the last word, or the words before the comma,
    are the family name. The owner's names are nearly always such, and reading them so spares a
    warm build from loading bibtexparser. None for anything else (braces, LaTeX, a particle, "Jr")."""
    if _NOT_SIMPLE.search(bare):
        return None
    family_text, comma, given_text = bare.partition(",")
    family, given = (family_text.split(), given_text.split()) if comma else (bare.split()[-1:], bare.split()[:-1])
    if not family or (comma and not given) or not all(word[0].isupper() for word in (*family, *given)):
        return None
    return " ".join(given), " ".join(family)


# What only the full BibTeX name rules read right: groups, commands, ties, hyphens, a second comma.
_NOT_SIMPLE = re.compile(r"[{}\\~\-$]|,.*,")


def _parsed_by_bibtexparser(bare: str, marks: str) -> Author:
    from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

    try:
        parts = parse_single_name_into_parts(bare, strict=False)
    except (InvalidNameError, ValueError):
        return Author(literal=to_unicode(bare), mark=marks)
    # biblatex (and pandoc) take as the particle only the lower-case words before the family name:
    # "Ramón y Cajal, Santiago" is all family name, where BibTeX would make "Ramón y" a particle.
    words = [*parts.von, *parts.last]
    lower = next((i for i, word in enumerate(words) if not _starts_lower(word)), len(words) - 1)
    von, last = words[:lower], words[lower:]
    given = to_unicode(" ".join(parts.first))
    family = to_unicode(" ".join(last))
    if not family and given:
        given, family = "", given
    return Author(
        given=given,
        family=family,
        particle=to_unicode(" ".join(von)),
        suffix=to_unicode(" ".join(parts.jr)),
        mark=marks,
    )


def _starts_lower(word: str) -> bool:
    """BibTeX's test for a particle: the first letter (braces and commands aside) is lower case."""
    letters = [ch for ch in to_unicode(word) if ch.isalpha()]
    return bool(letters) and letters[0].islower()


def _canonical_mark(mark: str) -> str:
    return "*" if "*" in mark or "ast" in mark else "†" if "dag" in mark or mark == "†" else mark


def _one_group(value: str) -> bool:
    depth = 0
    for index, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and index < len(value) - 1:
            return False
    return True


def fold(value: str) -> str:
    """Compare names as people read them: no accents, no case, no braces, hyphens as spaces."""
    value = unicodedata.normalize("NFKD", clean(value.replace("{", "").replace("}", "")))
    # Zero-width spaces and joiners and soft hyphens (format characters) are invisible: dropped,
    # so that "Love\u00adlace" pasted from a web page is still the owner.
    value = "".join(ch for ch in value if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf").casefold()
    value = value.replace("ı", "i").replace("ß", "ss")
    return " ".join(re.sub(r"[^\w]+", " ", value).split())


def _tokens(given: str) -> tuple[str, ...]:
    return tuple(fold(given.replace(".", " ")).split())


def _compatible(a: str, b: str) -> bool:
    """Two given-name tokens agree when equal or when one is the other's initial."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


@dataclass(frozen=True)
class _Form:
    family: str
    given: tuple[str, ...]
    full: str


class Owner:
    """The CV's owner under all the names they publish as (data.name plus owner.aliases)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.forms: list[_Form] = []
        for name in names:
            if not name or not name.strip():
                continue
            author = parse_name(to_unicode(name) if "\\" in name else name)
            family = fold(" ".join(p for p in (author.particle, author.family) if p))
            self.forms.append(_Form(family, _tokens(author.given), fold(author.full)))
        self._known_middles = any(len(form.given) > 1 for form in self.forms)
        # "B. Amos" as an alias must not make "Brian Amos" the owner when we know it is "Brandon".
        self._full_firsts = {form.given[0] for form in self.forms if form.given and len(form.given[0]) > 1}
        self._verdicts: dict[Author, bool] = {}

    @property
    def given_names(self) -> list[str]:
        return sorted({" ".join(f.given) for f in self.forms if f.given})

    def matches(self, author: Author) -> bool:
        """Whether this author is the owner; asked once per distinct name (co-authors recur)."""
        verdict = self._verdicts.get(author)
        if verdict is None:
            verdict = self._verdicts[author] = self._matches(author)
        return verdict

    def _matches(self, author: Author) -> bool:
        if author.literal:
            return fold(author.literal) in {form.full for form in self.forms}
        family = fold(" ".join(p for p in (author.particle, author.family) if p))
        given = _tokens(author.given)
        if not given:
            return False
        if len(given[0]) > 1 and self._full_firsts and given[0] not in self._full_firsts:
            return False
        return any(self._matches_form(form, family, given) for form in self.forms)

    def _matches_form(self, form: _Form, family: str, given: tuple[str, ...]) -> bool:
        if not form.given or family != form.family or not _compatible(given[0], form.given[0]):
            return False
        middles, known = given[1:], form.given[1:]
        if not middles:
            return True
        if not known:
            return not self._known_middles
        return all(_compatible(a, b) for a, b in zip(middles, known))
