"""YAML read safely, with the line of every key and value kept for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import CvError, Location, Problem
from ..textfile import read_text

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


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and decimals as the text the user wrote: cvfilter reads dates
    itself (data/dates.py), an impossible date such as 2023-13-01 must be a message, not a crash,
    and `gpa: 3.90` must not lose its zero."""


_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float", "tag:yaml.org,2002:int"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Whole numbers only as plain decimals: YAML 1.1 also reads `010` as 8, `12:30` as 750, `0x1F` as 31,
# `1_000` as 1000 and `+4915112345678` as a number without its sign, which a course code, a time, a
# label or a phone number must not become.
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:0|-?[1-9][0-9]*)$"), list("-0123456789"))

# The same loader on libyaml, when PyYAML was built with it: about eight times faster on
# metadata.yaml, the largest part of loading the data. It must read text as `_Loader` does, so it is
# used only where the two agree (compared on every YAML file of the tests and on random text):
# an error is reported by re-reading with `_Loader`, whose messages the hints below know; text
# that libyaml accepts and PyYAML rejects (tabs, '#' right after a block scalar's '|' or '>'), or
# reads differently (unusual line breaks, a byte order mark inside, an empty document, '!' tags,
# '?' keys, anchors, which may make a loop), goes to `_Loader` directly.
_PYTHON_ONLY = re.compile("[\t\r\x85\u2028\u2029\ufeff!]|[|>][-+0-9]*#|\\?(?=\\s|$)|(?:^|[\\s\\[{,])&\\S", re.MULTILINE)
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def parse_yaml(text: str, file: str, line_offset: int = 0) -> YamlSource:
    """Parse safely (no object construction from tags such as !!python/object) and record positions."""
    if _FastLoader is not None and not _PYTHON_ONLY.search(text):
        fast = _FastLoader(text)
        try:
            node = fast.get_single_node()
            check_size(node, file, line_offset)
            data = fast.construct_document(node) if node is not None else None
            if data is not None:
                return _positions(YamlSource(file, data, {}, line_offset), node)
        except yaml.YAMLError:
            pass  # read again below, for the pure-Python loader's message
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        check_size(node, file, line_offset)
        data = loader.construct_document(node) if node is not None else None
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise CvError.at(
            Location(file, (mark.line + 1 + line_offset) if mark else 0, (mark.column + 1) if mark else 0),
            f"YAML tag {_tag_of(exc)} is not allowed",
            "remove the `!...` tag: cvfilter reads plain text, numbers, lists and mappings only",
        ) from None
    except yaml.MarkedYAMLError as exc:
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        mark = exc.problem_mark or exc.context_mark
        hint = "check the indentation and quoting on this line and the one before it"
        if ("end of stream" in problem or "<stream end>" in problem) and exc.context_mark:
            # An unclosed quote or bracket: where it was opened is what the user must fix.
            mark = exc.context_mark
            problem = f"{_opened(exc.context or '')} opened here is never closed"
            hint = "add the closing quote or bracket"
        elif mark and (quoted := _closed_too_late(text, exc.context_mark, mark)) is not None:
            # A later quote closed it, and the parser stopped there: the opening is what to fix.
            quote = quoted.style
            problem = (f"the {quote} opened here is closed only on line {quoted.end_mark.line + 1 + line_offset}, "
                       f"so the lines between are read as its text")
            mark = quoted.start_mark
            escaped = "''" if quote == "'" else '\\"'
            hint = f"add the closing {quote} where the text ends; a {quote} that is part of the text is written {escaped}"
        elif "'\\t'" in problem:
            problem, hint = "a tab character here", "YAML indents with spaces only: replace the tab with spaces"
        line = (mark.line + 1 + line_offset) if mark else 0
        column = (mark.column + 1) if mark else 0
        raise CvError.at(
            Location(file, line, column),
            f"YAML syntax error: {problem}",
            hint,
        ) from None
    except yaml.YAMLError as exc:
        raise CvError.at(Location(file, 1 + line_offset), f"YAML error: {exc}") from None
    except RecursionError:
        raise _too_deep(Location(file, 1 + line_offset)) from None
    finally:
        loader.dispose()
    return _positions(YamlSource(file, data, {}, line_offset), node)


# A CV's data is a few levels deep and a few thousand values; an alias repeated within aliases
# ("billion laughs") reads as billions of values from a few lines, and would take all memory.
MAX_DEPTH = 50
MAX_VALUES = 200_000


def _too_deep(where: Location) -> CvError:
    return CvError.at(where, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                      "a CV's data needs a few levels; check the brackets and the indentation")


def check_size(root: yaml.Node | None, file: str, line_offset: int = 0) -> None:
    """Refuse a document nested deeper than MAX_DEPTH, or that holds more than MAX_VALUES values once
    its aliases are expanded, before anything expands them. Without recursion: the depth is the
    point of the check. Each node's expanded size is counted once (aliases share their node)."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if id(node) in sizes and not done:
            continue
        children = _children(node)
        if not done:
            if depth > MAX_DEPTH:
                raise _too_deep(_mark(node, file, line_offset))
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(child), 1) for child in children)
        if size > MAX_VALUES:
            raise CvError.at(_mark(node, file, line_offset), f"the YAML here expands to more than {MAX_VALUES:,} values",
                             "aliases (*name) repeated inside aliases multiply; write the values out, or use fewer aliases")
        sizes[id(node)] = size


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _mark(node: yaml.Node, file: str, line_offset: int) -> Location:
    return Location(file, node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _opened(context: str) -> str:
    """What PyYAML was reading when the text ended, as the character the user typed."""
    for words, typed in (("quoted", "a quote"), ("flow sequence", "a ["), ("flow mapping", "a {")):
        if words in context:
            return typed
    return context.removeprefix("while ").replace("scanning ", "").replace("parsing ", "") or "something"


# A line that starts like a mapping key or a list item: inside quoted text, a sign that the quote
# was left open and swallowed the structure below it.
_LOOKS_LIKE_YAML = re.compile(r"\n[ ]*(?:- |[\w-]+:(?:[ ]|$))", re.MULTILINE)


def _closed_too_late(text: str, context: yaml.Mark | None, problem: yaml.Mark) -> yaml.ScalarToken | None:
    """The quoted scalar that ends on the line where parsing failed after running over lines that
    look like keys or list items (`title: "Foo` closed by the next value's quote), if there is one."""
    found = None
    start = context.index if context else 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index > problem.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in {"'", '"'} and token.start_mark.index >= start:
                found = token
    except yaml.YAMLError:
        pass
    if found is None or found.end_mark.line != problem.line or found.start_mark.line == problem.line:
        return None
    return found if _LOOKS_LIKE_YAML.search(text, found.start_mark.index, found.end_mark.index) else None


def _positions(source: YamlSource, node: yaml.Node | None) -> YamlSource:
    if node is not None:
        duplicates: list[Problem] = []
        _record(node, (), source, duplicates)
        if duplicates:
            raise CvError(duplicates)
    return source


def _tag_of(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    start = problem.find("'")
    return problem[start:] if start >= 0 else repr(problem)


def load_yaml(path: Path, shown_as: str) -> YamlSource:
    """Read a YAML file, naming it in every error as the user knows it."""
    return parse_yaml(read_text(path, shown_as), shown_as)


def front_matter(text: str | None, file: str) -> YamlSource | None:
    """The YAML block at the top of cv.md (between `---` and `---` or `...`) with the line of every
    key, or None when there is none."""
    lines = (text or "").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    for number, line in enumerate(lines[1:], start=1):
        if _FENCE_END.match(line):
            return parse_yaml("\n".join(lines[1:number]), file, line_offset=1)
    raise CvError.at(Location(file, 1), "the front matter starting here is never closed", "end it with a line `---`")


_FENCE_END = re.compile(r"^(---|\.\.\.)\s*$")


def _written_in(key_node: yaml.Node, mapping: yaml.MappingNode) -> bool:
    """Whether a key is written inside this mapping rather than merged in from an anchor."""
    return mapping.start_mark.index <= key_node.start_mark.index <= mapping.end_mark.index


def _record(node: yaml.Node, path: PathKey, source: YamlSource, duplicates: list[Problem]) -> None:
    """Positions of every value and key; a key given twice in one mapping is a problem, because
    YAML would silently keep only the last value."""
    mark = node.start_mark
    source.positions[path] = Location(source.file, mark.line + 1 + source.line_offset, mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, tuple[Location, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            here = Location(source.file, key_node.start_mark.line + 1 + source.line_offset, key_node.start_mark.column + 1)
            # Keys merged in from an anchor (`<<: *award`) come first and lie elsewhere in the file;
            # a key written here may override one of them, as YAML allows.
            if key in seen and _written_in(seen[key][1], node) and _written_in(key_node, node):
                duplicates.append(Problem(here, f"key {key!r} appears twice in the same place",
                                          f"the first is on line {seen[key][0].line}; merge them or remove one"))
                continue
            seen[key] = (here, key_node)
            _record(value_node, child, source, duplicates)
            # A key's own line is more useful than its value's for "unknown key" messages.
            source.positions[(*child, "<key>")] = here
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), source, duplicates)
