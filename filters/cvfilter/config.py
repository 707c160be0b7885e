"""The `cvfilter` key of cv.md's front matter, read once into a typed object and then removed.

Pandoc's AST has no source positions, so cv.md's front matter is also parsed with positions
(`data.yaml_source.front_matter`): every configuration error then names the line of the key that is wrong.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

import panflute as pf

from .data.dates import DateError, parse_date
from .data.languages import is_tag
from .data.yaml_source import YamlSource
from .design import DesignChanges, read_changes
from .errors import CvError, Location, Problem
from .textfile import resolve_inside  # noqa: F401  (the one rule for paths cv.md names)
from .labels import Labels
from .data.variant import Variant, parse_variants

CONFIG_KEY = "cvfilter"
# Set in the metadata once the macros are expanded, so that a second run of the filter does nothing.
DONE_KEY = "cvfilter-expanded"
_KNOWN = {"data", "bibliography", "csl", "source", "keep-classes", "labels", "stats", "variant", "variants", "fallback-lang", "ats", "theme", "design"}
PATH_KEYS = ("data", "bibliography", "csl", "stats")
_EXAMPLES = {"data": "metadata.yaml", "bibliography": "publications.bib", "csl": "style.csl", "stats": "stats.json"}


@dataclass(frozen=True)
class Config:
    """Where the data lives and how to render it, as the front matter says: read once per build,
    every value typed; the files it names are resolved once too (`DataFiles`)."""

    source: str = "cv.md"
    data: str = "metadata.yaml"
    bibliography: tuple[str, ...] = ()
    """The .bib files in the order given; `bibliography: a.bib` is one."""
    csl: str | None = None
    stats: str = "stats.json"
    keep_classes: frozenset[str] = frozenset()
    lang: str = "en"
    # The languages a per-language value of metadata.yaml falls back to, in order (data/languages.py).
    fallback_lang: tuple[str, ...] = ("en",)
    updated: date | None = None
    labels: Labels = field(default_factory=Labels)
    variant: str | None = None
    variants: dict[str, Variant] = field(default_factory=dict)
    ats_threshold: float = 100.0  # `cvfilter.ats.threshold`: the lowest score `cv check --ats` passes
    theme: str | None = None
    # What `design:` changes from the theme's design values (design.py); the theme gives the rest.
    design: DesignChanges = field(default_factory=DesignChanges)


@dataclass(frozen=True)
class NamedFile:
    """A file the front matter names: its key, the name as written, and where the name is written."""

    key: str
    name: str
    where: Location


@dataclass(frozen=True)
class DataFiles:
    """The files the front matter names, resolved inside the CV's folder once (pipeline.load_context);
    every reader takes its path from here."""

    data: Path
    stats: Path
    bibliography: tuple[Path, ...] = ()
    csl: Path | None = None

    def read(self) -> list[Path]:
        """Every file a build reads (the CSL style only when it is a file), for `cv watch`."""
        return [self.data, *self.bibliography, *([self.csl] if self.csl else []), self.stats]


def read_config(
    doc: pf.Doc,
    source_name: str | None = None,
    source_text: str | None = None,
    front: YamlSource | None = None,
    problems: list[Problem] | None = None,
) -> Config:
    """Parse the front matter; unknown keys are errors so typos never pass silently.

    Problems are placed at the line of their key when `front` is given. They are raised together,
    or, when a `problems` list is passed, added to it and the usable rest of the configuration is
    returned, so that the data files can still be checked in the same run.
    """
    collected: list[Problem] = []
    config = _read_config(doc, source_name, source_text, front, collected)
    if problems is None and collected:
        raise CvError(collected)
    if problems is not None:
        problems.extend(collected)
    return config


def _read_config(
    doc: pf.Doc, source_name: str | None, source_text: str | None, front: YamlSource | None, problems: list[Problem]
) -> Config:
    meta = doc.get_metadata(CONFIG_KEY, default={}, builtin=True) or {}
    shown = source_of(doc, source_name)

    def where(*path: str) -> Location:
        if front is None:
            return Location(shown, 1)
        return front.locate((CONFIG_KEY, *path))

    if not isinstance(meta, dict):
        problems.append(Problem(where(), f"`{CONFIG_KEY}:` in the front matter must be a mapping", "e.g. `cvfilter: {data: metadata.yaml}`"))
        meta = {}
    for key in sorted(set(meta) - _KNOWN, key=str):
        guess = difflib.get_close_matches(str(key), sorted(_KNOWN), n=1)
        hint = f"did you mean {guess[0]!r}?" if guess else f"known keys: {', '.join(sorted(_KNOWN))}"
        problems.append(Problem(where(str(key), "<key>"), f"unknown key {key!r} under `{CONFIG_KEY}:`", hint))
    for key in PATH_KEYS:
        value = meta.get(key)
        names = value if key == "bibliography" and isinstance(value, list) else [value]
        if value is not None and not all(isinstance(name, str) for name in names):
            problems.append(Problem(where(key), f"`{CONFIG_KEY}.{key}` must be a file name, got {value!r}", f"e.g. `{key}: {_EXAMPLES[key]}`"))
            meta = {k: v for k, v in meta.items() if k != key}
    lang = str(doc.get_metadata("lang", default="en", builtin=True) or "en")
    labels = meta.get("labels") or {}
    if not isinstance(labels, dict):
        problems.append(Problem(where("labels"), "`cvfilter.labels` must map label names to text", f"label names: {', '.join(Labels.known_keys())}"))
        labels = {}
    for key in labels:
        if str(key) not in Labels.known_keys():
            guess = difflib.get_close_matches(str(key), Labels.known_keys(), n=1)
            hint = f"did you mean {guess[0]!r}?" if guess else f"label names: {', '.join(Labels.known_keys())}"
            problems.append(Problem(where("labels", str(key), "<key>"), f"unknown label {key!r}", hint))
    fallback = meta.get("fallback-lang", ["en"])
    fallback = [fallback] if isinstance(fallback, str) else fallback
    if not isinstance(fallback, list) or not all(is_tag(tag) for tag in fallback):
        problems.append(Problem(where("fallback-lang"), "`cvfilter.fallback-lang` must be a language tag or a list of them",
                                "e.g. `fallback-lang: en` or `fallback-lang: [de, en]`"))
        fallback = ["en"]
    ats = meta.get("ats", {})
    threshold = ats.get("threshold", 100) if isinstance(ats, dict) else None
    if not isinstance(ats, dict) or set(ats) - {"threshold"} or isinstance(threshold, bool) \
            or not isinstance(threshold, (int, float, str)) or not _percent(threshold):
        problems.append(Problem(where("ats"), "`cvfilter.ats` takes one key, threshold: the lowest score `cv check --ats` passes, 0 to 100",
                                "e.g. `ats: {threshold: 95}`"))
        threshold = 100
    keep = meta.get("keep-classes") or []
    updated = None
    try:
        updated = _updated(doc, front.locate(("date",)) if front else Location(shown, 1))
    except CvError as exc:
        problems.extend(exc.problems)
    variants = {}
    try:
        variants = parse_variants(meta.get("variants"), where("variants"), lambda *path: where("variants", *path))
    except CvError as exc:
        problems.extend(exc.problems)
    theme = meta.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(Problem(where("theme"), f"`{CONFIG_KEY}.theme` must be a theme name, got {theme!r}", "see `cv themes`"))
        theme = None
    design = read_changes(meta.get("design"), lambda *path: where("design", *path), problems)
    return Config(
        source=shown,
        data=str(meta.get("data", "metadata.yaml")),
        bibliography=_names(meta.get("bibliography")),
        csl=_optional_str(meta.get("csl")),
        stats=str(meta.get("stats", "stats.json")),
        keep_classes=frozenset(str(k) for k in (keep if isinstance(keep, list) else [keep])),
        lang=lang,
        fallback_lang=tuple(str(tag) for tag in fallback),
        updated=updated,
        labels=Labels(lang, {str(k): str(v) for k, v in labels.items()}),
        variant=_optional_str(meta.get("variant")),
        variants=variants,
        ats_threshold=float(threshold),
        theme=theme,
        design=design,
    )


def _percent(value: object) -> bool:
    try:
        return 0 <= float(str(value)) <= 100
    except ValueError:
        return False


def with_lang(config: Config, lang: str) -> Config:
    """The configuration of the same CV in another language (`cv build --lang`, a variant's `lang:`)."""
    return replace(config, lang=lang, labels=Labels(lang, config.labels.overrides))


def source_of(doc: pf.Doc, source_name: str | None = None) -> str:
    """The name cv.md goes by in messages: as given, else `cvfilter.source`, else cv.md."""
    meta = doc.get_metadata(CONFIG_KEY, default={}, builtin=True) or {}
    return source_name or (meta.get("source") if isinstance(meta, dict) else None) or "cv.md"


def _names(value: object) -> tuple[str, ...]:
    """One file name or a list of them (already checked to be text)."""
    names = value if isinstance(value, list) else [value]
    return tuple(str(name) for name in names if name not in (None, ""))


def _optional_str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _updated(doc: pf.Doc, where: Location) -> date:
    """The "Last updated" date: front matter `date`, else SOURCE_DATE_EPOCH, else today (UTC)."""
    value = doc.get_metadata("date", default=None, builtin=True)
    if value:
        try:
            point = parse_date(str(value))
        except DateError as exc:
            raise CvError.at(where, f"front matter `date:` {exc}", "write it as 2023-03-20") from None
        return date(point.year, point.month or 1, point.day or 1)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def named_files(config: Config, front: YamlSource | None, known_source: bool) -> list[NamedFile]:
    """Every file the front matter names, each at the line its name is written on (an item of a
    list of .bib files at its own line)."""

    def where(*path: str | int) -> Location:
        if front is None:
            return Location(config.source, 1 if known_source else 0)
        return front.locate((CONFIG_KEY, *path))

    named = [NamedFile("data", config.data, where("data")), NamedFile("stats", config.stats, where("stats"))]
    many = len(config.bibliography) > 1
    named += [NamedFile("bibliography", name, where("bibliography", index) if many else where("bibliography"))
              for index, name in enumerate(config.bibliography)]
    if config.csl:
        named.append(NamedFile("csl", config.csl, where("csl")))
    return named
