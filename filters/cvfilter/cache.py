"""Results that survive between builds, keyed by the content that produced them.

Formatting a citation is the slowest step of a build and a pure function of the entry, the style,
the locale and the owner settings. A `ResultCache` stores such results as JSON, one file per
namespace (for example one per style + locale + owner), so an unchanged entry is never formatted
twice, and a changed entry gets a new key instead of a stale value. Nothing here knows what is
being cached.

New settings (another style, a new cvfilter) mean a new file, so the folder is kept bounded: when a
namespace's file is written, only the few files of that namespace used last are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar

from .errors import CvError
from .files import atomic_write
from .forking import Forked, can_fork, each_result
from .textfile import read_bytes

T = TypeVar("T")

# Bump when the meaning of cached values changes, so old files are never read.
# 2: each file starts with a digest of the rest.
CACHE_VERSION = 2
CACHE_ENV = "CVFILTER_CACHE_DIR"
DISABLE_ENV = "CVFILTER_NO_CACHE"
# What switches caching off; "0", "false" or "" leave it on, as they read.
_YES = frozenset({"1", "true", "yes", "on"})

# Below this many missing results, forking workers costs more than it saves.
PARALLEL_MIN = 16

# Files kept per namespace: enough for a few styles or locales built in turn (variants) to stay warm.
KEEP_PER_NAMESPACE = 5
# A file is marked as used when opened at most this often: reading it stays free of writes.
USE_MARK_NS = 3600 * 10**9
# A temporary file this old is left over from a write that was stopped, not one in progress.
STALE_TEMP_NS = 3600 * 10**9

# A cache file larger than this is not one cvfilter wrote (20,000 rendered entries are about 30 MB).
MAX_CACHE_BYTES = 256 * 1024 * 1024

_OPEN: dict[Path, ResultCache] = {}


def cache_dir(base_dir: Path) -> Path | None:
    """`.cache/cvfilter/` beside cv.md, or $CVFILTER_CACHE_DIR; None when caching is switched off."""
    if os.environ.get(DISABLE_ENV, "").strip().lower() in _YES:
        return None
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else base_dir / ".cache" / "cvfilter"


def content_key(*parts: Any) -> str:
    """A stable digest of JSON-able parts (dict order does not matter)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@cache
def code_version(folder: Path, sources: tuple[str, ...], packages: tuple[str, ...]) -> str:
    """A digest of the modules in `folder` whose code decides a cached result, and of the versions
    of the packages they call: a new cvfilter or library never reuses an old result."""
    digest = hashlib.sha256()
    for name in sources:
        source = folder / name
        digest.update(source.read_bytes() if source.is_file() else name.encode())
    for package in packages:
        digest.update(f"{package} {installed_version(package)}".encode())
    return digest.hexdigest()


def installed_version(package: str) -> str:
    """The version of an installed distribution, from the name of its .dist-info folder: what
    importlib.metadata says, without importing it and parsing METADATA (a tenth of a warm start)."""
    wanted = _normal(package)
    for folder in sys.path:
        for entry in _listing(folder):
            name, _, version = entry.removesuffix(".dist-info").partition("-")
            if entry.endswith(".dist-info") and _normal(name) == wanted:
                return version
    return "unknown"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def _listing(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder or "."))
    except OSError:
        return ()


class ResultCache:
    """A JSON mapping from content keys to JSON values, read once and written atomically."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._stamp: tuple[int, int] | None = None
        self._dirty = False
        self.hits = 0
        self.misses = 0
        self._reload()

    @classmethod
    def open(cls, base_dir: Path, namespace: str, *settings: Any) -> ResultCache:
        """The cache for `namespace` under the given settings; reused within a process (cv watch)."""
        folder = cache_dir(base_dir)
        if folder is None:
            return cls(None)
        path = folder / f"{namespace}-{content_key(CACHE_VERSION, *settings)}.json"
        cache = _OPEN.get(path)
        if cache is None:
            cache = _OPEN[path] = cls(path)
        else:
            cache._reload()
        cache._mark_used()
        cache.hits = cache.misses = 0
        return cache

    def get(self, key: str) -> Any | None:
        value = self._values.get(key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self._values.get(key) != value:
            self._values[key] = value
            self._dirty = True

    def retain(self, keys: set[str]) -> None:
        """Forget every other key: for values of which only the newest is of use (a parsed file)."""
        if any(key not in keys for key in self._values):
            self._values = {key: value for key, value in self._values.items() if key in keys}
            self._dirty = True

    def save(self) -> None:
        """Write if anything changed; a cache that cannot be written only costs speed."""
        if self.path is None or not self._dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, seal(json.dumps(self._values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
            self._stamp = _stamp(self.path)
            self._dirty = False
        except OSError:
            return
        _prune(self.path)

    def _mark_used(self) -> None:
        """Set the file's time to now (at most once an hour), so that pruning keeps the files read by
        recent builds, not only those written last; what this process holds stays current."""
        if self.path is None or self._stamp is None or time.time_ns() - self._stamp[0] < USE_MARK_NS:
            return
        try:
            os.utime(self.path)
        except OSError:
            return
        now = _stamp(self.path)
        if now is not None and now[1] == self._stamp[1]:
            self._stamp = now

    def _reload(self) -> None:
        """Read the file unless this process already holds what is in it."""
        if self.path is None:
            return
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._stamp:
            return
        try:
            loaded = json.loads(unseal(read_bytes(self.path, self.path.name, MAX_CACHE_BYTES)))
        except (CvError, ValueError, RecursionError):
            loaded = {}
        self._values = loaded if isinstance(loaded, dict) else {}
        self._stamp = stamp


def seal(content: bytes) -> bytes:
    """`content` after a line with its keyed digest. Values are trusted as they were computed, so a
    file edited by hand, cut short, or brought in from elsewhere (a cloned repository with its
    .cache/, sealed with another key) must read as empty, never as results: it would otherwise put
    its text on the CV. The key is this user's (see `_seal_key`), so a digest cannot be forged by
    whoever can only write the project folder."""
    return _digest(content) + b"\n" + content


def unseal(data: bytes) -> bytes:
    """What `seal` sealed; ValueError if the digest does not match."""
    digest, _, content = data.partition(b"\n")
    if not hmac.compare_digest(_digest(content), digest):
        raise ValueError("the cache file was changed after it was written")
    return content


def _digest(content: bytes) -> bytes:
    return hmac.new(_seal_key(), content, hashlib.sha256).hexdigest().encode("ascii")


KEY_ENV = "CVFILTER_CACHE_KEY_FILE"


@cache
def _seal_key() -> bytes:
    """A random key kept private in the user's home (~/.cache/cvfilter-seal.key, mode 0600), made on
    first use. Where none can be kept, a key of this process only: caches are not reused, which
    costs speed, never correctness."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(os.environ.get(KEY_ENV) or os.path.join(home, "cvfilter-seal.key"))
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes() or key  # another build made it first
    except OSError:
        return key
    with os.fdopen(handle, "wb") as stream:
        stream.write(key)
    return key


class FileResult:
    """The one result kept for a file: what reading its `text` gave, keyed by that text, the name
    it is `shown` as and the `versions` of the code that read it, so an edit or new code reads it
    again. Without `base_dir` (or with caching off) nothing is found and nothing kept."""

    def __init__(self, base_dir: Path | None, namespace: str, shown: str, text: str, *versions: str) -> None:
        self._store = ResultCache.open(base_dir, namespace, shown) if base_dir is not None else ResultCache(None)
        self._key = content_key(*versions, shown, hashlib.sha256(text.encode("utf-8")).hexdigest())

    def found(self, load: Callable[[Any], T]) -> T | None:
        """The kept result read back by `load`; None if there is none or `load` refuses it
        (written by other code, or changed), so that the file is read again."""
        stored = self._store.get(self._key)
        if stored is None:
            return None
        try:
            return load(stored)
        except Exception:  # noqa: BLE001  (any shape it was not written in: read the file again)
            return None

    def keep(self, value: Any) -> None:
        """Keep `value` (JSON) as the file's result, in place of any earlier one."""
        self._store.put(self._key, value)
        self._store.retain({self._key})
        self._store.save()


def map_cached(
    items: Sequence[T],
    keys: Sequence[str],
    compute: Callable[[T], Any],
    cache: ResultCache,
    workers: int | None = None,
    valid: Callable[[Any], bool] = lambda _value: True,
) -> list[Any]:
    """`[compute(item) for item in items]`, taking what the cache has and computing only the rest.
    A cached value that is not `valid` (a file written in another shape) is computed again.

    When many results are missing they are computed on every core in forked workers, whose
    results must then be picklable. Results are stored and saved.
    """
    results: list[Any] = [cache.get(key) for key in keys]
    missing = [index for index, value in enumerate(results) if value is None or not valid(value)]
    if missing:
        computed = _compute_all([items[index] for index in missing], compute, workers)
        for index, value in zip(missing, computed):
            results[index] = value
            cache.put(keys[index], value)
        cache.save()
    return results


def _compute_all(items: list[T], compute: Callable[[T], Any], workers: int | None) -> list[Any]:
    """Computed in one forked child per core, each on an equal slice; the children inherit the
    items and `compute`, so only the results are sent back."""
    cores = workers if workers is not None else (os.cpu_count() or 1)
    if cores < 2 or len(items) < PARALLEL_MIN or not can_fork():
        return [compute(item) for item in items]
    # The first is computed here: what `compute` loads on first use (citeproc, the parsed style)
    # is then inherited by every worker instead of loaded again in each.
    first, rest = compute(items[0]), items[1:]
    size = -(-len(rest) // cores)
    slices = [rest[start:start + size] for start in range(0, len(rest), size)]
    children = {str(n): Forked(partial(_compute_slice, compute, part)) for n, part in enumerate(slices)}
    return [first, *(value for _name, computed in each_result(children) for value in computed)]


def _compute_slice(compute: Callable[[T], Any], items: list[T]) -> list[Any]:
    return [compute(item) for item in items]


def _prune(path: Path) -> None:
    """Remove the files of `path`'s namespace beyond the KEEP_PER_NAMESPACE used last (`path` is one
    of them), and temporary files of that namespace left by a stopped write. Other namespaces and
    other files are never touched; a file that cannot be removed only costs space."""
    namespace = path.name.rsplit("-", 1)[0]
    cache_file = re.compile(rf"{re.escape(namespace)}-[0-9a-f]{{32}}\.json")
    temp_file = re.compile(rf"\.{re.escape(namespace)}-[0-9a-f]{{32}}\.json\.[0-9a-f]+\.tmp")
    now = time.time_ns()
    others: list[tuple[int, str]] = []
    removed: list[str] = []
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if entry.name == path.name:
                    continue
                if cache_file.fullmatch(entry.name):
                    others.append((_mtime(entry), entry.path))
                elif temp_file.fullmatch(entry.name) and now - _mtime(entry) > STALE_TEMP_NS:
                    removed.append(entry.path)
    except OSError:
        return
    others.sort(reverse=True)
    removed += [name for _time, name in others[KEEP_PER_NAMESPACE - 1:]]
    for name in removed:
        try:
            os.unlink(name)
        except OSError:
            continue


def _mtime(entry: os.DirEntry) -> int:
    try:
        return entry.stat().st_mtime_ns
    except OSError:
        return 0


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)
