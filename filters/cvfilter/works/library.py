"""The bibliography as `cv add` and `cv sync` see it: what it has (by DOI, arXiv id, title and
year), and the two ways they change it, appending entries and setting a field of one entry.
Everything else in the file keeps its bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..bibliography.reader import BibEntry, Bibliography, parse_bibliography
from ..errors import CvError, Diagnostics, Location
from ..files import atomic_write
from ..textfile import decode, read_bytes
from .bibtex import entry_key, render_entry
from .record import Work, doi_key, normalize_arxiv, normalize_title, work_keys


@dataclass
class Match:
    entry: BibEntry
    by: str  # doi, arxiv, title, preprint (the title of a preprint with the published version's)


@dataclass
class Library:
    path: Path
    shown: str
    raw: bytes
    bib: Bibliography
    index: dict[tuple[str, str], BibEntry] = field(default_factory=dict)
    titles: dict[str, BibEntry] = field(default_factory=dict)

    @property
    def newline(self) -> str:
        """The file's own line ending, which added lines take too."""
        return "\r\n" if b"\r\n" in self.raw else "\n"

    @classmethod
    def read(cls, path: Path, shown: str) -> Library:
        if not path.is_file():
            raise CvError.at(Location(shown), f"bibliography {shown} not found",
                             "create it (an empty file will do) or set `cvfilter: bibliography:` in the front matter")
        raw = read_bytes(path, shown)
        bib = parse_bibliography(decode(raw, shown).text, shown, Diagnostics())
        library = cls(path, shown, raw, bib)
        for entry in bib:
            library._remember(entry)
        return library

    def _remember(self, entry: BibEntry) -> None:
        for key in entry_keys(entry):
            self.index.setdefault(key, entry)
        title = normalize_title(entry.get("title") or "")
        if title:
            self.titles.setdefault(title, entry)

    def find(self, work: Work) -> Match | None:
        """The entry that is this work: same DOI, same arXiv id, same title and year; or, when one
        of the two is a preprint, the same title in another year."""
        for kind, value in work_keys(work):
            entry = self.index.get((kind, value))
            if entry is not None:
                return Match(entry, kind)
        entry = self.titles.get(normalize_title(work.title))
        if entry is not None and (work.preprint or is_preprint(entry)):
            return Match(entry, "preprint")
        return None

    def keys(self) -> set[str]:
        return set(self.bib.entries)

    def append(self, works: list[tuple[Work, str]]) -> bytes:
        """Write the entries after the file's last byte; the bytes before stay as they were."""
        if not works:
            return self.raw
        nl = self.newline
        text = nl.join(render_entry(work, key).replace("\n", nl) for work, key in works)
        lead = "" if not self.raw else (nl if self.raw.endswith(b"\n") else nl * 2)
        data = self.raw + (lead + text).encode("utf-8")
        atomic_write(self.path, data, durable=True)
        self.raw = data
        return data

    def set_fields(self, key: str, values: dict[str, str]) -> bytes:
        """Set fields of one entry in place: a value replaced, or a line added before its end."""
        entry = self.bib.entries.get(key)
        if entry is None:
            raise CvError.at(Location(self.shown), f"no entry {key!r} in {self.shown}", "give a key of the bibliography")
        text, nl = self.raw.decode("utf-8"), self.newline
        start, end = entry_span(text, entry)
        body = text[start:end]
        for name, value in values.items():
            pattern = re.compile(rf"(\b{name}\s*=\s*)(\{{[^{{}}]*\}}|\"[^\"]*\")", re.IGNORECASE)
            if pattern.search(body):
                body = pattern.sub(lambda m: m.group(1) + "{" + value + "}", body, count=1)
                continue
            closing = body.rstrip().rfind("}")
            head = body[:closing].rstrip()
            comma = "" if head.endswith(",") else ","
            body = f"{head}{comma}{nl}  {name} = {{{value}}},{nl}{body[closing:]}"
        data = (text[:start] + body + text[end:]).encode("utf-8")
        atomic_write(self.path, data, durable=True)
        self.raw = data
        return data


def entry_keys(entry: BibEntry) -> list[tuple[str, str]]:
    keys = []
    doi = doi_key(entry.get("doi"))
    if doi and not doi.startswith("10.48550/"):
        keys.append(("doi", doi))
    arxiv = entry_arxiv(entry)
    if arxiv:
        keys.append(("arxiv", arxiv))
    title = normalize_title(entry.get("title") or "")
    if title:
        keys.append(("title", f"{title}|{entry.year or ''}"))
    return keys


def entry_arxiv(entry: BibEntry) -> str | None:
    """An entry's arXiv id: its eprint, an arxiv.org URL, arXiv's DOI, or DBLP's CoRR volume."""
    for value in (entry.get("eprint"), entry.get("url"), entry.get("doi")):
        ident = normalize_arxiv(value)
        if ident:
            return ident
    volume = entry.get("volume") or ""
    if (entry.get("journal") or "").strip() == "CoRR" and volume.startswith("abs/"):
        return normalize_arxiv(volume[4:])
    return None


def is_preprint(entry: BibEntry) -> bool:
    venue = (entry.get("_venue", "journal", "booktitle", "howpublished", "publisher") or "").casefold()
    return bool(entry_arxiv(entry)) and not entry.get("doi") or any(word in venue for word in ("arxiv", "corr", "preprint", "biorxiv"))


def entry_span(text: str, entry: BibEntry) -> tuple[int, int]:
    """Where the entry's text starts (its @) and ends (after its closing brace)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: max(entry.location.line - 1, 0)])
    at = text.find("@", start)
    found = re.compile(r"@\s*\w+\s*[{(]\s*" + re.escape(entry.key) + r"\s*,").search(text, start if at < 0 else at)
    if found is None:
        raise CvError.at(entry.location, f"cannot find the text of entry {entry.key!r}", "is it written on one line with another?")
    opener = found.start() + re.search(r"[{(]", found.group()).start()
    closer = "}" if text[opener] == "{" else ")"
    depth = 0
    for index in range(opener + 1, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}" and depth > 0:
            depth -= 1
        elif char == closer and depth == 0:
            return found.start(), index + 1
    raise CvError.at(entry.location, f"entry {entry.key!r} is not closed", "check its braces")


__all__ = ["Library", "Match", "entry_key"]
