"""Variants: sections chosen by heading or macro, entries by tag, per-macro option overrides."""

from __future__ import annotations

import pytest

from cvfilter.errors import CvError
from tests.conftest import normalize

META = """\
name: Ada Lovelace
positions:
  - {title: Analyst, org: Engine Co., dates: 1842, tags: [resume]}
  - {title: Translator, org: Memoirs, dates: 1843}
  - {title: Tutor, org: Home, dates: 1840, tags: [resume]}
education:
  - {title: Private tutoring, org: De Morgan, dates: 1840}
skills:
  - {name: Mathematics, items: [Calculus, Bernoulli numbers]}
"""

BODY = """
::: header
:::

# Positions

::: {.entries from=positions}
:::

# Education

::: {.entries from=education}
:::

# Skills

::: skills
:::
"""


def doc(variants: str, active: str) -> str:
    return f"---\ndate: 1843-09-01\ncvfilter:\n  variant: {active}\n  variants:\n{variants}---\n{BODY}"


def test_sections_by_heading_and_macro_name_keep_document_order(cv_dir):
    out = normalize(cv_dir(META, doc("    short: {sections: [skills, Positions]}\n", "short")))
    assert "Ada Lovelace" in out  # what precedes the first heading stays
    assert out.index("Positions") < out.index("Skills")
    assert "Calculus" in out and "Analyst" in out
    assert "Education" not in out and "De Morgan" not in out


def test_tags_filter_entries_and_options_override_cv_md(cv_dir):
    variants = "    resume:\n      tags: [resume]\n      options: {entries: {limit: 1, sort: date}}\n"
    out = normalize(cv_dir(META, doc(variants, "resume")))
    assert "Analyst" in out
    assert "Translator" not in out  # untagged
    assert "Tutor" not in out  # tagged, but the limit of 1 keeps the newest only
    assert "Private tutoring" not in out


def test_full_variant_without_settings_keeps_everything(cv_dir):
    out = normalize(cv_dir(META, doc("    full: {}\n", "full")))
    for expected in ("Analyst", "Translator", "Tutor", "Private tutoring", "Bernoulli numbers"):
        assert expected in out


@pytest.mark.parametrize(("variants", "active", "message", "line"), [
    ("    short: {sections: [Publications]}\n", "short", "'Publications'", 6),
    ("    short: {options: {entries: {limt: 2}}}\n", "short", "'limt'", 6),
    ("    short: {options: {entrys: {limit: 2}}}\n", "short", ".entrys", 6),
    ("    short: {options: {entries: {limit: many}}}\n", "short", "whole number", 6),
    ("    short: {section: [Skills]}\n", "short", "'section'", 6),
    ("    short: {}\n", "long", "no variant 'long'", 1),
    ("    bad name: {}\n", "short", "variant name", 6),
])
def test_mistakes_are_errors_on_their_line(cv_dir, variants, active, message, line):
    with pytest.raises(CvError) as caught:
        cv_dir(META, doc(variants, active))
    problem = caught.value.problems[0]
    assert message in problem.message
    assert (problem.location.file, problem.location.line) == ("cv.md", line)


BIB = """@article{a1, title={Engines of Thought}, author={Lovelace, Ada}, year={1843}, journal={Memoirs}, keywords={resume}}
@article{a2, title={Notes on Bernoulli Numbers}, author={Lovelace, Ada}, year={1842}, journal={Memoirs}}
"""


def test_variant_tags_select_publications_by_bib_keywords(cv_dir):
    markdown = ("---\ndate: 1843-09-01\ncvfilter:\n  bibliography: refs.bib\n  variant: resume\n"
                "  variants:\n    resume: {tags: [resume]}\n---\n\n# Publications\n\n::: publications\n:::\n")
    out = normalize(cv_dir(META, markdown, refs__bib=BIB))
    assert "Engines of Thought" in out and "Bernoulli" not in out


def _line_of(text: str, marker: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if marker in line)


def test_a_variant_that_drops_earlier_sections_reports_the_true_line(cv_dir):
    """Lines are found in cv.md before the variant drops sections: the n-th macro left is not the
    n-th one in the file."""
    body = BODY.replace("::: {.entries from=education}", "::: {.entries from=education limit=x}")
    body = body.replace("# Positions\n", "# Positions\n\nSee []{.nope}.\n").replace("# Skills\n", "# Skills\n\nSee []{.nope}.\n")
    markdown = doc("    short: {sections: [Education, Skills]}\n", "short").replace(BODY, body)
    with pytest.raises(CvError) as caught:
        cv_dir(META, markdown)
    lines = {problem.message.split()[0]: problem.location.line for problem in caught.value.problems}
    assert lines == {"option": _line_of(markdown, "limit=x"), "unknown": _line_of(markdown, "# Skills") + 2}


def test_cv_check_reports_the_mistakes_of_every_variant_at_their_lines(cv_dir):
    """CI runs `cv check` before it builds the variants, so check looks at all of them, not only the
    one the front matter selects. (pandoc hands a mapping's keys over sorted.)"""
    from cvfilter.check import check

    variants = ("    good: {sections: [Skills]}\n"
                "    typo: {sections: [Skils, Nope]}\n"
                "    opts: {options: {entriez: {limit: 1}, entries: {limt: 1, limit: -1}}}\n")
    markdown = doc(variants, "good")
    cv_dir(META, markdown)
    found = sorted(((p.location.line, p.message, p.hint) for p in check(cv_dir.path / "cv.md") if p.severity == "error"),
                   key=lambda problem: problem[0])
    typo, opts = _line_of(markdown, "typo:"), _line_of(markdown, "opts:")
    assert [(line, word in message, hint) for (line, message, hint), word in zip(found, ("'Skils'", "'Nope'", "-1", "'limt'", ".entriez"))] == [
        (typo, True, "did you mean 'Skills'?"), (typo, True, "sections: Positions, Education, Skills"),
        (opts, True, "limit: show at most this many entries (0: all)"), (opts, True, "did you mean 'limit'?"),
        (opts, True, "did you mean 'entries'?"),
    ]
    assert len(found) == 5
