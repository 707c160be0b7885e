"""Writing imported publications as BibTeX that the bibliography reader gives back unchanged.

Values are braced, and the characters BibTeX or LaTeX would read as markup are written as the
escapes the reader decodes back to the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# LaTeX specials as the commands that decode back to the literal characters. Braces are \lbrace and
# \rbrace, not \{ and \}: bib parsers count those braces and end the value early.
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\lbrace{}",
    "}": r"\rbrace{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
}
_SPECIAL = re.compile("|".join(re.escape(c) for c in _SPECIALS))
# TeX ligatures (-- --- '' `` !` ?`) would become dashes and curly quotes; an empty group splits them.
_LIGATURE = re.compile(r"(-(?=-)|'(?=')|`(?=`)|[!?](?=`))")
# Fields the reader keeps verbatim (addresses and prose), so they are written as they are.
_VERBATIM = {"url", "doi", "keywords"}


@dataclass
class BibRecord:
    key: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)


def escape(value: str) -> str:
    """Plain text as a BibTeX value body that reads back as the same text. (A bare ^ already does.)"""
    escaped = _SPECIAL.sub(lambda m: _SPECIALS[m.group()], " ".join(value.split()))
    return _LIGATURE.sub(r"\1{}", escaped)


def author_list(names: list[str]) -> str:
    """Names joined by " and "; a name that BibTeX would split or reorder is kept whole in braces."""
    parts = []
    for name in names:
        clean = escape(name)
        risky = "," in name or re.search(r"\band\b", name, re.IGNORECASE)
        parts.append(f"{{{clean}}}" if risky else clean)
    return " and ".join(parts)


def write_bibtex(records: list[BibRecord]) -> str:
    out = []
    for record in records:
        lines = [f"@{record.type}{{{record.key},"]
        for name, value in record.fields.items():
            body = value if name in _VERBATIM or name == "author" else escape(value)
            lines.append(f"  {name} = {{{body}}},")
        lines.append("}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def cite_key(title: str, year: str | None, taken: set[str]) -> str:
    """A readable, unique key: first word of the title and the year (`learning2021`)."""
    word = next((w for w in re.findall(r"[A-Za-z0-9]+", title.casefold()) if len(w) > 3), "pub")
    base = f"{word}{year or ''}"
    candidates = [base, *(base + letter for letter in "bcdefghijklmnopqrstuvwxyz")]
    key = next((c for c in candidates if c not in taken), None) or f"{base}-{len(taken)}"
    taken.add(key)
    return key
