"""Every file is read one way (cvfilter/textfile.py): regular files only, bounded in size, UTF-8
with or without a byte order mark, any line endings. A FIFO, a device or a folder in a file's
place is a message naming it, never a build that waits forever or fills memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cvfilter import pandoc, textfile
from cvfilter.cli import main
from cvfilter.errors import CvError

from .conftest import make_fifo, refused


@pytest.mark.parametrize("name", ["cv.md", "metadata.yaml"])
def test_a_fifo_in_place_of_a_file_is_refused_at_once(small_cv: Path, capsys, name: str) -> None:
    make_fifo(small_cv / name)
    refused(["check"], capsys, name)
    refused(["build", "--to", "html"], capsys, name, small_cv)


def test_a_fifo_as_stats_json_is_refused_by_cv_stats(small_cv: Path, capsys) -> None:
    """The build takes a broken statistics cache as a warning (the file is optional); `cv stats` stops."""
    make_fifo(small_cv / "stats.json")
    assert "named pipe" in refused(["stats"], capsys, "stats.json")


def test_a_folder_or_a_device_is_not_read(small_cv: Path, capsys) -> None:
    with pytest.raises(CvError, match="it is a device"):
        textfile.read_bytes(Path("/dev/zero"), "zero")
    (small_cv / "metadata.yaml").unlink()
    (small_cv / "metadata.yaml").mkdir()
    assert "a folder" in refused(["check"], capsys, "metadata.yaml")


def test_a_file_above_the_limit_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(CvError, match="larger than"):
        textfile.read_text(big, "big.txt", limit=1024)
    assert textfile.read_text(big, "big.txt", limit=4096) == "x" * 2048


@pytest.mark.parametrize(("raw", "text"), [
    (b"a\r\nb\r\n", "a\nb\n"), (b"a\rb\r", "a\nb\n"), (b"\xef\xbb\xbfa\n", "a\n"), (b"a\r\r\nb", "a\n\nb"),
])
def test_line_endings_and_a_byte_order_mark_read_as_plain_text(tmp_path: Path, raw: bytes, text: str) -> None:
    (tmp_path / "f").write_bytes(raw)
    assert textfile.read_text(tmp_path / "f", "f") == text


@pytest.mark.parametrize(("raw", "line", "message"), [
    ("a\nb".encode("utf-16"), 1, "UTF-16"), ("a".encode("utf-32"), 1, "UTF-32"),
    (b"a\rb\r\xff", 3, "not valid UTF-8"), (b"a\r\nb\x00", 2, "NUL"),
])
def test_other_encodings_are_errors_at_their_line(tmp_path: Path, raw: bytes, line: int, message: str) -> None:
    (tmp_path / "f").write_bytes(raw)
    with pytest.raises(CvError, match=message) as caught:
        textfile.read_text(tmp_path / "f", "f")
    assert caught.value.problems[0].location.line == line


def _with_line_endings(folder: Path, ending: bytes) -> None:
    for name in ("cv.md", "metadata.yaml"):
        path = folder / name
        path.write_bytes(path.read_bytes().replace(b"\n", ending))


@pytest.mark.parametrize("ending", [b"\r", b"\r\n"])
def test_cv_build_reads_cr_and_crlf_line_endings_as_lines(small_cv: Path, capsys, ending: bytes) -> None:
    _with_line_endings(small_cv, ending)
    assert main(["build", "--to", "html"]) == 0, capsys.readouterr().err
    html = (small_cv / "build" / "cv.html").read_text(encoding="utf-8")
    assert "Analytical Engine Co." in html
    assert "cvfilter:" not in html and ":::" not in html


def test_plain_pandoc_on_cr_only_line_endings_stops_at_the_file(small_cv: Path) -> None:
    """pandoc itself reads a CR-only file as one paragraph; the filter says so instead of printing
    the front matter as text."""
    _with_line_endings(small_cv, b"\r")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([pandoc.pandoc_path(), "cv.md", "--filter", "cvfilter", "-o", "cv.html"],
                            cwd=small_cv, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode != 0
    assert "cv.md:1: error: the file has CR-only line endings" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (small_cv / "cv.html").exists()


def test_a_byte_order_mark_in_stats_json_is_read(small_cv: Path, capsys) -> None:
    (small_cv / "stats.json").write_bytes(b'\xef\xbb\xbf{"version": 1, "repositories": {}, "metrics": {}}\n')
    assert main(["check"]) == 0, capsys.readouterr().err


def test_cv_watch_does_not_wait_on_a_fifo_among_the_files_it_watches(tmp_path: Path) -> None:
    from cvfilter.watch import _digest

    make_fifo(tmp_path / "metadata.yaml")
    assert _digest(tmp_path / "metadata.yaml") == "missing"
