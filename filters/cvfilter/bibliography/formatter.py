"""A citeproc-py output formatter whose markup is private-use characters, read back by `inlines`.

citeproc-py formats through a module of wrapper classes (like its `formatter.html`); this is one more
such module. Its output is a string only on the way through: `render.to_inlines` turns it into
panflute elements, so every Pandoc writer gets real emphasis, bold and links.
"""

from __future__ import annotations

from . import markers


def preformat(text: str) -> str:
    """Nothing to escape: user text cannot contain the marker characters (the reader strips them)."""
    return str(text)


class _Wrapper(str):
    markers: tuple[str, str] = ("", "")

    def __new__(cls, text: str) -> _Wrapper:
        return super().__new__(cls, f"{cls.markers[0]}{text}{cls.markers[1]}")


class Italic(_Wrapper):
    markers = markers.EMPH


class Oblique(Italic):
    pass


class Bold(_Wrapper):
    markers = markers.BOLD


class Light(_Wrapper):
    pass


class Underline(_Wrapper):
    markers = markers.UNDERLINE


class Superscript(_Wrapper):
    markers = markers.SUPERSCRIPT


class Subscript(_Wrapper):
    markers = markers.SUBSCRIPT


class SmallCaps(_Wrapper):
    markers = markers.SMALLCAPS
