"""`cv stats` and `cv stats --refresh` as a user runs them, against the fake server."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cvfilter.cli import main
from cvfilter.data.typed import validate
from cvfilter.stats.cache import StatsCache
from cvfilter.stats.show import age
from tests.unit.fake_api import Reply, serve

META = "name: Ada Lovelace\nscholar:\n  openalex: https://openalex.org/A5000000001\nrepositories:\n  - name: ada/engine\n  - name: ada/notes\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text("Hello\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_stats_shows_what_is_cached_and_its_age(folder, capsys):
    (folder / "stats.json").write_text(json.dumps({"version": 1, "repositories": {
        "ada/engine": {"stars": 1300, "fetched": "2023-03-20T00:00:00Z"}}}), encoding="utf-8")
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "ada/engine     1300  fetched 2023-03-20," in out
    assert "ada/notes         -  not cached" in out
    assert "citations, h-index: not cached" in out


def test_refresh_writes_the_cache_and_reports_failures(folder, capsys, monkeypatch):
    with serve() as api:
        api.repo("ada/engine", 42)
        api.route("/repos/ada/notes", Reply(raw=b"not json"))
        api.author("A5000000001", 6100, 32)
        monkeypatch.setenv("CVFILTER_GITHUB_API", api.url)
        monkeypatch.setenv("CVFILTER_OPENALEX_API", api.url)
        monkeypatch.delenv("GITHUB_TOKEN", raising=False)
        status = main(["stats", "--refresh"])
    captured = capsys.readouterr()
    assert status == 1
    assert "could not refresh ada/notes: the answer is not valid JSON" in captured.err
    assert "refreshed 2; failed 1 (ada/notes); wrote stats.json" in captured.err
    assert "ada/engine       42  fetched" in captured.out
    assert "citations 6100, h-index 32" in captured.out
    saved = validate(StatsCache, json.loads((folder / "stats.json").read_text()))
    assert saved.repositories["ada/engine"].stars == 42 and saved.scholar.author.endswith("A5000000001")


@pytest.mark.parametrize(("seconds", "expected"), [
    (30, "just now"), (90, "1 minute ago"), (7200, "2 hours ago"), (86400 * 3, "3 days ago"), (86400 * 800, "2 years ago"),
])
def test_age_in_the_largest_whole_unit(seconds, expected):
    fetched = datetime(2023, 3, 20, tzinfo=timezone.utc)
    now = datetime.fromtimestamp(fetched.timestamp() + seconds, tz=timezone.utc)
    assert age(fetched, now) == f"fetched 2023-03-20, {expected}"


def test_check_reports_a_broken_cache_as_a_warning(folder, capsys):
    (folder / "cv.md").write_text("# Code\n\n::: repositories\n:::\n", encoding="utf-8")
    (folder / "stats.json").write_text("{oops", encoding="utf-8")
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "stats.json:1:2: warning: statistics cache ignored: not valid JSON: expected a key in double quotes" in err
    assert "no star count for ada/engine" in err


def test_stats_lists_each_problem_of_a_broken_cache_at_its_line(folder, capsys):
    (folder / "stats.json").write_text('{\n  "version": 1,\n  "repositories": {"ada/engine": {"stars": -2}}\n}\n', encoding="utf-8")
    assert main(["stats"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "stats.json:3:34: error: repositories.ada/engine.fetched is required but missing "
        '(add `"fetched": ...` here, or run `cv stats --refresh` to rewrite it)',
        "stats.json:3:44: error: repositories.ada/engine.stars: must not be negative, got -2 "
        "(write 0 or more, or run `cv stats --refresh` to rewrite it)",
        "2 errors",
    ]
