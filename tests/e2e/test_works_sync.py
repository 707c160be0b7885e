"""`cv sync` on a fixture author (Martin Fenner, OpenAlex and ORCID; tests/data/api/README.md):
OpenAlex and ORCID both list two of his works (duplicates), OpenAlex has a bioRxiv preprint and its
published version, a work that is not his (in `sync: ignore:`), and a work the bibliography has
under a key of its own. Exactly the missing works are listed and written, once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cvfilter.check import check
from cvfilter.cli import main
from cvfilter.web import HttpClient
from cvfilter.works.command import run_sync
from tests.unit.fake_api import Reply
from tests.unit.works_fixtures import EXISTING_BIB, FENNER, FENNER_ORCID, dblp_person_page, make_cv, services, unreachable

SCHOLAR = f"scholar:\n  openalex: {FENNER}\n  orcid: {FENNER_ORCID}\nsync:\n  ignore: [10.1371/journal.pone.0000030]\n"
MISSING = ["fenner2019data", "norese2004electre"]


def fenner(tmp_path, bib: str = EXISTING_BIB, monkeypatch=None):
    return make_cv(tmp_path, "Martin Fenner", [], bib=bib, extra=SCHOLAR)


def listed(out: str) -> list[str]:
    """The entry keys of the table's rows, in order (the terminal is wide: see `wide`)."""
    rows = [line for line in out.splitlines() if line.startswith("│")]
    return [row.rsplit("{", 1)[1].split("}")[0] for row in rows]


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """A terminal wide enough for one line per row of the table."""
    monkeypatch.setenv("COLUMNS", "300")


def test_sync_lists_exactly_the_missing_works_and_writes_them_once(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    bib = tmp_path / "publications.bib"
    before = bib.read_bytes()
    with services(monkeypatch) as api:
        assert main(["sync", str(source)]) == 0
        out, err = capsys.readouterr()
        assert listed(out) == MISSING  # published roadmap once (not its preprint), not the ignored one, not the newsletter
        assert "2 works missing" in out and "1 already in publications.bib, 1 ignored" in err
        [roadmap] = [line for line in out.splitlines() if "{fenner2019data}" in line]
        assert "│ 2019 │ Scientific Data │ OpenAlex, ORCID │" in roadmap  # one row for the records of both services
        assert bib.read_bytes() == before  # listing writes nothing

        assert main(["sync", str(source), "--write"]) == 0
        assert "added 2 entries" in capsys.readouterr().out
        written = bib.read_bytes()
        assert written.startswith(before)  # every byte the file had, unchanged, in front
        added = written[len(before):].decode("utf-8")
        assert added.count("\n@") == 2 and "@article{fenner2019data," in added and "@article{norese2004electre," in added
        assert "doi = {10.1038/s41597-019-0031-8}" in added and "10.1101/097196" not in added
        assert "Mercè Crosas" in added  # authors as the source writes them

        assert main(["sync", str(source), "--write"]) == 0
        assert "nothing to add" in capsys.readouterr().out
        assert bib.read_bytes() == written
        assert api.hits(f"/{FENNER_ORCID}/works") == 3 and api.hits("/works?filter=*") == 6  # two pages each time
    assert check(source) == []


def test_since_leaves_older_works_out(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    with services(monkeypatch):
        assert main(["sync", str(source), "--since", "2010"]) == 0
    assert listed(capsys.readouterr().out) == ["fenner2019data"]


PREPRINT_BIB = EXISTING_BIB + """
@misc{roadmap-preprint,
  author = {Fenner, Martin and Crosas, Mercè},
  title = {A Data Citation Roadmap for Scholarly Data Repositories},
  howpublished = {bioRxiv},
  year = {2016},
  doi = {10.1101/097196},
}
"""


def test_a_published_version_of_an_entry_is_reported_and_applied_only_by_update(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path, PREPRINT_BIB)
    bib = tmp_path / "publications.bib"
    with services(monkeypatch):
        assert main(["sync", str(source), "--write"]) == 0
        out, err = capsys.readouterr()
        assert listed(out) == ["norese2004electre"]
        assert ("roadmap-preprint has doi {10.1101/097196}; OpenAlex says 10.1038/s41597-019-0031-8 "
                "(`cv sync --update roadmap-preprint` sets it)") in err
        written = bib.read_text(encoding="utf-8")
        assert written.startswith(PREPRINT_BIB)  # the entry itself is not rewritten by --write

        assert main(["sync", str(source), "--update", "roadmap-preprint"]) == 0
        assert "set doi = {10.1038/s41597-019-0031-8} in roadmap-preprint" in capsys.readouterr().out
    updated = bib.read_text(encoding="utf-8")
    assert updated == written.replace("doi = {10.1101/097196}", "doi = {10.1038/s41597-019-0031-8}")


def _fast() -> HttpClient:
    return HttpClient(timeout=0.3, retries=1, backoff=0.1, sleep=lambda _s: None)


def test_without_network_the_cache_is_shown_with_its_age(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    day = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    with services(monkeypatch):
        assert run_sync(source, False, None, None, now=lambda: day) == 0
    capsys.readouterr()
    unreachable(monkeypatch)
    before = (tmp_path / "publications.bib").read_bytes()
    assert run_sync(source, True, None, None, client=_fast(), now=lambda: day + timedelta(days=3)) == 0
    out, err = capsys.readouterr()
    assert "could not ask OpenAlex: cannot connect" in err
    assert "showing what sync.json knew, fetched 3 days ago (2026-03-01 12:00 UTC)" in err
    assert listed(out) == MISSING and "added 2 entries" in out  # the cache is enough to write from
    assert (tmp_path / "publications.bib").read_bytes().startswith(before)


def test_without_network_or_cache_nothing_changes_and_the_exit_status_says_so(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    unreachable(monkeypatch)
    assert run_sync(source, True, None, None, client=_fast()) == 1
    err = capsys.readouterr().err
    assert "could not ask OpenAlex: cannot connect" in err and "sync.json has nothing from OpenAlex yet" in err
    assert "no source answered; publications.bib is unchanged" in err
    assert (tmp_path / "publications.bib").read_text(encoding="utf-8") == EXISTING_BIB


def test_a_service_failing_is_reported_and_the_others_still_count(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    with services(monkeypatch) as api:
        api.route(f"/{FENNER_ORCID}/works", Reply(429, {}, {"Retry-After": "1"}))
        assert run_sync(source, True, None, None, client=_fast()) == 0  # something was added
    out, err = capsys.readouterr()
    assert "could not ask ORCID: rate limited (HTTP 429)" in err and "wait a minute" in err
    assert listed(out) == MISSING and "added 2 entries" in out


def test_malformed_answers_and_server_errors_change_nothing(tmp_path, monkeypatch, capsys):
    source = fenner(tmp_path)
    with services(monkeypatch) as api:
        for route in [route for route in api.routes if route.startswith("/works?")]:
            api.route(route, Reply(raw=b'{"meta": {}, "results": "nope"}'))
        api.route(f"/{FENNER_ORCID}/works", Reply(502, {}))
        assert run_sync(source, True, None, None, client=_fast()) == 1
    err = capsys.readouterr().err
    assert "could not ask OpenAlex: its answer could not be read: the answer's results is not a list" in err
    assert "could not ask ORCID: server error (HTTP 502)" in err and "no source answered" in err
    assert (tmp_path / "publications.bib").read_text(encoding="utf-8") == EXISTING_BIB


def test_dblp_lists_a_paper_and_its_corr_preprint_written_once_as_the_paper_carrying_the_eprint(tmp_path, monkeypatch, capsys):
    source = make_cv(tmp_path, "Andrew McCallum", [], bib="", extra="scholar: {dblp: 'https://dblp.org/pid/m/AndrewMcCallum.html'}\n")
    with services(monkeypatch) as api:
        api.route("/pid/m/AndrewMcCallum.xml", Reply(raw=dblp_person_page().encode()))
        assert main(["sync", str(source), "--write"]) == 0
    assert listed(capsys.readouterr().out) == ["chang2023multicls"]
    text = (tmp_path / "publications.bib").read_text(encoding="utf-8")
    assert text.count("@") == 1 and text.startswith("@inproceedings{chang2023multicls,")
    assert "doi = {10.18653/v1/2023.acl-long.48}" in text and "eprint = {2210.05043}" in text and "archiveprefix = {arXiv}" in text
    assert check(source) == []


def test_a_work_only_orcid_lists_gets_its_authors_from_the_registry(tmp_path, monkeypatch, capsys):
    import json

    from tests.unit.works_fixtures import API

    orcid = json.loads((API / "orcid-works-fenner.json").read_text(encoding="utf-8"))
    summary = orcid["group"][0]["work-summary"][0]
    summary["title"]["title"]["value"] = "Methylphenidate exposure induces dopamine neuron loss"
    summary["external-ids"]["external-id"][0]["external-id-value"] = "10.1371/journal.pone.0033693"
    source = make_cv(tmp_path, "Richard J. Smeyne", [], bib="", extra=f"scholar: {{orcid: {FENNER_ORCID}}}\n")
    with services(monkeypatch) as api:
        api.route(f"/{FENNER_ORCID}/works", Reply(body=orcid))
        assert main(["sync", str(source), "--write"]) == 0
    out, err = capsys.readouterr()
    assert listed(out) == ["smeyne2016data", "sadasivan2012methylphenidate"]  # newest first
    assert "ORCID names no authors of 'A Data Citation Roadmap for Scholarly Data Repositories'" in err
    text = (tmp_path / "publications.bib").read_text(encoding="utf-8")
    assert "author = {Sadasivan, Shankar and" in text and "journal = {PLoS ONE}" in text


def test_no_author_id_is_an_error_at_metadata_yaml(tmp_path, capsys):
    source = make_cv(tmp_path, "Martin Fenner", [])
    assert main(["sync", str(source)]) == 1
    assert "`scholar:` names none of your author ids" in capsys.readouterr().err
