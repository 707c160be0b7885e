"""LaTeX text in BibTeX values to plain Unicode, keeping which groups were braced."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Private-use code points carry markup through citeproc-py (see render.py); user text never may.
_DROP_PRIVATE_USE = dict.fromkeys(range(0xE000, 0xE030))  # a str.translate table that deletes them


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    # \textasciicircum is ^ as LaTeX prints it (pylatexenc gives U+02C6); an accent over nothing,
    # \^{} or \~{}, is read as these (pylatexenc drops it).
    context = get_default_latex_context_db()
    context.add_context_category("cvfilter", prepend=True, macros=[
        MacroTextSpec("textasciicircum", "^"), MacroTextSpec("textasciitilde", "~"),
    ])
    return LatexNodes2Text(latex_context=context, math_mode="verbatim", strict_latex_spaces=True)


# A value without these is text as written. LaTeX's quotes and dashes ("``", "''", "--", "?`") are
# read wherever they are, not only next to other LaTeX: a title shows the same quotes with or without
# a {Brace} in it.
_LATEX = re.compile(r"[\\{}~]|--|``|''|[?!]`")
# What pylatexenc reads as more than text once the braces are gone (its specials and math).
_SPECIAL = re.compile(r"[\\~$`]|--|''")
# A bare & or % is the character, as BibTeX keeps it: pylatexenc would drop & (a table's column
# separator) and everything after % (a comment). Math ($...$) is passed on as written.
_BARE_SPECIAL = re.compile(r"((?<!\\)\$[^$]*(?<!\\)\$)|(?<!\\)((?:\\\\)*)([&%])")


def to_unicode(value: str) -> str:
    """Accents, escapes, quotes and dashes as the characters they stand for; braces dropped; NFC.

    pylatexenc costs about a millisecond a value; most values are plain text or text in braces
    ({OptNet}), which come out as `by_pylatexenc` gives them without it (tests/unit/test_bib_latex.py)."""
    if not _LATEX.search(value):
        return clean(value)
    if "\\" not in value and balanced(value):
        bare = value.replace("{", "").replace("}", "")
        if not _SPECIAL.search(bare):
            return clean(bare)
    return by_pylatexenc(value)


def by_pylatexenc(value: str) -> str:
    """The value read by pylatexenc, its bare & and % first escaped: the reference `to_unicode` keeps.
    What pylatexenc drops or cannot read (logos, biblatex's \\mkbibquote, \\href) is text first,
    as pandoc reads it; a value pylatexenc still cannot read loses its commands, never the entry."""
    escaped = _BARE_SPECIAL.sub(lambda found: found[1] or found[2] + "\\" + found[3], value)
    escaped = _EMPTY_ACCENT.sub(lambda found: "\\textasciicircum{}" if found[1] == "^" else "\\textasciitilde{}", escaped)
    escaped = as_text(escaped)
    try:
        return clean(_converter().latex_to_text(escaped))
    except Exception:  # pylatexenc's own IndexError on a command without its arguments, and the like
        return clean(_COMMAND.sub("", escaped).replace("{", "").replace("}", ""))


# Commands pandoc prints as text that pylatexenc drops: (pattern, replacement), in this order.
_AS_TEXT = (
    (re.compile(r"\\href\s*\{[^{}]*\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}"), r"\1"),
    # An \href whose text was braced apart from it (a title cut at its brace groups): the text follows.
    (re.compile(r"\\href\s*\{[^{}]*\}(?!\s*\{)"), ""),
    (re.compile(r"\\url\s*\{([^{}]*)\}"), lambda found: found[1].replace("~", "\\textasciitilde{}")),
    (re.compile(r"\\mkbibquote\s*\{((?:[^{}]|\{[^{}]*\})*)\}"), "\u201c\\1\u201d"),
    (re.compile(r"\\(?:mkbibemph|mkbibitalic|mkbibbold|autocap|textnormal)\s*(?=\{)"), ""),
    (re.compile(r"\\hyphen\b\s?"), "-"),
    (re.compile(r"\\index\s*\{(?:[^{}]|\{[^{}]*\})*\}"), ""),  # an index entry prints nothing
    (re.compile(r"\\(TeX|LaTeX|LaTeXe|BibTeX|XeTeX|XeLaTeX|LuaTeX|LuaLaTeX|ConTeXt|MiKTeX|AmS)(?![A-Za-z])(?:\{\})?"),
     lambda found: "LaTeX2ε" if found[1] == "LaTeXe" else found[1]),
)
_HANDLED = {"index", "href", "url", "mkbibquote", "mkbibemph", "mkbibitalic", "mkbibbold", "autocap", "textnormal", "hyphen",
            "TeX", "LaTeX", "LaTeXe", "BibTeX", "XeTeX", "XeLaTeX", "LuaTeX", "LuaLaTeX", "ConTeXt", "MiKTeX", "AmS"}


# \verb|text| and the verbatim environment are their text as written (pylatexenc drops them).
_VERBATIM_TEXT = re.compile(r"\\verb\*?([^A-Za-z\s{])(.*?)\1|\\begin\{verbatim\}(.*?)\\end\{verbatim\}", re.S)
_LITERAL = {"\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", "$": "\\$"}
# Commands that would read another file into the value: the file is never read, so they are warned of.
FILE_COMMANDS = ("input", "include")


def _verbatim(found: re.Match) -> str:
    text = found[2] if found[2] is not None else found[3]
    return "".join(_LITERAL.get(char, char) for char in text)


def as_text(value: str) -> str:
    """The commands of `_AS_TEXT` replaced by their text."""
    if "\\" not in value:
        return value
    value = _VERBATIM_TEXT.sub(_verbatim, value)
    for pattern, replacement in _AS_TEXT:
        value = pattern.sub(replacement, value)
    return value


_EMPTY_ACCENT = re.compile(r"(?<!\\)\\([\^~])\{\s*\}")


_COMMAND = re.compile(r"\\([A-Za-z]+)")


def unknown_commands(value: str) -> list[str]:
    """The LaTeX commands in `value` that the conversion to text does not know: it drops them
    (keeping any braced text after them), so the user must hear of it."""
    if "\\" not in value:
        return []
    known = _known_commands()
    value = _VERBATIM_TEXT.sub("", value)
    return sorted({name for name in _COMMAND.findall(value)
                   if name in FILE_COMMANDS or (name not in _HANDLED and known.get_macro_spec(name) is None)})


@lru_cache(maxsize=1)
def _known_commands():
    """pylatexenc's table of commands, built anew on every call of its getter (a few ms the first time)."""
    from pylatexenc.latex2text import get_default_latex_context_db

    return get_default_latex_context_db()


# CJK compatibility ideographs: NFC maps each to its unified twin (U+F900 to U+8C48), which is not
# the character the author typed (Korean Hanja names, Japanese place names use them); kept as typed.
_CJK_COMPATIBILITY = re.compile("([\uf900-\ufaff\U0002f800-\U0002fa1f]+)")


def nfc(value: str) -> str:
    """NFC (accents typed as combining marks compose), but CJK compatibility ideographs stay."""
    if value.isascii():
        return value
    parts = _CJK_COMPATIBILITY.split(value)
    return "".join(part if index % 2 else unicodedata.normalize("NFC", part) for index, part in enumerate(parts))


def clean(value: str) -> str:
    """One-line NFC text without the private-use characters our markup reserves."""
    value = value.translate(_DROP_PRIVATE_USE)
    return " ".join(nfc(value).split())


def braced_runs(value: str) -> list[tuple[str, bool]]:
    """Split a value at its top-level brace groups: [(text, was_braced), ...]."""
    runs: list[tuple[str, bool]] = []
    depth, start = 0, 0
    for index, char in enumerate(value):
        if char == "\\":
            continue
        if char == "{" and (index == 0 or value[index - 1] != "\\"):
            if depth == 0 and index > start:
                # The argument of a command (\textit{in vivo}, \"{o}) goes with its command.
                command = _COMMAND_BEFORE.search(value, start, index)
                split = command.start() if command else index
                if split > start:
                    runs.append((value[start:split], False))
                start = split
            depth += 1
        elif char == "}" and (index == 0 or value[index - 1] != "\\") and depth:
            depth -= 1
            if depth == 0:
                group = value[start:index + 1]
                # A brace group that is only an accent command ({\'e}) protects nothing.
                runs.append((group, not group.startswith("{\\")))
                start = index + 1
    if start < len(value):
        runs.append((value[start:], False))
    return runs


_BRACE = re.compile(r"[{}]")
_COMMAND_BEFORE = re.compile(r"\\(?:[A-Za-z]+|[^A-Za-z\s{}])\s*$")


def balanced(value: str) -> bool:
    """Braces close in order; a brace right after a backslash is a literal one. Only the braces are
    looked at: this runs on every field of every entry."""
    depth = 0
    for found in _BRACE.finditer(value):
        index = found.start()
        if index and value[index - 1] == "\\":
            continue
        depth += 1 if found.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0
