"""Mistakes on the command line end in one message and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cvfilter.cli import main

@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    assert main(["new", str(tmp_path)]) == 0
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("value, message", [("", "no format named"), (",", "no format named"), ("pdf,xx", "unknown format 'xx'")])
@pytest.mark.parametrize("command", ["build", "watch"])
def test_a_bad_format_list_is_a_usage_error(folder, capsys, command, value, message):
    with pytest.raises(SystemExit) as stopped:
        main([command, "--to", value])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --to: {message}; choose from pdf,docx,html,md,txt,json" in err
    assert "Traceback" not in err


def test_a_repeated_format_is_built_once(folder):
    from cvfilter.cli import make_parser

    assert make_parser().parse_args(["build", "--to", "md, md,txt"]).to == ("md", "txt")


def test_an_output_path_that_is_a_file_is_named(folder, capsys):
    (folder / "afile").write_text("keep", encoding="utf-8")
    assert main(["build", "--to", "md", "-o", "afile"]) == 1
    err = capsys.readouterr().err
    assert "afile: error: cannot write cv.md into this folder: afile is a file, not a folder (choose another folder with -o)" in err
    assert (folder / "afile").read_text(encoding="utf-8") == "keep"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where no folder can be made")
def test_an_output_folder_that_cannot_be_made_is_named(folder, capsys):
    assert main(["build", "--to", "md", "-o", "/proc/cvfilter-nope"]) == 1
    assert "/proc/cvfilter-nope: error: cannot write cv.md into this folder: No such file or directory" in capsys.readouterr().err


def test_schema_into_a_file_path_is_named(folder, capsys):
    (folder / "afile").write_text("", encoding="utf-8")
    assert main(["schema", "afile/schema.json"]) == 1
    assert "afile: error: cannot write schema.json into this folder: afile is a file" in capsys.readouterr().err


def test_a_reader_that_leaves_early_is_not_an_error(folder):
    """`cv macros | head -0`: the pipe is closed before cv writes."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        done = subprocess.run([sys.executable, "-m", "cvfilter.cli", "macros"], stdout=writing, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(writing)
    assert done.stderr == ""
    assert done.returncode == 141


@pytest.mark.parametrize("command", ["build", "check", "stats"])
@pytest.mark.parametrize("name", ["metadata.yaml", "publications.bib"])
def test_a_file_the_front_matter_names_is_not_a_source(folder, capsys, command, name):
    assert main([command, name]) == 1
    err = capsys.readouterr().err
    assert f"{name}: error: not a Markdown source: a {Path(name).suffix} file (the source is cv.md; {name} is named in its front matter" in err
    assert not (folder / "build").exists()


@pytest.mark.parametrize("command", ["build", "check"])
def test_no_cv_md_says_how_to_start(tmp_path, monkeypatch, capsys, command):
    monkeypatch.chdir(tmp_path)
    assert main([command]) == 1
    assert "cv.md: error: no cv.md here (run `cv new` to start one, or name the Markdown file)" in capsys.readouterr().err


def _plain_pandoc(source: Path, cwd: Path) -> subprocess.CompletedProcess:
    from cvfilter.pandoc import pandoc_path

    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([pandoc_path(), str(source), "--filter", "cvfilter", "-t", "html"],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_plain_pandoc_away_from_the_cv_says_paths_follow_the_working_directory(folder, tmp_path_factory):
    away = tmp_path_factory.mktemp("away")
    done = _plain_pandoc(folder / "cv.md", away)
    assert done.returncode != 0
    assert (f"the Markdown source: error: data file 'metadata.yaml' not found in the working directory {away} "
            "(under plain pandoc paths are relative to the working directory; run pandoc from the CV's folder") in done.stderr
    assert "cv.md" not in done.stderr.split("Error running filter")[0]


def test_plain_pandoc_on_another_file_does_not_call_it_cv_md(folder):
    text = (folder / "cv.md").read_text(encoding="utf-8") + "\n::: bogus\n:::\n"
    (folder / "resume.md").write_text(text, encoding="utf-8")
    (folder / "cv.md").unlink()
    done = _plain_pandoc(folder / "resume.md", folder)
    assert "the Markdown source: error: unknown macro .bogus" in done.stderr
    assert "cv.md" not in done.stderr


def test_check_ends_with_a_summary(folder, capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "cv.md: no problems"
    (folder / "metadata.yaml").write_text((folder / "metadata.yaml").read_text(encoding="utf-8").replace("name:", "name: \nnmae:", 1), encoding="utf-8")
    assert main(["check"]) == 1
    lines = capsys.readouterr().err.splitlines()
    errors = sum(": error: " in line for line in lines)
    assert errors >= 1
    assert lines[-1] == f"cv.md: {errors} error{'s' if errors > 1 else ''}, 0 warnings"


def test_every_positional_argument_is_explained():
    import argparse

    from cvfilter.cli import make_parser

    commands = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    unexplained = [f"{name} {action.dest}" for name, sub in commands.choices.items()
                   for action in sub._actions if not action.option_strings and not action.help]
    assert unexplained == []
