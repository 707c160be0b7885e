"""cv.md's own raw HTML and TeX pass as written unless they run code or read files; images are
files inside the CV's folder (the refusals are cases in tests/bad: raw-*, image-*)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cvfilter.cli import main
from cvfilter.raw_policy import html_problem, tex_problem
from cvfilter.safety import unsafe_target

# A 1x1 PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.mark.parametrize("raw", ['<span class="note">x</span>', "<br>", '<a href="https://example.org">x</a>',
                                 '<img src="me.png" alt="me">', "<!-- a comment -->"])
def test_ordinary_raw_html_is_the_authors(raw: str) -> None:
    assert html_problem(raw) is None


@pytest.mark.parametrize("raw", ["\\newpage", "\\textbf{x}", "\\vspace{1em}", "\\href{https://example.org}{x}"])
def test_ordinary_raw_tex_is_the_authors(raw: str) -> None:
    assert tex_problem(raw) is None


@pytest.mark.parametrize("raw", ["\\input{x}", "\\include{x}", "\\openin5=x", "\\immediate\\write18{ls}",
                                 "\\csname input\\endcsname{x}", "\\href{javascript:alert(1)}{x}", "\\catcode`\\@=0"])
def test_raw_tex_that_reads_files_or_runs_programs_is_refused(raw: str) -> None:
    assert tex_problem(raw)


_SCHEMES = ["javascript", "vbscript", "data", "file"]


@given(scheme=st.sampled_from(_SCHEMES), cases=st.lists(st.booleans(), min_size=10, max_size=10),
       encode=st.lists(st.sampled_from(["plain", "decimal", "hex", "named-tab"]), min_size=1, max_size=10))
@settings(max_examples=200, deadline=None)
def test_a_scheme_hidden_by_case_entities_or_white_space_is_still_refused(scheme: str, cases: list[bool], encode: list[str]) -> None:
    letters = [c.upper() if up else c for c, up in zip(scheme, cases + [False] * len(scheme))]
    written = ""
    for index, letter in enumerate(letters):
        how = encode[index % len(encode)]
        written += {"plain": letter, "decimal": f"&#{ord(letter)};", "hex": f"&#x{ord(letter):x};",
                    "named-tab": letter + "&Tab;"}[how]
    url = written + ":alert(1)"
    assert unsafe_target(url)
    assert html_problem(f'<a href="{url}">x</a>')


def test_an_image_inside_the_folder_goes_into_the_docx(small_cv: Path, capsys) -> None:
    (small_cv / "me.png").write_bytes(PNG)
    with (small_cv / "cv.md").open("a", encoding="utf-8") as stream:
        stream.write("\n# Photo\n\n![me](me.png)\n")
    assert main(["build", "--to", "docx,html"]) == 0, capsys.readouterr().err
    media = [name for name in zipfile.ZipFile(small_cv / "build" / "cv.docx").namelist() if name.startswith("word/media/")]
    assert len(media) == 1
