"""The urllib client against a fake server: retries, rate limits, timeouts, bad JSON."""

from __future__ import annotations

import pytest

from cvfilter.web import FetchError, HttpClient
from tests.unit.fake_api import Reply, serve


def client(**kwargs) -> tuple[HttpClient, list[float]]:
    waits: list[float] = []
    options = {"timeout": 2.0, "retries": 2, "backoff": 0.5, "max_wait": 120.0, "sleep": waits.append, "now": lambda: 1_000.0}
    options.update(kwargs)
    return HttpClient(**options), waits


def test_success_returns_the_decoded_body():
    with serve() as api:
        api.route("/x", Reply(body={"a": [1, "ü"]}))
        http, waits = client()
        assert http.get_json(api.url + "/x") == {"a": [1, "ü"]}
        assert waits == []


def test_404_fails_at_once_without_retrying():
    with serve() as api:
        http, waits = client()
        with pytest.raises(FetchError) as caught:
            http.get_json(api.url + "/missing")
        assert caught.value.status == 404
        assert api.hits("/missing") == 1 and waits == []


def test_429_waits_as_retry_after_says_then_succeeds():
    with serve() as api:
        api.route("/x", Reply(429, {}, {"Retry-After": "7"}), Reply(body={"ok": True}))
        http, waits = client()
        assert http.get_json(api.url + "/x") == {"ok": True}
        assert waits == [7.0]


def test_403_with_exhausted_rate_limit_waits_until_the_reset():
    with serve() as api:
        limited = Reply(403, {"message": "API rate limit exceeded"}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1030"})
        api.route("/x", limited, Reply(body={"ok": 1}))
        http, waits = client()
        assert http.get_json(api.url + "/x") == {"ok": 1}
        assert waits == [31.0]  # reset at t=1030, now t=1000, plus a second of margin


def test_a_reset_beyond_the_cap_fails_instead_of_sleeping():
    with serve() as api:
        api.route("/x", Reply(403, {}, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "999999"}))
        http, waits = client(max_wait=5.0)
        with pytest.raises(FetchError, match="rate limited.*would have to wait"):
            http.get_json(api.url + "/x")
        assert waits == []


def test_403_without_rate_limit_headers_is_a_refusal():
    with serve() as api:
        api.route("/x", Reply(403, {"message": "forbidden"}))
        http, _ = client()
        with pytest.raises(FetchError, match="access refused"):
            http.get_json(api.url + "/x")
        assert api.hits("/x") == 1


def test_server_errors_back_off_exponentially_then_give_up():
    with serve() as api:
        api.route("/x", Reply(502, {}))
        http, waits = client(retries=3)
        with pytest.raises(FetchError, match="HTTP 502"):
            http.get_json(api.url + "/x")
        assert waits == [0.5, 1.0, 2.0]
        assert api.hits("/x") == 4


def test_a_timeout_is_retried_and_then_reported():
    with serve() as api:
        api.route("/slow", Reply(hang=True))
        http, waits = client(timeout=0.2, retries=1)
        with pytest.raises(FetchError, match="no answer within 0.2 s"):
            http.get_json(api.url + "/slow")
        assert len(waits) == 1


def test_malformed_json_is_reported_not_retried():
    with serve() as api:
        api.route("/x", Reply(raw=b'{"stargazers_count": 1'))
        http, _ = client()
        with pytest.raises(FetchError, match="not valid JSON"):
            http.get_json(api.url + "/x")
        assert api.hits("/x") == 1


def test_connection_refused_fails_fast_without_retrying():
    with serve() as api:
        url = api.url
    http, waits = client(retries=3)
    with pytest.raises(FetchError, match="cannot connect"):
        http.get_json(url + "/x")
    assert waits == []


def test_retry_after_as_an_http_date_is_understood():
    with serve() as api:
        api.route("/x", Reply(503, {}, {"Retry-After": "Thu, 01 Jan 1970 00:16:52 GMT"}), Reply(body=[]))
        http, waits = client()  # now is t=1000, the date is t=1012
        assert http.get_json(api.url + "/x") == []
        assert waits == [12.0]


def test_the_deadline_ends_the_run_instead_of_another_wait():
    clock = [1_000.0]
    with serve() as api:
        api.route("/x", Reply(503, {}, {"Retry-After": "30"}))
        http, waits = client(retries=5, deadline=45.0, now=lambda: clock[0], sleep=lambda s: clock.__setitem__(0, clock[0] + s))
        with pytest.raises(FetchError, match="gave up: the run's 45 s are used"):
            http.get_json(api.url + "/x")
        assert api.hits("/x") == 2  # waited 30 s once; a second 30 s would pass the deadline


def test_an_answer_over_the_cap_is_refused():
    with serve() as api:
        api.route("/x", Reply(raw=b"[" + b"1," * 600_000 + b"1]"))
        http, _ = client(max_bytes=1024 * 1024)
        with pytest.raises(FetchError, match="larger than 1 MiB"):
            http.get_json(api.url + "/x")


def test_the_user_agent_names_cvfilter_and_the_owner_contact():
    with serve() as api:
        api.route("/x", Reply(body={}))
        http, _ = client(contact="ada@example.org")
        http.get_json(api.url + "/x")
        assert api.requests[0][1]["User-Agent"].startswith("cvfilter/") and "(mailto:ada@example.org)" in api.requests[0][1]["User-Agent"]


def test_pace_spaces_the_requests_to_one_service():
    clock = [0.0]
    waits: list[float] = []
    http = HttpClient(now=lambda: clock[0], sleep=lambda s: (waits.append(s), clock.__setitem__(0, clock[0] + s)))
    http.pace("arxiv", 3.0)
    clock[0] += 1.0
    http.pace("arxiv", 3.0)
    http.pace("crossref", 3.0)
    assert waits == [2.0]
