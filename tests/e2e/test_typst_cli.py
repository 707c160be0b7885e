"""The `typst` wrapper that pandoc's --pdf-engine=typst runs reports errors in the file it compiles."""

from __future__ import annotations

from pathlib import Path

from cvfilter import typst_cli


def test_typst_wrapper_names_the_file_it_compiles(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.typ").write_text("= Title\n#let x = \n", encoding="utf-8")
    assert typst_cli.main(["compile", "b.typ"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("b.typ:2:") and "cv.typ" not in error
