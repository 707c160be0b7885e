"""The words and dates the CV prints follow `lang:`; labels can be overridden from the front matter."""

from __future__ import annotations

import pytest

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Emmy Noether
scholar: {citations: 12345, h_index: 40}
education:
  - title: Promotion in Mathematik
    org: Universität Erlangen
    dates: 1903-10 -- 1907-12
    thesis: {title: Über die Bildung des Formensystems}
    advisor: {name: Paul Gordan}
positions:
  - title: Privatdozentin
    org: Universität Göttingen
    with: [{name: David Hilbert}, {name: Felix Klein}]
    topic: Invariantentheorie
    dates: 1919-06 -- Present
repositories:
  - {name: emmy/invariants, description: Invarianten, stars: 1250, year: 2020}
"""
BIB = """@article{n1, title={Idealtheorie in Ringbereichen}, author={Noether, Emmy and Alpha, Anna and Beta, Berta}, year={1921}, journal={Math. Ann.}, selected={true}}
@article{n2, title={Invariante Variationsprobleme}, author={Noether, Emmy}, year={1918}, journal={Nachr. Ges. Wiss.}}
@article{n3, title={Neuere Arbeit}, author={Noether, Emmy}, year={1930}, journal={Math. Z.}}
"""
BODY = """
::: header
:::

# Ausbildung

::: {.entries from=education}
:::

# Stellen

::: {.entries from=positions}
:::

# Publikationen []{.scholar-stats}

::: {.publications earlier=1921 max-authors=2}
:::

# Software

::: repositories
:::
"""


def cv(lang: str, extra: str = "") -> str:
    return f"---\nlang: {lang}\ndate: 2024-03-05\ncvfilter:\n  bibliography: refs.bib\n{extra}---\n{BODY}"


def test_german_labels_dates_and_numbers(cv_dir):
    out = normalize(cv_dir(META, cv("de"), refs__bib=BIB))
    for expected in (
        "Zuletzt aktualisiert am 5. März 2024",
        "Oktober 1903 – Dezember 1907",
        "Dissertation: Über die Bildung des Formensystems",
        "Betreuer: Paul Gordan",
        "(mit David Hilbert und Felix Klein zu Invariantentheorie) Juni 1919 – heute",
        "Ausgewählte Publikationen sind hervorgehoben.",
        "1921 und früher",
        "Emmy Noether, Anna Alpha u. a.",
        "12,3k+ Zitationen und ein h-Index von 40",
        "1,2k+ GitHub-Sterne über alle Repositorys.",
    ):
        assert expected in out
    for english in ("Last updated", "Present", "Thesis", "Advisor", " with ", "and earlier", "et al.", "citations"):
        assert english not in out


@pytest.mark.parametrize(("lang", "updated", "range_"), [
    ("en-US", "Last updated on March 5, 2024", "June 1919 – Present"),
    ("fr", "Mis à jour le 5 mars 2024", "juin 1919 – présent"),
    ("es", "Última actualización: 5 de marzo de 2024", "junio de 1919 – actualidad"),
])
def test_other_languages(cv_dir, lang, updated, range_):
    out = normalize(cv_dir(META, cv(lang), refs__bib=BIB))
    assert updated in out and range_ in out


def test_labels_are_overridable_and_unknown_ones_are_errors(cv_dir):
    extra = "  labels:\n    present: bis heute\n    advisor: Doktorvater\n"
    out = normalize(cv_dir(META, cv("de", extra), refs__bib=BIB))
    assert "Juni 1919 – bis heute" in out and "Doktorvater: Paul Gordan" in out
    with pytest.raises(CvError) as caught:
        cv_dir(META, cv("de", "  labels:\n    presnt: bis heute\n"), refs__bib=BIB)
    assert "'presnt'" in caught.value.problems[0].message and "present" in caught.value.problems[0].hint


def test_german_pdf_footer_counts_pages_in_german(tmp_path):
    from pypdf import PdfReader

    from cvfilter.build import build

    (tmp_path / "metadata.yaml").write_text(META, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "cv.md").write_text(cv("de"), encoding="utf-8")
    pdf = build(tmp_path / "cv.md", ("pdf",)).outputs["pdf"]
    footer = normalize(PdfReader(pdf).pages[0].extract_text())
    assert "1 von 1" in footer and "Zuletzt aktualisiert am 5. März 2024" in footer and " of " not in footer
