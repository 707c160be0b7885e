"""The web page as a parser reads it: the DOM's text in document order (no CSS, no script), block
elements on lines of their own, and every link's target."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from .text import Extraction

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "header", "footer", "ol", "ul",
           "dd", "dt", "br", "tr", "td", "th", "table", "article", "main", "nav", "aside", "blockquote"}
_HIDDEN = {"script", "style", "head", "template", "noscript"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def read_dom(path: Path) -> Extraction:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return Extraction("html", "dom", "\n".join(line for line in lines if line), parser.links)
