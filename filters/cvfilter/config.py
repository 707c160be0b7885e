"""The `cvfilter` key of cv.md's front matter, read once into a typed object and then removed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import panflute as pf

from .data.dates import DateError, parse_date
from .errors import CvError, Location
from .labels import Labels
from .variants import Variant, parse_variants

CONFIG_KEY = "cvfilter"
_KNOWN = {"data", "bibliography", "csl", "source", "keep-classes", "labels", "stats", "variant", "variants"}


@dataclass(frozen=True)
class Config:
    """Where the data lives and how to render it, as the front matter says."""

    source: str = "cv.md"
    data: str = "metadata.yaml"
    bibliography: str | None = None
    csl: str | None = None
    stats: str = "stats.json"
    keep_classes: frozenset[str] = frozenset()
    lang: str = "en"
    updated: date | None = None
    labels: Labels = field(default_factory=Labels)
    variant: str | None = None
    variants: dict[str, Variant] = field(default_factory=dict)
    raw: dict = field(default_factory=dict)


def read_config(doc: pf.Doc, source_name: str | None = None, source_text: str | None = None) -> Config:
    """Parse the front matter; unknown keys are errors so typos never pass silently."""
    meta = doc.get_metadata(CONFIG_KEY, default={}, builtin=True) or {}
    shown = source_of(doc, source_name)
    where = Location(shown, 1)
    if not isinstance(meta, dict):
        raise CvError.at(where, f"`{CONFIG_KEY}:` in the front matter must be a mapping", "e.g. `cvfilter: {data: metadata.yaml}`")
    unknown = sorted(set(meta) - _KNOWN)
    if unknown:
        raise CvError.at(where, f"unknown key {unknown[0]!r} under `{CONFIG_KEY}:`", f"known keys: {', '.join(sorted(_KNOWN))}")
    lang = str(doc.get_metadata("lang", default="en", builtin=True) or "en")
    labels = meta.get("labels") or {}
    if not isinstance(labels, dict):
        raise CvError.at(where, "`cvfilter.labels` must map label names to text", f"label names: {', '.join(Labels.known_keys())}")
    keep = meta.get("keep-classes") or []
    return Config(
        source=shown,
        data=str(meta.get("data", "metadata.yaml")),
        bibliography=_optional_str(meta.get("bibliography")),
        csl=_optional_str(meta.get("csl")),
        stats=str(meta.get("stats", "stats.json")),
        keep_classes=frozenset(str(k) for k in (keep if isinstance(keep, list) else [keep])),
        lang=lang,
        updated=_updated(doc, where),
        labels=Labels(lang, {str(k): str(v) for k, v in labels.items()}),
        variant=_optional_str(meta.get("variant")),
        variants=parse_variants(meta.get("variants"), where, source_text),
        raw=meta,
    )


def source_of(doc: pf.Doc, source_name: str | None = None) -> str:
    """The name cv.md goes by in messages: as given, else `cvfilter.source`, else cv.md."""
    meta = doc.get_metadata(CONFIG_KEY, default={}, builtin=True) or {}
    return source_name or (meta.get("source") if isinstance(meta, dict) else None) or "cv.md"


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


def resolve_inside(base: Path, relative: str, shown_from: Location) -> Path:
    """A data path from the front matter, refused if it leads outside the CV's folder."""
    candidate = (base / relative).resolve()
    root = base.resolve()
    if candidate != root and root not in candidate.parents:
        raise CvError.at(shown_from, f"path {relative!r} leads outside the CV's folder", "keep data files next to cv.md")
    return candidate
