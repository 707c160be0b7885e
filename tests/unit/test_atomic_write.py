"""Outputs are written whole or not at all, and readable like any file the user creates."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cvfilter.build import atomic_write


def test_the_output_has_the_users_default_permissions(tmp_path: Path):
    target = tmp_path / "cv.pdf"
    atomic_write(target, b"%PDF-1.7")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert target.read_bytes() == b"%PDF-1.7"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    target = tmp_path / "cv.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["cv.html"]
