"""The statistics cache (stats.json beside cv.md): small, sorted, meant to be committed.

Each value records when it was fetched. Writing goes through a temporary file and `os.replace`,
so a crash at any moment leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from ..cache import code_version
from ..errors import CvError, Location, Problem
from ..data.yaml_source import MAX_DEPTH
from ..data.typed import STRICT, Checked, recall, to_plain, validate
from ..files import atomic_write
from ..textfile import read_text

if TYPE_CHECKING:
    from ..data.yaml_source import YamlSource

VERSION = 1


def _aware(value: Any) -> datetime:
    """A time as written in stats.json; one without a zone is taken as UTC."""
    from pydantic import ValidationError

    try:
        stamp = validate(datetime, value)
    except ValidationError:
        raise ValueError("is not a date and time; write it as 2024-01-31T12:00:00Z") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


Fetched = Annotated[datetime, Checked(_aware, {"type": "string", "format": "date-time"})]
NOT_NEGATIVE = {"ge": 0}


@dataclass(kw_only=True)
class RepoStats:
    __pydantic_config__ = STRICT

    stars: int = field(metadata=NOT_NEGATIVE)
    fetched: Fetched


@dataclass(kw_only=True)
class ScholarStats:
    __pydantic_config__ = STRICT

    author: str | None = None
    citations: int = field(metadata=NOT_NEGATIVE)
    h_index: int = field(metadata=NOT_NEGATIVE)
    fetched: Fetched


@dataclass(kw_only=True)
class StatsCache:
    """Everything stats.json holds."""

    __pydantic_config__ = STRICT

    version: int = VERSION
    repositories: dict[str, RepoStats] = field(default_factory=dict)
    scholar: ScholarStats | None = None


class CacheError(Exception):
    """stats.json exists but cannot be used; each problem is placed on its line and says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{p.location}: {p.message}" for p in problems))

    def __reduce__(self):
        """Rebuilt from its problems when it crosses a process boundary (the warming child)."""
        return (type(self), (self.problems,))


def read_cache(path: Path, base_dir: Path | None = None, shown_as: str | None = None) -> StatsCache:
    """The cache at `path`; an absent file is an empty cache, a broken one a CacheError whose
    problems name the file as `shown_as` (its name by default). With `base_dir`, a file that
    validated before is read back from the cache folder there."""
    shown = shown_as or path.name
    if not os.path.lexists(path):
        return StatsCache()
    try:
        text = read_text(path, shown)
    except CvError as exc:
        raise CacheError(exc.problems) from None
    found, remember = recall(StatsCache, text, path.name, base_dir, "statistics", _code_version())
    if found is not None:
        return found
    cache = _validated(text, shown)
    remember(cache)
    return cache


def with_remedy(hint: str, remedy: str) -> str:
    """A problem's own hint, then what the caller does about the whole file."""
    if not hint:
        return remedy
    return f"{hint} Or {remedy}" if hint.endswith("?") else f"{hint}, or {remedy}"


def _too_deep(shown: str) -> Problem:
    return Problem(Location(shown, 1), f"the JSON is nested more than {MAX_DEPTH} levels deep",
                   "stats.json is three levels deep; check the brackets")


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in `value`, found without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _validated(text: str, shown: str) -> StatsCache:
    from pydantic import ValidationError

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text[exc.pos:].strip():
            raise CacheError([Problem(Location(shown, exc.lineno, exc.colno), "not valid JSON: the file ends too early",
                                      "was it cut short? Close each open quote and bracket")]) from None
        raise CacheError([Problem(Location(shown, exc.lineno, exc.colno), f"not valid JSON: {_json_words(exc.msg)}",
                                  "check the quotes, commas and brackets here and just before")]) from None
    except RecursionError:
        raise CacheError([_too_deep(shown)]) from None
    if _depth(raw) > MAX_DEPTH:
        raise CacheError([_too_deep(shown)])
    if not isinstance(raw, dict):
        raise CacheError([Problem(Location(shown, 1, 1), "expected one JSON object, `{...}`, holding the statistics")])
    try:
        cache = validate(StatsCache, raw)
    except ValidationError as exc:
        from ..data.load import validation_problems

        problems = validation_problems(exc, _places(text, shown, raw), StatsCache)
        raise CacheError([replace(p, hint=_YAML_KEY.sub(r'`"\1": ...`', p.hint)) for p in problems]) from None
    if cache.version != VERSION:
        where = _places(text, shown, raw).locate(("version",))
        raise CacheError([Problem(where, f"version {cache.version} is not one this cvfilter reads ({VERSION})")])
    return cache


# The shared mapper writes a key to add as YAML does, `fetched:`; in stats.json it is `"fetched": ...`.
_YAML_KEY = re.compile(r"`([\w-]+):`")

# Python's words for broken JSON, in the words of someone editing the file.
_JSON_WORDS = {
    "Expecting value": "a value is missing or not written as JSON (text goes in double quotes)",
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing after a key",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes (is there a comma too many?)",
    "Extra data": "more text after the end of the JSON object",
}


def _json_words(message: str) -> str:
    for words, plain in _JSON_WORDS.items():
        if message.startswith(words):
            return plain
    return message


def _places(text: str, shown: str, raw: Any) -> YamlSource:
    """The line of each value of stats.json. JSON is YAML too, but for a tab between tokens, which
    a JSON string cannot hold, so a space in its place keeps every position; text that YAML still
    will not read keeps its problems at the top of the file rather than losing them."""
    from ..data.yaml_source import YamlSource, parse_yaml

    try:
        return parse_yaml(text.replace("\t", " "), shown)
    except CvError:
        return YamlSource(shown, raw)


def _code_version() -> str:
    return code_version(Path(__file__).parent, ("cache.py",), ())


def dump_cache(cache: StatsCache) -> str:
    """Stable text: sorted keys, UTC timestamps, so a refresh shows as a small diff."""
    return json.dumps(_stamps(_without_none(to_plain(cache))), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_cache(path: Path, cache: StatsCache) -> None:
    """Replace `path` atomically; on any failure the previous file is untouched."""
    data = dump_cache(cache).encode("utf-8")
    atomic_write(path, data, durable=True)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    return value


def _stamps(value: object) -> object:
    """Each time (ISO text from `to_plain`) in UTC to the second, written with a Z."""
    if isinstance(value, dict):
        return {key: _stamps(item) if key != "fetched" else _utc(item) for key, item in value.items()}
    return value


def _utc(stamp: str) -> str:
    return datetime.fromisoformat(stamp).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
