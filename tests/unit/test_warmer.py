"""The cache warmers of a cold build: they fill the caches a build then reads, and nothing else."""

from __future__ import annotations

import os
import sys

import pytest

from cvfilter.data.load import StoredSource, load_cv_data
from cvfilter.errors import relative
from cvfilter.warmer import Warmers

FRONT = "---\ncvfilter:\n  data: {data}\n  bibliography: refs.bib\n---\n\n# CV\n"
BIB = "@article{ada1843,\n  author = {Ada Lovelace},\n  title = {Notes},\n  journal = {Memoirs},\n  year = {1843},\n}\n"


@pytest.fixture
def cold_process(monkeypatch):
    """As at the start of a `cv` command: panflute not loaded yet, so warming can overlap its import."""
    monkeypatch.delitem(sys.modules, "panflute")


def _cached(folder, namespace):
    return sorted((folder / ".cache" / "cvfilter").glob(f"{namespace}-*.json"))


def test_warmers_leave_both_caches_warm_for_the_build(tmp_path, cold_process):
    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    warmers = Warmers.start(FRONT.format(data="metadata.yaml"), tmp_path)
    warmers.wait("data")
    warmers.wait("bibliography")
    assert len(_cached(tmp_path, "metadata")) == 1 and len(_cached(tmp_path, "bibliography")) == 1
    path = (tmp_path / "metadata.yaml").resolve()
    data, source = load_cv_data(path, relative(path), tmp_path)  # named as the build names it
    assert data.name == "Ada Lovelace" and isinstance(source, StoredSource)


def test_a_file_with_mistakes_is_left_to_the_build(tmp_path, cold_process):
    (tmp_path / "metadata.yaml").write_text("name: Ada\ntitel: x\n", encoding="utf-8")
    warmers = Warmers.start(FRONT.format(data="metadata.yaml"), tmp_path)
    warmers.wait("data")  # the child's failure is not raised here
    warmers.wait("bibliography")  # no refs.bib: nothing was started for it
    assert _cached(tmp_path, "metadata") == []


@pytest.mark.parametrize("front", [
    FRONT.format(data="../outside.yaml"),  # never read outside the CV's folder
    "# No front matter\n",
    "---\ncvfilter: [unclosed\n---\n",
])
def test_nothing_is_warmed_that_the_build_would_not_read(tmp_path, cold_process, front):
    (tmp_path / "cv").mkdir()
    (tmp_path / "outside.yaml").write_text("name: Ada\n", encoding="utf-8")
    warmers = Warmers.start(front, tmp_path / "cv")
    warmers.wait("data")
    assert not (tmp_path / "cv" / ".cache").exists()


def test_no_warmers_once_the_modules_are_loaded_or_caching_is_off(tmp_path, monkeypatch):
    (tmp_path / "metadata.yaml").write_text("name: Ada\n", encoding="utf-8")
    text = FRONT.format(data="metadata.yaml")
    Warmers.start(text, tmp_path).wait("data")  # panflute is loaded in this process: `cv watch`
    monkeypatch.delitem(sys.modules, "panflute")
    monkeypatch.setenv("CVFILTER_NO_CACHE", "1")
    Warmers.start(text, tmp_path).wait("data")
    assert not (tmp_path / ".cache").exists()


def test_statistics_are_warmed_with_the_metadata(tmp_path, cold_process):
    (tmp_path / "metadata.yaml").write_text("name: Ada\n", encoding="utf-8")
    (tmp_path / "stats.json").write_text('{"version": 1, "repositories": {"ada/engine": {"stars": 5, "fetched": "2023-03-20T00:00:00Z"}}}')
    warmers = Warmers.start(FRONT.format(data="metadata.yaml"), tmp_path)
    assert list(warmers._children) == ["data"]  # one child: pydantic is imported once
    warmers.wait("data")
    assert len(_cached(tmp_path, "metadata")) == 1 and len(_cached(tmp_path, "statistics")) == 1


def test_stopping_leaves_no_child_behind(tmp_path, cold_process):
    (tmp_path / "metadata.yaml").write_text("name: Ada\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    warmers = Warmers.start(FRONT.format(data="metadata.yaml"), tmp_path)
    pids = [child.pid for child in warmers._children.values()]
    warmers.stop()
    assert len(pids) == 2
    for pid in pids:
        with pytest.raises(ChildProcessError):  # already reaped
            os.waitpid(pid, 0)


def test_a_warm_build_forks_no_warmer_until_a_file_changes(tmp_path, cold_process):
    (tmp_path / "metadata.yaml").write_text("name: Ada\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    text = FRONT.format(data="metadata.yaml")
    first = Warmers.start(text, tmp_path)
    assert sorted(first._children) == ["bibliography", "data"]
    first.wait("data")
    first.wait("bibliography")
    assert Warmers.start(text, tmp_path)._children == {}
    later = (tmp_path / "refs.bib").stat().st_mtime_ns + 10**9
    os.utime(tmp_path / "metadata.yaml", ns=(later, later))
    again = Warmers.start(text, tmp_path)
    assert list(again._children) == ["data"]
    again.wait("data")


def test_a_fork_that_fails_only_means_no_warming(tmp_path, cold_process, monkeypatch):
    (tmp_path / "metadata.yaml").write_text("name: Ada\n", encoding="utf-8")

    def no_more_processes():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_more_processes)
    warmers = Warmers.start(FRONT.format(data="metadata.yaml"), tmp_path)
    assert warmers._children == {}


def test_every_bib_file_of_a_list_is_warmed_from_the_front_matter_the_build_parsed(tmp_path, cold_process):
    from cvfilter.data.yaml_source import front_matter

    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    for name in ("a.bib", "b.bib"):
        (tmp_path / name).write_text(BIB, encoding="utf-8")
    text = "---\ncvfilter:\n  data: metadata.yaml\n  bibliography: [a.bib, b.bib]\n---\n\n# CV\n"
    warmers = Warmers.start(text, tmp_path, front_matter(text, "cv.md"))
    warmers.wait("bibliography")
    assert len(_cached(tmp_path, "bibliography")) == 2
