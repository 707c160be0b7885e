"""`cv preview`: small PNGs of the built CV, to look at (and to show in the README).

The PDF's first page through pdftoppm, the DOCX's first page as LibreOffice lays it out (headless,
with a throwaway profile), and the web page as headless Chromium draws it. Each tool runs offline;
a missing tool is an error that says which Debian package provides it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import CvError, Location
from .formats.registry import FORMATS

# What a desktop browser window shows of the page, in CSS pixels.
HTML_WINDOW = (900, 1160)
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
)
PACKAGES = {"pdftoppm": "poppler-utils", "soffice": "libreoffice-writer-nogui", "chromium": "chromium"}


@dataclass(frozen=True)
class Preview:
    fmt: str
    path: Path


def preview(built: dict[str, Path], out_dir: Path, resolution: int = 60, stem: str = "preview") -> list[Preview]:
    """PNG previews of the built files (format -> path) in `out_dir`, named `<stem>-<format>.png`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    done = []
    for fmt, source in built.items():
        if fmt in _MAKERS:
            target = out_dir / f"{stem}-{fmt}.png"
            _MAKERS[fmt](source, target, resolution)
            done.append(Preview(fmt, target))
    return done


def _tool(name: str, *alternatives: str) -> str:
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    raise CvError.at(Location(name), f"`cv preview` needs {name}", f"apt-get install {PACKAGES.get(name, name)}")


def _run(args: list[str], what: str) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise CvError.at(Location(what), f"{Path(args[0]).name} failed: {result.stderr.strip()[-500:]}")


def _pdf_page(pdf: Path, target: Path, resolution: int) -> None:
    """Page 1 of a PDF as a PNG at `resolution` dots per inch."""
    prefix = target.with_suffix("")
    _run([_tool("pdftoppm"), "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)], str(pdf))


def _docx_page(docx: Path, target: Path, resolution: int) -> None:
    soffice = _tool("soffice", "libreoffice")
    with tempfile.TemporaryDirectory(prefix="cv-preview-") as work:
        profile = Path(work) / "profile"
        _run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
              "--outdir", work, str(docx)], str(docx))
        _pdf_page(Path(work) / f"{docx.stem}.pdf", target, resolution)


def _html_page(html: Path, target: Path, resolution: int) -> None:
    """The top of the page at desktop width, scaled like the PDF preview (96 CSS pixels per inch)."""
    chromium = _tool("chromium", "chromium-browser")
    width, height = HTML_WINDOW
    with tempfile.TemporaryDirectory(prefix="cv-preview-") as profile:
        _run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
              f"--force-device-scale-factor={resolution / 96:.3f}", f"--screenshot={target}",
              html.resolve().as_uri()], str(html))


# How each laid-out format is pictured; the text exports have no page to show.
_MAKERS = {"pdf": _pdf_page, "docx": _docx_page, "html": _html_page}
# What `cv preview` builds: the formats of a plain `cv build` that have a picture.
PREVIEWED = tuple(name for name, fmt in FORMATS.items() if fmt.default and name in _MAKERS)
