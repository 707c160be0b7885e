"""Files nobody here wrote: every RenderCV example and every JSON Resume sample, imported and built.

Each source is imported and built once per test session (PDF, DOCX, HTML and the JSON Resume
export from one build); then every text value of the source is looked for in each format's text,
each date at the precision it was written, and the owner's name in bold where the source marked it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from cvfilter.build import build
from cvfilter.data.dates import parse_date
from cvfilter.data.networks import same_address
from cvfilter.importers import import_cv
from cvfilter.labels import Labels
from tests.conftest import normalize
from tests.readback import docx_text, html_soup, html_text, pdf_text

DATA = Path(__file__).resolve().parents[1] / "data"
RENDERCV = sorted((DATA / "rendercv-examples").glob("*.yaml"))
JSON_RESUME = sorted(p for p in (DATA / "jsonresume-schema").glob("*.json") if p.name != "schema.json")
SAMPLES = [*RENDERCV, *JSON_RESUME]
FORMATS = ("pdf", "docx", "html")

# Keys whose values are not shown as text: addresses (links carry them), layout and tool settings,
# a profile's network (shown as its icon or label), and the JSON Resume file's own bookkeeping.
SKIPPED = {"$schema", "meta", "url", "website", "doi", "image", "photo", "network", "design", "locale", "settings",
           "countryCode", "fontawesome_icon"}
DATES = {"startDate", "endDate", "releaseDate", "date", "start_date", "end_date"}


@dataclass
class Built:
    source: dict
    folder: Path
    texts: dict[str, str]
    warnings: list


_BUILT: dict[Path, Built] = {}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Import and build a sample the first time a test asks for it; later tests reuse that build."""

    def get(sample: Path) -> Built:
        if sample not in _BUILT:
            folder = tmp_path_factory.mktemp(sample.stem.replace(".", "-"))
            _written, warnings = import_cv(sample, folder)
            build(folder / "cv.md", (*FORMATS, "json"))
            out = folder / "build"
            # A line that ends at a hyphen ("Key-" / "Value") reads on as one word.
            texts = {"pdf": re.sub(r"(?<=\w-) (?=\w)", "", pdf_text(out / "cv.pdf")), "docx": docx_text(out / "cv.docx"), "html": html_text(out / "cv.html")}
            _BUILT[sample] = Built(load(sample), folder, texts, warnings)
        return _BUILT[sample]

    return get


def load(sample: Path) -> dict:
    text = sample.read_text(encoding="utf-8")
    return json.loads(text) if sample.suffix == ".json" else yaml.safe_load(text)


def unmarked(value: str) -> str:
    """RenderCV's inline Markdown as a reader sees it: `[x](u)` -> x, `**x**` and `*x*` -> x."""
    value = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", value)
    return re.sub(r"\*{1,3}([^*]+)\*{1,3}", r"\1", value)


def section_title(key: str) -> str:
    """The title RenderCV prints for a section key (its `dictionary_key_to_proper_section_title`)."""
    if " " in key or any(c.isupper() for c in key):
        return key
    small = "a and as at but by for from if in into like near nor of off on onto or over so than that to upon when with yet".split()
    return " ".join(w if w in small else w.capitalize() for w in key.replace("_", " ").split(" "))


def text_values(node: object, key: str = "", rendercv: bool = False) -> list[str]:
    """Every text of the source that a reader must find in the CV, as it should read there."""
    if isinstance(node, dict):
        titles = [section_title(k) for k in node] if key == "sections" else []
        return titles + [s for k, v in node.items() if k not in SKIPPED and k not in DATES for s in text_values(v, k, rendercv)]
    if isinstance(node, list):
        return [s for item in node for s in text_values(item, key, rendercv)]
    if node is None or isinstance(node, bool):
        return []
    value = unmarked(str(node)) if rendercv else str(node)
    # RenderCV writes a nested bullet after " - " in its highlight (its `process_highlights`).
    lines = value.split(" - ") if rendercv and key == "highlights" else value.split("\n\n")
    return [normalize(line) for line in lines if line.strip()]


def date_values(node: object, key: str = "", parent: str = "") -> list[tuple[str, str]]:
    """Every date of the source (the settings' excepted), with the section it is in."""
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in {"settings", "meta"}
                for s in date_values(v, k, k if key in ("", "sections") else parent)]
    if isinstance(node, list):
        return [s for item in node for s in date_values(item, key, parent)]
    return [(str(node), parent)] if key in DATES and node not in (None, "") else []


def printed(date: str, section: str) -> str:
    """A date as the CV prints it at its own precision: 2013, December 2013, December 1, 2013.
    Publication lists print the year alone (the month stays in the .bib and the exports)."""
    if date.casefold() == "present":
        return "Present"
    if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", date):
        return date
    point = parse_date(date)
    if section == "publications":
        return str(point.year)
    return Labels("en").date(point.year, point.month, point.day)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_text_value_of_the_source_is_in_every_format(built, sample):
    got = built(sample)
    expected = text_values(got.source, rendercv=sample.suffix == ".yaml")
    assert len(expected) > 30
    missing = {fmt: [s for s in expected if s not in got.texts[fmt]] for fmt in FORMATS}
    assert not any(missing.values()), f"missing: {missing}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_date_is_printed_at_the_precision_it_was_written(built, sample):
    got = built(sample)
    dates = date_values(got.source)
    assert dates
    missing = {fmt: [printed(*d) for d in dates if printed(*d) not in got.texts[fmt]] for fmt in FORMATS}
    assert not any(missing.values()), f"missing: {missing}"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_no_year_is_printed_twice_in_a_row(built, sample):
    got = built(sample)
    doubled = {fmt: re.findall(r"\b((?:19|20)\d\d)\b[\s,.;:()]+\1\b", got.texts[fmt]) for fmt in FORMATS}
    assert not any(doubled.values()), f"years printed twice: {doubled}"


@pytest.mark.parametrize("sample", RENDERCV, ids=lambda p: p.stem)
def test_the_owner_is_bold_where_the_source_marked_them(built, sample):
    got = built(sample)
    marked = [a for s in got.source["cv"]["sections"].values() for e in s if isinstance(e, dict)
              for a in e.get("authors", []) if a.startswith("*")]
    assert marked
    soup = html_soup(got.folder / "build" / "cv.html")
    bold = [normalize(b.get_text()) for b in soup.select(".cv-publications strong, .cv-publications b")]
    assert bold.count("John Doe") == len(marked)
    from docx import Document

    runs = [r.text for p in Document(str(got.folder / "build" / "cv.docx")).paragraphs for r in p.runs if r.bold]
    assert normalize(" ".join(runs)).count("John Doe") >= len(marked)


# Round trip: what `cv build --to json` writes back for an imported JSON Resume. The fields that
# cannot come back equal, and why:
#   $schema, meta   the export describes itself (schema URL, version, lastModified of this build);
#   basics.image    a photo by web address is not imported (cv import warns); the export names metadata.yaml's photo: file;
#   basics.profiles a network `contact:` has a key for comes first, in cvfilter's order, with the
#                   address its user name makes (compared as the same page: scheme and www. aside).
NOT_ROUND_TRIP = {"$schema", "meta", "image"}


def differences(source: object, exported: object, path: str = "") -> list[str]:
    """Every field of the source that the export lacks or has otherwise, by its path."""
    if isinstance(source, dict):
        if not isinstance(exported, dict):
            return [f"{path}: {exported!r} instead of an object"]
        return [d for key, value in source.items() if key not in NOT_ROUND_TRIP and value not in ("", [], {}, None)
                for d in differences(value, exported.get(key), f"{path}.{key}".lstrip("."))]
    if isinstance(source, list):
        if path == "basics.profiles" and isinstance(exported, list):
            source, exported = (sorted(x, key=lambda p: p.get("network", "")) for x in (source, exported))
        if not isinstance(exported, list) or len(exported) != len(source):
            return [f"{path}: {exported!r} instead of {source!r}"]
        return [d for i, (a, b) in enumerate(zip(source, exported)) for d in differences(a, b, f"{path}[{i}]")]
    if path.startswith("basics.profiles") and path.endswith(".url") and same_address(str(source), str(exported)):
        return []
    return [] if normalize(str(source)) == normalize(str(exported or "")) else [f"{path}: {exported!r} instead of {source!r}"]


@pytest.mark.parametrize("sample", JSON_RESUME, ids=lambda p: p.stem)
def test_json_resume_comes_back_from_cv_build_to_json_field_for_field(built, sample):
    got = built(sample)
    exported = json.loads((got.folder / "build" / "cv.json").read_text(encoding="utf-8"))
    assert differences(got.source, exported) == []


@pytest.mark.parametrize("name", ["sample.resume", "new-grad.resume"])
def test_an_imported_json_resume_is_one_page_with_bullets(built, name):
    """JSON Resume imports get the compact theme: the schema's sample and the new graduate fit a page."""
    from pypdf import PdfReader

    got = built(DATA / "jsonresume-schema" / f"{name}.json")
    pages = PdfReader(got.folder / "build" / "cv.pdf").pages
    assert len(pages) == 1
    highlight = got.source["work"][0]["highlights"][0]
    assert f"• {highlight[:40]}" in normalize(pages[0].extract_text())
