"""RenderCV's inline Markdown as the plain text metadata.yaml holds.

RenderCV reads every text field of an entry as Markdown, but only its inline part: bold, italic,
code and links (it switches headings and lists off). metadata.yaml shows its strings literally, so
`**Fast**` must arrive as `Fast`. Pandoc does the reading, with every extension RenderCV lacks
switched off and a line start that pandoc would read as a block (`1984. `, `# 1`, `- x`) escaped, so
that what RenderCV shows as written stays as written. All values go to one pandoc run.
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import panflute as pf

from .. import pandoc

# Pandoc's Markdown without what RenderCV's reader does not have: no smart quotes or dashes (the
# text keeps the characters typed), no math, raw HTML or TeX, notes, citations, sub/superscript,
# strikeout, tables, definition lists, fenced blocks, title blocks or letter-numbered lists.
_FORMAT = "markdown" + "".join(f"-{name}" for name in (
    "smart", "tex_math_dollars", "raw_html", "raw_tex", "raw_attribute", "footnotes", "inline_notes", "citations",
    "subscript", "superscript", "strikeout", "bracketed_spans", "definition_lists", "line_blocks",
    "fenced_code_blocks", "backtick_code_blocks", "fenced_divs", "simple_tables", "multiline_tables", "grid_tables",
    "pipe_tables", "table_captions", "pandoc_title_block", "yaml_metadata_block", "fancy_lists", "example_lists",
    "implicit_figures", "link_attributes", "inline_code_attributes",
))

# A line start that pandoc reads as a block and RenderCV as text: a heading, quote, list item or
# rule, a setext underline, a reference definition. A backslash before the punctuation keeps it.
_BLOCK_START = re.compile(r"^(?:[#>|:%=~+-]|\*(?=\s|[*\s]*$)|_(?=[_\s]*$)|\[(?=[^\]]*\]:))")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
# A backslash before white space or the end is a no-break space or a line break to pandoc and a
# backslash to RenderCV: one more makes it one.
_BACKSLASHES_BEFORE_SPACE = re.compile(r"\\+(?=\s|$)")


@dataclass
class PlainText:
    """A value without its markup; the links it had, and what else could not be kept, in words."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


def plain_texts(values: list[str], shown: str) -> list[PlainText]:
    """Each Markdown value as plain text, all read by one pandoc run."""
    return [_plain(blocks) for blocks in _read_each(values, shown)]


def inline_markdown(values: list[str], shown: str) -> list[list[pf.Inline]]:
    """Each value as the inlines of its Markdown, keeping only what RenderCV's Markdown has: bold,
    italic and links to web or mail addresses. Anything else arrives as its text, so no raw HTML,
    TeX, attribute or Div syntax passes from someone else's file into cv.md."""
    out = []
    for blocks in _read_each(values, shown):
        inlines: list[pf.Inline] = []
        for block in blocks:
            if inlines:
                inlines.append(pf.Space())
            inlines.extend(_kept(item) for item in (block.content if isinstance(block, (pf.Para, pf.Plain)) else [pf.Str(pf.stringify(block))]))
        out.append(inlines)
    return out


def _kept(item: pf.Inline) -> pf.Inline:
    if isinstance(item, (pf.Str, pf.Space)):
        return item
    if isinstance(item, (pf.SoftBreak, pf.LineBreak)):
        return pf.Space()
    if isinstance(item, (pf.Strong, pf.Emph)):
        return type(item)(*(_kept(each) for each in item.content))
    if isinstance(item, pf.Link) and _SAFE_LINK.match(item.url):
        return pf.Link(*(_kept(each) for each in item.content), url=item.url)
    return pf.Str(pf.stringify(item) if not isinstance(item, pf.Code) else item.text)


_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s]+$", re.IGNORECASE)


def _read_each(values: list[str], shown: str) -> list[list[pf.Block]]:
    """The blocks of each value, all read by one pandoc run."""
    if not values:
        return []
    marker = f"cvfilterfield{secrets.token_hex(8)}"
    groups: list[list[pf.Block]] = [[]]
    for block in _blocks(f"\n\n{marker}\n\n".join(_inline_only(value) for value in values), shown):
        if isinstance(block, pf.Para) and pf.stringify(block).strip() == marker:
            groups.append([])
        else:
            groups[-1].append(block)
    if len(groups) != len(values):  # a value ran into its neighbour: read each on its own
        groups = [_blocks(_inline_only(value), shown) for value in values]
    return groups


def _blocks(markdown: str, shown: str) -> list[pf.Block]:
    json_text = pandoc.Running(markdown, shown, Path.cwd(), ["-f", _FORMAT, "-t", "json"]).result()
    return list(pf.load(io.StringIO(json_text)).content)


def _inline_only(value: str) -> str:
    lines = (_BACKSLASHES_BEFORE_SPACE.sub(lambda m: m.group() + "\\" * (len(m.group()) % 2), line.strip())
             for line in value.split("\n"))
    return "\n".join(_NUMBERED.sub(r"\1\\\2", _BLOCK_START.sub(lambda m: "\\" + m.group(), line)) for line in lines)


def _plain(blocks: list[pf.Block]) -> PlainText:
    out = PlainText("")
    paragraphs = []
    for block in blocks:
        if isinstance(block, (pf.Para, pf.Plain)):
            paragraphs.append("".join(_inline_text(item, out) for item in block.content).strip())
        else:  # not expected after _inline_only; its words are kept all the same
            paragraphs.append(pf.stringify(block).strip())
            out.lost.append(f"its layout as {type(block).__name__}")
    out.text = "\n\n".join(p for p in paragraphs if p)
    return out


def _inline_text(item: pf.Inline, out: PlainText) -> str:
    if isinstance(item, pf.Str):
        return item.text
    if isinstance(item, (pf.Space, pf.SoftBreak, pf.LineBreak)):
        return " "
    if isinstance(item, pf.Code):
        return item.text
    if isinstance(item, pf.Image):
        words = "".join(_inline_text(each, out) for each in item.content)
        out.lost.append(f"the image {item.url}")
        return words
    words = "".join(_inline_text(each, out) for each in getattr(item, "content", []))
    if isinstance(item, pf.Link) and item.url.removeprefix("mailto:") != words:
        out.links.append((words, item.url))
    return words
