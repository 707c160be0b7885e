"""The result cache: keyed by content, survives between processes, never serves a stale value."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cvfilter import cache as cache_module
from cvfilter.cache import ResultCache, content_key, map_cached
from tests.conftest import cache_text


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
    assert json.loads(cache_text(reopened.path)) == {"k": "X!"}


def test_caching_can_be_switched_off(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(cache_module.DISABLE_ENV, "1")
    cache = ResultCache.open(tmp_path, "pubs", "apa")
    assert map_cached(["x"], ["k"], shout, cache) == ["X!"]
    assert not (tmp_path / ".cache").exists()


@pytest.mark.parametrize("value, cached", [("1", False), ("true", False), (" YES ", False), ("on", False),
                                           ("0", True), ("false", True), ("no", True), ("", True)])
def test_only_a_yes_switches_caching_off(tmp_path: Path, monkeypatch, value: str, cached: bool):
    monkeypatch.setenv(cache_module.DISABLE_ENV, value)
    assert map_cached(["x"], ["k"], shout, ResultCache.open(tmp_path, "pubs", "apa")) == ["X!"]
    assert (tmp_path / ".cache").exists() is cached


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


HOUR_NS = 3600 * 10**9


def _files(folder: Path, pattern: str = "*") -> set[str]:
    return {path.name for path in folder.glob(pattern)}


def _age(path: Path, hours: float) -> None:
    """Set a file's time `hours` into the past, as if it was last written or used then."""
    stamp = time.time_ns() - int(hours * HOUR_NS)
    os.utime(path, ns=(stamp, stamp))


def _write(base: Path, namespace: str, setting: str, hours_ago: float | None = None) -> Path:
    cache = ResultCache.open(base, namespace, setting)
    cache.put("k", setting)
    cache.save()
    assert cache.path is not None
    if hours_ago is not None:
        _age(cache.path, hours_ago)
    return cache.path


def test_a_namespace_keeps_only_its_files_used_last(tmp_path: Path):
    folder = tmp_path / ".cache" / "cvfilter"
    paths = [_write(tmp_path, "citeproc", f"renderer {n}", hours_ago=100 - n) for n in range(9)]
    newest = _write(tmp_path, "citeproc", "renderer 9")
    kept = {path.name for path in [*paths[-(cache_module.KEEP_PER_NAMESPACE - 1):], newest]}
    assert _files(folder) == kept
    cache_module._OPEN.clear()
    assert ResultCache.open(tmp_path, "citeproc", "renderer 9").get("k") == "renderer 9"
    assert ResultCache.open(tmp_path, "citeproc", "renderer 0").get("k") is None


def test_other_namespaces_and_other_files_are_left_alone(tmp_path: Path):
    folder = tmp_path / ".cache" / "cvfilter"
    others = [_write(tmp_path, name, "s", hours_ago=500) for name in ("bibliography", "citeproc-extra", "metadata")]
    folder.joinpath("notes.txt").write_text("mine", encoding="utf-8")
    for n in range(cache_module.KEEP_PER_NAMESPACE + 3):
        _write(tmp_path, "citeproc", f"style {n}", hours_ago=50 - n)
    assert {path.name for path in others} | {"notes.txt"} <= _files(folder)
    assert len(_files(folder, "citeproc-????????????????????????????????.json")) == cache_module.KEEP_PER_NAMESPACE


def test_a_file_read_by_a_build_counts_as_used_though_it_was_written_long_ago(tmp_path: Path):
    folder = tmp_path / ".cache" / "cvfilter"
    read_often = _write(tmp_path, "citeproc", "apa", hours_ago=1000)
    for n in range(cache_module.KEEP_PER_NAMESPACE - 1):
        _write(tmp_path, "citeproc", f"old {n}", hours_ago=500 - n)
    cache_module._OPEN.clear()
    assert ResultCache.open(tmp_path, "citeproc", "apa").get("k") == "apa"  # a warm build: read, not written
    _write(tmp_path, "citeproc", "ieee")
    assert read_often.exists()
    assert len(_files(folder)) == cache_module.KEEP_PER_NAMESPACE


def test_marking_a_file_used_does_not_make_this_process_read_it_again(tmp_path: Path, monkeypatch):
    path = _write(tmp_path, "citeproc", "apa", hours_ago=2)
    cache_module._OPEN.clear()
    cache = ResultCache.open(tmp_path, "citeproc", "apa")
    assert time.time_ns() - path.stat().st_mtime_ns < HOUR_NS
    reads: list[Path] = []
    monkeypatch.setattr(Path, "read_bytes", lambda self, *a, **k: reads.append(self) or b"")
    assert ResultCache.open(tmp_path, "citeproc", "apa") is cache and cache.get("k") == "apa"
    assert reads == []


def test_temporary_files_left_by_a_stopped_write_are_removed_once_stale(tmp_path: Path):
    folder = tmp_path / ".cache" / "cvfilter"
    current = _write(tmp_path, "citeproc", "apa")
    stale = folder / f".{current.name}.0a1b2c3d.tmp"
    fresh = folder / f".{current.name}.4e5f6a7b.tmp"
    for temp in (stale, fresh):
        temp.write_text("{", encoding="utf-8")
    _age(stale, 2)
    _write(tmp_path, "citeproc", "ieee")
    assert not stale.exists()
    assert fresh.exists()


@pytest.mark.parametrize("edit", [
    lambda data: data.replace(b'"X!"', b'"planted"'),  # valid JSON, changed by hand
    lambda data: data[: len(data) - 3],  # cut short
    lambda data: data.split(b"\n", 1)[1],  # the digest line removed
])
def test_a_file_changed_after_it_was_written_is_read_as_empty(tmp_path: Path, edit):
    cache = ResultCache.open(tmp_path, "pubs", "apa")
    map_cached(["x"], ["k"], shout, cache)
    cache.path.write_bytes(edit(cache.path.read_bytes()))
    cache_module._OPEN.clear()
    assert ResultCache.open(tmp_path, "pubs", "apa").get("k") is None
