"""One publication as a metadata service describes it, and the keys that tell two apart."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class Work:
    """What a service says of one work. Authors are kept as the source writes them."""

    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    kind: str = "misc"  # the BibTeX entry type: article, inproceedings, incollection, book, misc
    venue: str | None = None  # journal, proceedings or repository, as the source names it
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    arxiv: str | None = None  # an arXiv id without version, e.g. 1111.2011 or hep-ex/0406020
    url: str | None = None
    source: str = ""  # which service said so: crossref, datacite, arxiv, dblp, openalex, orcid
    ident: str | None = None  # the source's own id (an OpenAlex W…, a DBLP key, an ORCID put-code)
    preprint: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())  # more BibTeX fields: primaryclass, note…

    def to_plain(self) -> dict:
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["extra"] = [list(pair) for pair in self.extra]
        return {key: value for key, value in data.items() if value not in (None, (), [], "", False)}

    @classmethod
    def from_plain(cls, data: dict) -> Work:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["authors"] = tuple(values.get("authors") or ())
        values["extra"] = tuple(tuple(pair) for pair in values.get("extra") or ())
        return cls(**values)


_DOI = re.compile(r"10\.\d{4,9}/\S+")


def normalize_doi(value: str | None) -> str | None:
    """The bare DOI of `https://doi.org/10.1000/X` or `doi:10.1000/X`, in the case the source writes
    it; compare DOIs through `doi_key`, as DOIs ignore case."""
    if not value:
        return None
    match = _DOI.search(value.strip())
    return match.group().rstrip(".,;") if match else None


def doi_key(value: str | None) -> str | None:
    doi = normalize_doi(value)
    return doi.lower() if doi else None


_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")
_ARXIV_OLD = re.compile(r"([a-z-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?")


def normalize_arxiv(value: str | None) -> str | None:
    """The arXiv id without its version, from `arXiv:2101.00001v2`, an abs/ or pdf/ URL or the
    DOI arXiv gives every paper (10.48550/arXiv.2101.00001)."""
    if not value:
        return None
    text = value.strip()
    text = re.sub(r"^(https?://)?(export\.)?arxiv\.org/(abs|pdf)/", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(10\.48550/)?arxiv[:.]", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\.pdf$", "", text)
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.fullmatch(text)
        if match:
            return match.group(1)
    return None


_SMALL = re.compile(r"[^a-z0-9]+")


def normalize_title(title: str) -> str:
    """Letters and digits only, accents dropped, lower case: `A Data Citation Roadmap…` and
    `A data citation roadmap…` are one title; so are the same words with other punctuation."""
    folded = unicodedata.normalize("NFKD", title)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[{}\\]", "", folded)
    return _SMALL.sub(" ", folded).strip()


def work_keys(work: Work) -> list[tuple[str, str]]:
    """What identifies a work, strongest first: its DOI, its arXiv id, its title and year."""
    keys = []
    if work.doi:
        keys.append(("doi", work.doi.lower()))
    if work.arxiv:
        keys.append(("arxiv", work.arxiv))
    if work.title:
        keys.append(("title", f"{normalize_title(work.title)}|{work.year or ''}"))
    return keys
