"""`refresh` against a fake GitHub and OpenAlex: every failure leaves a valid cache and says why."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cvfilter.pipeline import load_context
from cvfilter.stats import refresh as refresh_module
from cvfilter.data.typed import validate
from cvfilter.stats.cache import StatsCache, read_cache
from cvfilter.web import HttpClient
from cvfilter.stats.refresh import refresh
from cvfilter.stats.sources import Endpoints
from tests.conftest import markdown_to_doc
from tests.unit.fake_api import Reply, serve

REPOS = ["ada/engine", "ada/notes", "babbage/diff", "babbage/mill", "lovelace/poems"]
META = "name: Ada Lovelace\nscholar:\n  openalex: A5000000001\nrepositories:\n" + "".join(
    f"  - name: {name}\n" for name in REPOS
)
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
OLD = {
    "version": 1,
    "repositories": {"ada/engine": {"stars": 10, "fetched": "2023-03-20T00:00:00Z"},
                     "babbage/diff": {"stars": 20, "fetched": "2023-03-20T00:00:00Z"}},
    "scholar": {"citations": 6000, "h_index": 31, "fetched": "2023-03-20T00:00:00Z"},
}


@pytest.fixture
def cv(tmp_path: Path):
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "stats.json").write_text(json.dumps(OLD), encoding="utf-8")
    return tmp_path


def run(folder: Path, api, **client) -> refresh_module.RefreshReport:
    context = load_context(markdown_to_doc("Hello\n"), folder, "cv.md")
    http = HttpClient(timeout=client.pop("timeout", 2.0), retries=1, backoff=0.01, max_wait=60, sleep=lambda s: None, now=lambda: 1000.0)
    return refresh(context, http, Endpoints(github=api.url, openalex=api.url), now=lambda: NOW)


def all_found(api) -> None:
    for index, name in enumerate(REPOS):
        api.repo(name, 100 + index)
    api.author("A5000000001", 7000, 33)


def messages(report) -> str:
    return "\n".join(str(p) for p in report.problems)


def test_success_updates_every_value_and_stamps_it(cv):
    with serve() as api:
        all_found(api)
        report = run(cv, api)
    cache = read_cache(cv / "stats.json")
    assert {name: entry.stars for name, entry in cache.repositories.items()} == {n: 100 + i for i, n in enumerate(REPOS)}
    assert {entry.fetched for entry in cache.repositories.values()} == {NOW}
    assert (cache.scholar.citations, cache.scholar.h_index, cache.scholar.fetched) == (7000, 33, NOW)
    assert report.failed == {} and report.written and len(report.updated) == 6
    assert '"fetched": "2024-05-01T12:00:00Z"' in (cv / "stats.json").read_text()


def test_404_keeps_the_old_value_and_names_the_repository_and_its_line(cv):
    with serve() as api:
        all_found(api)
        api.route("/repos/babbage/diff", Reply(404, {"message": "Not Found"}))
        report = run(cv, api)
    cache = read_cache(cv / "stats.json")
    assert cache.repositories["babbage/diff"].stars == 20
    assert cache.repositories["babbage/diff"].fetched.year == 2023
    assert cache.repositories["ada/notes"].stars == 101
    assert list(report.failed) == ["babbage/diff"]
    assert "metadata.yaml:7:5: warning: could not refresh babbage/diff: not found on GitHub (renamed, deleted or private?) (kept the cached value)" in messages(report)


def test_a_redirected_rename_is_fetched_and_reported(cv):
    with serve() as api:
        all_found(api)
        api.repo("ada/notes", 5, full_name="ada/notes-g")
        report = run(cv, api)
    assert read_cache(cv / "stats.json").repositories["ada/notes"].stars == 5
    assert "ada/notes is now ada/notes-g on GitHub" in messages(report)


def test_429_with_reset_is_waited_out(cv):
    with serve() as api:
        all_found(api)
        api.route("/repos/ada/engine", Reply(429, {}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1005"}),
                  Reply(body={"full_name": "ada/engine", "stargazers_count": 77}))
        report = run(cv, api)
        assert api.hits("/repos/ada/engine") == 2
    assert read_cache(cv / "stats.json").repositories["ada/engine"].stars == 77
    assert report.failed == {}


def test_a_timeout_fails_that_repository_only(cv):
    with serve() as api:
        all_found(api)
        api.route("/repos/lovelace/poems", Reply(hang=True))
        report = run(cv, api, timeout=0.2)
    cache = read_cache(cv / "stats.json")
    assert "lovelace/poems" not in cache.repositories
    assert cache.repositories["ada/engine"].stars == 100
    assert "could not refresh lovelace/poems: no answer within 0.2 s (no cached value yet)" in messages(report)


def test_malformed_json_from_openalex_keeps_the_old_metrics(cv):
    with serve() as api:
        all_found(api)
        api.route("/authors/A5000000001", Reply(raw=b"<html>oops</html>"))
        report = run(cv, api)
    cache = read_cache(cv / "stats.json")
    assert (cache.scholar.citations, cache.scholar.h_index) == (6000, 31)
    assert "could not refresh OpenAlex: the answer is not valid JSON" in messages(report)
    assert "metadata.yaml:3" in messages(report)


def test_a_crash_after_some_repositories_is_contained(cv, monkeypatch):
    real = refresh_module.fetch_repository

    def crashing(client, endpoints, name):
        if name == "babbage/mill":
            raise RuntimeError("injected crash")
        return real(client, endpoints, name)

    monkeypatch.setattr(refresh_module, "fetch_repository", crashing)
    with serve() as api:
        all_found(api)
        report = run(cv, api)
    cache = read_cache(cv / "stats.json")
    assert cache.repositories["ada/engine"].stars == 100 and cache.repositories["lovelace/poems"].stars == 104
    assert "babbage/mill" not in cache.repositories
    assert "could not refresh babbage/mill: unexpected RuntimeError: injected crash" in messages(report)


def test_an_interrupt_halfway_leaves_the_old_file_byte_for_byte(cv, monkeypatch):
    before = (cv / "stats.json").read_bytes()
    real = refresh_module.fetch_repository

    def interrupted(client, endpoints, name):
        if name == "babbage/diff":
            raise KeyboardInterrupt
        return real(client, endpoints, name)

    monkeypatch.setattr(refresh_module, "fetch_repository", interrupted)
    with serve() as api:
        all_found(api)
        with pytest.raises(KeyboardInterrupt):
            run(cv, api)
    assert (cv / "stats.json").read_bytes() == before
    assert sorted(p.name for p in cv.iterdir() if p.name != ".cache") == ["metadata.yaml", "stats.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(cv, monkeypatch):
    before = (cv / "stats.json").read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with serve() as api:
        all_found(api)
        with pytest.raises(OSError, match="No space left"):
            run(cv, api)
    assert (cv / "stats.json").read_bytes() == before
    assert sorted(p.name for p in cv.iterdir() if p.name != ".cache") == ["metadata.yaml", "stats.json"]


def test_a_broken_old_cache_is_reported_and_rewritten(cv):
    (cv / "stats.json").write_text('{"repositories": {"ada/engine": {"stars": -1', encoding="utf-8")
    with serve() as api:
        all_found(api)
        report = run(cv, api)
    assert "stats.json:1:45: warning: ignored the old cache: not valid JSON: the file ends too early" in messages(report)
    assert read_cache(cv / "stats.json").repositories["ada/engine"].stars == 100


def test_without_an_openalex_id_the_metrics_are_kept_and_the_user_told(cv):
    (cv / "metadata.yaml").write_text(META.replace("scholar:\n  openalex: A5000000001\n", ""), encoding="utf-8")
    with serve() as api:
        all_found(api)
        report = run(cv, api)
        assert api.hits("/authors/A5000000001") == 0
    assert read_cache(cv / "stats.json").scholar.citations == 6000
    assert "no OpenAlex author id" in messages(report)


def test_the_token_is_sent_to_github_only(cv):
    with serve() as api:
        all_found(api)
        context = load_context(markdown_to_doc("Hello\n"), cv, "cv.md")
        http = HttpClient(retries=0, sleep=lambda s: None)
        refresh(context, http, Endpoints(github=api.url, openalex=api.url, github_token="t0k"), now=lambda: NOW)
        sent = {path: headers for path, headers in api.requests}
    assert sent["/repos/ada/engine"]["Authorization"] == "Bearer t0k"
    assert "Authorization" not in sent["/authors/A5000000001"]


def test_endpoints_come_from_the_environment():
    endpoints = Endpoints.from_env({"CVFILTER_GITHUB_API": "http://127.0.0.1:9/gh/", "CVFILTER_OPENALEX_API": "http://127.0.0.1:9/oa", "GITHUB_TOKEN": ""})
    assert (endpoints.github, endpoints.openalex, endpoints.github_token) == ("http://127.0.0.1:9/gh", "http://127.0.0.1:9/oa", None)
    assert Endpoints.from_env({}).github == "https://api.github.com"


def test_repositories_are_fetched_by_at_most_four_threads(cv, monkeypatch):
    sizes = []
    real = refresh_module.ThreadPoolExecutor

    def recording(max_workers):
        sizes.append(max_workers)
        return real(max_workers=max_workers)

    monkeypatch.setattr(refresh_module, "ThreadPoolExecutor", recording)
    with serve() as api:
        all_found(api)
        run(cv, api)
        assert sum(api.hits(f"/repos/{name}") for name in REPOS) == len(REPOS)
    assert sizes == [4]


def test_an_exhausted_rate_limit_suggests_a_token(cv):
    with serve() as api:
        all_found(api)
        api.route("/repos/ada/notes", Reply(403, {}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "99999"}))
        report = run(cv, api)
    assert report.failed["ada/notes"].startswith("rate limited (HTTP 403); would have to wait")
    assert report.failed["ada/notes"].endswith("; set GITHUB_TOKEN for a higher rate limit")
    assert read_cache(cv / "stats.json").repositories["ada/engine"].stars == 100


def test_an_unreachable_server_is_one_message_not_one_per_repository(cv):
    with serve() as api:
        url = api.url
    context = load_context(markdown_to_doc("Hello\n"), cv, "cv.md")
    http = HttpClient(retries=2, sleep=lambda s: None)
    report = refresh(context, http, Endpoints(github=url, openalex=url), now=lambda: NOW)
    assert sorted(report.failed) == sorted([*REPOS, "OpenAlex"])
    text = messages(report)
    assert "metadata.yaml:5:3: warning: could not reach GitHub for 5 repositories: cannot connect" in text
    assert "could not refresh OpenAlex: cannot connect" in text
    assert text.count("\n") == 1
    assert read_cache(cv / "stats.json") == validate(StatsCache, OLD)
    assert not report.written
