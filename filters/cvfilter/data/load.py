"""metadata.yaml into the typed model, with every validation error placed on its line."""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import CvError, Problem
from .model import CvData
from .yaml_source import YamlSource, load_yaml


def load_cv_data(path: Path, shown_as: str) -> tuple[CvData, YamlSource]:
    """Parse and validate metadata.yaml; all problems are reported together."""
    source = load_yaml(path, shown_as)
    if not isinstance(source.data, dict):
        raise CvError.at(source.locate(()), "metadata must be a mapping of keys to values", "start with `name: Your Name`")
    try:
        return CvData.model_validate(source.data), source
    except ValidationError as exc:
        raise CvError(validation_problems(exc, source, CvData)) from None


def validation_problems(exc: ValidationError, source: YamlSource, root: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into file:line messages a CV author can act on."""
    problems = []
    errors = exc.errors()
    # A misspelt required key shows up twice (unknown 'titel', missing 'title'); report it once.
    typos = {
        (tuple(e["loc"][:-1]), guess)
        for e in errors if e["type"] == "extra_forbidden"
        for guess in difflib.get_close_matches(str(e["loc"][-1]), _fields_at(root, tuple(e["loc"][:-1])), n=1)
    }
    for error in errors:
        path = tuple(error["loc"])
        dotted = _dotted(path)
        kind = error["type"]
        if kind == "extra_forbidden":
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
    "string_type": ("expected text", "put the value in quotes"),
    "int_type": ("expected a whole number", "write digits only, e.g. 42"),
    "int_parsing": ("expected a whole number", "write digits only, e.g. 42"),
    "greater_than_equal": ("must not be negative", "write 0 or more"),
}


def _explain(error: dict) -> tuple[str, str]:
    """pydantic's message in words a CV author knows, and what to write instead."""
    if error["type"] in _EXPECTED:
        message, hint = _EXPECTED[error["type"]]
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


def _fields_at(root: type[BaseModel], path: tuple) -> list[str]:
    """The keys allowed at `path`, following the model's nested types."""
    model: object = root
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return []
        model = _inner_model(field.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [f.alias or name for name, f in model.model_fields.items()]
    return []


def _inner_model(annotation: object) -> object:
    """The model inside list[X], dict[str, list[X]], X | None."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(getattr(current, "__args__", ()))
    return None
