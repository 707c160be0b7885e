"""A tolerant BibTeX reader: every entry comes out, each defect as a warning with file:line.

bibtexparser 2 does the tokenising (it keeps custom fields and line numbers); this module copes with
what real files contain: a doubled `@`, values without braces, a field given twice, a missing comma
between two fields, LaTeX accents, duplicate keys, unbalanced braces. Values come out as Unicode text.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..errors import CvError, Diagnostics, Location, Problem
from ..textfile import read_text
from .entries import BibEntry, Bibliography
from .inherit import inherit
from .latex import FILE_COMMANDS, balanced, braced_runs, clean, to_unicode, unknown_commands
from .names import parse_authors
from .stored import parse_stored

# bibtexparser logs its own account of a syntax error; the reader reports it as a Problem instead.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

_MONTHS = {m: str(i) for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# Addresses and long prose are not LaTeX to decode (a `~` in a URL is not a no-break space).
_VERBATIM = {"url", "doi", "codeurl", "slidesurl", "talkurl", "_talkurl", "eprint", "file", "abstract", "keywords", "selected"}
_KEY = re.compile(r"@+\s*(\w+)\s*[{(]\s*([^,\s]*)")
# Name lists: author and editor, then the others BibEntry.names holds.
NAME_FIELDS = ("author", "editor", "translator", "bookauthor", "director", "editora", "editorb", "editorc",
               "commentator", "annotator", "introduction", "foreword", "afterword", "holder")
# Titles in title case, which the CSL mapping may turn to sentence case (as pandoc does).
CASED_FIELDS = ("title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "booktitleaddon", "maintitle",
                "mainsubtitle", "maintitleaddon", "series", "eventtitle", "origtitle", "issuetitle", "issuesubtitle",
                # and the lists, where only an unbraced "and" separates two items
                "publisher", "location", "address", "institution", "organization", "school")


def read_bibliography(path: Path, shown: str, diagnostics: Diagnostics, base_dir: Path | None = None) -> Bibliography:
    """Read a .bib file; a missing file is an error, every other defect a warning. With `base_dir`
    the parse is kept in the project's cache folder (see stored.py)."""
    if not path.exists():
        raise CvError.at(Location(shown), f"bibliography {shown} not found", "set `cvfilter: bibliography:` in the front matter")
    return parse_bibliography(read_text(path, shown), shown, diagnostics, base_dir)


# The last text parsed per file name, with what it reported: `cv watch` and variant builds read an
# unchanged .bib again and again in one process. Entries are never modified after parsing.
_PARSED: dict[str, tuple[str, Bibliography, list[Problem]]] = {}


def parse_bibliography(text: str, shown: str, diagnostics: Diagnostics, base_dir: Path | None = None) -> Bibliography:
    """Parse, or reuse the result for the same text (held in this process, or stored on disk under
    `base_dir`), reporting its warnings again."""
    last = _PARSED.get(shown)
    if last is not None and last[0] == text:
        diagnostics.extend(list(last[2]))
        return last[1]
    if base_dir is None:
        result, problems = _parse_collected(text, shown)
    else:
        result, problems = parse_stored(text, shown, base_dir, _parse_collected)
    diagnostics.extend(problems)
    _PARSED[shown] = (text, result, list(problems))
    return result


def _parse_collected(text: str, shown: str) -> tuple[Bibliography, list[Problem]]:
    found = Diagnostics()
    return _parse_bibliography(text, shown, found), found.problems


def _parse_bibliography(text: str, shown: str, diagnostics: Diagnostics) -> Bibliography:
    import bibtexparser
    from bibtexparser import model

    library = bibtexparser.parse_string(text, parse_stack=[])
    strings: dict[str, str] = {}
    for string in library.strings:  # in file order: a @string may join earlier ones with #
        strings[string.key.casefold()] = _value(string.value, "string", strings)[0]
    lines = text.splitlines()
    result = Bibliography(shown)
    reported: set[str] = set()
    for block in library.blocks:
        line = block.start_line + 1
        where = Location(shown, line)
        if isinstance(block, model.ImplicitComment):
            if block.comment.strip() == "@":
                diagnostics.warn(where, "doubled '@' before an entry type", "write @inproceedings, not @@inproceedings")
            elif "{" in block.comment or "}" in block.comment:
                # Text between entries is a comment to BibTeX; a brace there means an entry closed early.
                offset = next(i for i, row in enumerate(block.comment.splitlines()) if "{" in row or "}" in row)
                diagnostics.warn(Location(shown, line + offset), "brace outside any entry",
                                 "an entry above may close too early; check its braces")
            continue
        if isinstance(block, model.DuplicateBlockKeyBlock):
            first = result.entries.get(block.key)
            shown_first = f" (first at line {first.location.line})" if first else ""
            diagnostics.warn(where, f"duplicate key {block.key!r}{shown_first}; this entry is ignored", "give each entry its own key")
            continue
        if isinstance(block, model.DuplicateFieldKeyBlock):
            entry = block.ignore_error_block
        elif isinstance(block, model.Entry):
            entry = block
        elif isinstance(block, model.ParsingFailedBlock):
            _report_failed(block, text, shown, diagnostics, result)
            continue
        else:
            continue
        parsed = _read_entry(entry, shown, (line, line + block.raw.count("\n")), lines, strings, diagnostics)
        result.entries[parsed.key] = parsed
        _warn_uncarried(parsed, lines, (line, line + block.raw.count("\n")), reported, diagnostics)
    return inherit(result, diagnostics)


# biblatex fields that no CSL variable holds (pandoc drops them too): each kind is reported once a file.
UNCARRIED = ("pagination", "bookpagination", "eid", "isan", "ismn", "isrn", "iswc", "origlanguage", "editora", "editorb",
             "editorc", "commentator", "annotator", "introduction", "foreword", "afterword", "holder", "nameaddon",
             "reprinttitle", "shortseries", "gender")


def _warn_uncarried(entry: BibEntry, lines: list[str], span: tuple[int, int], reported: set[str],
                    diagnostics: Diagnostics) -> None:
    for name in UNCARRIED:
        if name in reported or not (entry.fields.get(name) or entry.names.get(name)):
            continue
        reported.add(name)
        diagnostics.warn(Location(entry.location.file, _field_line(lines, span, name, 0)),
                         f"field {name!r} of {entry.key!r} has no place in CSL, so citations do not show it "
                         "(reported once for the file)", "leave it for biblatex, or write what it says into a note")


def _read_entry(entry, shown: str, span: tuple[int, int], lines: list[str], strings: dict[str, str],
                diagnostics: Diagnostics) -> BibEntry:
    """One entry; `span` is its first and last line, where messages about its fields point."""
    line = span[0]
    where = Location(shown, line)
    raw_fields: dict[str, str] = {}
    seen: dict[str, int] = {}
    for name, value in _split_glued_fields(entry, shown, lines, span, diagnostics):
        occurrence = seen[name] = seen.get(name, -1) + 1
        # The field's line is looked up only for a message: most fields have none.
        if name in raw_fields:
            diagnostics.warn(Location(shown, _field_line(lines, span, name, occurrence)),
                             f"field {name!r} given twice in {entry.key!r}; the first value is kept", "delete one of them")
            continue
        raw_fields[name], bare = _value(value, name, strings)
        for part in bare:
            diagnostics.warn(Location(shown, _field_line(lines, span, name, occurrence)),
                             f"value {part!r} of field {name!r} in {entry.key!r} has no braces; read as text",
                             f"write {name}={{{part}}}")
    for name, raw in raw_fields.items():
        if not balanced(raw):
            diagnostics.warn(where, f"unbalanced braces in field {name!r} of {entry.key!r}", "check the { and } in this value")
        for command in [] if name in _VERBATIM else unknown_commands(raw):
            if command in FILE_COMMANDS:
                diagnostics.warn(Location(shown, _field_line(lines, span, name, 0)),
                                 f"\\{command} in field {name!r} of {entry.key!r} would read another file; it is dropped with its argument",
                                 "write the text itself into the field")
                continue
            diagnostics.warn(Location(shown, _field_line(lines, span, name, 0)),
                             f"unknown LaTeX command \\{command} in field {name!r} of {entry.key!r} is dropped; text in braces after it is kept",
                             "write the text itself, or a command such as \\emph{...}")
    fields = {name: clean(raw) if name in _VERBATIM else to_unicode(raw)
              for name, raw in raw_fields.items() if name not in NAME_FIELDS}
    result = BibEntry(
        key=entry.key,
        type=entry.entry_type.casefold().lstrip("@"),
        fields=fields,
        authors=parse_authors(raw_fields.get("author", "")),
        editors=parse_authors(raw_fields.get("editor", "")),
        location=where,
        runs={name: _title_runs(raw_fields[name]) for name in CASED_FIELDS if raw_fields.get(name)},
        names={name: parse_authors(raw_fields[name]) for name in NAME_FIELDS[2:] if raw_fields.get(name)},
    )
    if result.fields.get("crossref") or result.fields.get("xdata"):
        return result  # what it lacks may come from the entry it names: inherit.py checks after
    if not result.fields.get("title"):
        diagnostics.warn(where, f"entry {entry.key!r} has no title", "add title={...}")
    if result.year is None:
        written = next(((name, fields[name]) for name in ("year", "date") if fields.get(name, "").strip()), None)
        if written:
            name, value = written
            diagnostics.warn(Location(shown, _field_line(lines, span, name, 0)),
                             f"{name} {value!r} of {entry.key!r} has no four-digit year; it is listed without a year",
                             f"write the year as four digits, e.g. {name}={{2023}}")
        else:
            diagnostics.warn(where, f"entry {entry.key!r} has no year", "add year={...}; it is listed without a year")
    if not result.authors.authors and not result.editors.authors and not result.authors.others:
        diagnostics.warn(where, f"entry {entry.key!r} has no author", "add author={...}")
    return result


def _split_glued_fields(entry, shown: str, lines: list[str], span: tuple[int, int],
                        diagnostics: Diagnostics) -> list[tuple[str, str]]:
    """(name, raw value) of each field. bibtexparser reads `title = {X}` and a next line `year = {2020}`
    that lacks the comma between them as one title, "{X}\n  year = {2020}"; such a value is split back
    into its fields, each missing comma warned at the line where it belongs."""
    fields: list[tuple[str, str]] = []
    for fld in entry.fields:
        name, value = fld.key.strip().casefold(), fld.value
        line = _value_line(lines, span, fld.start_line + 1, fld.key)
        while (glued := _glued_field(value)) is not None:
            end, following = glued
            diagnostics.warn(Location(shown, line + value.count("\n", 0, end)),
                             f"missing comma after field {name!r} of {entry.key!r}; {following.group(1)!r} is read as a field of its own",
                             f"add a comma after the {name} field")
            fields.append((name, value[:end]))
            line += value.count("\n", 0, following.end())
            name, value = following.group(1).casefold(), value[following.end():]
        fields.append((name, value))
    return fields


def _value_line(lines: list[str], span: tuple[int, int], key_line: int, key: str) -> int:
    """The line where the value of the field named on `key_line` begins (after `key =`, perhaps on a
    line below it)."""
    if not span[0] <= key_line <= min(span[1], len(lines)):
        return span[0]
    text = "\n".join(lines[key_line - 1:min(span[1], len(lines))])
    found = re.search(rf"{re.escape(key.strip())}\s*=\s*", text, re.IGNORECASE)
    return key_line + (text.count("\n", 0, found.end()) if found else 0)


def _glued_field(value: str) -> tuple[int, re.Match[str]] | None:
    """Where the first value in `value` ends and the `name =` that follows it, when a field follows
    without a comma; None when the value is one value (or parts joined by #), or is not understood."""
    position = 0
    while True:
        position = _SPACE.match(value, position).end()
        if position >= len(value):
            return None
        if value[position] in "{\"":
            end = _closing(value, position)
        else:
            end = _TOKEN.match(value, position).end()
            end = end if end > position else None
        if end is None:
            return None
        after = _SPACE.match(value, end).end()
        if after >= len(value):
            return None
        if value[after] == "#":
            position = after + 1
            continue
        following = _FIELD_START.match(value, end)
        return (end, following) if following else None


def _closing(value: str, start: int, fields_follow: bool = False) -> int | None:
    """The end of the braced or quoted value at `start`; None if it never closes. Braces nest in both,
    and a quote inside braces does not close a quoted value. With `fields_follow` (the raw text of an
    entry), a line that starts a new field after a comma also means the value runs on."""
    quoted = value[start] == '"'
    depth = 0
    for index in range(start + quoted, len(value)):
        char = value[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and not quoted:
                return index + 1
            if depth < 0:
                return None
        elif char == '"' and quoted and depth == 0:
            return index + 1
        elif fields_follow and char == "\n" and value[:index].rstrip().endswith(",") and _NEW_LINE_STARTS.match(value, index + 1):
            return None
    return None


def _value(raw: str, name: str, strings: dict[str, str]) -> tuple[str, list[str]]:
    """A field value without its enclosing braces or quotes, bare words resolved like BibTeX does;
    and the bare words that are neither a number, a @string nor a month (read as text)."""
    raw = raw.strip()
    parts = _split_concatenation(raw) if "#" in raw else [raw]
    out: list[str] = []
    bare: list[str] = []
    for part in parts:
        part = part.strip()
        if part[:1] in "{\"":
            out.append(_strip_enclosing(part))
        elif part.isdigit():
            out.append(part)
        elif part.casefold() in strings:
            out.append(strings[part.casefold()])
        elif name == "month" and part.casefold()[:3] in _MONTHS:
            out.append(_MONTHS[part.casefold()[:3]])
        else:
            bare.append(part)
            out.append(part)
    return "".join(out), bare


def _split_concatenation(raw: str) -> list[str]:
    parts, depth, quote, start = [], 0, False, 0
    for index, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quote = not quote
        elif char == "#" and depth == 0 and not quote:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return parts


def _strip_enclosing(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and ((value[0] == "{" and value[-1] == "}") or (value[0] == '"' and value[-1] == '"')):
        return value[1:-1]
    return value


def _title_runs(title: str) -> tuple[tuple[str, bool], ...]:
    """The title's top-level parts as Unicode, each with whether braces protect it. A space (or ~)
    at the edge of an unbraced part stays: "Learning {MPC} controllers" is three words."""
    runs = []
    for raw, braced in braced_runs(_unwrap_title(title)):
        text = to_unicode(raw)
        if not braced:
            lead = " " if raw[0] in _GAP else ""
            trail = " " if raw[-1] in _GAP and text else ""
            text = lead + text + trail
        runs.append((text, braced))
    return tuple(runs)


_GAP = " \t\r\n~"


def _unwrap_title(title: str) -> str:
    """`{{Title}}` protects the whole title: keep one brace level so it stays protected."""
    stripped = title.strip()
    while stripped.startswith("{{") and stripped.endswith("}}") and balanced(stripped[1:-1]):
        stripped = stripped[1:-1]
    return stripped


def _field_line(lines: list[str], span: tuple[int, int], name: str, occurrence: int) -> int:
    """The line of the n-th `name =` (counting from 0) within the entry's lines, for messages about
    that field; two may share a line."""
    pattern = re.compile(rf"(?:^|[\s,{{]){re.escape(name)}\s*=", re.IGNORECASE)
    seen = 0
    for number in range(span[0], min(span[1], len(lines)) + 1):
        seen += len(pattern.findall(lines[number - 1]))
        if seen > occurrence:
            return number
    return span[0]


def _report_failed(block, text: str, shown: str, diagnostics: Diagnostics, result: Bibliography) -> None:
    """A block the parser gave up on is one error naming its key, at the field at fault when it can be
    found (the parser's own message names a line far below, where it stopped looking)."""
    raw = block.raw[block.raw.find("@"):] if "@" in block.raw else block.raw
    line = block.start_line + 1
    match = _KEY.match(raw)
    key = match.group(2) if match else "?"
    fault = find_fault(raw)
    if fault is None:
        diagnostics.error(Location(shown, line), f"cannot read entry {key!r}",
                          "check its braces and the commas between fields")
        return
    offset, name, kind = fault
    message, hint = {
        "brace": (f"unbalanced braces in field {name!r} of {key!r}", "close the { opened here"),
        "quote": (f"unclosed quote in field {name!r} of {key!r}", 'close the " opened here'),
    }[kind]
    diagnostics.error(Location(shown, line + raw.count("\n", 0, offset)), message, hint)


_FIELD_START = re.compile(r"\s*([\w:.+-]+)\s*=\s*")
_NEW_LINE_STARTS = re.compile(r"[ \t]*(?:[\w:.+-]+\s*=|@\w+\s*[{(])")
_BARE = re.compile(r"[^,})\s]*")
_SPACE = re.compile(r"\s*")
_TOKEN = re.compile(r"[^\s,{}()\"#=]*")


def find_fault(raw: str) -> tuple[int, str, str] | None:
    """(offset, field, kind) of the first field whose value runs into the next field or entry (kind
    "brace" or "quote"); None if none does.

    A value still open at a line that ends with a comma, when the next line starts like a field
    (`year =`) or an entry (`@misc{`), is taken as unclosed: long values span lines, rarely like that."""
    header = re.match(r"@+\s*\w+\s*[{(]\s*[^,\s]*\s*,", raw)
    if not header:
        return None
    position = header.end()
    while field := _FIELD_START.match(raw, position):
        start = field.end()
        if start >= len(raw):
            return None
        opener = raw[start]
        end = _closing(raw, start, fields_follow=True) if opener in "{\"" else _BARE.match(raw, start).end()
        if end is None:
            return field.start(1), field.group(1), "brace" if opener == "{" else "quote"
        after = _SPACE.match(raw, end).end()
        if after >= len(raw) or raw[after] in "})":
            return None
        if raw[after] == ",":
            position = after + 1
        elif _FIELD_START.match(raw, after):
            position = after  # a missing comma (warned once the entry reads): the fault is further on
        else:
            return None
    return None
