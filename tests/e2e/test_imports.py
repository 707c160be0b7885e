"""`cv import`: a JSON Resume and a RenderCV sample become sources that build in every format with all their content."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document

from cvfilter.build import build
from cvfilter.cli import main
from cvfilter.errors import CvError
from cvfilter.importers import import_cv
from tests.conftest import normalize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATE_KEYS = {"startDate", "endDate", "releaseDate", "date", "start_date", "end_date"}
# Not shown as such: addresses (links carry them), layout settings, network names of contact fields.
HIDDEN_KEYS = {"$schema", "meta", "url", "website", "doi", "image", "photo", "network", "design", "locale"}


def shown_strings(node: object, key: str = "") -> list[str]:
    """Every text of the source a reader must find in the CV, as it should read there."""
    if isinstance(node, dict):
        return [s for k, v in node.items() if k not in HIDDEN_KEYS for s in shown_strings(v, k)]
    if isinstance(node, list):
        return [s for item in node for s in shown_strings(item, key)]
    value = str(node)
    if key in DATE_KEYS:
        iso = re.fullmatch(r"(\d{4})(-\d{2}){0,2}", value)
        return [value[:4]] if iso else ([] if value.casefold() == "present" else [value])
    value = value.removeprefix("tel:").replace("***", "").replace("**", "")
    return [normalize(part) for part in value.split("\n\n")]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def outputs_as_text(built: Path) -> dict[str, str]:
    html = BeautifulSoup((built / "cv.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    docx = " ".join(p.text for p in Document(str(built / "cv.docx")).paragraphs)
    return {"pdf": normalize(pdf_text(built / "cv.pdf")), "html": normalize(html), "docx": normalize(docx),
            "txt": normalize((built / "cv.txt").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module", params=["json-resume.json", "rendercv.yaml"])
def imported(request, tmp_path_factory):
    sample = FIXTURES / request.param
    folder = tmp_path_factory.mktemp("imported")
    written, _warnings = import_cv(sample, folder)
    assert {p.name for p in written} == {"cv.md", "metadata.yaml", "publications.bib"}
    result = build(folder / "cv.md", ("pdf", "docx", "html", "txt"))
    source = json.loads(sample.read_text()) if sample.suffix == ".json" else yaml.safe_load(sample.read_text())
    return source, outputs_as_text(folder / "build"), result


def test_every_imported_item_appears_in_every_format(imported):
    source, texts, _result = imported
    expected = shown_strings(source)
    assert len(expected) > 50
    for fmt, text in texts.items():
        missing = [s for s in expected if s not in text]
        assert not missing, f"{fmt} lacks {missing}"


def test_imported_sections_keep_their_order(imported):
    source, texts, _result = imported
    titles = (["Experience", "Education", "Volunteering", "Projects", "Awards", "Certificates", "Publications", "Skills"]
              if "basics" in source else ["Summary", "Experience", "Education", "Publications", "Projects", "Skills", "Selected Talks"])
    text = texts["html"]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)


def test_rendercv_owner_is_bold_and_dates_are_read(tmp_path):
    import_cv(FIXTURES / "rendercv.yaml", tmp_path)
    build(tmp_path / "cv.md", ("html",))
    soup = BeautifulSoup((tmp_path / "build" / "cv.html").read_text(encoding="utf-8"), "html.parser")
    assert "Kenji Watanabe" in [b.get_text() for b in soup.select("strong, b")]
    assert "April 2020 – Present" in normalize(soup.get_text(" "))
    metadata = yaml.safe_load((tmp_path / "metadata.yaml").read_text(encoding="utf-8"))
    assert metadata["collections"]["experience"][1]["note"] == "Summer 2018"  # no date form fits: kept as text
    assert metadata["education"][0]["title"] == "PhD in Mechano-Informatics"


def test_import_warns_about_what_it_cannot_carry_and_refuses_to_overwrite(tmp_path, capsys):
    sample = tmp_path / "resume.json"
    sample.write_text(json.dumps({"basics": {"name": "Ada", "image": "https://e.org/a.png"}, "hobbies": ["chess"]}))
    assert main(["import", str(sample), "-o", str(tmp_path / "cv")]) == 0
    err = capsys.readouterr().err
    assert "basics.image" in err and "'hobbies'" in err
    assert main(["import", str(sample), "-o", str(tmp_path / "cv")]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["import", str(sample), "-o", str(tmp_path / "cv"), "--force"]) == 0


@pytest.mark.parametrize(("name", "content", "message"), [
    ("cv.json", "{\n  \"basics\": [1,\n", "not valid JSON"),
    ("cv.json", "{\"work\": []}", "basics.name is required"),
    ("cv.yaml", "name: Not RenderCV\n", "starts with `cv:`"),
    ("cv.yaml", "cv:\n  name: A\n  sections:\n    odd:\n      - {colour: blue}\n", "no RenderCV entry type"),
    ("cv.yaml", "cv:\n  name: A\n  sections:\n    mixed:\n      - {bullet: x}\n      - {label: a, details: b}\n", "mixes entry types"),
    ("cv.toml", "", "cannot tell the format"),
])
def test_bad_input_is_an_error_that_names_the_file(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(CvError) as caught:
        import_cv(tmp_path / name, tmp_path / "out")
    problem = caught.value.problems[0]
    assert message in problem.message and problem.location.file == name
    assert not (tmp_path / "out").exists()
