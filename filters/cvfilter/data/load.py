"""metadata.yaml into the typed model, with every validation error placed on its line."""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import code_version
from ..errors import CvError, Location, Problem
from .languages import choose, may_have_language_maps
from .model import CvData
from .typed import recall, validate
from ..textfile import read_text
from .yaml_source import YamlSource, parse_yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

# The modules whose code decides what a valid metadata.yaml reads as.
_MODEL_SOURCES = ("model.py", "dates.py", "load.py", "yaml_source.py")
_MODEL_PACKAGES = ("pydantic", "PyYAML")


def load_cv_data(path: Path, shown_as: str, base_dir: Path, lang: str = "en",
                 fallback: tuple[str, ...] = ("en",)) -> tuple[CvData, YamlSource | StoredSource]:
    """Parse and validate metadata.yaml, its per-language values in `lang` (data/languages.py);
    all problems are reported together.

    A file that validated before is read back from the cache beside cv.md: no YAML parse and no
    pydantic, which are most of a warm build's start. Its lines are found only if a message needs one.
    The cache keeps one result per language (a file without per-language values gives the same one)."""
    text = read_text(path, shown_as)
    namespace = f"metadata-{lang}-{'-'.join(fallback)}" if may_have_language_maps(text) else "metadata"
    found, remember = recall(CvData, text, shown_as, base_dir, namespace, _model_version())
    if found is not None:
        return found, StoredSource(text, shown_as)
    data, source = _validated(text, shown_as, lang, fallback)
    remember(data)
    return data, source


class StoredSource:
    """The positions of a metadata.yaml that was read from the cache, parsed on first use."""

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file

    @cached_property
    def _parsed(self) -> YamlSource:
        return parse_yaml(self.text, self.file)

    def locate(self, path: tuple[str | int, ...]) -> Location:
        return self._parsed.locate(path)


def _validated(text: str, shown_as: str, lang: str = "en", fallback: tuple[str, ...] = ("en",)) -> tuple[CvData, YamlSource]:
    from pydantic import ValidationError

    source = parse_yaml(text, shown_as)
    if not isinstance(source.data, dict):
        raise CvError.at(source.locate(()), "metadata must be a mapping of keys to values", "start with `name: Your Name`")
    raw, choices = choose(source.data, lang, fallback)
    if choices:
        raise CvError([Problem(source.locate((*c.path[:-1], c.path[-1], "<key>") if c.key else c.path), c.message, c.hint)
                       for c in choices])
    try:
        return validate(CvData, raw), source
    except ValidationError as exc:
        raise CvError(validation_problems(exc, source, CvData)) from None


def _model_version() -> str:
    return code_version(Path(__file__).parent, _MODEL_SOURCES, _MODEL_PACKAGES)


# pydantic's names for a key the record does not have: one for models, one for dataclasses.
_UNKNOWN_KEY = {"extra_forbidden", "unexpected_keyword_argument"}


def validation_problems(exc: ValidationError, source: YamlSource, root: type) -> list[Problem]:
    """Turn pydantic's errors into file:line messages a CV author can act on."""
    problems = []
    errors = exc.errors()
    # A misspelt required key shows up twice (unknown 'titel', missing 'title'); report it once.
    typos = {
        (tuple(e["loc"][:-1]), guess)
        for e in errors if e["type"] in _UNKNOWN_KEY
        for guess in difflib.get_close_matches(str(e["loc"][-1]), _fields_at(root, tuple(e["loc"][:-1])), n=1)
    }
    for error in errors:
        path = tuple(error["loc"])
        dotted = _dotted(path)
        kind = error["type"]
        if kind in _UNKNOWN_KEY:
            key = str(path[-1])
            known = _fields_at(root, path[:-1])
            guess = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else f"known keys here: {', '.join(known)}"
            problems.append(Problem(source.locate((*path, "<key>")), f"unknown key {key!r}", hint))
        elif kind == "missing":
            if (path[:-1], path[-1]) in typos:
                continue
            parent = source.locate(path[:-1])
            problems.append(Problem(parent, f"{dotted} is required but missing", f"add `{path[-1]}:` here"))
        else:
            message, hint = _explain(error)
            got = error.get("input")
            if isinstance(got, (str, int, float, bool)) and repr(got) not in message:
                message += f", got {got!r}"
            problems.append(Problem(source.locate(path), f"{dotted}: {message}", hint))
    return sorted(problems, key=lambda p: (p.location.line, p.location.column))


_EXPECTED = {
    "list_type": ("expected a list", "write one item per line, each starting with `- `"),
    "dict_type": ("expected a mapping of keys to values", "write `key: value` lines, indented below this one"),
    "model_type": ("expected a mapping of keys to values", "write `key: value` lines, indented below this one"),
    "dataclass_type": ("expected a mapping of keys to values", "write `key: value` lines, indented below this one"),
    "string_type": ("expected text", "put the value in quotes"),
    "int_type": ("expected a whole number", "write digits only, e.g. 42"),
    "int_parsing": ("expected a whole number", "write digits only, e.g. 42"),
    "int_from_float": ("expected a whole number", "write digits only, e.g. 42"),
    "greater_than_equal": ("must not be negative", "write 0 or more"),
}


def _explain(error: dict) -> tuple[str, str]:
    """pydantic's message in words a CV author knows, and what to write instead."""
    if error["type"] in _EXPECTED:
        message, hint = _EXPECTED[error["type"]]
        if error.get("input", "") is None:  # `name:` with nothing after it
            return "is empty", f"write {message.removeprefix('expected ')} after the colon"
        if error["type"] == "string_type" and isinstance(error.get("input"), bool):
            hint = "YAML reads yes/no/on/off as true/false: put the value in quotes"
        return message, hint
    message = error["msg"].removeprefix("Value error, ")
    what, _, expected = message.partition("; ")
    return what, expected


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fields_at(root: type, path: tuple) -> list[str]:
    """The keys allowed at `path`, following the records' nested types: a list's index, a
    mapping's own key (`collections.awards`, `repositories.owner/name`) and a record's field."""
    kinds: list[Any] = [root]
    for part in path:
        kinds = [inner for kind in kinds for inner in _step(kind, part)]
    records = [kind for kind in kinds if dataclasses.is_dataclass(kind)]
    return [_key(f) for f in dataclasses.fields(records[0])] if records else []


def _step(kind: Any, part: str | int) -> list[Any]:
    """The types that `part` of a value of type `kind` may have."""
    found = []
    for each in _arms(kind):
        origin, args = typing.get_origin(each), typing.get_args(each)
        if isinstance(part, int) and origin is list:
            found.append(args[0])
        elif isinstance(part, str) and origin is dict:
            found.append(args[1])
        elif isinstance(part, str) and dataclasses.is_dataclass(each):
            hints = typing.get_type_hints(each, include_extras=True)
            found.extend(hints[f.name] for f in dataclasses.fields(each) if part in (_key(f), f.name))
    return [arm for kind in found for arm in _arms(kind)]


def _arms(kind: Any) -> list[Any]:
    """`kind` without Annotated and None: each type a value of it may be."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Annotated:
        return _arms(args[0])
    if origin in (typing.Union, types.UnionType):
        return [arm for arg in args if arg is not type(None) for arm in _arms(arg)]
    return [kind]


def _key(field: dataclasses.Field) -> str:
    """A field's name as users write it."""
    return field.metadata.get("alias", field.name)
