"""TeX math reaches the tagged PDF (PDF/UA-1) with its TeX source as alternative text, and a Typst
error in what cv.md wrote is reported at its line of cv.md, not at the generated cv.typ."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cvfilter.cli import main

from .conftest import refused


def _alt_texts(pdf: Path) -> list[str]:
    found: list[str] = []
    pending = [PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"]]
    while pending:
        node = pending.pop().get_object()
        if not isinstance(node, dict):
            continue
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        pending.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found


def test_math_has_its_tex_as_alt_text_in_the_tagged_pdf(small_cv: Path, capsys) -> None:
    with (small_cv / "cv.md").open("a", encoding="utf-8") as stream:
        stream.write('\n# About\n\nEnergy $E=mc^2$ and a "quote" $\\text{"a"}$.\n\n$$\\int_0^1 x\\,dx$$\n')
    assert main(["build", "--to", "pdf"]) == 0, capsys.readouterr().err
    alts = _alt_texts(small_cv / "build" / "cv.pdf")
    assert {"E=mc^2", '\\text{"a"}', "\\int_0^1 x\\,dx"} <= set(alts)


def test_a_typst_error_is_placed_at_its_line_of_cv_md(small_cv: Path, capsys) -> None:
    with (small_cv / "cv.md").open("a", encoding="utf-8") as stream:
        stream.write("\n# About\n\nSome words.\n\nText with `#nosuchfunction[hello]`{=typst} here.\n")
    line = (small_cv / "cv.md").read_text(encoding="utf-8").splitlines().index("Text with `#nosuchfunction[hello]`{=typst} here.") + 1
    assert "unknown variable: nosuchfunction" in refused(["build", "--to", "pdf"], capsys, f"cv.md:{line}", small_cv)
