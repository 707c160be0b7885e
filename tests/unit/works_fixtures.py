"""Fake Crossref, DataCite, arXiv, DBLP, OpenAlex and ORCID serving the recorded answers of
tests/data/api/, and a small CV folder to add works to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT
from tests.unit.fake_api import FakeApi, Reply, serve

API = ROOT / "tests" / "data" / "api"
SERVICES = ("CROSSREF", "DATACITE", "ARXIV", "DBLP", "OPENALEX", "ORCID")
FENNER = "A5023888391"
FENNER_ORCID = "0000-0003-1419-2405"


def recorded(name: str) -> Reply:
    return Reply(raw=(API / name).read_bytes())


def route_recorded(api: FakeApi) -> None:
    """Each recorded answer at the path cvfilter asks; anything else is a 404, as for an unknown id."""
    api.route("/works/10.1371/journal.pone.0033693", recorded("crossref-work-10.1371_journal.pone.0033693.json"))
    api.route("/dois/10.6084/m9.figshare.1449060", recorded("datacite-doi-10.6084_m9.figshare.1449060.json"))
    api.route("/query?id_list=1111.2011*", recorded("arxiv-1111.2011v2.xml"))
    api.route("/query?id_list=1605.08386*", recorded("arxiv-1605.08386.xml"))
    api.route("/rec/conf/acl/ChangSRM23.xml", recorded("dblp-rec-conf_acl_ChangSRM23.xml"))
    api.route(f"/works?filter=author.id%3A{FENNER}&per-page=200&cursor=%2A*", recorded("openalex-works-fenner-1.json"))
    api.route(f"/works?filter=author.id%3A{FENNER}&per-page=200&cursor=IlsyMDE2*", recorded("openalex-works-fenner-2.json"))
    api.route(f"/{FENNER_ORCID}/works", recorded("orcid-works-fenner.json"))


def dblp_person_page() -> str:
    """A DBLP person page (dblp.org/pid/PID.xml) made here from the recorded record: the paper and,
    as DBLP lists them, its CoRR version, the arXiv preprint of the same title."""
    record = (API / "dblp-rec-conf_acl_ChangSRM23.xml").read_text(encoding="utf-8").split("<dblp>")[1].split("</dblp>")[0]
    corr = (record.replace('inproceedings key="conf/acl/ChangSRM23"', 'article key="journals/corr/abs-2210-05043"')
            .replace("</inproceedings>", "</article>")
            .replace("<booktitle>ACL (1)</booktitle>", "<journal>CoRR</journal><volume>abs/2210.05043</volume>")
            .replace("<pages>821-854</pages>", "").replace("<year>2023</year>", "<year>2022</year>")
            .replace("https://doi.org/10.18653/v1/2023.acl-long.48", "https://doi.org/10.48550/arXiv.2210.05043"))
    return f'<?xml version="1.0"?><dblpperson name="Andrew McCallum" pid="m/AndrewMcCallum" n="2"><r>{record}</r><r>{corr}</r></dblpperson>'


@contextmanager
def services(monkeypatch) -> Iterator[FakeApi]:
    """The fake services, with every CVFILTER_*_API pointing at them."""
    with serve() as api:
        route_recorded(api)
        for name in SERVICES:
            monkeypatch.setenv(f"CVFILTER_{name}_API", api.url)
        yield api


def unreachable(monkeypatch) -> None:
    """Every service at a port nothing listens on: what no network looks like to the client."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for name in SERVICES:
        monkeypatch.setenv(f"CVFILTER_{name}_API", f"http://127.0.0.1:{port}")


CV_MD = """---
cvfilter:
  data: metadata.yaml
  bibliography: publications.bib
---

# Publications

::: publications
:::
"""

EXISTING_BIB = """% my publications, kept by hand
@article{fenner-newsletter,
  author = {Fenner, Martin},
  title = {The rise of the (science) newsletter},
  journal = {Front Matter},
  year = {2023},
  doi = {10.53731/ybhah-9jy85},
}
"""


def make_cv(folder: Path, name: str, aliases: list[str], bib: str = EXISTING_BIB, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cv.md").write_text(CV_MD, encoding="utf-8")
    alias_text = ", ".join(aliases)
    (folder / "metadata.yaml").write_text(
        f"name: {name}\nowner:\n  aliases: [{alias_text}]\ncontact:\n  email: owner@example.org\n{extra}", encoding="utf-8")
    (folder / "publications.bib").write_text(bib, encoding="utf-8")
    return folder / "cv.md"
