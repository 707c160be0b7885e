"""The typed model of metadata.yaml. Every macro reads these objects, never raw dicts.

Unknown keys are forbidden so that a typo is reported instead of silently ignored. All strings are
plain text: they reach every output format literally, never as Markdown, LaTeX or HTML.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, field_validator

from .dates import ACCEPTED_FORMS, DateError, DateRange, parse_date_range


def _to_range(value: Any) -> DateRange:
    if isinstance(value, DateRange):
        return value
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError(f"expected a date such as {ACCEPTED_FORMS}")
    try:
        return parse_date_range(value)
    except DateError as exc:
        raise ValueError(f"{exc}; {exc.hint or f'write {ACCEPTED_FORMS}'}") from None


Dates = Annotated[
    DateRange,
    PlainValidator(_to_range),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}], "description": ACCEPTED_FORMS}),
]

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


Url = Annotated[str, PlainValidator(lambda v: _check_url(_need_str(v))), WithJsonSchema({"type": "string", "format": "uri"})]


Email = Annotated[str, PlainValidator(lambda v: _check_email(_need_str(v, "an e-mail address"))), WithJsonSchema({"type": "string", "format": "email"})]


def _need_str(value: Any, what: str = "a web address") -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected {what} as text")
    return value


class Strict(BaseModel):
    """Base for every data record: unknown keys are errors, whitespace is trimmed, and a number
    where text is expected (`gpa: 3.9`, `title: 1984`) is read as the text the user typed."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, populate_by_name=True, coerce_numbers_to_str=True,
        defer_build=True,  # schemas built once, at the first validation, not per class at import
    )


class Person(Strict):
    name: str
    url: Url | None = None


class Link(Strict):
    title: str
    url: Url | None = None


class Entry(Strict):
    """A dated line on the CV: a position, a degree, an award, an activity."""

    title: str
    url: Url | None = None
    org: str | None = Field(None, description="Organisation, shown in italics after the title")
    org_url: Url | None = None
    location: str | None = None
    dates: Dates | None = None
    gpa: str | None = None
    with_: list[Person] = Field(default_factory=list, alias="with", description="Collaborators: 'with X and Y'")
    topic: str | None = Field(None, description="What the work was on: '... on <topic>'")
    note: str | None = Field(None, description="A short parenthetical after the organisation")
    thesis: Link | None = None
    advisor: Person | None = None
    detail: str | None = Field(None, description="A line of detail below the entry")
    highlights: list[str] = Field(default_factory=list, description="More lines below the entry, one per item")
    tags: list[str] = Field(default_factory=list)


class Repository(Strict):
    name: str = Field(description="owner/name on GitHub")
    url: Url | None = None
    description: str | None = None
    symbol: str | None = Field(None, description="A mark shown before the description, such as ♥")
    stars: int | None = Field(None, ge=0, description="Star count when no statistics cache has it")
    year: Dates | None = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _owner_slash_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", value):
            raise ValueError(f"{value!r} is not 'owner/name' as on GitHub")
        return value

    @property
    def link(self) -> str:
        return self.url or f"https://github.com/{self.name}"


class Talk(Strict):
    title: str
    venue: str
    year: Dates
    url: Url | None = None
    tags: list[str] = Field(default_factory=list)


class Student(Strict):
    name: str
    url: Url | None = None
    detail: str | None = Field(None, description="Shown in parentheses after the name: 'visiting from NYU'")
    dates: Dates
    tags: list[str] = Field(default_factory=list)


class Course(Strict):
    name: str
    code: str | None = Field(None, description="Course number, shown in parentheses: 'CMU 15-780'")
    role: str = Field(description="TA, Instructor, ...")
    term: str = Field(description="As it should appear, such as 'S2017' or 'Fall 2016'; its year is used to sort")
    url: Url | None = None
    tags: list[str] = Field(default_factory=list)


class SkillGroup(Strict):
    name: str
    items: list[str]
    tags: list[str] = Field(default_factory=list)


class Contact(Strict):
    email: Email | None = None
    website: Url | None = None
    linkedin: str | None = Field(None, description="LinkedIn user name (linkedin.com/in/<name>)")
    twitter: str | None = Field(None, description="Twitter/X handle, without @")
    github: str | None = Field(None, description="GitHub user name")
    scholar: str | None = Field(None, description="Google Scholar user id")
    orcid: str | None = None
    phone: str | None = None


class Scholar(Strict):
    """Citation statistics shown in the publications heading; a statistics cache may override."""

    citations: int | None = Field(None, ge=0)
    h_index: int | None = Field(None, ge=0)
    url: Url | None = None
    openalex: str | None = Field(None, description="OpenAlex author id, for `cv stats --refresh`")


class Owner(Strict):
    """Who the CV is about; used to highlight their name in author lists."""

    aliases: list[str] = Field(default_factory=list)


class CvData(Strict):
    """Everything in metadata.yaml."""

    name: str
    owner: Owner = Field(default_factory=Owner)
    contact: Contact = Field(default_factory=Contact)
    scholar: Scholar = Field(default_factory=Scholar)
    current_position: list[Entry] = Field(default_factory=list)
    education: list[Entry] = Field(default_factory=list)
    positions: list[Entry] = Field(default_factory=list)
    honors: list[Entry] = Field(default_factory=list)
    activities: list[Entry] = Field(default_factory=list)
    repositories: list[Repository] = Field(default_factory=list)
    talks: list[Talk] = Field(default_factory=list)
    students: list[Student] = Field(default_factory=list)
    reviewing: list[str] = Field(default_factory=list)
    teaching: list[Course] = Field(default_factory=list)
    skills: list[SkillGroup] = Field(default_factory=list)
    collections: dict[str, list[Entry]] = Field(
        default_factory=dict, description="More dated-entry lists of your own, for `.entries from=<name>`"
    )

    def entry_list(self, name: str) -> list[Entry] | None:
        """The dated-entry list called `name`, built in or user-defined."""
        if name in ENTRY_LISTS:
            return getattr(self, name)
        return self.collections.get(name)

    @property
    def entry_list_names(self) -> list[str]:
        return [*ENTRY_LISTS, *self.collections]


ENTRY_LISTS = ("current_position", "education", "positions", "honors", "activities")
