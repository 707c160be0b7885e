"""The Markdown export reads back to the same text and the same links, whatever the text and the
link targets hold: with pandoc's reader and a CommonMark one, no target turns into another link or
a javascript: one (a `)` or `[` in a URL, an entity-encoded scheme)."""

from __future__ import annotations

import io
import json
import subprocess
import urllib.parse
from pathlib import Path

import panflute as pf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cvfilter import pandoc
from cvfilter.formats import text as text_edge
from cvfilter.safety import unsafe_target

_SPECIAL = list("()[]<>&#;*_`\\!\"' :/?=%") + ["&#106;", "javascript:", "](javascript:alert(1))", "&amp;", "<b>", "\\("]
_PATH = st.lists(st.sampled_from(_SPECIAL + list("abcxyz019")), max_size=20).map("".join)
# Words as pandoc's reader makes them: no white space at their edges.
_WORDS = st.lists(st.sampled_from([w for w in _SPECIAL if " " not in w] + ["word", "Ada", "*bold*", "#", "1.", "-", "+", ">"]),
                  min_size=1, max_size=12)


def _links(doc_json: dict) -> list[str]:
    found: list[str] = []

    def visit(node) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Link":
                found.append(node["c"][2][0])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(doc_json)
    return found


def _read(markdown: str, reader: str) -> tuple[str, list[str]]:
    native = subprocess.run([pandoc.pandoc_path(), "-f", reader, "-t", "json"], input=markdown,
                            capture_output=True, text=True, check=True).stdout
    doc = pf.load(io.StringIO(native))
    return " ".join(pf.stringify(doc).split()), _links(json.loads(native))


def _same_url(a: str, b: str) -> bool:
    return urllib.parse.unquote(a) == urllib.parse.unquote(b)


@given(words=_WORDS, path=_PATH, label=st.sampled_from(["Analyst", "notes", "a [b] c"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_markdown_export_reads_back_to_its_text_and_links(words: list[str], path: str, label: str) -> None:
    url = "https://example.org/" + path
    para = pf.Para(*[item for word in words for item in (pf.Str(word), pf.Space())][:-1], pf.Space(),
                   pf.Link(pf.Str(label), url=url))
    doc = pf.Doc(para)
    doc.format = "markdown"
    expected = " ".join(pf.stringify(doc).split())
    text_edge.finish(doc, None)
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    written = pandoc.write(buffer.getvalue(), text_edge.MARKDOWN, ["--wrap=none"], Path.cwd(), "cv.md").decode("utf-8")
    for reader in ("markdown", "commonmark"):
        read_text, links = _read(written, reader)
        assert read_text == expected, (reader, written)
        assert len(links) == 1 and _same_url(links[0], url), (reader, written, links)
        assert not any(unsafe_target(link) for link in links)
