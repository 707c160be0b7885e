"""BibTeX and biblatex fields to CSL-JSON variables, following pandoc's reader (Text.Pandoc.Citeproc.BibTeX).

The whole item but its names, which csl.py marks for the owner. Entry types map as pandoc maps them
(a patent is a patent, a phdthesis a thesis whose genre says "PhD thesis"); the title is title,
subtitle and titleaddon joined; a book's number is its number in the series, an article's its issue;
dates come from `date` (ISO 8601, day and month kept) or year/month/day; an arXiv eprint becomes a URL.
cvfilter's own fields (`_venue`, `_note`) still win over the standard ones, as the seed uses them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .markers import BOUNDARY, MATH_CLOSE, MATH_OPEN
from .sentence_case import Run, sentence_case

if TYPE_CHECKING:
    from .entries import BibEntry

_TYPES = {
    "article": "article-journal", "book": "book", "booklet": "pamphlet", "bookinbook": "chapter", "collection": "book",
    "dataset": "dataset", "electronic": "webpage", "inbook": "chapter", "incollection": "chapter",
    "inreference": "entry-encyclopedia", "inproceedings": "paper-conference", "conference": "paper-conference",
    "manual": "book", "mastersthesis": "thesis", "misc": "", "mvbook": "book", "mvcollection": "book",
    "mvproceedings": "book", "mvreference": "book", "online": "webpage", "patent": "patent", "periodical": "article-journal",
    "phdthesis": "thesis", "proceedings": "book", "reference": "book", "report": "report", "software": "book",
    "suppbook": "chapter", "suppcollection": "chapter", "suppperiodical": "article-journal", "techreport": "report",
    "thesis": "thesis", "unpublished": "manuscript", "www": "webpage", "artwork": "graphic", "audio": "song",
    "commentary": "book", "image": "graphic", "jurisdiction": "legal_case", "legislation": "legislation",
    "legal": "treaty", "letter": "personal_communication", "movie": "motion_picture", "music": "song",
    "performance": "speech", "review": "review", "standard": "legislation", "video": "motion_picture",
    "data": "dataset", "letters": "personal_communication", "newsarticle": "article-newspaper",
}
_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}
_NUMBER_IS_SERIES = {"book", "collection", "proceedings", "reference", "mvbook", "mvcollection", "mvproceedings",
                     "mvreference", "bookinbook", "inbook", "incollection", "inproceedings", "inreference", "suppbook",
                     "suppcollection"}
_ARTICLES = {"article", "periodical", "suppperiodical", "review"}
_CHAPTERS = {"inbook", "incollection", "inproceedings", "inreference", "bookinbook"}
# biblatex's localisation keys as they appear in `type` and `pubstate` fields, in English.
_KEYS = {"mathesis": "Master's thesis", "phdthesis": "PhD thesis", "candthesis": "Candidate thesis",
         "techreport": "technical report", "resreport": "research report", "software": "computer software",
         "datacd": "CD-ROM", "audiocd": "audio CD", "patent": "patent", "patentus": "U.S. patent",
         "patentde": "German patent", "patenteu": "European patent", "patentfr": "French patent",
         "patentuk": "British patent", "inpress": "in press", "forthcoming": "forthcoming", "inpreparation": "in preparation",
         "submitted": "submitted", "prepublished": "pre-published",
         "countryde": "Germany", "countryeu": "European Union", "countryfr": "France", "countryuk": "United Kingdom",
         "countryus": "United States of America", "patreq": "patent request", "patreqde": "German patent request",
         "patreqeu": "European patent request", "patreqfr": "French patent request", "patrequk": "British patent request",
         "patrequs": "U.S. patent request", "jourser": "Series", "newseries": "New Series", "oldseries": "Old Series"}
_EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/", "jstor": "https://www.jstor.org/stable/",
                "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/", "googlebooks": "https://books.google.com?id="}
_MONTHS = {name: number for number, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"], start=1) for name in names.split()}
_ISO_DATE = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_PROTECT_OPEN, _PROTECT_CLOSE = '<span class="nocase">', "</span>"


def csl_variables(entry: BibEntry, sentence: bool = True) -> dict:
    """The CSL variables of an entry, names aside; titles in sentence case when `sentence` (and the entry is English)."""
    kind = entry.type
    get = entry.get
    sentence = sentence and _english(entry)
    item: dict = {"type": _type(entry)}
    language = _language(entry)
    if language:
        item["language"] = language
    genre = _genre(entry)
    if genre:
        item["genre"] = genre

    def title(name: str) -> list[Run]:
        runs = list(entry.runs.get(name, ()))
        if not runs and entry.fields.get(name):
            runs = [(entry.fields[name], False)]
        return sentence_case(runs) if sentence and runs else runs

    has_main = bool(get("maintitle"))
    chapter = kind in _CHAPTERS
    periodical = kind == "periodical"
    if periodical and get("issuetitle"):
        main = _join(".", _join(":", title("issuetitle"), title("issuesubtitle")), [])
    elif has_main and not chapter:
        main = _join(".", _join(":", title("maintitle"), title("mainsubtitle")), title("maintitleaddon"))
    else:
        main = _join(".", _join(":", title("title"), title("subtitle")), title("titleaddon"))
    if main:
        item["title"] = _text(main)
    if get("shorttitle"):
        item["title-short"] = _text(title("shorttitle"))
    if get("shortjournal"):
        item["container-title-short"] = get("shortjournal")
    container = _container(entry, title, periodical, chapter)
    if container:
        item["container-title"] = container
    for csl, names in (("collection-title", ("series",)), ("event", ("eventtitle",)), ("original-title", ("origtitle",))):
        runs = title(names[0])
        if runs:
            item[csl] = _series(_text(runs))
    _numbers(entry, item)
    _dates(entry, item)
    publisher = "; ".join(_list(entry, name) for name in ("school", "institution", "organization", "howpublished", "publisher")
                          if get(name))
    if publisher:
        item["publisher"] = publisher
    place = "address" if get("address") else "location" if get("location") and kind != "patent" else None
    if place:
        item["publisher-place"] = _list(entry, place)
    if kind == "patent" and get("location"):
        item["jurisdiction"] = "; ".join(_KEYS.get(p.strip().casefold(), p.strip()) for p in _list(entry, "location").split(";"))
    for csl, name in (("event-place", "venue"), ("original-publisher", "origpublisher"), ("original-publisher-place", "origlocation"),
                      ("ISBN", "isbn"), ("ISSN", "issn"), ("PMID", "pmid"), ("PMCID", "pmcid"), ("call-number", "library"),
                      ("version", "version"), ("edition", "edition"), ("number-of-pages", "pagetotal"),
                      ("number-of-volumes", "volumes"), ("chapter-number", "chapter")):
        if get(name):
            item[csl] = get(name)
    url = get("url") or _eprint_url(entry)
    if url:
        item["URL"] = url
    doi = get("doi")
    if doi:
        item["DOI"] = re.sub(r"^https?://(dx\.)?doi\.org/", "", doi)
    note = "" if periodical else (get("_note", "note") or "")
    addendum = get("addendum") or ""
    if note or addendum:
        item["note"] = _text(_join(".", [(note, False)] if note else [], [(addendum, False)] if addendum else []))
    status = get("pubstate")
    if status:
        item["status"] = _KEYS.get(status.casefold(), status)
    return item


_LANGUAGES = {"english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
              "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ", "german": "de-DE", "ngerman": "de-DE",
              "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH", "french": "fr-FR", "italian": "it-IT",
              "spanish": "es-ES", "portuguese": "pt-PT", "brazilian": "pt-BR", "dutch": "nl-NL", "swedish": "sv-SE",
              "danish": "da-DK", "norwegian": "nb-NO", "finnish": "fi-FI", "polish": "pl-PL", "russian": "ru-RU",
              "czech": "cs-CZ", "greek": "el-GR", "latin": "la", "japanese": "ja-JP", "chinese": "zh-CN", "turkish": "tr-TR"}


def _language(entry: BibEntry) -> str | None:
    """The entry's language as an IETF tag (langid, else hyphenation): a style title-cases English only."""
    written = entry.get("langid", "hyphenation")
    if not written:
        return None
    variant = (entry.get("langidopts") or "").casefold()
    if written.casefold() == "english" and "british" in variant or "uk" in variant.split("="):
        return "en-GB"
    return _LANGUAGES.get(written.casefold(), written)


def _english(entry: BibEntry) -> bool:
    """pandoc converts titles only for English entries (langid, or else hyphenation; none: English)."""
    language = (entry.get("langid", "hyphenation") or "english").casefold()
    return language.startswith(("english", "american", "british", "canadian", "australian", "newzealand", "usenglish",
                                "ukenglish", "en"))


def _type(entry: BibEntry) -> str:
    subtype = (entry.get("entrysubtype") or "").casefold()
    if entry.type in ("article", "periodical", "suppperiodical") and subtype in _SUBTYPES:
        return _SUBTYPES[subtype]
    if entry.type == "unpublished" and (entry.get("eventdate", "eventtitle", "venue")):
        return "speech"
    return _TYPES.get(entry.type, "")


def _genre(entry: BibEntry) -> str | None:
    written = entry.get("type")
    if written:
        return _KEYS.get(written.casefold(), written)
    return {"mastersthesis": "Master's thesis", "phdthesis": "PhD thesis"}.get(entry.type)


def _container(entry: BibEntry, title, periodical: bool, chapter: bool) -> str | None:
    """`_venue` (ours) first; then what pandoc takes: the periodical's title, a chapter's book, the journal."""
    venue = entry.get("_venue")
    if venue:
        return venue
    get = entry.get
    if periodical and get("title"):
        runs = _join(".", _join(":", [(get("title"), False)], [(get("subtitle") or "", False)]), [(get("titleaddon") or "", False)])
    elif chapter and get("maintitle"):
        runs = _join(".", _join(":", title("maintitle"), title("mainsubtitle")), title("maintitleaddon"))
    elif chapter and get("booktitle"):
        runs = _join(".", _join(":", title("booktitle"), title("booksubtitle")), title("booktitleaddon"))
    elif get("journaltitle", "journal"):
        journal = get("journaltitle", "journal") or ""
        runs = _join(".", _join(":", [(journal, False)], [(get("journalsubtitle") or "", False)]), [])
    elif get("booktitle") and entry.type not in _NUMBER_IS_SERIES:  # a @misc from a conference
        runs = title("booktitle")
    else:
        return None
    return _text(runs) or None


def _numbers(entry: BibEntry, item: dict) -> None:
    get = entry.get
    if get("pages"):
        item["page"] = get("pages").replace("--", "–")
    volume, part = get("volume"), get("part")
    if volume or part:
        item["volume"] = f"{volume}.{part}" if volume and part else volume or part
    number = get("number")
    if number and entry.type in _NUMBER_IS_SERIES:
        item["collection-number"] = number
    elif entry.type in _ARTICLES and (number or get("issue")):
        item["issue"] = ", ".join(v for v in (number, get("issue")) if v)
    elif number:
        item["number"] = number
    elif get("issue"):
        item["issue"] = get("issue")


def _dates(entry: BibEntry, item: dict) -> None:
    for csl, prefix in (("issued", ""), ("event-date", "event"), ("original-date", "orig"), ("accessed", "url")):
        date = _date(entry.get(f"{prefix}date" if prefix else "date"), entry, prefix)
        if date:
            item[csl] = date


def _date(written: str | None, entry: BibEntry, prefix: str) -> dict | None:
    """CSL date parts from an ISO 8601 date (and range: 2004-10-27/2004-11-03) or year, month, day."""
    if written:
        parts = [_iso(piece) for piece in written.split("/") if piece.strip()]
        parts = [p for p in parts if p]
        if parts:
            return {"date-parts": parts}
        return {"literal": written}
    year = entry.get(f"{prefix}year")
    if not year:
        return None
    found = re.fullmatch(r"\s*(-?\d{1,4})\s*", year.replace("–", "-"))
    if not found:  # "300 BC", "1910–1913; second edition, 1925": printed as written, as pandoc does
        return {"literal": year}
    date = [int(found.group(1))]
    month = _month(entry.get(f"{prefix}month"))
    if month:
        date.append(month)
        day = entry.get(f"{prefix}day")
        if day and day.strip().isdigit():
            date.append(int(day))
    return {"date-parts": [date]}


def _iso(piece: str) -> list[int] | None:
    found = _ISO_DATE.match(piece)
    if not found:
        return None
    return [int(value) for value in found.groups() if value]


def _month(written: str | None) -> int | None:
    if not written:
        return None
    value = written.strip().rstrip(".").casefold()
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return _MONTHS.get(value)


def _eprint_url(entry: BibEntry) -> str | None:
    kind = (entry.get("eprinttype", "archiveprefix") or "").casefold()
    eprint = entry.get("eprint")
    if eprint and kind in _EPRINT_URLS:
        return _EPRINT_URLS[kind] + eprint
    return None


def _series(text: str) -> str:
    """A number as a series ("3") is the 3rd series, as pandoc prints it; a biblatex key is its words."""
    if text.isdigit():
        number = int(text)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix} Series"
    return _KEYS.get(text.casefold(), text)


def _list(entry: BibEntry, name: str) -> str:
    """A biblatex list ("London and New York") as CSL writes one ("London; New York"); a braced
    {and} is a word ("Leonard Smithers {and} Company")."""
    if name == "howpublished":
        return entry.fields[name]
    runs = entry.runs.get(name) or ((entry.fields[name], False),)
    marked = "".join(text if protected else re.sub(r"\s+and\s+", "\0", text) for text, protected in runs)
    return "; ".join(" ".join(part.split()) for part in marked.split("\0") if part.strip())


def _join(separator: str, first: list[Run], second: list[Run]) -> list[Run]:
    """pandoc's concatWith: "a" and "b" as "a: b", but "a?" and "b" as "a? b"."""
    if not _plain(second):
        return first
    if not _plain(first):
        return second
    text = _plain(first).rstrip()
    glue = " " if text[-1] in "!?.,:;" else separator + " "
    return [*first, (glue, False), *second]


def _plain(runs: list[Run]) -> str:
    return "".join(text for text, _ in runs)


def _text(runs: list[Run]) -> str:
    """Runs as CSL-JSON rich text: protected parts in a nocase span;
    math ($O(n)$) protected and between MATH markers, which render.py makes a Math element. As pandoc
    does, once the sentence case is made a braced part keeps its protection only if a word in it starts
    in lower case ({iPhone}); the others stay words of their own between BOUNDARY markers, so that
    "A conv{N}et" is title-cased "A ConvNet", as pandoc does."""
    runs = [(text, True) if protected and (MATH_OPEN in text or _has_lower_word(text))
            else (BOUNDARY + text + BOUNDARY, False) if protected else (text, False) for text, protected in _math(runs)]
    return "".join(_PROTECT_OPEN + text + _PROTECT_CLOSE if protected else text for text, protected in runs if text).strip()


_MATH = re.compile(r"(?<!\\)\$([^$]+)(?<!\\)\$")


def _math(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for text, protected in runs:
        start = 0
        for found in _MATH.finditer(text):
            if found.start() > start:
                out.append((text[start:found.start()], protected))
            out.append((MATH_OPEN + found.group(1).strip() + MATH_CLOSE, True))
            start = found.end()
        if start < len(text):
            out.append((text[start:], protected))
    return out


def _has_lower_word(text: str) -> bool:
    return any(word[0].islower() for word in re.findall(r"[^\W\d_][\w]*", text))


_NOT_TEXT = {"id", "type", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "issued", "accessed", "event-date", "original-date"}


def typographic(item: dict) -> dict:
    """A straight apostrophe as the typographic one, as pandoc's LaTeX reader prints it (O’Connor, Jake’s)."""
    for key, value in item.items():
        if key in _NOT_TEXT:
            continue
        if isinstance(value, str) and "'" in value:
            item[key] = value.replace("'", "’")
        elif isinstance(value, list):
            for name in value:
                if isinstance(name, dict):
                    for part, text in name.items():
                        if isinstance(text, str) and "'" in text:
                            name[part] = text.replace("'", "’")
    return item
