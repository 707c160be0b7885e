"""`render_reference` and `to_nodes` for many entries at once, through the on-disk result cache.

A rendered entry is a pure function of its CSL-JSON item (which already carries the owner and
"et al." markers), the style file, the locale, the words for "et al.", and the code that renders
it. The cache key covers all of them: an edited entry, another style, an edited .csl or a new
cvfilter never reuse an old result. What is stored is the entry's nodes, so that a warm build only
makes their elements. Missing entries are rendered on every core when there are many (a cold build).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
import json
from functools import partial
from pathlib import Path

from ..cache import ResultCache, code_version, content_key, map_cached
from .render import Node, render_reference, to_nodes, valid_nodes

# The modules whose code decides what a rendered entry looks like.
_RENDERER_SOURCES = ("render.py", "formatter.py", "markers.py", "citeproc_fixes.py")
_RENDERER_PACKAGES = ("citeproc-py",)


def render_references(item_jsons: Sequence[str], style_path: str, locale: str, base_dir: Path,
                      et_al: str = "et al.", serial_comma: bool = False) -> list[list[Node]]:
    """The nodes of each of `item_jsons`, in order; only entries never seen before reach citeproc."""
    cache_ = ResultCache.open(base_dir, "citeproc", _fingerprint(style_path), locale, et_al, serial_comma, _renderer_version())
    keys = [content_key(item) for item in item_jsons]
    render = partial(render_nodes, style_path=style_path, locale=locale, et_al=et_al, serial_comma=serial_comma)
    return map_cached(item_jsons, keys, render, cache_, valid=valid_nodes)


def render_nodes(item_json: str, style_path: str, locale: str, et_al: str, serial_comma: bool) -> list[Node]:
    """One entry rendered and read into nodes (module level: forked workers call it)."""
    return to_nodes(render_reference(item_json, style_path, locale), json.loads(item_json), et_al, serial_comma)


def _fingerprint(path: str) -> str:
    """The style file's content, so an edited .csl is a different style."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return path


def _renderer_version() -> str:
    """The rendering code and citeproc-py's version: a rendering by another version is not reused."""
    return code_version(Path(__file__).parent, _RENDERER_SOURCES, _RENDERER_PACKAGES)
