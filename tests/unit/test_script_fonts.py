"""Which face each script of a document gets, and where Typst finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvfilter import script_fonts
from cvfilter.script_fonts import faces, scripts_in


def test_only_scripts_the_latin_faces_lack_need_a_face():
    assert [s.name for s in scripts_in("Ünïcödé Ελληνικά Русский עברית")] == []
    assert [s.name for s in scripts_in("مرحبا नमस्ते 日本 한국")] == ["Arabic", "Devanagari", "CJK"]


@pytest.fixture
def system_cjk(tmp_path: Path, monkeypatch) -> Path:
    for name in ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc", "NotoSansCJK-Regular.ttc"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(script_fonts, "_system_cjk_folders", lambda: (tmp_path,))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


@pytest.mark.parametrize(("lang", "family"), [
    ("ja", "Noto Serif CJK JP"), ("ko", "Noto Serif CJK KR"), ("zh", "Noto Serif CJK SC"), ("zh-TW", "Noto Serif CJK TC"),
    ("en", "Noto Serif CJK SC"),
])
def test_cjk_takes_the_serif_face_in_the_languages_region(system_cjk, lang, family):
    (face,), missing = faces("漢字", lang)
    assert face.family == family and missing == []
    linked = sorted(path.name for path in Path(face.folder).iterdir())
    assert linked == ["NotoSerifCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc"]  # not the Sans files


def test_without_any_face_the_script_is_missing(monkeypatch):
    monkeypatch.setattr(script_fonts, "_system_cjk_folders", lambda: ())
    monkeypatch.setattr(script_fonts, "_package_face", lambda script: None)
    found, missing = faces("مرحبا 漢字", "ar")
    assert found == [] and [s.install for s in missing] == [
        "pip install fontpkg-noto-sans-arabic", "apt install fonts-noto-cjk, or pip install 'cvfilter[cjk]'"]


def test_the_arabic_face_comes_from_its_font_package():
    (face,), _ = faces("مرحبا", "ar")
    assert face.family == "Noto Sans Arabic" and any(Path(face.folder).glob("NotoSansArabic*.ttf"))
