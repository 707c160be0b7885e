"""Each service's answer read into `Work`s. Pure functions on the decoded body: tested on
recorded real answers (tests/data/api/), they raise MalformedAnswer when a body has not the
shape the service documents, never a KeyError from deep inside."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any

from .record import Work, normalize_arxiv, normalize_doi


class MalformedAnswer(ValueError):
    """The service answered, but not with what it documents."""


def _text(value: Any) -> str:
    """Plain text from a service's title: tags (<i>, <sub>) dropped, entities decoded, space folded."""
    if not isinstance(value, str):
        return ""
    value = re.sub(r"<[^>]+>", "", value)
    return " ".join(html.unescape(value).split())


def _title(value: Any) -> str:
    """A title without the full stop some services end it with (DBLP, DataCite)."""
    title = _first(value)
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str) and item.strip()), "")
    return _text(value)


def _str(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return _text(value) or None if isinstance(value, str) else None


def _year(value: Any) -> int | None:
    match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _pages(first: Any, last: Any = None) -> str | None:
    first, last = _str(first), _str(last)
    if first and last and last != first:
        return f"{first}--{last}"
    return first.replace("-", "--") if first and re.fullmatch(r"\d+-\d+", first) else first


def _need(body: Any, *path: str) -> Any:
    node = body
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise MalformedAnswer(f"the answer has no {'.'.join(path)}")
        node = node[key]
    return node


def _names(people: Any, family_key: str, given_key: str, whole_is_organisation: bool) -> tuple[str, ...]:
    """"Family, Given" from the parts a service gives, else its one name as written. An
    organisation's name (Crossref's `name`, DataCite's nameType Organizational) is braced whole,
    so that BibTeX reads it as one family name."""
    names = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, dict):
            continue
        family, given, whole = _str(person.get(family_key)), _str(person.get(given_key)), _str(person.get("name"))
        if family and given:
            names.append(f"{family}, {given}")
        elif family:
            names.append(family)
        elif whole:
            organisation = whole_is_organisation or person.get("nameType") == "Organizational"
            names.append(f"{{{whole}}}" if organisation else whole)
    return tuple(names)


# Crossref ---------------------------------------------------------------------------------------

_CROSSREF_KINDS = {
    "journal-article": "article", "proceedings-article": "inproceedings", "book-chapter": "incollection",
    "book": "book", "monograph": "book", "edited-book": "book", "reference-entry": "incollection",
}


def crossref_work(body: Any) -> Work:
    """Crossref's /works/DOI answer."""
    message = _need(body, "message")
    if not isinstance(message, dict):
        raise MalformedAnswer("the answer's message is not an object")
    title = _title(message.get("title"))
    if not title:
        raise MalformedAnswer("the answer has no title")
    authors = _names(message.get("author"), "family", "given", True)
    kind = _CROSSREF_KINDS.get(str(message.get("type")), "misc")
    doi = normalize_doi(_str(message.get("DOI")))
    dates = [message.get(key) for key in ("published-print", "published-online", "published", "issued")]
    year = next((_year(d["date-parts"][0][0]) for d in dates
                 if isinstance(d, dict) and d.get("date-parts") and d["date-parts"][0] and d["date-parts"][0][0]), None)
    return Work(
        title=title, authors=authors, year=year, kind=kind,
        venue=_first(message.get("container-title")) or None,
        volume=_str(message.get("volume")), number=_str(message.get("issue")), pages=_pages(message.get("page")),
        publisher=_str(message.get("publisher")) if kind in ("book", "incollection", "misc") else None,
        doi=doi, url=f"https://doi.org/{doi}" if doi else _str(message.get("URL")), source="crossref",
        preprint=message.get("type") == "posted-content", ident=doi,
    )


# DataCite ---------------------------------------------------------------------------------------

def datacite_work(body: Any) -> Work:
    """DataCite's /dois/DOI answer (JSON:API)."""
    attributes = _need(body, "data", "attributes")
    if not isinstance(attributes, dict):
        raise MalformedAnswer("the answer's data.attributes is not an object")
    titles = attributes.get("titles") or []
    title = next((_title(t.get("title")) for t in titles if isinstance(t, dict) and not t.get("titleType") and t.get("title")), "") \
        or next((_title(t.get("title")) for t in titles if isinstance(t, dict) and t.get("title")), "")
    if not title:
        raise MalformedAnswer("the answer has no title")
    authors = _names(attributes.get("creators"), "familyName", "givenName", False)
    types = attributes.get("types") if isinstance(attributes.get("types"), dict) else {}
    kind = {"article": "article", "inproceedings": "inproceedings", "book": "book", "incollection": "incollection"}.get(str(types.get("bibtex")), "misc")
    publisher = attributes.get("publisher")
    publisher = _str(publisher.get("name")) if isinstance(publisher, dict) else _str(publisher)
    container = attributes.get("container") if isinstance(attributes.get("container"), dict) else {}
    doi = normalize_doi(_str(attributes.get("doi")))
    resource = _str(types.get("resourceTypeGeneral"))
    extra = (("howpublished", f"{resource}, {publisher}" if resource and publisher else publisher or resource),) if kind == "misc" and (publisher or resource) else ()
    return Work(
        title=title, authors=authors, year=_year(attributes.get("publicationYear")), kind=kind,
        venue=_str(container.get("title")), volume=_str(container.get("volume")), number=_str(container.get("issue")),
        pages=_pages(container.get("firstPage"), container.get("lastPage")),
        publisher=publisher if kind != "misc" else None, doi=doi, url=f"https://doi.org/{doi}" if doi else _str(attributes.get("url")),
        source="datacite", ident=doi, preprint=resource == "Preprint", extra=extra,
    )


# arXiv ------------------------------------------------------------------------------------------

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_JOURNAL_REF = re.compile(r"^(?P<journal>[^\d,]+?)\s*(?P<volume>\d+)(?:\s*\((?P<number>\d+)\))?\s*[,:]\s*(?P<pages>[\w-]+)\s*\((?P<year>\d{4})\)\.?$")


def arxiv_works(text: str) -> list[Work]:
    """The arXiv API's Atom feed: one Work per entry. An entry that carries a DOI and a journal
    reference is the published version, written as such and carrying the eprint."""
    root = _xml(text)
    if root.tag != f"{_ATOM}feed":
        raise MalformedAnswer("the answer is not an Atom feed")
    works = []
    for entry in root.findall(f"{_ATOM}entry"):
        ident = normalize_arxiv(entry.findtext(f"{_ATOM}id") or "")
        title = _title(entry.findtext(f"{_ATOM}title"))
        if not ident:
            if title == "Error":
                raise MalformedAnswer(f"arXiv says: {_text(entry.findtext(f'{_ATOM}summary'))}")
            continue
        authors = tuple(name for name in (_text(a.findtext(f"{_ATOM}name")) for a in entry.findall(f"{_ATOM}author")) if name)
        year = _year(entry.findtext(f"{_ATOM}published"))
        primary = entry.find(f"{_ARXIV}primary_category")
        extra = [("archiveprefix", "arXiv")]
        if primary is not None and primary.get("term"):
            extra.append(("primaryclass", primary.get("term")))
        doi = normalize_doi(entry.findtext(f"{_ARXIV}doi"))
        reference = _text(entry.findtext(f"{_ARXIV}journal_ref"))
        published = _JOURNAL_REF.match(reference) if doi and reference else None
        if published:
            works.append(Work(
                title=title, authors=authors, year=int(published["year"]), kind="article", venue=published["journal"].strip(),
                volume=published["volume"], number=published["number"], pages=published["pages"], doi=doi,
                arxiv=ident, url=f"https://doi.org/{doi}", source="arxiv", ident=ident, extra=tuple(extra),
            ))
            continue
        if reference:
            extra.append(("note", reference))
        works.append(Work(
            title=title, authors=authors, year=year, kind="misc", venue="arXiv", doi=doi, arxiv=ident,
            url=f"https://arxiv.org/abs/{ident}", source="arxiv", ident=ident, preprint=not doi, extra=tuple(extra),
        ))
    return works


# DBLP -------------------------------------------------------------------------------------------

_DBLP_KINDS = {"article": "article", "inproceedings": "inproceedings", "incollection": "incollection", "book": "book",
               "proceedings": "book", "phdthesis": "phdthesis", "mastersthesis": "mastersthesis"}


def dblp_record(text: str) -> Work:
    """A record's XML (dblp.org/rec/KEY.xml): `<dblp><inproceedings key=…>…</inproceedings></dblp>`."""
    root = _xml(text)
    records = [child for child in root if child.tag in _DBLP_KINDS] if root.tag == "dblp" else []
    if not records:
        raise MalformedAnswer("the answer holds no DBLP record")
    return _dblp_work(records[0])


def dblp_person(text: str) -> list[Work]:
    """A person's publication list (dblp.org/pid/PID.xml): every `<r>` record."""
    root = _xml(text)
    if root.tag != "dblpperson":
        raise MalformedAnswer("the answer is not a DBLP person page")
    return [_dblp_work(child) for r in root.findall("r") for child in r if child.tag in _DBLP_KINDS]


def _dblp_work(record: ET.Element) -> Work:
    title = _title("".join(record.find("title").itertext())) if record.find("title") is not None else ""
    authors = tuple(re.sub(r"\s+\d{4}$", "", _text("".join(a.itertext()))) for a in record.findall("author"))
    venue = _text(record.findtext("journal") or record.findtext("booktitle") or "") or None
    volume = _str(record.findtext("volume"))
    links = [_text(ee.text) for ee in record.findall("ee") if ee.text]
    doi = next((normalize_doi(link) for link in links if "doi.org/" in link), None)
    arxiv = next((normalize_arxiv(link) for link in links if "arxiv.org/" in link), None)
    preprint = venue == "CoRR"
    if preprint and volume and volume.startswith("abs/"):
        arxiv = arxiv or normalize_arxiv(volume[4:])
    url = f"https://doi.org/{doi}" if doi else (f"https://arxiv.org/abs/{arxiv}" if arxiv else (links[0] if links else None))
    if preprint and doi and doi.lower().startswith("10.48550/"):
        doi = None
    kind = _DBLP_KINDS[record.tag]
    extra = (("archiveprefix", "arXiv"),) if arxiv else ()
    return Work(
        title=title, authors=authors, year=_year(record.findtext("year")), kind="misc" if preprint else kind,
        venue="arXiv" if preprint else venue, volume=None if preprint else volume, number=_str(record.findtext("number")),
        pages=_pages(record.findtext("pages")), publisher=_str(record.findtext("publisher")),
        doi=doi, arxiv=arxiv, url=url, source="dblp", ident=record.get("key"), preprint=preprint, extra=extra,
    )


def _xml(text: str) -> ET.Element:
    if "<!DOCTYPE" in text[:2000] or "<!ENTITY" in text:
        raise MalformedAnswer("the answer declares a DTD or entities; refused")
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise MalformedAnswer(f"the answer is not well-formed XML ({exc})") from None


# OpenAlex ---------------------------------------------------------------------------------------

_OPENALEX_KINDS = {"article": "article", "book-chapter": "incollection", "book": "book", "review": "article", "letter": "article"}


def openalex_page(body: Any) -> tuple[list[Work], str | None]:
    """One page of /works?filter=author.id:A…: its works and the cursor of the next page."""
    results = _need(body, "results")
    if not isinstance(results, list):
        raise MalformedAnswer("the answer's results is not a list")
    meta = body.get("meta") if isinstance(body.get("meta"), dict) else {}
    cursor = meta.get("next_cursor") if isinstance(meta.get("next_cursor"), str) else None
    return [openalex_work(item) for item in results if isinstance(item, dict) and (item.get("title") or item.get("display_name"))], cursor


def openalex_work(item: dict) -> Work:
    title = _title(item.get("title") or item.get("display_name"))
    authors = tuple(
        name for name in (_text(a.get("raw_author_name") or (a.get("author") or {}).get("display_name"))
                          for a in item.get("authorships") or [] if isinstance(a, dict)) if name
    )
    location = item.get("primary_location") if isinstance(item.get("primary_location"), dict) else {}
    source = location.get("source") if isinstance(location.get("source"), dict) else {}
    venue = _text(source.get("display_name")) or None
    biblio = item.get("biblio") if isinstance(item.get("biblio"), dict) else {}
    doi = normalize_doi(_str(item.get("doi")))
    arxiv = normalize_arxiv(doi) if doi and doi.lower().startswith("10.48550/") else None
    for place in item.get("locations") or []:
        landing = (place or {}).get("landing_page_url") or ""
        if not arxiv and "arxiv.org/abs/" in landing:
            arxiv = normalize_arxiv(landing)
    kind_written = str(item.get("type"))
    preprint = kind_written == "preprint" or (doi or "").lower().startswith("10.48550/")
    kind = "misc" if preprint else _OPENALEX_KINDS.get(kind_written, "misc")
    if kind == "article" and source.get("type") == "conference":
        kind = "inproceedings"
    ident = _str(item.get("id"))
    return Work(
        title=title, authors=authors, year=_year(item.get("publication_year")), kind=kind, venue=venue,
        volume=_str(biblio.get("volume")), number=_str(biblio.get("issue")), pages=_pages(biblio.get("first_page"), biblio.get("last_page")),
        doi=None if (doi or "").lower().startswith("10.48550/") else doi, arxiv=arxiv,
        url=f"https://doi.org/{doi}" if doi else _str(location.get("landing_page_url")),
        source="openalex", ident=ident.rsplit("/", 1)[-1] if ident else None, preprint=preprint,
        extra=(("archiveprefix", "arXiv"),) if arxiv else (),
    )


# ORCID ------------------------------------------------------------------------------------------

_ORCID_KINDS = {"journal-article": "article", "conference-paper": "inproceedings", "book-chapter": "incollection", "book": "book"}


def orcid_works(body: Any) -> list[Work]:
    """ORCID's /v3.0/ORCID/works: the first summary of each group (ORCID groups a work's versions).
    Summaries name no authors; a work only ORCID knows is written without them, and said so."""
    groups = _need(body, "group")
    if not isinstance(groups, list):
        raise MalformedAnswer("the answer's group is not a list")
    works = []
    for group in groups:
        summaries = group.get("work-summary") if isinstance(group, dict) else None
        if not summaries or not isinstance(summaries[0], dict):
            continue
        summary = summaries[0]
        title = _title(((summary.get("title") or {}).get("title") or {}).get("value"))
        if not title:
            continue
        ids = {}
        for external in ((summary.get("external-ids") or {}).get("external-id") or []):
            if isinstance(external, dict) and external.get("external-id-relationship", "self") == "self":
                ids.setdefault(str(external.get("external-id-type")).lower(), _str(external.get("external-id-value")))
        date = summary.get("publication-date") or {}
        year = _year(((date.get("year") or {}) if isinstance(date, dict) else {}).get("value"))
        kind_written = str(summary.get("type"))
        doi = normalize_doi(ids.get("doi"))
        arxiv = normalize_arxiv(ids.get("arxiv")) or (normalize_arxiv(doi) if doi and doi.lower().startswith("10.48550/") else None)
        works.append(Work(
            title=title, year=year, kind=_ORCID_KINDS.get(kind_written, "misc"),
            venue=_text(((summary.get("journal-title") or {}) or {}).get("value")) or None,
            doi=None if (doi or "").lower().startswith("10.48550/") else doi, arxiv=arxiv,
            url=f"https://doi.org/{doi}" if doi else _str((summary.get("url") or {}).get("value")),
            source="orcid", ident=_str(summary.get("put-code")), preprint=kind_written == "preprint" or bool(arxiv and not doi),
            extra=(("archiveprefix", "arXiv"),) if arxiv else (),
        ))
    return works
