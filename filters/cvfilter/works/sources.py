"""Where each service is asked, and how: the URL of one work or of an owner's works, the paging.

Base URLs come from CVFILTER_<SERVICE>_API (tests point them at a fake server on 127.0.0.1).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from ..web import FetchError, HttpClient, base_url
from . import parse
from .ids import WorkId
from .record import Work

MAX_PAGES = 50  # 50 pages of 200 works: an author with more is cut, and told so
ARXIV_PACE = 3.0  # seconds between two requests, as arXiv's terms of use ask
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")
_DBLP_PID = re.compile(r"(?:https?://dblp\.(?:org|uni-trier\.de)/pid/)?([a-z0-9]+/[\w-]+?)(?:\.html|\.xml)?")


@dataclass(frozen=True)
class Endpoints:
    crossref: str
    datacite: str
    arxiv: str
    dblp: str
    openalex: str
    orcid: str

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Endpoints:
        return cls(
            crossref=base_url("CVFILTER_CROSSREF_API", "https://api.crossref.org", environ),
            datacite=base_url("CVFILTER_DATACITE_API", "https://api.datacite.org", environ),
            arxiv=base_url("CVFILTER_ARXIV_API", "https://export.arxiv.org/api", environ),
            dblp=base_url("CVFILTER_DBLP_API", "https://dblp.org", environ),
            openalex=base_url("CVFILTER_OPENALEX_API", "https://api.openalex.org", environ),
            orcid=base_url("CVFILTER_ORCID_API", "https://pub.orcid.org/v3.0", environ),
        )


class NotFound(Exception):
    """No service knows the id."""


def fetch_work(client: HttpClient, endpoints: Endpoints, ident: WorkId) -> Work:
    """One work by DOI (Crossref, then DataCite), arXiv id or DBLP key; NotFound when unknown,
    FetchError when a service could not be asked, MalformedAnswer when its answer is unreadable."""
    if ident.kind == "doi":
        quoted = urllib.parse.quote(ident.value, safe="/")
        crossref = _or_none(lambda: parse.crossref_work(client.get_json(f"{endpoints.crossref}/works/{quoted}")))
        if crossref is not None:
            return crossref
        return _known(lambda: parse.datacite_work(client.get_json(f"{endpoints.datacite}/dois/{quoted}")),
                      "neither Crossref nor DataCite knows this DOI")
    if ident.kind == "arxiv":
        query = urllib.parse.urlencode({"id_list": ident.value, "max_results": 1})
        client.pace(endpoints.arxiv, ARXIV_PACE)
        works = parse.arxiv_works(client.get_text(f"{endpoints.arxiv}/query?{query}"))
        if not works:
            raise NotFound("arXiv has no paper with this id")
        return works[0]
    return _known(lambda: parse.dblp_record(client.get_text(f"{endpoints.dblp}/rec/{ident.value}.xml")),
                  "DBLP has no record with this key")


def _or_none(fetch: Callable[[], Work]) -> Work | None:
    """The work, or None where the service answers 404 (it does not know the id)."""
    try:
        return fetch()
    except FetchError as exc:
        if exc.status == 404:
            return None
        raise


def _known(fetch: Callable[[], Work], unknown: str) -> Work:
    work = _or_none(fetch)
    if work is None:
        raise NotFound(unknown)
    return work


def openalex_works(client: HttpClient, endpoints: Endpoints, author: str) -> tuple[list[Work], bool]:
    """Every work of an OpenAlex author, page by page through the cursor; True when cut at MAX_PAGES.
    All of them, whatever `--since` says, so that sync.json holds the whole list."""
    filters = f"author.id:{author}"
    works: list[Work] = []
    cursor: str | None = "*"
    mailto = client.contact
    for _ in range(MAX_PAGES):
        params = {"filter": filters, "per-page": 200, "cursor": cursor}
        if mailto:
            params["mailto"] = mailto
        page, cursor = parse.openalex_page(client.get_json(f"{endpoints.openalex}/works?{urllib.parse.urlencode(params)}"))
        works.extend(page)
        if not cursor or not page:
            return works, False
    return works, True


def orcid_works(client: HttpClient, endpoints: Endpoints, orcid: str) -> list[Work]:
    return parse.orcid_works(client.get_json(f"{endpoints.orcid}/{normalize_orcid(orcid)}/works", {"Accept": "application/json"}))


def dblp_works(client: HttpClient, endpoints: Endpoints, pid: str) -> list[Work]:
    return parse.dblp_person(client.get_text(f"{endpoints.dblp}/pid/{normalize_dblp_pid(pid)}.xml"))


def normalize_orcid(value: str) -> str:
    """The bare iD of `0000-0002-1825-0097` or `https://orcid.org/0000-0002-1825-0097`; refused
    before any request when it is neither."""
    match = _ORCID.search(value.strip().upper())
    if not match or not value.strip().upper().rstrip("/").endswith(match.group(1)):
        raise FetchError(f"{value!r} is not an ORCID iD (like 0000-0002-1825-0097)")
    return match.group(1)


def normalize_dblp_pid(value: str) -> str:
    """The pid of `m/AndrewMcCallum`, `https://dblp.org/pid/m/AndrewMcCallum.html` or `.xml`."""
    match = _DBLP_PID.fullmatch(value.strip().rstrip("/"))
    if not match:
        raise FetchError(f"{value!r} is not a DBLP person id (the part after dblp.org/pid/, like 46/5782)")
    return match.group(1)
