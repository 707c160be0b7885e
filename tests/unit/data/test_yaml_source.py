"""YAML is read safely, keeps what the user typed, and places every problem on its line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.data.yaml_source import front_matter
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


def test_only_plain_decimals_are_read_as_whole_numbers() -> None:
    text = "code: 010\ntime: 12:30\nlabel: 1_000\nhex: 0x1F\nbinary: 0b101\nstars: 12\nplus: +3\nzero: 0\nbelow: -7\nnil: -0\nphone: +4915112345678\n"
    for data in (parse_yaml(text, "m.yaml").data, parse_yaml(text + "# \t\n", "m.yaml").data):  # libyaml and PyYAML
        assert data == {"code": "010", "time": "12:30", "label": "1_000", "hex": "0x1F", "binary": "0b101",
                        "stars": 12, "plus": "+3", "zero": 0, "below": -7, "nil": "-0", "phone": "+4915112345678"}


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


@pytest.mark.parametrize(("text", "place", "closed"), [
    ('name: Ada\ntitle: "Foo\npositions:\n  - title: Analyst\n    dates: "1842"\n', "m.yaml:2:8", 5),
    ("name: Ada\ntitle: 'Foo\npositions:\n  - title: Analyst\n    org: Ada's Engine\n", "m.yaml:2:8", 5),
    ('positions:\n  - title: "Analyst\n    org: Engine Co.\n  - title: Translator\n    org: "Memoirs"\n', "m.yaml:2:12", 5),
])
def test_a_quote_closed_by_a_later_one_is_reported_where_it_opened(text: str, place: str, closed: int) -> None:
    with pytest.raises(CvError) as caught:
        parse_yaml(text, "m.yaml")
    problem = caught.value.problems[0]
    quote = text[text.index(":", text.index("title")) + 2]
    assert str(problem.location) == place
    assert problem.message == f"YAML syntax error: the {quote} opened here is closed only on line {closed}, so the lines between are read as its text"
    assert problem.hint.startswith(f"add the closing {quote} where the text ends")


def test_a_quote_closed_late_in_the_front_matter_counts_lines_from_the_top_of_cv_md() -> None:
    with pytest.raises(CvError) as caught:
        front_matter('---\ntitle: "Foo\ncvfilter:\n  data: "metadata.yaml"\n---\n', "cv.md")
    problem = caught.value.problems[0]
    assert str(problem.location) == "cv.md:2:8"
    assert "closed only on line 4," in problem.message


@pytest.mark.parametrize("text", [
    'summary: "A long\n  text" extra\n',              # a quote over two lines of prose, then a real error
    'title: "Foo"\nnext: [1, 2\nlast: "x"\n',          # the error is not about a quote
])
def test_other_errors_after_a_quote_keep_the_parsers_own_place(text: str) -> None:
    with pytest.raises(CvError) as caught:
        parse_yaml(text, "m.yaml")
    assert "opened here is closed only" not in caught.value.problems[0].message


def test_a_key_merged_from_an_anchor_may_be_overridden_but_not_written_twice() -> None:
    text = "honors:\n  - &award\n    title: Award one\n    org: Society\n  - <<: *award\n    title: Award two\n"
    source = parse_yaml(text, "m.yaml")
    assert source.data["honors"][1] == {"title": "Award two", "org": "Society"}
    assert str(source.locate(("honors", 1, "title"))) == "m.yaml:6:12"
    with pytest.raises(CvError) as caught:
        parse_yaml(text + "    title: Award three\n", "m.yaml")
    assert str(caught.value.problems[0].location) == "m.yaml:7:5" and "line 6" in caught.value.problems[0].hint
