"""What `cv add` is given: a DOI, an arXiv id or a DBLP key, in the forms people paste."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .record import normalize_arxiv, normalize_doi


@dataclass(frozen=True)
class WorkId:
    kind: str  # doi, arxiv, dblp
    value: str
    written: str


class BadId(ValueError):
    """Not a DOI, arXiv id or DBLP key; the message says what each looks like."""


_DBLP_KEY = re.compile(r"(journals|conf|books|phd|series|reference|persons|tr|informal)/[\w.+-]+/[\w.+-]+")
HINT = "give a DOI (10.1000/xyz or https://doi.org/...), an arXiv id (arXiv:2101.00001) or a DBLP key (conf/icml/AmosK17)"


def parse_id(written: str) -> WorkId:
    text = written.strip()
    dblp = re.sub(r"^(https?://)?dblp\.(org|uni-trier\.de)/rec/(bibtex/|xml/)?", "", text)
    dblp = re.sub(r"\.(xml|bib|html)$", "", dblp)
    dblp = re.sub(r"^DBLP:", "", dblp)
    if _DBLP_KEY.fullmatch(dblp):
        return WorkId("dblp", dblp, written)
    if re.match(r"^(arxiv:|(https?://)?(export\.)?arxiv\.org/)", text, re.IGNORECASE) or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", text):
        ident = normalize_arxiv(text)
        if ident:
            return WorkId("arxiv", ident, written)
    doi = normalize_doi(text)
    if doi and re.match(r"^((https?://)?(dx\.)?doi\.org/|doi:\s*)?10\.", text, re.IGNORECASE):
        ident = normalize_arxiv(doi)
        if doi.startswith("10.48550/") and ident:
            return WorkId("arxiv", ident, written)
        return WorkId("doi", doi, written)
    raise BadId(f"{written!r} is not a DOI, an arXiv id or a DBLP key")
