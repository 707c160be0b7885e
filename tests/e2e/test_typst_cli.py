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


def test_typst_wrapper_hands_typst_the_script_faces_of_the_file(tmp_path: Path) -> None:
    """Under plain `pandoc --pdf-engine=typst` the Arabic of the document is in Noto Sans Arabic too."""
    from pypdf import PdfReader

    source = tmp_path / "a.typ"
    source.write_text('#set document(title: "CV")\n#set text(lang: "ar", font: ("Libertinus Serif", "Noto Sans Arabic"))\nمرحبا\n',
                      encoding="utf-8")
    assert typst_cli.main(["compile", str(source), str(tmp_path / "a.pdf")]) == 0
    fonts = {str(font["/BaseFont"]) for page in PdfReader(tmp_path / "a.pdf").pages for font in page["/Resources"]["/Font"].values()
             if "/BaseFont" in font.get_object()}
    assert any("NotoSansArabic" in name for name in fonts)
