"""Resource limits and linear time: a YAML alias bomb, nesting a thousand deep, a paragraph of
100 KB, a word of 100 KB. Each is an error at its line or a build in time linear in the input."""

from __future__ import annotations

import time
from pathlib import Path

import panflute as pf
import pytest

from cvfilter.cli import main
from cvfilter.data.yaml_source import MAX_VALUES, parse_yaml
from cvfilter.errors import CvError
from cvfilter.formats.common import MAX_JOINED, join_words

from .conftest import refused


def _alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    start = time.perf_counter()
    with pytest.raises(CvError, match="expands to more than") as caught:
        parse_yaml(_alias_bomb(), "metadata.yaml")
    assert time.perf_counter() - start < 5
    assert caught.value.problems[0].location.line > 1


def test_aliases_that_stay_small_are_read() -> None:
    assert parse_yaml(_alias_bomb(3), "metadata.yaml").data["a2"][0][0][0] == "lol"
    assert MAX_VALUES >= 100_000


@pytest.mark.parametrize("where", ["metadata.yaml", "front matter", "unknown key"])
def test_an_alias_bomb_anywhere_stops_the_build_at_its_line(small_cv: Path, capsys, where: str) -> None:
    bomb = _alias_bomb()
    if where == "front matter":
        text = (small_cv / "cv.md").read_text(encoding="utf-8")
        indented = "".join(f"  {line}\n" for line in bomb.splitlines())
        (small_cv / "cv.md").write_text(text.replace("date:", f"extra:\n{indented}date:", 1), encoding="utf-8")
        shown = "cv.md"
    else:
        key = "extra_bomb" if where == "unknown key" else "positions_bomb"
        indented = "".join(f"  {line}\n" for line in bomb.splitlines())
        with (small_cv / "metadata.yaml").open("a", encoding="utf-8") as stream:
            stream.write(f"{key}:\n{indented}")
        shown = "metadata.yaml"
    start = time.perf_counter()
    err = refused(["build", "--to", "html"], capsys, shown, small_cv)
    assert "expands to more than" in err
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize("depth", [60, 1000, 20000])
def test_nesting_too_deep_is_an_error_not_a_recursion_error(small_cv: Path, capsys, depth: int) -> None:
    with (small_cv / "metadata.yaml").open("a", encoding="utf-8") as stream:
        stream.write("deep: " + "[" * depth + "]" * depth + "\n")
    assert "nested more than" in refused(["check"], capsys, "metadata.yaml")


@pytest.mark.parametrize("depth", [60, 3000])
def test_stats_json_nested_too_deep_is_an_error(small_cv: Path, capsys, depth: int) -> None:
    (small_cv / "stats.json").write_text('{"version": 1, "repositories": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    assert "nested more than" in refused(["stats"], capsys, "stats.json")


def test_long_runs_of_words_are_cut_at_a_space_and_long_words_into_pieces() -> None:
    words = [item for n in range(2000) for item in (pf.Str(f"w{n}"), pf.Space())][:-1]
    para = pf.Para(*words, pf.Space(), pf.Str("x" * 5000))
    join_words(para)
    texts = [item.text if isinstance(item, pf.Str) else " " for item in para.content]
    assert max(len(text) for text in texts) <= MAX_JOINED * 2
    assert "".join(texts) == " ".join(f"w{n}" for n in range(2000)) + " " + "x" * 5000


def test_a_paragraph_of_100_kb_reaches_the_pdf_whole_in_linear_time(small_cv: Path, capsys) -> None:
    """Before: 113 s for 100 KB (pandoc's Typst writer is quadratic in the length of one Str)."""
    from pypdf import PdfReader

    words = [f"word{n}" for n in range(16_000)]
    with (small_cv / "cv.md").open("a", encoding="utf-8") as stream:
        stream.write("\n# About\n\n" + " ".join(words) + "\n")
    start = time.perf_counter()
    assert main(["build", "--to", "pdf"]) == 0, capsys.readouterr().err
    assert time.perf_counter() - start < 30
    text = " ".join(page.extract_text() for page in PdfReader(small_cv / "build" / "cv.pdf").pages)
    found = set(text.split())
    assert all(word in found for word in words[::97])
