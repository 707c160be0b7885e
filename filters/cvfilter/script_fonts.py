"""Faces for the scripts the PDF's Latin faces lack: Arabic, Devanagari, Chinese, Japanese, Korean.

Libertinus Serif (bundled with Typst) draws Latin, Greek, Cyrillic and Hebrew. For the other scripts
a document uses, this module names a Noto face and the folder Typst finds it in: Noto Sans Arabic
and Noto Sans Devanagari from their PyPI font packages (dependencies of cvfilter), the CJK faces
from the system (Debian's fonts-noto-cjk), else from the `cvfilter[cjk]` extra. A folder is handed
to Typst only when the document has a character of its script, so an English build scans no more
fonts than before. The HTML and Word edges name the same families (`families`).

A script with no face installed is a warning at the first line that uses it, with the install
command; the glyph check (formats/glyphs.py) then names every character still without a glyph.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from . import cldr

# Where Debian (fonts-noto-cjk) and Fedora put the CJK faces, and the user's own font folder.
SYSTEM_CJK = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/google-noto-cjk", "~/.local/share/fonts")


@dataclass(frozen=True)
class Script:
    """A script by its Unicode blocks, and how to get a face for it."""

    name: str
    blocks: tuple[tuple[int, int], ...]
    install: str


@dataclass(frozen=True)
class Face:
    """A family Typst, the web page and Word name, and the folder it is in (for Typst)."""

    family: str
    folder: str
    script: str


ARABIC = Script("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
                "pip install fontpkg-noto-sans-arabic")
DEVANAGARI = Script("Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF)), "pip install fontpkg-noto-sans-devanagari")
CJK = Script("CJK", ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x318F),
                     (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
                     (0xFF00, 0xFFEF)),
             "apt install fonts-noto-cjk, or pip install 'cvfilter[cjk]'")
SCRIPTS = (ARABIC, DEVANAGARI, CJK)

# PyPI font packages: script -> (module, family); the files are in the module's files/ folder.
_PACKAGES = {
    "Arabic": ("fontpkg_noto_sans_arabic", "Noto Sans Arabic", "files"),
    "Devanagari": ("fontpkg_noto_sans_devanagari", "Noto Sans Devanagari", "files"),
    "CJK": ("cvttf_NotoSansCJK_Regular", "Noto Sans CJK TC", ""),
}
# The CJK region a language's characters are drawn for: the same code point has a Japanese, a
# Simplified Chinese, a Traditional Chinese and a Korean form.
_CJK_REGION = {"ja": "JP", "ko": "KR", "zh-tw": "TC", "zh-hk": "HK", "zh-hant": "TC"}


def script_of(char: str) -> Script | None:
    code = ord(char)
    if code < 0x0600:
        return None
    return next((s for s in SCRIPTS if any(low <= code <= high for low, high in s.blocks)), None)


def scripts_in(chars: Iterable[str]) -> list[Script]:
    """The scripts among `chars` that need a face of their own, in the order of SCRIPTS."""
    found = {script.name for char in set(chars) if (script := script_of(char))}
    return [s for s in SCRIPTS if s.name in found]


def faces(chars: Iterable[str], lang: str = "en") -> tuple[list[Face], list[Script]]:
    """The faces for the scripts among `chars`, and the scripts no installed face covers."""
    found: list[Face] = []
    missing: list[Script] = []
    for script in scripts_in(chars):
        face = _cjk_face(lang) if script is CJK else None
        face = face or _package_face(script.name)
        if face is None:
            missing.append(script)
        else:
            found.append(face)
    return found, missing


def _cjk_face(lang: str) -> Face | None:
    """Noto Serif CJK (it matches Libertinus Serif), else Noto Sans CJK, in the region of `lang`."""
    tag = lang.lower().replace("_", "-")
    region = next((r for prefix, r in _CJK_REGION.items() if tag.startswith(prefix)), None)
    region = region or ("JP" if cldr.primary(tag) == "ja" else "KR" if cldr.primary(tag) == "ko" else "SC")
    for folder in _system_cjk_folders():
        for kind in ("Serif", "Sans"):
            files = sorted(folder.glob(f"Noto{kind}CJK-*.tt[cf]"))
            if any("-Regular." in path.name for path in files):
                chosen = [path for path in files if "-Regular." in path.name or "-Bold." in path.name]
                return Face(f"Noto {kind} CJK {region}", _only(chosen, f"Noto{kind}CJK", folder), CJK.name)
    return None


def _only(files: list[Path], name: str, folder: Path) -> str:
    """A folder holding just `files` (links to them): Typst reads every font of a folder it is given,
    and Debian's has Sans and Serif, eight weights' worth, which costs 150 ms a build to scan. The
    system folder itself where links cannot be made."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cvfilter" / "fonts" / name
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for path in files:
            link = cache / path.name
            if not (link.is_symlink() and link.resolve() == path.resolve()):
                link.unlink(missing_ok=True)
                link.symlink_to(path)
    except OSError:
        return str(folder)
    return str(cache)


@cache
def _system_cjk_folders() -> tuple[Path, ...]:
    return tuple(path for name in SYSTEM_CJK if (path := Path(name).expanduser()).is_dir())


@cache
def _package_face(script: str) -> Face | None:
    """The face a PyPI font package installs, found without importing the package."""
    module, family, sub = _PACKAGES[script]
    spec = find_spec(module)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        return None
    folder = Path(locations[0]) / sub
    return Face(family, str(folder), script) if folder.is_dir() else None
