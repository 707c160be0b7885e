"""The committed JSON Schema of metadata.yaml matches the model, and the example data passes it."""

from __future__ import annotations

import json

import jsonschema

from cvfilter.data.yaml_source import load_yaml
from cvfilter.schema import schema_text
from tests.conftest import ROOT

SCHEMA = ROOT / "styles" / "metadata.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run `cv schema` and commit styles/metadata.schema.json"


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
