"""`cv build --to rendercv`: a RenderCV input file that RenderCV's own JSON Schema (2.8, vendored in
tests/data/rendercv-examples) accepts, and that `cv import` reads back to the same entries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from cvfilter.build import build
from cvfilter.cli import main
from cvfilter.importers import import_cv
from tests.conftest import copy_example
from tests.e2e.test_vendored_imports import text_values
from tests.readback import html_text

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA = json.loads((DATA / "rendercv-examples" / "schema.json").read_text(encoding="utf-8"))


def exported(folder: Path) -> dict:
    build(folder / "cv.md", ("rendercv",))
    return yaml.safe_load((folder / "build" / "cv.rendercv.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["example", "resume-starter", "json-resume"])
def written(request, tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "example":
        copy_example(folder)
    elif request.param == "resume-starter":
        assert main(["new", "--kind", "resume", str(folder)]) == 0
    else:
        import_cv(DATA / "jsonresume-schema" / "sample.resume.json", folder)
    return folder, exported(folder)


def test_renderCV_schema_accepts_the_file(written):
    _folder, document = written
    jsonschema.Draft7Validator(SCHEMA).validate(document)
    assert document["cv"]["sections"]


def test_the_schema_check_can_fail(written):
    _folder, document = written
    broken = {**document, "cv": {**document["cv"], "social_networks": [{"network": "Myspace", "username": "x"}]}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(broken)


def test_cv_import_reads_the_file_back_with_every_text(written, tmp_path):
    """Each text of the exported file, as RenderCV would print it, is on the page built from it again."""
    folder, document = written
    source = tmp_path / "cv.yaml"
    source.write_text((folder / "build" / "cv.rendercv.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    import_cv(source, tmp_path / "back")
    build(tmp_path / "back" / "cv.md", ("html",))
    page = html_text(tmp_path / "back" / "build" / "cv.html")
    # A Google Scholar user id is only the address of the header's "Google Scholar" link.
    shown = {**document["cv"], "social_networks": [n for n in document["cv"].get("social_networks", [])
                                                   if n["network"] != "Google Scholar"]}
    expected = [re.sub(r"\\(.)", r"\1", text) for text in text_values(shown, rendercv=True)]
    assert len(expected) > 10
    assert [text for text in expected if text not in page] == []


def test_plain_text_is_escaped_as_renderCV_reads_markdown(tmp_path):
    assert main(["new", "--kind", "resume", str(tmp_path)]) == 0
    metadata = tmp_path / "metadata.yaml"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("tinyqueue", "tiny*queue*_[x](y)"), encoding="utf-8")
    document = exported(tmp_path)
    assert document["cv"]["sections"]["Projects"][0]["name"] == r"tiny\*queue\*\_\[x\](y)"
