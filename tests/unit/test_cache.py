"""The result cache: keyed by content, survives between processes, never serves a stale value."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter import cache as cache_module
from cvfilter.cache import ResultCache, content_key, map_cached


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a new process would: nothing held in memory, no environment overrides."""
    monkeypatch.setattr(cache_module, "_OPEN", {})
    monkeypatch.delenv(cache_module.CACHE_ENV, raising=False)
    monkeypatch.delenv(cache_module.DISABLE_ENV, raising=False)


def shout(text: str) -> str:
    return text.upper() + "!"


@given(st.dictionaries(st.text(), st.integers(), max_size=6))
def test_key_ignores_dict_order(entry):
    reordered = dict(reversed(list(entry.items())))
    assert content_key(entry, "apa") == content_key(reordered, "apa")


def test_key_changes_with_content_and_settings():
    entry = {"title": "A", "year": "2020"}
    assert content_key(entry, "apa") != content_key({**entry, "year": "2021"}, "apa")
    assert content_key(entry, "apa") != content_key(entry, "ieee")


def test_results_are_reused_by_a_new_process(tmp_path: Path):
    calls: list[str] = []

    def compute(text: str) -> str:
        calls.append(text)
        return shout(text)

    items = ["alpha", "beta"]
    keys = [content_key(item) for item in items]
    first = map_cached(items, keys, compute, ResultCache.open(tmp_path, "pubs", "apa"))
    assert first == ["ALPHA!", "BETA!"]
    assert calls == ["alpha", "beta"]

    cache_module._OPEN.clear()
    again = ResultCache.open(tmp_path, "pubs", "apa")
    assert map_cached(items, keys, compute, again) == ["ALPHA!", "BETA!"]
    assert calls == ["alpha", "beta"]
    assert (again.hits, again.misses) == (2, 0)
    assert list((tmp_path / ".cache" / "cvfilter").glob("pubs-*.json"))


def test_a_changed_entry_is_recomputed_and_others_are_not(tmp_path: Path):
    calls: list[str] = []

    def compute(text: str) -> str:
        calls.append(text)
        return shout(text)

    cache = ResultCache.open(tmp_path, "pubs", "apa")
    map_cached(["a", "b"], [content_key("a"), content_key("b")], compute, cache)
    calls.clear()
    assert map_cached(["a", "c"], [content_key("a"), content_key("c")], compute, cache) == ["A!", "C!"]
    assert calls == ["c"]


def test_other_settings_use_another_store(tmp_path: Path):
    map_cached(["x"], ["k"], shout, ResultCache.open(tmp_path, "pubs", "apa"))
    other = ResultCache.open(tmp_path, "pubs", "ieee")
    assert other.get("k") is None


def test_a_corrupt_file_is_ignored_and_rewritten(tmp_path: Path):
    cache = ResultCache.open(tmp_path, "pubs", "apa")
    map_cached(["x"], ["k"], shout, cache)
    assert cache.path is not None
    cache.path.write_text("{not json", encoding="utf-8")
    cache_module._OPEN.clear()
    reopened = ResultCache.open(tmp_path, "pubs", "apa")
    assert map_cached(["x"], ["k"], shout, reopened) == ["X!"]
    assert json.loads(reopened.path.read_text(encoding="utf-8")) == {"k": "X!"}


def test_caching_can_be_switched_off(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(cache_module.DISABLE_ENV, "1")
    cache = ResultCache.open(tmp_path, "pubs", "apa")
    assert map_cached(["x"], ["k"], shout, cache) == ["X!"]
    assert not (tmp_path / ".cache").exists()


def test_many_missing_results_are_computed_in_workers_in_order(tmp_path: Path):
    items = [f"entry {n}" for n in range(cache_module.PARALLEL_MIN + 5)]
    keys = [content_key(item) for item in items]
    results = map_cached(items, keys, shout_in_process, ResultCache.open(tmp_path, "pubs", "apa"), workers=2)
    assert [text for text, _pid in results] == [shout(item) for item in items]
    assert results[0][1] == os.getpid()  # the first warms what compute loads, then the workers fork
    workers = {pid for _text, pid in results[1:]}
    assert len(workers) == 2 and os.getpid() not in workers


def shout_in_process(text: str) -> list:
    return [shout(text), os.getpid()]


@pytest.mark.parametrize("package", ["pydantic", "PyYAML", "citeproc-py", "bibtexparser", "pylatexenc"])
def test_installed_versions_agree_with_importlib_metadata(package):
    from importlib.metadata import version

    from cvfilter.cache import installed_version

    assert installed_version(package) == version(package)


def test_a_package_that_is_not_installed_has_no_version():
    from cvfilter.cache import installed_version

    assert installed_version("no-such-package-here") == "unknown"
