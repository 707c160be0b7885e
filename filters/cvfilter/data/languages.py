"""Values in several languages: any text in metadata.yaml may be a mapping of language tags to text.

    title: {en: Research Scientist, de: Forschungswissenschaftler}

The document's `lang:` picks the text before the model sees the data, so every macro reads plain
text: first the tag as written (de-AT), then its language (de, or another region of it), then
each language of `cvfilter: {fallback-lang: [en]}` in turn. A mapping is a language mapping when
its values are text and its keys are language tags CLDR knows; a key there that is no tag is an error,
so `{en: x, deutsch: y}` is not read as a record. `cv check --lang de` lists every mapping without
German text (`untranslated`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import cldr

_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Choice:
    """What picking a language found wrong at one place of the data."""

    path: Path_
    message: str
    hint: str
    key: str | None = None  # the key the message is about (its own line), else the value's


def is_tag(key: object) -> bool:
    return isinstance(key, str) and _TAG.fullmatch(key) is not None and cldr.known(key)


def is_language_map(value: object) -> bool:
    """A mapping of text whose keys include a language tag."""
    return (isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())
            and any(is_tag(k) for k in value))


def pick(texts: dict[str, str], lang: str, fallback: tuple[str, ...]) -> str | None:
    """The text for `lang`, else for its language, else for each fallback language in turn."""
    by_tag = {key.lower(): text for key, text in texts.items()}
    for wanted in (lang, *fallback):
        wanted = wanted.lower()
        if wanted in by_tag:
            return by_tag[wanted]
        primary = cldr.primary(wanted)
        same = [text for key, text in by_tag.items() if cldr.primary(key) == primary]
        if same:
            return by_tag.get(primary, same[0])
    return None


def choose(data: Any, lang: str, fallback: tuple[str, ...]) -> tuple[Any, list[Choice]]:
    """`data` with each language mapping replaced by its text for `lang`, and what was wrong."""
    problems: list[Choice] = []

    def walk(value: Any, path: Path_) -> Any:
        if is_language_map(value):
            for key in value:
                if not is_tag(key):
                    problems.append(Choice((*path, key), f"{key!r} is not a language tag",
                                           "write a tag such as en, de or pt-BR, as `lang:` takes", key=str(key)))
            text = pick(value, lang, fallback)
            if text is None:
                wanted = ", ".join(dict.fromkeys((lang, *fallback)))
                problems.append(Choice(path, f"no text in {wanted} (only {', '.join(map(str, value))})",
                                       f"add `{cldr.primary(lang)}: ...` or set `cvfilter: {{fallback-lang: {next(iter(value))}}}`"))
                return next(iter(value.values()))
            return text
        if isinstance(value, dict):
            return {key: walk(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, (*path, index)) for index, item in enumerate(value)]
        return value

    return walk(data, ()), problems


def untranslated(data: Any, lang: str) -> Iterator[tuple[Path_, dict[str, str]]]:
    """Each language mapping with no text in `lang` (nor in another region of its language)."""
    if is_language_map(data):
        if pick(data, lang, ()) is None:
            yield (), data
        return
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, item in items:
        for path, texts in untranslated(item, lang):
            yield (key, *path), texts


def has_language_maps(data: Any) -> bool:
    """Whether any value is a language mapping (the cache then keeps one result per language)."""
    if is_language_map(data):
        return True
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return any(has_language_maps(item) for item in items)


_TAG_KEY = re.compile(r"(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)[ \t]*:", re.MULTILINE)


def may_have_language_maps(text: str) -> bool:
    """Whether a YAML text has a key that is a language tag, without parsing it: a file without one
    reads the same in every language, so its cached result serves them all (and the warmer's)."""
    return any(is_tag(key) for key in set(_TAG_KEY.findall(text)))
