"""Typst PDF layout read back from word boxes (`pdftotext -bbox`): where the words land on the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cvfilter.build import build

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")

CV = """---
date: 2023-03-20
---

# Positions

::: {.entries from=positions}
:::
"""


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) for every word of the PDF, in reading order."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)]


def test_a_date_that_does_not_fit_stays_in_the_right_aligned_column(tmp_path: Path) -> None:
    # Titles of growing length: one of them fills its line so that the date must move to the next.
    entries = "".join(
        f"  - title: Research Assistant in the Department of Computer Science {'x' * n}\n"
        f"    org: Carnegie Mellon\n    dates: 2016-09 -- 2019-05\n"
        for n in range(14)
    )
    (tmp_path / "metadata.yaml").write_text(f"name: Ada Lovelace\npositions:\n{entries}", encoding="utf-8")
    (tmp_path / "cv.md").write_text(CV, encoding="utf-8")
    pdf = build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"]
    # The text layer stays clean: no joiner characters between an entry and its date.
    assert "\u2060" not in subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    words = word_boxes(pdf)
    years = [w for w in words if w[0] == "2019"]
    assert len(years) == 14
    right_edges = [round(w[3]) for w in years]
    assert max(right_edges) - min(right_edges) <= 1, right_edges
    # At least one date had to leave its title's line (and it is still right-aligned, above).
    titles = [w for w in words if w[0] == "Mellon"]
    assert any(year[2] > title[4] for year, title in zip(years, titles))
