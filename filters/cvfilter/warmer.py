"""The data files read ahead, on the idle core, while a cold build loads its modules.

Before its writers can start, a cold build validates metadata.yaml and stats.json (pydantic) and
parses the .bib, one after the other on one core, while the other core only has pandoc's short Markdown read to do.
So a build that has not loaded its modules yet forks one child per data file at its very start.
Each child reads its file as the build would, which leaves the result in the cache beside cv.md
(data/typed.py, bibliography/stored.py, stats/cache.py); the build waits for the child just before it needs the
file and then finds the cache warm. The children only warm caches: anything that goes wrong in one
is left to the build, which reads the file itself and reports each problem at its line as usual.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from .cache import cache_dir
from .data.yaml_source import YamlSource, front_matter
from .errors import Diagnostics, relative
from .forking import Forked, can_fork

class Warmers:
    """The children warming the caches of one build, by the front-matter key of their file."""

    def __init__(self, children: dict[str, Forked[None]] | None = None) -> None:
        self._children = children or {}

    @classmethod
    def start(cls, text: str, base: Path, front: YamlSource | None = None) -> Warmers:
        """Children for metadata.yaml, the .bib files and stats.json, when forking can overlap the build's
        imports: not in a process that has loaded them already (`cv watch`), nor with caching switched
        off. `front` is cv.md's front matter when the build has parsed it (it then is parsed once)."""
        folder = cache_dir(base)
        if not can_fork() or "panflute" in sys.modules or folder is None:
            return cls()
        jobs: dict[str, list[tuple[str, Path]]] = {}
        for key, path in _named_files(text, base, front):
            if not _maybe_stale(folder, _NAMESPACES[key], path):
                continue
            # stats.json with metadata.yaml: one child, so pydantic is imported once.
            jobs.setdefault("data" if key == "stats" else key, []).append((key, path))
        warmers = cls()
        for name, files in jobs.items():
            try:
                warmers._children[name] = Forked(partial(_warm_all, files, base))
            except OSError:  # no process to spare: the build reads the file itself
                break
        return warmers

    def wait(self, key: str) -> None:
        """Wait until the cache for `key` ("data", which includes stats.json, or "bibliography")
        is as warm as it will get."""
        child = self._children.pop(key, None)
        if child is not None:
            try:
                child.result()
            except Exception:  # noqa: BLE001  (the build reads the file itself and reports it)
                return

    def stop(self) -> None:
        """End the children still working (the build is leaving early)."""
        for child in self._children.values():
            child.stop()
        self._children.clear()


# The cache namespace each kind of file is kept under.
_NAMESPACES = {"data": "metadata", "bibliography": "bibliography", "stats": "statistics"}


def _maybe_stale(folder: Path, namespace: str, path: Path) -> bool:
    """Whether `path` changed after its namespace's cache was last written: a few stat calls, so
    that a warm build forks nothing. Only a guess; the build checks the cache by content anyway."""
    try:
        changed = path.stat().st_mtime_ns
        return all(cached.stat().st_mtime_ns < changed for cached in folder.glob(f"{namespace}-*.json"))
    except OSError:
        return True


def _named_files(text: str, base: Path, front: YamlSource | None) -> list[tuple[str, Path]]:
    """The data file, the .bib files and stats.json the front matter names, inside the CV's folder.

    Read from the YAML, with the defaults of config.Config: the warmers start before pandoc has read
    cv.md, and config.py (with the labels it loads) would cost more to import than warming saves."""
    if front is None:
        try:
            front = front_matter(text, "cv.md")
        except Exception:  # noqa: BLE001  (a broken front matter is the build's to report)
            return []
    data = front.data if front is not None else None
    settings = data.get("cvfilter") if isinstance(data, dict) else None
    if not isinstance(settings, dict):
        return []
    bibliography = settings.get("bibliography")
    named = [
        ("data", settings.get("data", "metadata.yaml")),
        *(("bibliography", name) for name in (bibliography if isinstance(bibliography, list) else [bibliography])),
        ("stats", settings.get("stats", "stats.json")),
    ]
    root = base.resolve()
    files = []
    for key, name in named:
        path = (base / name).resolve() if isinstance(name, str) else None
        if path is not None and root in path.parents and path.is_file():
            files.append((key, path))
    return files


def _warm_all(files: list[tuple[str, Path]], base: Path) -> None:
    """Read each file as the build does, for what that leaves in the cache; a file that fails does
    not keep the next from being read."""
    for key, path in files:
        try:
            _warm(key, path, base)
        except Exception:  # noqa: BLE001  (the build reads the file itself and reports it)
            continue


def _warm(key: str, path: Path, base: Path) -> None:
    # Imported in the child, each reader only where it is needed: the parent forks before its own
    # imports, and the data child has no use for the BibTeX parser, nor the .bib child for pydantic.
    if key == "data":
        from .data.load import load_cv_data

        load_cv_data(path, relative(path), base)
    elif key == "stats":
        from .stats.cache import read_cache

        read_cache(path, base)
    else:
        from .bibliography.reader import read_bibliography

        read_bibliography(path, relative(path), Diagnostics(), base)
