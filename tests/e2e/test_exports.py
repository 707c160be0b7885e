"""`cv build --to md,txt,json`: clean Markdown, paste-ready text, and JSON Resume valid under the official schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from cvfilter import pandoc
from cvfilter.build import build
from tests.conftest import ROOT, copy_example
from tests.tools import json_resume_schema


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The example CV's exports, built once."""
    work = copy_example(tmp_path_factory.mktemp("exports"))
    build(work / "cv.md", ("md", "txt", "json"))
    return work / "build"


def _validate(document: dict) -> None:
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert {"uri", "email"} <= set(checker.checkers), "links would go unchecked: pip install -e '.[test]'"
    jsonschema.Draft7Validator(json_resume_schema(), format_checker=checker).validate(document)


def test_json_resume_validates_and_carries_the_data(exported):
    document = json.loads((exported / "cv.json").read_text(encoding="utf-8"))
    _validate(document)
    metadata = yaml.safe_load((ROOT / "metadata.yaml").read_text(encoding="utf-8"))
    assert document["basics"]["name"] == metadata["name"]
    assert [w["position"] for w in document["work"]] == [e["title"] for e in metadata["current_position"] + metadata["positions"]]
    assert "endDate" not in document["work"][0]  # the current position is ongoing
    assert [e["institution"] for e in document["education"]] == [e["org"] for e in metadata["education"]]
    assert document["education"][0]["studyType"] == "Ph.D." and document["education"][0]["area"] == "Computer Science"
    assert [s["name"] for s in document["skills"]] == [g["name"] for g in metadata["skills"]]
    bib_keys = (ROOT / "publications.bib").read_text(encoding="utf-8").count("\n@") + 1
    assert len(document["publications"]) == bib_keys
    assert any(p["name"].startswith("Tutorial on amortized optimization") for p in document["publications"])


def test_the_schema_check_catches_a_broken_document(exported):
    document = json.loads((exported / "cv.json").read_text(encoding="utf-8"))
    for path, wrong in ((("work", 0, "startDate"), "March 2019"), (("basics", "url"), "not a link")):
        broken = json.loads(json.dumps(document))
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = wrong
        with pytest.raises(jsonschema.ValidationError):
            _validate(broken)


def test_markdown_is_clean_and_reads_back_as_the_same_text(exported):
    markdown = (exported / "cv.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Brandon Amos\n")
    assert "\n## Education\n" in markdown
    for leftover in (":::", "{.", "<span", "✉", "cv-"):
        assert leftover not in markdown
    ast = json.loads(pandoc.read_markdown(markdown, "cv.md", exported))
    kinds = set()

    def collect(node: object) -> None:
        if isinstance(node, dict):
            kinds.add(node.get("t"))
            collect(node.get("c"))
        elif isinstance(node, list):
            for child in node:
                collect(child)

    collect(ast["blocks"])
    assert not kinds & {"Div", "Span", "RawBlock", "RawInline"}


def test_text_has_one_line_per_entry_and_no_markup(exported):
    lines = (exported / "cv.txt").read_text(encoding="utf-8").splitlines()
    assert "Research Intern, Google DeepMind, London (with Nando de Freitas and Misha Denil on RL) 2017" in [
        line.replace("\u00a0", " ") for line in lines]
    text = "\n".join(lines)
    assert "linkedin.com/in/bdamos" in text
    for markup in ("](", "*Meta AI", "✉", "<"):
        assert markup not in text


HOSTILE = "*not emphasis* [x](https://e.org) <b>bold</b> #1 \\LaTeX{} $5"


def test_user_text_reaches_markdown_and_text_literally(tmp_path):
    (tmp_path / "metadata.yaml").write_text(yaml.safe_dump({
        "name": "Ada Lovelace",
        "positions": [{"title": HOSTILE, "org": "Engine Co.", "dates": "1842"}],
    }), encoding="utf-8")
    (tmp_path / "cv.md").write_text("---\ndate: 1843-01-01\n---\n\n::: header\n:::\n\n# Positions\n\n::: {.entries from=positions}\n:::\n",
                                    encoding="utf-8")
    out = build(tmp_path / "cv.md", ("md", "txt", "json")).outputs
    assert HOSTILE in out["txt"].read_text(encoding="utf-8")
    reread = pandoc.write(pandoc.read_markdown(out["md"].read_text(encoding="utf-8"), "cv.md", tmp_path),
                          "plain", ["--wrap=none"], tmp_path, "cv.md").decode("utf-8")
    assert HOSTILE in reread
    document = json.loads(out["json"].read_text(encoding="utf-8"))
    assert document["work"][0]["position"] == HOSTILE
    _validate(document)


def test_cli_accepts_exports_and_rejects_unknown_formats(tmp_path, capsys):
    from cvfilter.cli import main

    (tmp_path / "metadata.yaml").write_text("name: Ada Lovelace\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text("::: header\n:::\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["build", str(tmp_path / "cv.md"), "--to", "rtf"])
    assert stopped.value.code == 2
    assert "md,txt,json" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "cv.md"), "--to", "txt"]) == 0
    assert (tmp_path / "build" / "cv.txt").read_text(encoding="utf-8").startswith("Ada Lovelace")
