"""The JSON Resume of a variant holds what the variant's HTML and Markdown show, not the whole data.

The fixture (tests/fixtures/variants/) has every list JSON Resume carries and three variants: one by
sections, tags and publication options (selected, limit, max-authors), one by years and a talks
limit, and one that changes nothing. Each is built once and read back from its files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from cvfilter.cli import main
from tests.conftest import ROOT, normalize
from tests.tools import json_resume_schema

FIXTURE = ROOT / "tests" / "fixtures" / "variants"
VARIANTS = ("resume", "recent", "everything")
LISTS = ("work", "volunteer", "education", "awards", "publications", "skills", "projects")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`cv build --all-variants --to json,md,html` of the fixture: cv.* and cv-NAME.* per variant."""
    work = tmp_path_factory.mktemp("variant-exports")
    for source in FIXTURE.iterdir():
        shutil.copy(source, work / source.name)
    assert main(["build", str(work / "cv.md"), "--all-variants", "--to", "json,md,html", "-o", str(work / "out")]) == 0
    return work / "out"


def _json(built: Path, stem: str) -> dict:
    document = json.loads((built / f"{stem}.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    jsonschema.Draft7Validator(json_resume_schema(), format_checker=checker).validate(document)
    return document


def _exported(document: dict) -> dict[str, list[str]]:
    """Each list of the JSON Resume by the name it shows (organisation, title, repository...)."""
    names = {"work": "name", "volunteer": "organization", "education": "institution", "awards": "title",
             "publications": "name", "skills": "name", "projects": "name"}
    return {key: [item[names[key]] for item in document.get(key, [])] for key in LISTS}


def _shown(html: str) -> dict[str, list[str]]:
    """The same lists read from the HTML of the same build."""
    soup = BeautifulSoup(html, "html.parser")

    def texts(selector: str) -> list[str]:
        return [normalize(tag.get_text()).removesuffix(":") for tag in soup.select(selector)]

    return {
        "work": texts(".cv-entries-current_position .cv-org") + texts(".cv-entries-positions .cv-org"),
        "volunteer": texts(".cv-activities .cv-org"),
        "education": texts(".cv-entries-education .cv-org"),
        "awards": texts(".cv-entries-honors .cv-title"),
        "publications": texts(".cv-pub-title"),
        "skills": texts(".cv-skill-name"),
        "projects": texts(".cv-repo-name") + texts(".cv-talk .cv-title"),
    }


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_variant_exports_what_its_html_shows(built, variant):
    exported = _exported(_json(built, f"cv-{variant}"))
    assert exported == _shown((built / f"cv-{variant}.html").read_text(encoding="utf-8"))
    markdown = (built / f"cv-{variant}.md").read_text(encoding="utf-8")
    every_title = {"Sketch of the Analytical Engine, with Notes", "A Paper with Many Authors", "Flyology", "Letters on Numbers"}
    assert {t for t in every_title if t in markdown} == set(exported["publications"])


def test_resume_keeps_its_sections_tags_and_publication_options(built):
    document = _json(built, "cv-resume")
    exported = _exported(document)
    assert exported["work"] == ["Lovelace Estate", "Engine Co.", "Home School"]  # tagged resume; Translator is not
    assert exported["education"] == exported["awards"] == exported["volunteer"] == []  # sections it leaves out
    assert not {"education", "awards", "volunteer"} & set(document)
    # selected, tagged (keywords) and limit 2: Letters on Numbers is the third, Flyology is not selected
    assert exported["publications"] == ["Sketch of the Analytical Engine, with Notes", "A Paper with Many Authors"]
    assert exported["skills"] == ["Mathematics"]
    assert exported["projects"] == ["ada/engine-notes"]  # its talks section is not in the résumé


def test_max_authors_cuts_the_exported_authors_as_the_list_does(built):
    variant = {p["name"]: p.get("summary") for p in _json(built, "cv-resume")["publications"]}
    assert variant["A Paper with Many Authors"] == "Charles Babbage, …, Ada Lovelace, et al."
    html = BeautifulSoup((built / "cv-resume.html").read_text(encoding="utf-8"), "html.parser")
    shown = next(text for text in (normalize(p.get_text()) for p in html.select(".cv-pub")) if "Many Authors" in text)
    assert "Charles Babbage, …, Ada Lovelace, et al." in shown and "Mary Somerville" not in shown
    full = {p["name"]: p.get("summary") for p in _json(built, "cv")["publications"]}
    assert full["A Paper with Many Authors"].count(",") == 5  # the full CV names all six


def test_recent_variant_applies_years_and_a_talks_limit(built):
    exported = _exported(_json(built, "cv-recent"))
    assert exported["publications"] == ["Sketch of the Analytical Engine, with Notes", "A Paper with Many Authors",
                                        "Letters on Numbers"]  # years=1842- drops Flyology (1828)
    assert exported["projects"] == ["On the Engine"]  # talks only: limit 1, newest first
    assert exported["work"] == exported["skills"] == []


def test_the_full_cv_still_exports_all_the_data(built):
    exported = _exported(_json(built, "cv"))
    metadata = yaml.safe_load((FIXTURE / "metadata.yaml").read_text(encoding="utf-8"))
    assert exported["work"] == [e["org"] for e in metadata["current_position"] + metadata["positions"]]
    assert exported["skills"] == [g["name"] for g in metadata["skills"]]
    assert exported["projects"] == [r["name"] for r in metadata["repositories"]] + [t["title"] for t in metadata["talks"]]
    assert len(exported["publications"]) == 4
