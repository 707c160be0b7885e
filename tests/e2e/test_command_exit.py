"""The installed `cv` and `cvfilter` commands leave without tearing the interpreter down
(`exit_now`): what they print still arrives whole, and the exit status still says how it went."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SMALL_CV

SCRIPTS = Path(sys.executable).parent
META = "name: Ada Lovelace\ncontact:\n  email: ada@example.org\n"


def test_cv_build_prints_every_line_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(SMALL_CV, encoding="utf-8")
    done = subprocess.run([SCRIPTS / "cv", "build", "--timings"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == ["wrote build/cv.pdf", "wrote build/cv.docx", "wrote build/cv.html"]
    stages = {line.split()[0] for line in lines[3:]}
    assert {"import", "typst-compile", "docx", "html"} <= stages  # the timings table, whole
    assert "Ada Lovelace" in (tmp_path / "build" / "cv.html").read_text(encoding="utf-8")


def test_cv_build_reports_an_error_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "metadata.yaml").write_text(META + "nickname: Ada\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text(SMALL_CV, encoding="utf-8")
    done = subprocess.run([SCRIPTS / "cv", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    assert "metadata.yaml:4:1: error: unknown key 'nickname'" in done.stderr
    assert not (tmp_path / "build").exists()


def test_the_cvfilter_command_writes_the_whole_document(tmp_path: Path) -> None:
    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(SMALL_CV, encoding="utf-8")
    from cvfilter import pandoc

    ast = pandoc.read_markdown(SMALL_CV, "cv.md", tmp_path)
    done = subprocess.run([SCRIPTS / "cvfilter", "html"], cwd=tmp_path, input=ast.encode("utf-8"), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    finished = json.loads(done.stdout)  # complete JSON: nothing of stdout lost on the way out
    assert "Ada" in json.dumps(finished["blocks"])
