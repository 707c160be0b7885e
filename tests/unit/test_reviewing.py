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
