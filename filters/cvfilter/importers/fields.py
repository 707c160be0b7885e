"""Reading values out of a foreign CV document: shapes checked, text kept literal, nothing lost quietly."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NoReturn

from ..data.dates import DateError, parse_date_range
from ..data.model import _check_url
from ..data.networks import BY_NAME, profile_url, same_address
from ..errors import CvError, Location, Problem



class Reader:
    """Checks shapes while an importer walks a document and collects what it could not carry over."""

    def __init__(self, shown: str, locate: Callable[[tuple[str | int, ...]], Location] | None = None) -> None:
        self.shown = shown
        self.locate = locate or (lambda path: Location(shown))
        self.warnings: list[Problem] = []

    def fail(self, message: str, hint: str = "") -> NoReturn:
        raise CvError.at(Location(self.shown), message, hint)

    def warn(self, message: str, hint: str = "", at: tuple[str | int, ...] = ()) -> None:
        """A warning placed at the value `at` leads to, where the source's lines are known."""
        self.warnings.append(Problem(self.locate(at) if at else Location(self.shown), message, hint, "warning"))

    def mapping(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(f"{where} must be an object with named fields, not {type(value).__name__}")
        return value

    def items(self, document: dict, key: str) -> list:
        value = document.get(key) or []
        if not isinstance(value, list):
            self.fail(f"{key} must be a list")
        return value

    def text(self, value: Any, where: str) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(f"{where} must be text, not {type(value).__name__}")
        return " ".join(str(value).split()) if "\n\n" not in str(value) else str(value).strip()

    def strings(self, value: Any, where: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{where} must be a list of text")
        return [t for i, item in enumerate(value) if (t := self.text(item, f"{where}[{i}]"))]

    def url(self, value: Any, where: str) -> str | None:
        shown = self.text(value, where)
        if not shown:
            return None
        try:
            return _check_url(shown)
        except ValueError as exc:
            self.warn(f"{where}: {exc}; the link was left out", "fix the address in the source and import again")
            return None


def date_range(read: Reader, item: dict, where: str, single: str | None = None,
               start: str = "startDate", end: str = "endDate") -> str | None:
    """"2019-05 -- 2021" from a start and an end; no end after a start means ongoing, as in JSON Resume."""
    if single:
        return read.text(item.get(single), f"{where}.{single}")
    first = read.text(item.get(start), f"{where}.{start}")
    last = read.text(item.get(end), f"{where}.{end}")
    if not first:
        return last
    return f"{first} -- {last or 'Present'}"


def entry(read: Reader, where: str, *, title: Any, dates: str | None = None, url: Any = None, org_url: Any = None,
          note: Any = None, highlights: list[str] | None = None, **text_fields: Any) -> dict:
    """An Entry for metadata.yaml; a date no form accepts ("Fall 2023") is kept, as the note."""
    shown = read.text(title, f"{where}.title") or read.fail(f"{where} has no title, name or position")
    record: dict[str, Any] = {"title": shown}
    for key, value in text_fields.items():
        if (clean := read.text(value, f"{where}.{key}")):
            record[key] = clean
    notes = [n for n in [read.text(note, f"{where}.note")] if n]
    if dates:
        try:
            parse_date_range(_iso_present(dates))
            record["dates"] = _iso_present(dates)
        except DateError:
            notes.append(dates)
    if notes:
        record["note"] = "; ".join(notes)
    for key, value in (("url", url), ("org_url", org_url)):
        if (link := read.url(value, f"{where}.{key}")):
            record[key] = link
    if highlights:
        record["highlights"] = list(highlights)
    return record


def _iso_present(dates: str) -> str:
    """Dates as cvfilter reads them: the ISO forms both formats use, "present" in any case."""
    return re.sub(r"\b(present|now|current|ongoing|today)\b", "Present", dates, flags=re.IGNORECASE)


def contact_from_profiles(read: Reader, profiles: Any, where: str, network_key: str = "network") -> tuple[dict, list[dict]]:
    """Known networks into `contact:` by user name; a profile on another network, or one whose
    address is not the one its user name makes, into `contact.profiles` with its address kept."""
    contact: dict[str, str] = {}
    others: list[dict] = []
    if not isinstance(profiles, list):
        read.fail(f"{where} must be a list")
    for i, profile in enumerate(profiles):
        profile = read.mapping(profile, f"{where}[{i}]")
        network = read.text(profile.get(network_key), f"{where}[{i}].{network_key}") or ""
        username = read.text(profile.get("username"), f"{where}[{i}].username")
        url = read.url(profile.get("url"), f"{where}[{i}].url")
        known = BY_NAME.get(network.casefold())
        if known and username and known.key not in contact and (not url or same_address(url, profile_url(known.key, username))):
            contact[known.key] = username
            continue
        other = {"network": network or "Profile", "username": username, "url": url}
        others.append({k: v for k, v in other.items() if v})
    return contact, others
