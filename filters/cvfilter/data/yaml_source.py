"""YAML read safely, with the line of every key and value kept for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import CvError, Location

PathKey = tuple[str | int, ...]


@dataclass
class YamlSource:
    """Parsed YAML plus a map from each value's path (("positions", 2, "dates")) to its place."""

    file: str
    data: Any
    positions: dict[PathKey, Location] = field(default_factory=dict)
    line_offset: int = 0

    def locate(self, path: PathKey) -> Location:
        """The place of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return Location(self.file, 1 + self.line_offset)


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlSource:
    """Parse with yaml.SafeLoader (no object construction from tags) and record positions."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        column = (mark.column + 1) if mark else 0
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise CvError.at(
            Location(file, line, column),
            f"YAML syntax error: {problem}",
            "check the indentation and quoting on this line and the one before it",
        ) from None
    except yaml.YAMLError as exc:
        raise CvError.at(Location(file, 1 + line_offset), f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    source = YamlSource(file, data, {}, line_offset)
    if node is not None:
        _record(node, (), source)
    return source


def load_yaml(path: Path, shown_as: str) -> YamlSource:
    """Read a YAML file, naming it in every error as the user knows it."""
    return parse_yaml(read_text(path, shown_as), shown_as)


def read_text(path: Path, shown_as: str) -> str:
    """Read UTF-8 text; a missing or mis-encoded file is a user error, not a traceback."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CvError.at(Location(shown_as), "file not found", "check the path in cv.md's front matter") from None
    except OSError as exc:
        raise CvError.at(Location(shown_as), f"cannot read file: {exc.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CvError.at(
            Location(shown_as, line),
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8 in your editor",
        ) from None


def _record(node: yaml.Node, path: PathKey, source: YamlSource) -> None:
    mark = node.start_mark
    source.positions[path] = Location(source.file, mark.line + 1 + source.line_offset, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            _record(value_node, child, source)
            # A key's own line is more useful than its value's for "unknown key" messages.
            key_mark = key_node.start_mark
            source.positions[(*child, "<key>")] = Location(
                source.file, key_mark.line + 1 + source.line_offset, key_mark.column + 1
            )
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), source)
