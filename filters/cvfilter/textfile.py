"""Reading files: every file cvfilter reads (cv.md, metadata.yaml, the .bib, stats.json, a .csl,
its caches) comes through here, so that each is read one way.

- Only regular files: a FIFO would block a build forever and a link to /dev/zero would fill memory,
  so the file is opened without blocking and refused unless it is a regular file.
- A size limit, checked before reading and while reading (a file may grow meanwhile).
- Text is UTF-8, with or without a byte order mark; CRLF and CR-only line endings become LF.
  UTF-16/32, bytes that are not UTF-8 and NUL characters are errors at their file and line.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import CvError, Location, note_reading

# Generous for a CV (the example's files are below 200 KB; 20,000 BibTeX entries are about 10 MB),
# small enough that a wrong file named by mistake stops at once.
MAX_TEXT_BYTES = 32 * 1024 * 1024

_OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save the file as UTF-8 in your editor"


@dataclass(frozen=True)
class Text:
    """A file's text with LF line endings, and whether it had lone CR line endings (which pandoc
    itself, reading the file under plain pandoc, does not take as line breaks)."""

    text: str
    bare_cr: bool = False


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: Path, shown: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is a CvError at `shown`."""
    note_reading(shown)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise CvError.at(Location(shown), "file not found", "check the path in cv.md's front matter") from None
    except OSError as exc:
        raise CvError.at(Location(shown), f"cannot read file: {exc.strerror or exc}", "check that the file exists and you may read it") from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise CvError.at(Location(shown), f"cannot read file: it is {_kind(mode)}", "name an ordinary file")
    with os.fdopen(handle, "rb", buffering=0) as stream:
        try:
            chunks = _read_at_most(stream, limit + 1)
        except OSError as exc:
            raise CvError.at(Location(shown), f"cannot read file: {exc.strerror or exc}") from None
    if len(chunks) > limit:
        raise CvError.at(Location(shown), f"file is larger than {limit // (1024 * 1024)} MB",
                         "a CV's files are far smaller; check that this is the file you meant")
    return chunks


def _read_at_most(stream, size: int) -> bytes:
    parts: list[bytes] = []
    left = size
    while left > 0:
        part = stream.read(min(left, 1 << 20))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def decode(raw: bytes, shown: str) -> Text:
    """UTF-8 text with LF line endings, or a CvError at the line of the first byte that is not."""
    for bom, name in _OTHER_ENCODINGS:
        if raw.startswith(bom):
            raise CvError.at(Location(shown, 1), f"the file is {name} text, not UTF-8", _SAVE_AS_UTF8)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of_bytes(raw, exc.start)
        raise CvError.at(Location(shown, line), f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", _SAVE_AS_UTF8) from None
    nul = text.find("\0")
    if nul >= 0:
        # Most often the file is UTF-16 without a byte order mark: every other byte is NUL.
        line = text.count("\n", 0, nul) + text.count("\r", 0, nul) - text.count("\r\n", 0, nul) + 1
        raise CvError.at(Location(shown, line), "a NUL character (byte 0x00) in the text",
                         "remove it; if every other byte is NUL, the file is UTF-16: " + _SAVE_AS_UTF8)
    if "\r" not in text:
        return Text(text)
    crlf = text.replace("\r\n", "\n")
    return Text(crlf.replace("\r", "\n"), bare_cr="\r" in crlf)


def _line_of_bytes(raw: bytes, index: int) -> int:
    before = raw[:index]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def read_text(path: Path, shown: str, limit: int = MAX_TEXT_BYTES) -> str:
    """A regular UTF-8 text file, its line endings made LF; every defect is a CvError at `shown`."""
    return decode(read_bytes(path, shown, limit), shown).text


def read_text_file(path: Path, shown: str, limit: int = MAX_TEXT_BYTES) -> Text:
    """`read_text`, telling also whether the file had lone CR line endings."""
    return decode(read_bytes(path, shown, limit), shown)


def resolve_inside(base: Path, relative: str, shown_from: Location) -> Path:
    """A path cv.md names (front matter, a macro option such as csl=, an image), refused if it leads outside the CV's folder.

    Symbolic links are resolved first, so a link pointing elsewhere is refused too.
    """
    candidate = (base / relative).resolve()
    root = base.resolve()
    if candidate != root and root not in candidate.parents:
        raise CvError.at(shown_from, f"path {relative!r} leads outside the CV's folder", "keep data files next to cv.md")
    return candidate
