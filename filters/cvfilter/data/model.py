"""The typed model of metadata.yaml. Every macro reads these objects, never raw dicts.

Unknown keys are forbidden so that a typo is reported instead of silently ignored. All strings are
plain text: they reach every output format literally, never as Markdown, LaTeX or HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import urlsplit

from .dates import ACCEPTED_FORMS, DateError, DateRange, parse_date_range
from .typed import STRICT, Checked, about


def _to_range(value: Any) -> DateRange:
    if isinstance(value, DateRange):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError(f"expected a date such as {ACCEPTED_FORMS}")
    try:
        return parse_date_range(value)
    except DateError as exc:
        raise ValueError(f"{exc}; {exc.hint or f'write {ACCEPTED_FORMS}'}") from None


Dates = Annotated[DateRange, Checked(_to_range, {"anyOf": [{"type": "string"}, {"type": "integer"}], "description": ACCEPTED_FORMS})]

_SAFE_SCHEMES = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def _check_url(value: str) -> str:
    """Links must be web or mail addresses: javascript: and data: targets are refused."""
    value = written = value.strip()
    if not _SAFE_SCHEMES.match(value):
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE):
            raise ValueError(f"link {value!r} uses a scheme that is not allowed; use an http:// or https:// address")
        value = "https://" + value
    if value.lower().startswith("mailto:"):
        _check_email(value[len("mailto:"):])
        return value
    parts = urlsplit(value)
    if any(c.isspace() for c in value) or not parts.hostname or "." not in parts.hostname.strip("."):
        raise ValueError(f"{written!r} is not a web address; a URL needs a scheme and a host with a dot, e.g. https://example.org")
    return value


def _check_email(value: str) -> str:
    """One @, something before it, and a domain with a dot after it: enough to catch `name-at-host`."""
    value = value.strip()
    local, at, domain = value.partition("@")
    if not at or not local or "@" in domain or "." not in domain.strip(".") or any(c.isspace() for c in value):
        raise ValueError(f"{value!r} is not an e-mail address; an e-mail needs one @ and a domain, e.g. ada@example.org")
    return value


Url = Annotated[str, Checked(lambda v: _check_url(_need_str(v)), {"type": "string", "format": "uri"})]
Email = Annotated[str, Checked(lambda v: _check_email(_need_str(v, "an e-mail address")), {"type": "string", "format": "email"})]


def _need_str(value: Any, what: str = "a web address") -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected {what} as text")
    return value


_REPOSITORY = r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"


def _owner_slash_name(value: Any) -> str:
    value = _need_str(value, "'owner/name'").strip()
    if not re.fullmatch(_REPOSITORY, value):
        raise ValueError(f"{value!r} is not 'owner/name' as on GitHub")
    return value


RepositoryName = Annotated[str, Checked(_owner_slash_name, {"type": "string", "pattern": f"^{_REPOSITORY}$"})]


class Strict:
    """Base for every data record: unknown keys are errors, whitespace is trimmed, and a number
    where text is expected (`gpa: 3.9`, `title: 1984`) is read as the text the user typed."""

    __pydantic_config__ = {**STRICT, "str_strip_whitespace": True, "populate_by_name": True, "coerce_numbers_to_str": True}


@dataclass(kw_only=True)
class Person(Strict):
    name: str
    url: Url | None = None


@dataclass(kw_only=True)
class Link(Strict):
    title: str
    url: Url | None = None


@dataclass(kw_only=True)
class Highlight(Strict):
    """A highlight with bullets of its own, one level below it."""

    text: str
    items: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Entry(Strict):
    """A dated line on the CV: a position, a degree, an award, an activity."""

    title: str
    url: Url | None = None
    org: str | None = field(default=None, metadata=about("Organisation, shown in italics after the title"))
    org_url: Url | None = None
    location: str | None = None
    dates: Dates | None = None
    gpa: str | None = None
    with_: list[Person] = field(default_factory=list, metadata=about("Collaborators: 'with X and Y'", alias="with"))
    topic: str | None = field(default=None, metadata=about("What the work was on: '... on <topic>'"))
    note: str | None = field(default=None, metadata=about("A short parenthetical after the organisation"))
    thesis: Link | None = None
    advisor: Person | None = None
    role: str | None = field(default=None, metadata=about("Your part in it (a grant's PI, a project's lead), in the parentheses"))
    amount: str | None = field(default=None, metadata=about("A grant's sum as it should read: '$1.2M', '€300,000'"))
    description: str | None = field(default=None, metadata=about("What the organisation or project is, in italics below the entry"))
    detail: str | None = field(default=None, metadata=about("A line of detail below the entry (a summary)"))
    courses: list[str] = field(default_factory=list, metadata=about("Courses taken, on one line below the entry"))
    keywords: list[str] = field(default_factory=list, metadata=about("Technologies or topics, on one line below the entry"))
    highlights: list[str | Highlight] = field(default_factory=list, metadata=about(
        "Bullets below the entry; a bullet may be {text, items} with bullets of its own"))
    kind: str | None = field(default=None, metadata=about("What sort of thing it is (JSON Resume's project type: application, ...), in the parentheses"))
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Repository(Strict):
    name: RepositoryName = field(metadata=about("owner/name on GitHub"))
    url: Url | None = None
    description: str | None = None
    symbol: str | None = field(default=None, metadata=about("A mark shown before the description, such as ♥"))
    stars: int | None = field(default=None, metadata=about("Star count when no statistics cache has it", ge=0))
    year: Dates | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def link(self) -> str:
        return self.url or f"https://github.com/{self.name}"


@dataclass(kw_only=True)
class Talk(Strict):
    title: str
    venue: str
    year: Dates
    url: Url | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Student(Strict):
    name: str
    url: Url | None = None
    detail: str | None = field(default=None, metadata=about("Shown in parentheses after the name: 'visiting from NYU'"))
    dates: Dates
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Course(Strict):
    name: str
    code: str | None = field(default=None, metadata=about("Course number, shown in parentheses: 'CMU 15-780'"))
    role: str = field(metadata=about("TA, Instructor, ..."))
    term: str = field(metadata=about("As it should appear, such as 'S2017' or 'Fall 2016'; its year is used to sort"))
    url: Url | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class SkillGroup(Strict):
    name: str
    items: list[str] = field(default_factory=list)
    level: str | None = field(default=None, metadata=about("How well: 'Master', 'Advanced'; shown after the name"))
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Language(Strict):
    language: str
    fluency: str | None = field(default=None, metadata=about("'Native speaker', 'C1', 'Fluent'; shown in parentheses"))


@dataclass(kw_only=True)
class Referee(Strict):
    name: str = field(metadata=about("Who, with their role: 'Jane Roe, CTO at Example'"))
    reference: str | None = field(default=None, metadata=about("What they wrote, quoted"))
    contact: str | None = field(default=None, metadata=about("How to reach them, as it should read"))


@dataclass(kw_only=True)
class Line(Strict):
    """One "label: text" line (RenderCV's one-line entry)."""

    label: str
    text: str
    tags: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Address(Strict):
    """Where the owner lives, in parts (JSON Resume's basics.location); shown joined by commas."""

    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country_code: str | None = None

    def shown(self) -> str:
        return ", ".join(p for p in (self.address, self.postal_code, self.city, self.region, self.country_code) if p)


@dataclass(kw_only=True)
class Profile(Strict):
    """A profile on a network that `contact:` has no key for, shown in the header with its network's name."""

    network: str
    username: str | None = None
    url: Url | None = None


@dataclass(kw_only=True)
class Contact(Strict):
    email: Email | None = None
    website: Url | None = None
    linkedin: str | None = field(default=None, metadata=about("LinkedIn user name (linkedin.com/in/<name>)"))
    twitter: str | None = field(default=None, metadata=about("Twitter/X handle, without @"))
    github: str | None = field(default=None, metadata=about("GitHub user name"))
    scholar: str | None = field(default=None, metadata=about("Google Scholar user id"))
    orcid: str | None = None
    phone: str | None = None
    gitlab: str | None = field(default=None, metadata=about("GitLab user name"))
    researchgate: str | None = field(default=None, metadata=about("ResearchGate profile name (researchgate.net/profile/<name>)"))
    mastodon: str | None = field(default=None, metadata=about("Mastodon address, @user@server"))
    bluesky: str | None = field(default=None, metadata=about("Bluesky handle, such as name.bsky.social"))
    stackoverflow: str | None = field(default=None, metadata=about("Stack Overflow user id/name, such as 12345/ada"))
    location: str | Address | None = field(default=None, metadata=about("Where you live: 'Berlin, Germany', or its parts"))
    profiles: list[Profile] = field(default_factory=list, metadata=about("Profiles on other networks"))


@dataclass(kw_only=True)
class Scholar(Strict):
    """Citation statistics shown in the publications heading; a statistics cache may override."""

    citations: int | None = field(default=None, metadata={"ge": 0})
    h_index: int | None = field(default=None, metadata={"ge": 0})
    url: Url | None = None
    openalex: str | None = field(default=None, metadata=about("OpenAlex author id, for `cv stats --refresh` and `cv sync`"))
    orcid: str | None = field(default=None, metadata=about("ORCID iD (0000-0002-1825-0097), for `cv sync`"))
    dblp: str | None = field(default=None, metadata=about("DBLP person id (the pid of dblp.org/pid/PID), for `cv sync`"))


@dataclass(kw_only=True)
class Sync(Strict):
    """How `cv sync` treats the works the services list for the owner."""

    ignore: list[str] = field(default_factory=list, metadata=about("Works that are not the owner's: a DOI, arXiv id, OpenAlex W id, DBLP key or title each"))


@dataclass(kw_only=True)
class Owner(Strict):
    """Who the CV is about; used to highlight their name in author lists."""

    aliases: list[str] = field(default_factory=list)


# A photo is embedded in each document (the web page as a data: URI): a few hundred KB is plenty.
MAX_PHOTO_BYTES = 5_000_000


@dataclass(kw_only=True)
class Photo(Strict):
    """A portrait for the header, with the words a screen reader says in its place."""

    file: str = field(metadata=about("An image (PNG, JPEG, GIF, SVG or WebP) inside the CV's folder: 'me.jpg'"))
    alt: str | None = field(default=None, metadata=about("What the photo shows, for screen readers; the owner's name if left out"))


@dataclass(kw_only=True)
class CvData(Strict):
    """Everything in metadata.yaml."""

    name: str
    headline: str | None = field(default=None, metadata=about("A line under the name: 'Staff Software Engineer'"))
    photo: str | Photo | None = field(default=None, metadata=about(
        "A portrait for the themes with a place for one: 'me.jpg', or {file: me.jpg, alt: ...}; `design: {photo: false}` hides it"))
    summary: str | None = field(default=None, metadata=about("A profile paragraph for `.summary`; a blank line starts another"))
    owner: Owner = field(default_factory=Owner)
    contact: Contact = field(default_factory=Contact)
    scholar: Scholar = field(default_factory=Scholar)
    sync: Sync = field(default_factory=Sync)
    current_position: list[Entry] = field(default_factory=list)
    education: list[Entry] = field(default_factory=list)
    positions: list[Entry] = field(default_factory=list)
    honors: list[Entry] = field(default_factory=list)
    activities: list[Entry] = field(default_factory=list)
    repositories: list[Repository] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    students: list[Student] = field(default_factory=list)
    reviewing: list[str] = field(default_factory=list)
    teaching: list[Course] = field(default_factory=list)
    projects: list[Entry] = field(default_factory=list)
    volunteering: list[Entry] = field(default_factory=list)
    certificates: list[Entry] = field(default_factory=list)
    patents: list[Entry] = field(default_factory=list)
    grants: list[Entry] = field(default_factory=list, metadata=about("Grants and funding: org is the agency, with amount and role"))
    skills: list[SkillGroup] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    interests: list[SkillGroup] = field(default_factory=list)
    referees: list[Referee] = field(default_factory=list, metadata=about("References: people who vouch for you, for `.referees`"))
    lines: dict[str, list[Line]] = field(default_factory=dict, metadata=about("Lists of 'label: text' lines, for `.lines from=<name>`"))
    collections: dict[str, list[Entry]] = field(default_factory=dict, metadata=about("More dated-entry lists of your own, for `.entries from=<name>`"))

    @property
    def portrait(self) -> Photo | None:
        """The photo with its alt text filled in: the owner's name unless the data gives one."""
        if self.photo is None:
            return None
        photo = Photo(file=self.photo) if isinstance(self.photo, str) else self.photo
        return Photo(file=photo.file, alt=photo.alt or self.name)

    def entry_list(self, name: str) -> list[Entry] | None:
        """The dated-entry list called `name`, built in or user-defined."""
        if name in ENTRY_LISTS:
            return getattr(self, name)
        return self.collections.get(name)

    @property
    def entry_list_names(self) -> list[str]:
        return [*ENTRY_LISTS, *self.collections]


ENTRY_LISTS = ("current_position", "education", "positions", "honors", "activities", "projects", "volunteering", "certificates",
               "patents", "grants")
