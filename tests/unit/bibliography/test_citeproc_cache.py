"""Rendered references come from the cache when nothing they depend on changed, and only then."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cvfilter import cache as cache_module
from cvfilter.bibliography import cached
from cvfilter.bibliography.render import Node, render_reference, resolve_style, to_elements
from cvfilter.errors import Location


def item(key: str, title: str) -> str:
    return json.dumps({
        "id": key, "type": "article-journal", "title": title, "container-title": "ICML",
        "author": [{"family": "Lovelace", "given": "Ada"}], "issued": {"date-parts": [[2020]]},
    }, sort_keys=True)


def shown(nodes: list[Node]) -> str:
    """What a reader sees of a cached entry."""
    import panflute as pf

    return pf.stringify(pf.Para(*to_elements(nodes)))


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """Items that reached citeproc; each test starts like a new process."""
    seen: list[str] = []

    def counting(item_json: str, style_path: str, locale: str) -> str:
        seen.append(json.loads(item_json)["id"])
        return render_reference(item_json, style_path, locale)

    monkeypatch.setattr(cached, "render_reference", counting)
    monkeypatch.setattr(cache_module, "_OPEN", {})
    monkeypatch.delenv(cache_module.CACHE_ENV, raising=False)
    monkeypatch.delenv(cache_module.DISABLE_ENV, raising=False)
    return seen


def test_a_second_build_renders_nothing_and_gives_the_same_text(tmp_path: Path, calls: list[str]):
    style = resolve_style(None, tmp_path, Location("cv.md"))
    items = [item("a", "Analytical engines"), item("b", "Bernoulli numbers")]
    first = cached.render_references(items, style, "en-US", tmp_path)
    assert "Analytical engines" in shown(first[0]) and "Bernoulli numbers" in shown(first[1])
    cache_module._OPEN.clear()
    assert cached.render_references(items, style, "en-US", tmp_path) == first
    assert calls == ["a", "b"]


def test_an_edited_entry_is_rendered_again(tmp_path: Path, calls: list[str]):
    style = resolve_style(None, tmp_path, Location("cv.md"))
    cached.render_references([item("a", "Old title")], style, "en-US", tmp_path)
    again = cached.render_references([item("a", "New title")], style, "en-US", tmp_path)
    assert "New title" in shown(again[0])
    assert calls == ["a", "a"]


def test_an_edited_style_file_or_another_locale_is_not_served_from_the_cache(tmp_path: Path, calls: list[str]):
    shipped = resolve_style(None, tmp_path, Location("cv.md"))
    style = tmp_path / "mine.csl"
    shutil.copy(shipped, style)
    items = [item("a", "Analytical engines")]
    cached.render_references(items, str(style), "en-US", tmp_path)
    cached.render_references(items, str(style), "en-GB", tmp_path)
    style.write_text(style.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cached.render_references(items, str(style), "en-US", tmp_path)
    assert calls == ["a", "a", "a"]


def test_the_words_for_et_al_are_part_of_what_is_cached(tmp_path: Path, calls: list[str]):
    from cvfilter.bibliography.markers import OTHERS

    style = resolve_style(None, tmp_path, Location("cv.md"))
    entry = json.loads(item("a", "Analytical engines"))
    entry["author"] = [{"family": "Lovelace", "given": "Ada"}, {"family": "Babbage", "given": "Charles"}, {"literal": OTHERS}]
    items = [json.dumps(entry, sort_keys=True)]
    english = cached.render_references(items, style, "en-US", tmp_path, "et al.", True)
    german = cached.render_references(items, style, "en-US", tmp_path, "u. a.", False)
    assert "Babbage, et\u00a0al." in shown(english[0]) and "Babbage u.\u00a0a." in shown(german[0])
    assert cached.render_references(items, style, "en-US", tmp_path, "et al.", True) == english
    assert calls == ["a", "a"]
