"""`cv add` against fake services serving recorded answers: one clean entry per work, accepted by
`cv check` without a warning and listed by the next build with the owner bold; every failure a
clear message, the bibliography unchanged and the exit status 1."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cvfilter.build import build
from cvfilter.check import check
from cvfilter.cli import main
from cvfilter.web import HttpClient
from cvfilter.works.command import run_add
from tests.readback import docx_paragraphs
from tests.unit.fake_api import Reply
from tests.unit.works_fixtures import EXISTING_BIB, make_cv, services, unreachable

ADDED = [
    # (id as pasted, the owner: one of the work's authors, the key written, the service)
    ("https://doi.org/10.1371/journal.pone.0033693", "Richard J. Smeyne", "sadasivan2012methylphenidate", "crossref"),
    ("10.6084/m9.figshare.1449060", "Ian Dworkin", "dworkin2020drosophila", "datacite"),
    ("arXiv:1111.2011", "Adrian Del Maestro", "murray2012quantum", "arxiv"),
    ("conf/acl/ChangSRM23", "Andrew McCallum", "chang2023multicls", "dblp"),
]


@pytest.mark.parametrize(("ident", "owner", "key", "service"), ADDED, ids=[row[3] for row in ADDED])
def test_added_entry_passes_check_and_the_build_lists_it_with_the_owner_bold(tmp_path, monkeypatch, capsys, ident, owner, key, service):
    source = make_cv(tmp_path, owner, [])
    before = (tmp_path / "publications.bib").read_bytes()
    with services(monkeypatch) as api:
        assert main(["add", "--source", str(source), ident]) == 0
        assert f"added {key} to publications.bib" in capsys.readouterr().out
        after = (tmp_path / "publications.bib").read_bytes()
        assert after.startswith(before) and after.count(b"\n@") == 2  # the old entry, byte for byte, then the new one
        assert after[len(before):].startswith(b"\n@") and f"{{{key},".encode() in after

        asked = len(api.requests)
        assert check(source) == []
        result = build(source, ("html", "docx"))
        assert len(api.requests) == asked  # neither cv check nor cv build goes online
    soup = BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser")
    pubs = {" ".join(div.select_one(".cv-pub-title").get_text(" ").split()): div for div in soup.select("div.cv-pub")}
    assert len(pubs) == 2
    [new] = [div for title, div in pubs.items() if "newsletter" not in title]
    assert [" ".join(b.get_text(" ").split()) for b in new.select(".cv-owner strong")] == [owner]
    paragraphs = __import__("docx").Document(str(result.outputs["docx"])).paragraphs
    [entry] = [p for p in paragraphs if owner.split()[-1] in p.text]
    assert " ".join("".join(r.text for r in entry.runs if r.bold).split()).rstrip("*") == owner
    assert docx_paragraphs(result.outputs["docx"])


def test_an_id_already_present_is_reported_and_not_added_twice(tmp_path, monkeypatch, capsys):
    source = make_cv(tmp_path, "Martin Fenner", [])
    with services(monkeypatch):
        assert main(["add", "--source", str(source), "10.1371/journal.pone.0033693", "arXiv:1605.08386", "1605.08386v1"]) == 0
        once = (tmp_path / "publications.bib").read_bytes()
        assert once.count(b"@misc{stanley2016heatbath,") == 1
        assert "1605.08386v1: the same work as an id before it; added once, as stanley2016heatbath" in capsys.readouterr().err
        assert main(["add", "--source", str(source), "10.1371/JOURNAL.PONE.0033693", "https://arxiv.org/abs/1605.08386v1",
                     "arXiv:1605.08386"]) == 0
    err = capsys.readouterr().err
    assert "already in publications.bib as sadasivan2012methylphenidate (same DOI)" in err
    assert "already in publications.bib as stanley2016heatbath (same arXiv id)" in err
    assert (tmp_path / "publications.bib").read_bytes() == once


def _fast(**options) -> HttpClient:
    waits: list[float] = []
    return HttpClient(**{"timeout": 0.3, "retries": 2, "backoff": 0.1, "sleep": waits.append, **options})


@pytest.mark.parametrize(("ident", "reply", "message"), [
    ("10.9999/unknown.doi", None, "not found: neither Crossref nor DataCite knows this DOI"),
    ("arXiv:2101.99999", Reply(raw=b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'), "not found: arXiv has no paper"),
    ("10.1371/journal.pone.0033693", Reply(429, {}, {"Retry-After": "2"}), "rate limited (HTTP 429)"),
    ("10.1371/journal.pone.0033693", Reply(503, {"message": "down"}), "server error (HTTP 503)"),
    ("10.1371/journal.pone.0033693", Reply(hang=True), "no answer within 0.3 s"),
    ("10.1371/journal.pone.0033693", Reply(raw=b'{"status": "ok", "message": '), "not valid JSON"),
    ("10.1371/journal.pone.0033693", Reply(body={"status": "ok", "message-type": "work"}), "could not be read: the answer has no message"),
    ("conf/acl/ChangSRM23", Reply(raw=b"<html>maintenance</html>"), "could not be read: the answer holds no DBLP record"),
], ids=["unknown-doi", "unknown-arxiv", "rate-limit", "server-error", "timeout", "bad-json", "malformed", "not-dblp"])
def test_failures_say_what_happened_and_leave_the_bibliography_alone(tmp_path, monkeypatch, capsys, ident, reply, message):
    source = make_cv(tmp_path, "Martin Fenner", [])
    with services(monkeypatch) as api:
        if reply is not None:
            for path in ("/works/10.1371/journal.pone.0033693", "/query?id_list=2101.99999*", "/rec/conf/acl/ChangSRM23.xml"):
                api.route(path, reply)
        assert run_add(source, [ident], client=_fast()) == 1
    err = capsys.readouterr().err
    assert f"{ident}: error: " in err and message in err, err
    assert (tmp_path / "publications.bib").read_text(encoding="utf-8") == EXISTING_BIB


def test_no_network_is_a_clear_message(tmp_path, monkeypatch, capsys):
    source = make_cv(tmp_path, "Martin Fenner", [])
    unreachable(monkeypatch)
    assert main(["add", "--source", str(source), "10.1371/journal.pone.0033693", "arXiv:1111.2011"]) == 1
    err = capsys.readouterr().err
    assert "10.1371/journal.pone.0033693: error: could not fetch it: cannot connect" in err
    assert "check the network connection" in err and "2 errors" in err
    assert (tmp_path / "publications.bib").read_text(encoding="utf-8") == EXISTING_BIB


def test_one_failing_id_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    source = make_cv(tmp_path, "Martin Fenner", [])
    with services(monkeypatch):
        assert main(["add", "--source", str(source), "10.9999/unknown", "arXiv:1605.08386"]) == 1
    assert "added stanley2016heatbath" in capsys.readouterr().out
    assert (tmp_path / "publications.bib").read_text(encoding="utf-8").startswith(EXISTING_BIB)
