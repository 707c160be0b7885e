"""The fast walk does what panflute's walk does: same order, same replacements, same document."""

from __future__ import annotations

import io
from pathlib import Path

import panflute as pf
import pytest

from cvfilter.filter import run
from cvfilter.walk import walk

from ..conftest import ROOT, markdown_to_doc


def dumped(doc: pf.Doc) -> str:
    buffer = io.StringIO()
    pf.dump(doc, buffer)
    return buffer.getvalue()


def copy(doc: pf.Doc) -> pf.Doc:
    return pf.load(io.StringIO(dumped(doc)))


SAMPLE = pf.Doc(
    pf.Para(pf.Str("Alpha"), pf.Space(), pf.Str("and"), pf.Space(), pf.Emph(pf.Str("x"), pf.Space(), pf.Str("y"))),
    pf.Header(pf.Str("Heading"), level=1),
    pf.BulletList(pf.ListItem(pf.Plain(pf.Str("one"))), pf.ListItem(pf.Para(pf.Str("two")))),
    pf.Div(pf.Para(pf.Link(pf.Str("link"), url="https://example.org")), classes=["box"]),
    metadata={"title": pf.MetaInlines(pf.Str("Title"), pf.Space(), pf.Str("Alpha"))},
)


def rewrite(elem: pf.Element, _doc: pf.Doc):
    """Every kind of answer an action can give: keep, replace, splice, remove, mutate in place."""
    if isinstance(elem, pf.Str) and elem.text.startswith("A"):
        return pf.Emph(pf.Str(elem.text))
    if isinstance(elem, pf.Space) and isinstance(elem.parent, pf.Emph):
        return []
    if isinstance(elem, pf.Str) and elem.text == "and":
        return [pf.Str("&"), pf.Str("+")]
    if isinstance(elem, pf.Header):
        elem.level += 1
    if isinstance(elem, pf.Plain) and elem.index == 0:
        return pf.Para(*elem.content)
    if isinstance(elem, pf.Div):
        return list(elem.content)
    return None


def test_every_kind_of_answer_matches_panflute():
    theirs, ours = copy(SAMPLE), copy(SAMPLE)
    theirs.walk(rewrite)
    walk(ours, rewrite)
    assert dumped(ours) == dumped(theirs)


def test_elements_are_visited_children_first_in_document_order():
    visits_theirs: list[str] = []
    visits_ours: list[str] = []
    copy(SAMPLE).walk(lambda e, _d: visits_theirs.append(type(e).__name__))
    walk(copy(SAMPLE), lambda e, _d: visits_ours.append(type(e).__name__))
    assert visits_ours == visits_theirs


def test_types_limit_the_calls_not_the_walk():
    every: list[pf.Element] = []
    words: list[pf.Element] = []
    doc = copy(SAMPLE)
    walk(doc, lambda e, _d: every.append(e))
    walk(doc, lambda e, _d: words.append(e), types=(pf.Str, pf.Header))
    assert [id(e) for e in words] == [id(e) for e in every if isinstance(e, (pf.Str, pf.Header))]
    assert [pf.stringify(e) for e in words] == ["Title", "Alpha", "Alpha", "and", "x", "y", "Heading", "Heading", "one", "two", "link"]


def panflute_walk(elem: pf.Element, action, doc: pf.Doc | None = None, types=pf.Element):
    """panflute's own walk, calling `action` on `types` only, as ours does."""
    return elem.walk(lambda e, d: action(e, d) if isinstance(e, types) else None, doc)


@pytest.mark.parametrize("fmt", ["html", "docx", "typst", "latex", "plain"])
def test_each_format_edge_gives_the_same_document_as_with_panflute(fmt: str, monkeypatch):
    source = ROOT / "cv.md"
    markdown = source.read_text(encoding="utf-8")
    parsed = markdown_to_doc(markdown)
    monkeypatch.chdir(ROOT)
    ours = dumped(run(copy(parsed), fmt, base_dir=Path(ROOT)))
    for module in ("common", "docx", "html", "typst", "latex", "plain"):
        monkeypatch.setattr(f"cvfilter.formats.{module}.walk", panflute_walk)
    theirs = dumped(run(copy(parsed), fmt, base_dir=Path(ROOT)))
    assert ours == theirs
