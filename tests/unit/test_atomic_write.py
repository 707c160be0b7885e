"""Files are written whole or not at all, and with the mode a plain open() would give them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from cvfilter.cache import ResultCache
from cvfilter.files import atomic_write
from cvfilter.stats.cache import StatsCache, write_cache


@pytest.fixture
def umask_022() -> Iterator[int]:
    previous = os.umask(0o022)
    try:
        yield 0o644
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_output_has_the_users_default_permissions(tmp_path: Path, umask_022: int):
    target = tmp_path / "cv.pdf"
    atomic_write(target, b"%PDF-1.7")
    assert _mode(target) == umask_022
    assert target.read_bytes() == b"%PDF-1.7"


def test_the_umask_is_read_at_each_write(tmp_path: Path, umask_022: int):
    os.umask(0o077)
    atomic_write(tmp_path / "private.html", b"x")
    os.umask(0o002)
    atomic_write(tmp_path / "group.html", b"x")
    assert _mode(tmp_path / "private.html") == 0o600
    assert _mode(tmp_path / "group.html") == 0o664


def test_a_replaced_file_keeps_its_own_mode(tmp_path: Path, umask_022: int):
    target = tmp_path / "cv.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert _mode(target) == 0o640
    assert target.read_bytes() == b"new"


def test_the_result_cache_and_stats_json_have_the_default_mode(tmp_path: Path, umask_022: int):
    cache = ResultCache(tmp_path / "cache.json")
    cache.put("key", [1])
    cache.save()
    write_cache(tmp_path / "stats.json", StatsCache())
    assert _mode(tmp_path / "cache.json") == umask_022
    assert _mode(tmp_path / "stats.json") == umask_022


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    target = tmp_path / "cv.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.html"]
