"""A character the PDF fonts lack (an emoji) costs PDF/A, never the build: every format is written and
the warning names the source line; `cv check` finds it first; pdflatex prints "?" instead of stopping."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup

from cvfilter.build import build
from cvfilter.check import check
from tests.conftest import SMALL_CV

CV = SMALL_CV
META = """name: Ada Lovelace
positions:
  - title: Analyst
    org: Intel Labs 🚀
    dates: 1842 -- 1843
"""


@pytest.fixture
def emoji_cv(tmp_path: Path) -> Path:
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    return tmp_path / "cv.md"


def test_build_writes_every_format_and_warns_at_the_yaml_line(emoji_cv: Path) -> None:
    result = build(emoji_cv, ("pdf", "html", "docx"))
    assert result.outputs["pdf"].read_bytes().startswith(b"%PDF")
    assert "Intel Labs 🚀" in BeautifulSoup(result.outputs["html"].read_text(encoding="utf-8"), "html.parser").get_text()
    assert any("Intel Labs 🚀" in p.text for p in docx.Document(result.outputs["docx"]).paragraphs)
    warnings = [str(p) for p in result.warnings if "🚀" in p.message]
    assert warnings and warnings[0].startswith("metadata.yaml:4:")


def test_one_build_warns_about_every_character_the_fonts_lack_in_source_order(emoji_cv: Path) -> None:
    (emoji_cv.parent / "cv.md").write_text(CV + "\nNotes in ሰላም, twice: ሰላም.\n", encoding="utf-8")
    (emoji_cv.parent / "metadata.yaml").write_text(META.replace("Intel Labs 🚀", "Intel Labs 🚀 ☃\U0001F389"), encoding="utf-8")
    result = build(emoji_cv, ("pdf",))
    placed = [str(p.location) for p in result.warnings if "cannot draw" in p.message]
    assert len(placed) >= 3 and placed == sorted(placed, key=lambda where: (where.split(":")[0] != "cv.md", [int(n) for n in where.split(":")[1:]]))
    drawn_nowhere = "".join(p.message for p in result.warnings)
    assert "🚀" in drawn_nowhere and "ሰ" in drawn_nowhere


def test_a_character_only_a_fallback_face_has_is_a_warning_at_its_line(emoji_cv: Path) -> None:
    """The snowman is in none of the faces cv.typ names; Typst draws it with DejaVu Sans Mono, and
    PDF/A holds, so only the probe with fallback off tells."""
    (emoji_cv.parent / "metadata.yaml").write_text(META.replace("Intel Labs 🚀", "Intel Labs ☃"), encoding="utf-8")
    result = build(emoji_cv, ("pdf",))
    warned = [str(p) for p in result.warnings if "fallback face" in p.message]
    assert warned and warned[0].startswith("metadata.yaml:4:21: warning: the PDF fonts have no glyph for '☃'")


def test_a_script_without_an_installed_face_is_a_warning_with_the_install_command(emoji_cv: Path, monkeypatch) -> None:
    from cvfilter import script_fonts

    monkeypatch.setattr(script_fonts, "_package_face", lambda script: None)
    (emoji_cv.parent / "metadata.yaml").write_text(META.replace("Intel Labs 🚀", "مختبرات إنتل"), encoding="utf-8")
    problems = [p for p in check(emoji_cv) if "Arabic" in p.message]
    assert [(str(p.location), p.hint) for p in problems] == [("metadata.yaml:4:10", "pip install fontpkg-noto-sans-arabic")]


def test_check_warns_about_the_character_before_a_build(emoji_cv: Path) -> None:
    problems = [p for p in check(emoji_cv) if "🚀" in p.message]
    assert [(p.severity, str(p.location)) for p in problems] == [("warning", "metadata.yaml:4:21")]


def test_check_is_quiet_about_accents_the_fonts_have(emoji_cv: Path) -> None:
    (emoji_cv.parent / "metadata.yaml").write_text(META.replace("Intel Labs 🚀", "Zürich École ñ – ‘x’"), encoding="utf-8")
    assert [p for p in check(emoji_cv) if "cannot draw" in p.message] == []


def test_pdflatex_prints_a_question_mark_for_an_emoji(emoji_cv: Path) -> None:
    if not (shutil.which("pdflatex") and shutil.which("cvfilter")):
        pytest.skip("pdflatex or the cvfilter command is not installed")
    from cvfilter.pandoc import pandoc_path

    result = subprocess.run(
        [pandoc_path(), "cv.md", "--filter", "cvfilter", "--pdf-engine=pdflatex", "-o", "cv.pdf"],
        cwd=emoji_cv.parent, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "metadata.yaml:4:21: warning: pdflatex cannot set '🚀'" in result.stderr
    text = subprocess.run(["pdftotext", "cv.pdf", "-"], cwd=emoji_cv.parent, capture_output=True, text=True).stdout
    assert "Intel Labs ?" in text

