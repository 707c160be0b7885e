"""Golden cases: each folder of tests/cases/ is a CV (cv.md and its data) with the Typst, HTML and
Markdown that `cv build` must write for it in `expected/`, compared whole, as black and RenderCV
test their output. Each case is built twice; the second build (warm caches) must equal the first.

The styles are not part of a case: the Typst source is compared from the document's opening
(`#set document(`) on and the page from its <body>, so a change of look (a theme, a design value,
the style sheets) does not touch the cases, while a change of document structure or escaping does.
Refresh the expected files after a deliberate change with `pytest tests/e2e/test_cases.py --update-cases`
and read the diff before committing it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cvfilter.build import build

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
CASES = sorted(path for path in CASES_DIR.iterdir() if path.is_dir())
FORMATS = ("typ", "html", "md")
_BODY = re.compile(r"<body[^>]*>.*</body>", re.S)


def without_styles(fmt: str, text: str) -> str:
    """The output without the style that comes before the document."""
    if fmt == "typ":
        assert "#set document(" in text
        return text[text.index("#set document("):]
    if fmt == "html":
        found = _BODY.search(text)
        assert found is not None
        return found.group() + "\n"
    return text


def _built(case: Path, work: Path, folder: str) -> dict[str, str]:
    result = build(work / "cv.md", FORMATS, work / folder)
    return {fmt: without_styles(fmt, result.outputs[fmt].read_text(encoding="utf-8")) for fmt in FORMATS}


@pytest.fixture(scope="module", params=CASES, ids=[case.name for case in CASES])
def built_twice(request, tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    case = request.param
    work = tmp_path_factory.mktemp(case.name)
    for path in case.iterdir():
        if path.is_file():
            shutil.copy(path, work / path.name)
    return case, _built(case, work, "first"), _built(case, work, "second")


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_the_expected_one(built_twice, fmt: str, request) -> None:
    case, first, _second = built_twice
    expected = case / "expected" / f"cv.{fmt}"
    if request.config.getoption("--update-cases"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(first[fmt], encoding="utf-8")
    assert expected.is_file(), f"{expected} is missing: run pytest {Path(__file__).name} --update-cases"
    assert first[fmt] == expected.read_text(encoding="utf-8")


def test_a_second_build_equals_the_first(built_twice) -> None:
    _case, first, second = built_twice
    assert second == first
