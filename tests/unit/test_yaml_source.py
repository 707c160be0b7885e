"""YAML is read safely, keeps what the user typed, and places every problem on its line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.config import front_matter
from cvfilter.data import yaml_source
from cvfilter.data.yaml_source import parse_yaml
from cvfilter.errors import CvError


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['echo hacked']",
    "!!python/name:os.system",
    "!!python/object:builtins.dict {}",
])
def test_python_tags_are_refused_not_run(tag: str, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CvError) as caught:
        parse_yaml(f"name: Ada\norg: {tag}\n", "metadata.yaml")
    problem = caught.value.problems[0]
    assert (problem.location.line, problem.location.column) == (2, 6)
    assert "is not allowed" in problem.message
    assert list(tmp_path.iterdir()) == []


def test_dates_and_decimals_stay_as_written() -> None:
    data = parse_yaml("gpa: 3.90\ndates: 2019-05-04\nstars: 12\nbad: 2023-13-45\n", "m.yaml").data
    assert data == {"gpa": "3.90", "dates": "2019-05-04", "stars": 12, "bad": "2023-13-45"}


def test_a_key_given_twice_is_reported_at_the_second() -> None:
    with pytest.raises(CvError) as caught:
        parse_yaml("name: A\npositions:\n  - title: x\n    title: y\n", "m.yaml")
    problem = caught.value.problems[0]
    assert str(problem.location) == "m.yaml:4:5"
    assert "line 3" in problem.hint


def test_front_matter_positions_count_from_the_top_of_cv_md() -> None:
    text = "---\ntitle: x\ncvfilter:\n  data: m.yaml\n---\n\nBody\n"
    source = front_matter(text, "cv.md")
    assert str(source.locate(("cvfilter", "data"))) == "cv.md:4:9"
    assert front_matter("No front matter\n", "cv.md") is None


def test_front_matter_syntax_error_names_the_line_in_cv_md() -> None:
    with pytest.raises(CvError) as caught:
        front_matter("---\ncvfilter:\n  data: 'metadata.yaml\n---\n", "cv.md")
    assert str(caught.value.problems[0].location) == "cv.md:3:9"


# Pieces of YAML syntax that libyaml and PyYAML's Python parser read differently when put together.
_YAML_PIECES = ["a", "é", " ", "  ", "\n", "\n  ", "\n- ", ":", ": ", "key: ", "- ", "'", '"', "{", "}", "[", "]", ",",
                "#", " #", "&x", " &x ", "*x", " *x", "!", "!!str", "|", ">", "|-", "|2", ">+", "?", "? ", "%", "@",
                "`", "\\", "~", "1", "0.5", "1e3", "2020-01-01", "...", "---", "<<", "\t", "\r", "\u2028", "\x85",
                "\ufeff"]


@pytest.mark.skipif(yaml_source._FastLoader is None, reason="PyYAML without libyaml")
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_YAML_PIECES), min_size=1, max_size=16).map("".join))
def test_the_libyaml_reader_reads_as_the_python_one(text: str) -> None:
    """The fast reader is an optimisation only: same data, same places, same messages."""

    def read(fast: bool) -> tuple:
        with pytest.MonkeyPatch.context() as patch:
            if not fast:
                patch.setattr(yaml_source, "_FastLoader", None)
            try:
                source = parse_yaml(text, "m.yaml")
            except CvError as exc:
                return ("error", [str(p) for p in exc.problems])
            return (repr(source.data), source.positions)

    assert read(True) == read(False)
