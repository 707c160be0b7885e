"""A `Work` as one clean BibTeX entry: a stable key, LaTeX's special characters escaped, the words
whose capitals matter braced in the title, fields in one order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .record import Work

_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
            "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIALS = re.compile(r"[\\{}&%$#_~^]")
_STOP = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "from", "towards", "toward", "is", "are",
         "via", "by", "at", "as", "do", "does", "what", "how", "why", "when", "we", "our", "into", "using"}
_VERBATIM = {"doi", "url", "eprint"}


def escape(text: str) -> str:
    """Text as BibTeX reads it back: each of LaTeX's special characters written as a command."""
    return _SPECIALS.sub(lambda m: _SPECIAL[m.group()], text)


def protect_title(title: str) -> str:
    """Escape the title, and brace each word whose capitals a style must not lower: acronyms
    (BERT, ADHD), inner capitals (OpenAlex, iPhone), a capital after a digit (3D)."""
    out = []
    for word in re.split(r"(\s+)", title):
        core = re.sub(r"^\W+|\W+$", "", word)
        escaped = escape(word)
        if core and _keeps_case(core):
            lead = escape(word[: word.index(core)])
            tail = escape(word[word.index(core) + len(core):])
            escaped = f"{lead}{{{escape(core)}}}{tail}"
        out.append(escaped)
    return "".join(out)


def _keeps_case(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 and not re.search(r"\d[A-Z]", word):
        return False
    return any(c.isupper() for c in word[1:]) and not word[1:].islower()


def entry_key(work: Work, taken: Iterable[str], owner: str = "") -> str:
    """`family` + `year` + the title's first word that says something, lower-case ASCII:
    sadasivan2012methylphenidate; b, c, … added when the bibliography has the key already. A work
    without authors takes the family name of `owner`, whose list it came from."""
    family = _ascii(_family(work.authors[0] if work.authors else owner or "anonymous")) or "anonymous"
    words = [_ascii(w) for w in re.findall(r"[\w'-]+", work.title)]
    word = next((w for w in words if w and w not in _STOP), words[0] if words else "") or "work"
    base = f"{family}{work.year or ''}{word}"
    used = {key.casefold() for key in taken}
    if base not in used:
        return base
    suffix = "b"
    while f"{base}{suffix}" in used:
        suffix = chr(ord(suffix) + 1) if suffix != "z" else "za"
    return f"{base}{suffix}"


def _family(name: str) -> str:
    name = name.strip("{}")
    if "," in name:
        return name.split(",", 1)[0]
    parts = name.split()
    return parts[-1] if parts else name


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in folded if not unicodedata.combining(c)).lower())


def render_entry(work: Work, key: str) -> str:
    """The entry, two-space indented, one field a line, ending with a newline."""
    fields: list[tuple[str, str]] = []
    if work.authors:
        fields.append(("author", " and ".join(_author(name) for name in work.authors)))
    fields.append(("title", protect_title(work.title)))
    venue_field = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}.get(work.kind)
    extra = dict(work.extra)
    if venue_field and work.venue:
        fields.append((venue_field, escape(work.venue)))
    elif work.kind == "misc" and work.arxiv and not work.doi:
        fields.append(("howpublished", f"arXiv:{work.arxiv}"))
    elif work.kind == "misc" and "howpublished" not in extra and work.venue:
        fields.append(("howpublished", escape(work.venue)))
    if "howpublished" in extra:
        fields.append(("howpublished", escape(extra.pop("howpublished"))))
    if work.publisher:
        fields.append(("publisher", escape(work.publisher)))
    if work.year:
        fields.append(("year", str(work.year)))
    for name, value in (("volume", work.volume), ("number", work.number), ("pages", work.pages)):
        if value:
            fields.append((name, escape(value)))
    if work.doi:
        fields.append(("doi", work.doi))
    if work.url:
        fields.append(("url", work.url))
    if work.arxiv:
        fields.append(("eprint", work.arxiv))
    for name, value in extra.items():
        fields.append((name, escape(value)))
    body = ",\n".join(f"  {name} = {{{_verbatim(value) if name in _VERBATIM else value}}}" for name, value in fields)
    return f"@{work.kind}{{{key},\n{body},\n}}\n"


def _author(name: str) -> str:
    """A name as the source writes it; an organisation's name stays braced (one "family" name)."""
    if name.startswith("{") and name.endswith("}"):
        return "{" + escape(name[1:-1]) + "}"
    return escape(name)


def _verbatim(value: str) -> str:
    """A URL or DOI keeps its characters; only braces, which would end the field, are dropped."""
    return value.replace("{", "").replace("}", "")
