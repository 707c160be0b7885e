"""What cv.md's own raw HTML, raw TeX and images may do (the policy SECURITY.md states).

The author's raw blocks are the author's: cvfilter passes them on as written, except for what
would run code in the reader's browser or read files from the author's machine into a file that
is sent to others:
- raw HTML: no <script>, <iframe>, <object>, <embed> or <base>, no event handler attribute
  (onerror=...), and no URL attribute (href, src, ...) with a javascript:, data:, vbscript: or
  file: target;
- raw TeX: no command that reads or writes files or runs programs (\\input, \\include, \\openin,
  \\write18, ...), and links in it are checked like any other;
- images: a file inside the CV's folder with an image type; a remote image is refused, since
  builds are offline and a fetched image could be anything.
Each breach is an error at its line of cv.md, so nothing is written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import panflute as pf

from .data.model import MAX_PHOTO_BYTES
from .errors import CvError, Location, Problem
from .safety import unsafe_target
from .textfile import resolve_inside
from .walk import walk

if TYPE_CHECKING:
    from .data.load import StoredSource
    from .data.model import CvData
    from .data.yaml_source import YamlSource

_CODE_TAGS = {"script", "iframe", "object", "embed", "base", "frame", "frameset", "applet"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                   "cite", "longdesc", "srcset", "manifest", "ping", "codebase"}
# TeX primitives and LaTeX commands that read or write files or start programs, and the ones that
# could spell them another way (\csname input\endcsname, a changed \catcode).
_FILE_COMMANDS = re.compile(
    r"\\(input|include|includeonly|InputIfFileExists|IfFileExists|openin|openout|read|readline|write|"
    r"immediate|write18|ShellEscape|directlua|latelua|luaexec|pdffiledump|filedump|verbatiminput|"
    r"VerbatimInput|lstinputlisting|inputminted|includegraphics|includepdf|pdfximage|special|"
    r"csname|catcode|scantokens|usepackage|RequirePackage|documentclass|LoadClass|externaldocument)(?![A-Za-z])")
_TEX_LINK = re.compile(r"\\(?:href|url)\s*\{([^{}]*)\}")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


class _Tags(HTMLParser):
    """The tags and attributes of a piece of raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def html_problem(text: str) -> str | None:
    """What is refused in raw HTML, in words, or None."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    for tag, attrs in parser.found:
        if tag in _CODE_TAGS:
            return f"raw HTML <{tag}> runs code or loads other pages"
        for name, value in attrs:
            if name.startswith("on"):
                return f"raw HTML attribute {name}= runs code"
            if name in _URL_ATTRIBUTES and value and any(unsafe_target(part) for part in value.split(",")):
                return f"raw HTML link {value[:60]!r} runs code or reads local files"
            if name == "style" and value and re.search(r"url\s*\(|expression\s*\(", value, re.IGNORECASE):
                return "raw HTML style with url(...) loads other content"
    return None


def tex_problem(text: str) -> str | None:
    found = _FILE_COMMANDS.search(text)
    if found:
        return f"raw TeX \\{found[1]} reads or writes files (or could)"
    for target in _TEX_LINK.findall(text):
        if unsafe_target(target):
            return f"raw TeX link {target[:60]!r} runs code or reads local files"
    return None


def image_problem(url: str, base_dir: Path, where: Location) -> str | None:
    """Why an image may not be used, or None: remote, outside the folder, missing, not an image."""
    if _REMOTE.match(url):
        return f"image {url[:60]!r} is remote: builds are offline and do not fetch it"
    try:
        path = resolve_inside(base_dir, url, where)
    except CvError:
        return f"image {url[:60]!r} is outside the CV's folder"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"image {url[:60]!r} is not an image file ({', '.join(IMAGE_SUFFIXES)})"
    if not path.is_file():
        return f"image {url[:60]!r} not found"
    return None


_HINTS = {
    "html": "remove it: a CV page needs no scripts, and links must be http://, https:// or mailto: addresses",
    "tex": "write the text into cv.md itself; links must be http://, https:// or mailto: addresses",
    "image": "put the image (PNG, JPEG, GIF, SVG or WebP) next to cv.md and name it by a relative path",
    "photo": "put the image (PNG, JPEG, GIF, SVG or WebP) in the CV's folder and name it by a path relative to that folder",
}


def raw_and_image_problems(doc: pf.Doc, base_dir: Path, source: str, source_text: str | None) -> list[Problem]:
    """Every refused raw block, raw inline and image of the document, at its line of cv.md."""
    problems: list[Problem] = []
    text = source_text or ""

    after: dict[str, int] = {}  # the same text written twice: the second use is found after the first

    def where(needle: str) -> Location:
        index = text.find(needle, after.get(needle, 0)) if needle else -1
        if index < 0 and needle:
            index = text.find(needle)
        if index < 0:
            return Location(source)
        after[needle] = index + 1
        return Location(source, text.count("\n", 0, index) + 1)

    def action(elem: pf.Element, _doc: pf.Doc) -> None:
        if isinstance(elem, (pf.RawInline, pf.RawBlock)):
            kind = "html" if elem.format == "html" or elem.format.startswith("html") else \
                "tex" if elem.format in ("tex", "latex", "context", "beamer") else None
            problem = html_problem(elem.text) if kind == "html" else tex_problem(elem.text) if kind == "tex" else None
            if problem:
                problems.append(Problem(where(elem.text.strip().splitlines()[0] if elem.text.strip() else ""), problem, _HINTS[kind]))
        elif isinstance(elem, pf.Image):
            place = where(f"({elem.url}") if f"({elem.url}" in text else where(elem.url)
            problem = image_problem(elem.url, base_dir, place)
            if problem:
                problems.append(Problem(place, problem, _HINTS["image"]))

    walk(doc, action, types=(pf.RawInline, pf.RawBlock, pf.Image))
    return problems


def photo_problems(data: CvData, source: YamlSource | StoredSource, base_dir: Path) -> list[Problem]:
    """metadata.yaml's `photo:` follows the rule for cv.md's images, at the line that names it."""
    if data.photo is None:
        return []
    place = source.locate(("photo",) if isinstance(data.photo, str) else ("photo", "file"))
    file = data.photo if isinstance(data.photo, str) else data.photo.file
    problem = image_problem(file, base_dir, place)
    if problem is None and (base_dir / file).stat().st_size > MAX_PHOTO_BYTES:
        problem = f"image {file[:60]!r} is larger than {MAX_PHOTO_BYTES // 1_000_000} MB, which every format would carry"
    return [Problem(place, f"photo: {problem}", _HINTS["photo"])] if problem else []
