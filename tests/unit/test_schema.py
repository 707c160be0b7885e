"""The committed JSON Schemas (metadata.yaml, the front matter) match the code, the example passes them,
and the files `cv new` and `cv import` write point editors at them."""

from __future__ import annotations

import json

import jsonschema

from cvfilter.data.yaml_source import load_yaml
from cvfilter.data.yaml_source import front_matter
from cvfilter.schema import FRONT_MATTER, METADATA, schema_text, schema_url
from tests.conftest import ROOT

SCHEMA = ROOT / "styles" / METADATA
FRONT_SCHEMA = ROOT / "styles" / FRONT_MATTER


def test_committed_schemas_are_up_to_date() -> None:
    for name in (METADATA, FRONT_MATTER):
        assert (ROOT / "styles" / name).read_text(encoding="utf-8") == schema_text(name), f"run `cv schema styles` and commit styles/{name}"


def test_example_metadata_validates_and_its_editor_comment_points_at_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    example = ROOT / "metadata.yaml"
    assert "$schema=./styles/metadata.schema.json" in example.read_text(encoding="utf-8").splitlines()[0]
    jsonschema.validate(load_yaml(example, "metadata.yaml").data, schema)


def test_schema_refuses_a_misspelt_key_and_a_missing_name() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    messages = [e.message for e in validator.iter_errors({"name": "A", "positions": [{"titel": "x"}]})]
    assert any("'titel' was unexpected" in m for m in messages)
    assert any("'title' is a required property" in m for m in messages)
    assert any("'name' is a required property" in e.message for e in validator.iter_errors({}))


def test_cv_schema_writes_the_file(tmp_path) -> None:
    from cvfilter.cli import main

    target = tmp_path / "out" / "schema.json"
    assert main(["schema", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "cvfilter metadata.yaml"
    assert main(["schema", str(tmp_path / "both")]) == 0
    assert json.loads((tmp_path / "both" / FRONT_MATTER).read_text(encoding="utf-8"))["title"] == "cvfilter front matter of cv.md"


def _front_matter(path) -> dict:
    return front_matter(path.read_text(encoding="utf-8"), path.name).data


def test_front_matter_schema_passes_the_example_and_the_starter_and_names_a_typo() -> None:
    schema = json.loads(FRONT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for cv in (ROOT / "cv.md", ROOT / "styles" / "templates" / "new" / "cv.md"):
        jsonschema.validate(_front_matter(cv), schema)
    validator = jsonschema.Draft202012Validator(schema)
    wrong = {"cvfilter": {"bibliografy": "x.bib", "variants": {"resume": {"sections": ["Education"], "options":
             {"publications": {"group-by": "decade", "limit": 6}, "talkz": {}}}}}}
    messages = sorted(e.message for e in validator.iter_errors(wrong))
    assert any("'bibliografy' was unexpected" in m for m in messages)
    assert any("'decade' is not one of ['year', 'none']" in m for m in messages)
    assert any("'talkz' was unexpected" in m for m in messages)
    assert not any("limit" in m for m in messages)


def test_new_and_import_point_editors_at_the_schemas_of_this_version(tmp_path) -> None:
    from cvfilter.cli import main

    assert main(["new", str(tmp_path / "new")]) == 0
    assert main(["import", str(ROOT / "tests" / "fixtures" / "json-resume.json"), "-o", str(tmp_path / "imported")]) == 0
    for folder in (tmp_path / "new", tmp_path / "imported"):
        metadata = (folder / "metadata.yaml").read_text(encoding="utf-8").splitlines()
        assert metadata[0] == f"# yaml-language-server: $schema={schema_url(METADATA)}"
        cv = (folder / "cv.md").read_text(encoding="utf-8").splitlines()
        assert cv[:2] == ["---", f"# yaml-language-server: $schema={schema_url(FRONT_MATTER)}"]
        assert main(["check", str(folder / "cv.md")]) == 0  # the line is a comment: the CV is as valid as before


def test_schema_urls_name_the_release_tag_or_main_and_the_repository_of_pyproject() -> None:
    assert schema_url(METADATA, "0.2.0") == "https://raw.githubusercontent.com/cvfilter/cvfilter/v0.2.0/styles/metadata.schema.json"
    assert "/main/styles/" in schema_url(METADATA, "0.2.1.dev3+g0123abc")
    assert 'Homepage = "https://github.com/cvfilter/cvfilter"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_schemastore_catalog_entry_is_ready_to_submit() -> None:
    catalog = json.loads((ROOT / "docs" / "schemastore-catalog.json").read_text(encoding="utf-8"))
    [entry] = catalog["schemas"]
    assert entry["url"] == schema_url(METADATA, "dev") and entry["name"] and entry["description"]
    assert entry["fileMatch"] and "metadata.yaml" not in entry["fileMatch"]  # SchemaStore refuses a name that generic
