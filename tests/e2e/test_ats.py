"""`cv check --ats`: the example passes in every format; a CV made to fail each check fails it,
with the finding at its source line and a non-zero exit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cvfilter.ats.command import check_ats
from cvfilter.cli import main
from cvfilter.themes import shipped_names
from tests.conftest import copy_example

METADATA = """\
name: Ada Example
contact:
  email: ada@example.org
  website: https://ada.example.org
positions:
  - title: {title}
    org: Alpha Corp
    dates: 2020 -- Present
    highlights:
      - {highlight}
  - title: Software Engineer
    org: Beta Labs
    dates: 2016 -- 2020
    highlights:
      - Wrote the scheduler
"""

CV = """\
---
cvfilter:
  data: metadata.yaml
lang: en
---

::: header
:::

# {heading}

::: {{.entries from=positions}}
:::
{extra}
# Skills

Python, Rust
"""

# A block Typst floats to the top of the page: drawn (and so read) before the entries above it.
FLOATED = """
```{=typst}
#place(top, float: true, scope: "parent")[
```

::: cv-entry
[Gamma Works Consultant]{.cv-title} [2015]{.cv-date}
:::

```{=typst}
]
```
"""
LONG = " ".join(["Designed", "and", "ran", "the", "company's"] + ["in\u00adter\u00adna\u00adtion\u00adal\u00adi\u00adza\u00adtion"] * 14)


def make_cv(folder: Path, title: str = "Staff Engineer", highlight: str = "Cut build times in half",
            heading: str = "Experience", extra: str = "") -> Path:
    (folder / "metadata.yaml").write_text(METADATA.format(title=title, highlight=highlight), encoding="utf-8")
    (folder / "cv.md").write_text(CV.format(heading=heading, extra=extra), encoding="utf-8")
    return folder / "cv.md"


def findings(source: Path) -> tuple[int, list[str], str]:
    """The exit status of `cv check --ats`, its finding lines, and everything it printed."""
    result = check_ats(source)
    lines = []
    for score in result.scores:
        lines.extend(f"{score.fmt}/{score.reader} {f.where} {f.kind} {f.what}" for f in score.findings)
    return (0 if result.passed else 1), lines, ""


@pytest.mark.parametrize("theme", shipped_names())
def test_the_example_reads_back_whole_in_every_format_and_theme(tmp_path: Path, theme: str) -> None:
    work = copy_example(tmp_path)
    started = time.perf_counter()
    result = check_ats(work / "cv.md", theme=theme)
    assert [(s.fmt, s.reader) for s in result.scores] == [
        ("pdf", "pypdf"), ("pdf", "pdfium"), ("docx", "paragraphs"), ("docx", "xml runs"), ("html", "dom")]
    for score in result.scores:
        assert score.percent == 100, [str(f) for f in score.findings[:5]]
        assert score.checked > 600  # the name, contacts, 12 headings, every entry's fields
    assert result.passed
    assert result.seconds < time.perf_counter() - started
    # The read-back's own cost after the build, in processor time (steady on a shared machine; its wall
    # time stretches with the load: bench/ats.py and docs/ats.md give both).
    assert result.cpu_seconds < 1.0


def test_a_clean_cv_passes_and_the_cli_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_cv(tmp_path)
    assert main(["check", "--ats", str(source)]) == 0
    out = capsys.readouterr().out
    assert "threshold 100%: passes" in out
    assert out.count("100%") >= 5


@pytest.mark.parametrize(("case", "kind", "line", "readers"), [
    ({"title": "Staff Engineer \ue0a0"}, "garbled", "metadata.yaml:6", {"pdf/pypdf", "docx/paragraphs", "docx/xml runs", "html/dom"}),
    ({"title": "Ofﬁce Manager"}, "garbled", "metadata.yaml:6", {"pdf/pypdf", "docx/paragraphs", "docx/xml runs", "html/dom"}),
    ({"highlight": LONG}, "hyphenated", "metadata.yaml:10", {"pdf/pypdf", "pdf/pdfium"}),
    ({"heading": "Things I Did"}, "heading", "cv.md:10", {"pdf/pypdf", "pdf/pdfium", "docx/paragraphs", "docx/xml runs", "html/dom"}),
    ({"extra": FLOATED}, "order", "cv.md:20", {"pdf/pypdf", "pdf/pdfium"}),
], ids=["private-use-icon", "ligature", "hyphenated-line-end", "unknown-heading", "drawn-out-of-order"])
def test_each_check_fails_a_cv_made_to_fail_it(tmp_path: Path, case: dict[str, str], kind: str, line: str,
                                               readers: set[str], capsys: pytest.CaptureFixture[str]) -> None:
    source = make_cv(tmp_path, **case)
    assert main(["check", "--ats", str(source)]) == 1
    out = capsys.readouterr().out
    caught = [row for row in out.splitlines() if row.startswith(f"{line}: {kind}:")]
    assert caught, out
    named = {reader for row in caught for reader in row.split("[", 1)[1].split("]", 1)[0].split(", ")}
    assert readers <= named, out
    assert "fails" in out.splitlines()[-1]


def test_the_threshold_comes_from_the_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_cv(tmp_path, heading="Things I Did")
    source.write_text(source.read_text(encoding="utf-8").replace("  data: metadata.yaml\n", "  data: metadata.yaml\n  ats: {threshold: 90}\n"),
                      encoding="utf-8")
    assert main(["check", "--ats", str(source)]) == 0
    assert "threshold 90%: passes" in capsys.readouterr().out
    source.write_text(source.read_text(encoding="utf-8").replace("threshold: 90", "threshold: 101"), encoding="utf-8")
    assert main(["check", str(source)]) == 1
    assert "cv.md:4" in capsys.readouterr().err


def test_cv_build_ats_builds_and_checks_and_refuses_what_it_would_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_cv(tmp_path, heading="Things I Did")
    assert main(["build", "--ats", str(source)]) == 1
    out = capsys.readouterr().out
    assert "wrote" in out and "cv.md:10: heading:" in out
    assert main(["build", "--ats", "--to", "pdf", str(source)]) == 2
    assert "leave out --to" in capsys.readouterr().err
