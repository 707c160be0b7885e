"""Typed records as plain dataclasses, validated by pydantic only when their file has changed.

pydantic is the validator: it reports every mistake at once, with a path to each, and writes the
JSON Schema. But importing it and building its validators costs more than the rest of a warm build
before the writers start, so the records themselves are stdlib dataclasses that pydantic
understands (its settings in `__pydantic_config__`, field settings in `field(metadata=...)`,
checks as `Checked` markers), and what it returned for a file is stored as JSON: an unchanged file
is read back with `from_plain`, which needs no pydantic at all.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..cache import FileResult, code_version

T = TypeVar("T")

STRICT: dict[str, Any] = {"extra": "forbid"}
"""pydantic settings for a record: an unknown key is an error, so a typo is reported, not ignored."""


class Checked:
    """A check on a value, for `Annotated[...]`: `check` returns the value to keep or raises
    ValueError("what is wrong; what to write"); `schema` is what the JSON Schema says of it."""

    def __init__(self, check: Callable[[Any], Any], schema: dict[str, Any]) -> None:
        self.check, self.schema = check, schema

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(self.check)

    def __get_pydantic_json_schema__(self, core: Any, handler: Any) -> dict[str, Any]:
        return dict(self.schema)


def about(description: str, **settings: Any) -> dict[str, Any]:
    """Field metadata that pydantic reads: the schema's description, plus `alias=`, `ge=`..."""
    return {"description": description, **settings}


def validate(cls: type[T], raw: Any) -> T:
    """`raw` (parsed YAML or JSON) as a `cls`, or pydantic's ValidationError listing every problem."""
    return _adapter(cls).validate_python(raw)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of `cls`, with keys as users write them (aliases)."""
    return _adapter(cls).json_schema(by_alias=True, mode="validation")


@cache
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def to_plain(record: Any) -> Any:
    """A record as JSON-able values, by field name; `from_plain` reads it back."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list):
        return [to_plain(item) for item in record]
    if isinstance(record, dict):
        return {key: to_plain(value) for key, value in record.items()}
    if isinstance(record, datetime):
        return record.isoformat()
    return record


def from_plain(cls: type[T], plain: Any) -> T:
    """What `to_plain` wrote, as a `cls` again. Each value is checked against its type, so a cache
    that does not fit (corrupt, or written by other code) raises TypeError instead of passing on."""
    return _reader(cls)(plain)


@cache
def _reader(kind: Any) -> Callable[[Any], Any]:
    """A function that reads a plain value as `kind`: worked out once per type, not per value."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Annotated:
        return _reader(args[0])
    if origin in (typing.Union, types.UnionType):
        arms = [arg for arg in args if arg is not type(None)]
        if len(arms) > 1:  # text or a record (`str | Highlight`): told apart by the value's shape
            read_text, (read_record,) = _reader(str), [_reader(a) for a in arms if dataclasses.is_dataclass(a)]
            return lambda value: None if value is None else (read_record if isinstance(value, dict) else read_text)(value)
        read_inner = _reader(arms[0])
        return lambda value: None if value is None else read_inner(value)
    if origin is list:
        read_item = _reader(args[0])
        return lambda value: [read_item(each) for each in _expect(value, list)]
    if origin is dict:
        read_item = _reader(args[1])
        return lambda value: {_expect(key, str): read_item(each) for key, each in _expect(value, dict).items()}
    if dataclasses.is_dataclass(kind):
        return _record_reader(kind)
    if kind is datetime:
        return lambda value: datetime.fromisoformat(_expect(value, str))
    if kind is Any:
        return lambda value: value
    return lambda value: _expect(value, kind)


def _record_reader(kind: type) -> Callable[[Any], Any]:
    resolved = typing.get_type_hints(kind, include_extras=True)
    fields = {f.name: f for f in dataclasses.fields(kind) if f.init}
    readers: dict[str, Callable[[Any], Any]] = {}

    def read(value: Any) -> Any:
        given = _expect(value, dict)
        if not readers:  # filled on first use: a record may contain itself
            readers.update({name: _reader(resolved[name]) for name in fields})
        unknown = given.keys() - readers.keys()
        if unknown:
            raise TypeError(f"unknown fields for {kind.__name__}: {sorted(unknown)}")
        return kind(**{name: readers[name](each) for name, each in given.items()})

    return read


def _expect(value: Any, kind: type) -> Any:
    """`value` if it is a `kind` (true and false are not numbers here), else TypeError."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def recall(cls: type[T], text: str, shown: str, base_dir: Path | None, namespace: str, version: str) -> tuple[T | None, Callable[[T], None]]:
    """What `text` (the file `shown`) validated as before, if it did; and a function to remember
    what it validates as now. Keyed by the text, its name, the caller's code `version` and this
    module's, so an edit or a new cvfilter or pydantic validates again. One result is kept per file."""
    own = code_version(Path(__file__).parent, ("typed.py",), ("pydantic",))
    stored = FileResult(base_dir, namespace, shown, text, own, version)
    return stored.found(lambda plain: from_plain(cls, plain)), lambda record: stored.keep(to_plain(record))
