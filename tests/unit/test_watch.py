"""`cv watch`, driven by a scripted change source: each step edits files, then reports the paths."""

from __future__ import annotations

import io
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from cvfilter.serve import PreviewServer, VERSION_PATH
from cvfilter.watch import Watcher

from ..conftest import normalize

METADATA = """\
name: Ada Lovelace
contact:
  email: ada@example.org
education:
  - title: Private tutoring in mathematics
    org: Home
    dates: 1829 -- 1833
"""

CV = """\
---
cvfilter:
  data: metadata.yaml
date: 2023-03-20
---

::: header
:::

# Education

::: {.entries from=education}
:::

First version of the summary.
"""

Step = Callable[[Path], set[Path]]


def scripted(folder: Path, steps: list[Step]) -> Iterator[set[Path]]:
    """Run each edit when the watcher asks for the next batch of changes."""
    for step in steps:
        yield step(folder)


def edit(old: str, new: str, name: str = "cv.md") -> Step:
    def step(folder: Path) -> set[Path]:
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        return {path}

    return step


def touch_unrelated(folder: Path) -> set[Path]:
    """Events the watcher must ignore: its own outputs, caches, files it never reads, unchanged files."""
    (folder / "notes.txt").write_text("scratch", encoding="utf-8")
    cache = folder / ".cache" / "cvfilter"
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "x.json").write_text("{}", encoding="utf-8")
    source = folder / "cv.md"
    source.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return {folder / "notes.txt", cache / "x.json", folder / "build" / "cv.html", source}


def page_text(folder: Path) -> str:
    html = (folder / "build" / "cv.html").read_text(encoding="utf-8")
    return normalize(BeautifulSoup(html, "html.parser").get_text(" "))


def make_watcher(folder: Path) -> tuple[Watcher, io.StringIO]:
    (folder / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    (folder / "cv.md").write_text(CV, encoding="utf-8")
    out = io.StringIO()
    return Watcher(folder / "cv.md", ("html",), out=out), out


def test_an_edit_triggers_exactly_one_rebuild(tmp_path: Path):
    watcher, out = make_watcher(tmp_path)
    seen: list[str] = []

    def changed_summary(folder: Path) -> set[Path]:
        paths = edit("First version", "Second version")(folder)
        return paths | {folder / "cv.md", folder / "build" / "cv.html"}

    def after(folder: Path) -> set[Path]:
        seen.append(page_text(folder))
        return touch_unrelated(folder)

    outcomes = watcher.run(scripted(tmp_path, [changed_summary, after]))

    assert [o.ok for o in outcomes] == [True, True]
    assert outcomes[1].changed == [(tmp_path / "cv.md").resolve()]
    assert "Second version of the summary." in seen[0]
    assert "cv.md: rebuilt in" in out.getvalue()


def test_a_data_file_edit_rebuilds_and_shows_the_new_value(tmp_path: Path):
    watcher, _ = make_watcher(tmp_path)
    outcomes = watcher.run(scripted(tmp_path, [edit("Home", "Ockham Park", "metadata.yaml")]))
    assert [o.ok for o in outcomes] == [True, True]
    assert "Ockham Park" in page_text(tmp_path)


def test_a_broken_edit_keeps_the_old_output_and_a_fix_rebuilds(tmp_path: Path):
    watcher, out = make_watcher(tmp_path)
    snapshots: list[str] = []

    def break_it(folder: Path) -> set[Path]:
        return edit("First version of the summary.", "::: {.nosuch}\n:::\n\nBroken version.")(folder)

    def fix_it(folder: Path) -> set[Path]:
        snapshots.append(page_text(folder))
        return edit("::: {.nosuch}\n:::\n\nBroken version.", "Fixed version of the summary.")(folder)

    outcomes = watcher.run(scripted(tmp_path, [break_it, fix_it]))

    assert [o.ok for o in outcomes] == [True, False, True]
    assert "First version of the summary." in snapshots[0]
    assert "Broken version" not in snapshots[0]
    report = out.getvalue()
    assert "cv.md:15" in report and "nosuch" in report
    assert "kept the last good outputs" in report
    assert "Fixed version of the summary." in page_text(tmp_path)


def test_the_preview_reloads_after_a_build_and_the_file_on_disk_stays_clean(tmp_path: Path):
    watcher, _ = make_watcher(tmp_path)
    server = PreviewServer(tmp_path / "build", port=0)
    watcher.on_success = lambda _outcome: server.bump()
    server.start()
    try:
        watcher.run(scripted(tmp_path, [edit("First version", "Second version")]))
        served = urllib.request.urlopen(server.url, timeout=5).read().decode("utf-8")
        version_url = server.url.rsplit("/", 1)[0] + VERSION_PATH
        version = urllib.request.urlopen(version_url, timeout=5).read().decode("utf-8")
    finally:
        server.stop()
    assert server.url.startswith("http://127.0.0.1:")
    assert version == "2"
    assert VERSION_PATH in served and "Second version" in served
    on_disk = (tmp_path / "build" / "cv.html").read_text(encoding="utf-8")
    assert VERSION_PATH not in on_disk and "<script>" not in on_disk


def test_exports_are_watched_and_timed_like_the_formats(tmp_path: Path):
    (tmp_path / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    out = io.StringIO()
    watcher = Watcher(tmp_path / "cv.md", ("html", "md", "txt", "json"), out=out)
    outcomes = watcher.run(scripted(tmp_path, [edit("First version", "Second version")]))
    assert [o.ok for o in outcomes] == [True, True]
    assert "Second version of the summary." in (tmp_path / "build" / "cv.md").read_text(encoding="utf-8")
    assert "Second version of the summary." in (tmp_path / "build" / "cv.txt").read_text(encoding="utf-8")
    last = out.getvalue().strip().splitlines()[-1]
    assert last.startswith("cv.md: rebuilt in") and all(f"{fmt} " in last for fmt in ("html", "md", "txt", "json"))


def test_a_warning_is_printed_when_it_appears_and_then_only_counted(tmp_path: Path):
    (tmp_path / "metadata.yaml").write_text("name: Ada\nrepositories:\n  - name: ada/engine\n    stars: 3\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ncvfilter:\n  data: metadata.yaml\n---\n\n# Code\n\n::: repositories\n:::\n\nFirst version.\n")
    out = io.StringIO()
    watcher = Watcher(tmp_path / "cv.md", ("html",), out=out)
    starless = edit("  - name: ada/engine\n", "  - name: ada/notes\n  - name: ada/engine\n", "metadata.yaml")
    outcomes = watcher.run(scripted(tmp_path, [starless, edit("First version", "Second version")]))
    assert [o.ok for o in outcomes] == [True, True, True]
    start, brought, again = out.getvalue().split("rebuilt in")[:3]
    assert "warning" not in start
    assert "metadata.yaml:3:5: warning: no star count for ada/notes" in brought
    # The next build has the same warning: it is counted, not printed again.
    assert "warning:" not in again.split("\n", 1)[1] and out.getvalue().rstrip().endswith("; 1 warning as before")
