"""The reviewing macro: one venue per line, literal text, list options."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import normalize

META = """\
name: Ada Lovelace
reviewing:
  - Transactions of the Royal Society (Phil. Trans.)
  - "Annals of *Mathematics* & <Engines>"
  - British Association
"""


def doc(options: str = "") -> str:
    return f"# Reviewing\n\n::: {{.reviewing {options}}}\n:::\n"


def test_each_venue_literally_on_its_own_line(cv_dir):
    out = cv_dir(META, doc(), "plain")
    lines = [normalize(line) for line in out.splitlines() if line.strip()]
    assert lines[1:] == ["Transactions of the Royal Society (Phil. Trans.)", "Annals of *Mathematics* & <Engines>",
                         "British Association"]
    soup = BeautifulSoup(cv_dir(META, doc(), "html"), "html.parser")
    assert [normalize(v.get_text()) for v in soup.select(".cv-venue")][1] == "Annals of *Mathematics* & <Engines>"


def test_options(cv_dir):
    out = normalize(cv_dir(META, doc("sort=title limit=2 numbering=ascending"), "plain"))
    assert out == "Reviewing 1. Annals of *Mathematics* & <Engines> 2. British Association"
    out = normalize(cv_dir(META, doc("reverse=true"), "plain"))
    assert out.index("British") < out.index("Annals") < out.index("Transactions")


UNCLOSED = """\
# Reviewing

::: reviewing

# Teaching

::: {.skills limit=-1}
:::

# Skills
"""


def test_an_unclosed_macro_that_swallows_the_next_sections_is_an_error_at_its_line(tmp_path):
    from cvfilter.check import check

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text(UNCLOSED, encoding="utf-8")
    assert [str(p) for p in check(tmp_path / "cv.md")] == [
        "cv.md:3: error: macro .reviewing is not closed, so it takes in the heading 'Teaching' and what follows "
        "(add ::: on its own line after it)",
        "cv.md:7: error: option limit='-1' must be at least 0 (limit: show at most this many entries (0: all))",
    ]
    (tmp_path / "metadata.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    assert "cv.md:3: error: macro .reviewing is not closed" in "\n".join(str(p) for p in check(tmp_path / "cv.md"))


def test_a_heading_inside_a_closed_macro_is_its_own(tmp_path):
    from cvfilter.check import check

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "cv.md").write_text("::: reviewing\n## Reviewing\n:::\n\n```\n::: skills\n```\n\n# After\n", encoding="utf-8")
    assert check(tmp_path / "cv.md") == []
