"""The ATS check's parts without a build: headings per language, garbled characters, matching in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvfilter.ats.compare import score
from cvfilter.ats.expected import Contact, Entry, Expected, Field
from cvfilter.ats.headings import STANDARD, standard_section
from cvfilter.ats.sources import Sources
from cvfilter.ats.text import Extraction, garbled, squeeze
from cvfilter.words import WORDS


def test_every_language_with_labels_has_a_table_of_section_names() -> None:
    assert set(WORDS) <= set(STANDARD)
    assert all({"experience", "education", "skills", "publications"} <= set(table) for table in STANDARD.values())


@pytest.mark.parametrize(("heading", "lang", "section"), [
    ("Previous Positions", "en-US", "experience"), ("Honors & Awards", "en", "awards"), ("Skills", "en", "skills"),
    ("Berufserfahrung", "de", "experience"), ("Publikationen", "de-AT", "publications"), ("Education", "de", "education"),
    ("Опыт работы", "ru", "experience"), ("职业经历", "zh", "experience"), ("学歴", "ja", "education"),
    ("المهارات", "ar", "skills"), ("शिक्षा", "hi", "education"),
    ("Things I Did", "en", None), ("Berufserfahrung", "en", None), ("Miscellany", "en", None),
])
def test_a_heading_is_known_by_its_words_in_its_language_or_english(heading: str, lang: str, section: str | None) -> None:
    assert standard_section(heading, lang) == section


def test_garbled_characters_are_named() -> None:
    kinds = [why.split()[0] for _at, _char, why in garbled("a\ufb01b \ue0a0 x\u00ady \ufffd")]
    assert kinds == ["ligature", "private-use", "soft", "replacement"]
    assert squeeze("Ofﬁce – “x”\u00a0y") == squeeze("Office - \"x\" y")


def _expected() -> Expected:
    return Expected(name="Ada Example", contacts=[Contact("email", "ada@example.org", "mailto:ada@example.org")],
                    headings=["Experience"],
                    entries=[Entry("Experience", [Field("title", "Staff Engineer"), Field("date", "2020 – Present"),
                                                  Field("highlight", "Led the internationalization work")]),
                             Entry("Experience", [Field("title", "Software Engineer"), Field("date", "2016 – 2020")])])


def _sources(tmp_path: Path) -> Sources:
    data = tmp_path / "metadata.yaml"
    data.write_text("name: Ada Example\npositions:\n  - title: Staff Engineer\n    highlights: [Led the internationalization work]\n"
                    "  - title: Software Engineer\n", encoding="utf-8")
    return Sources.read([("metadata.yaml", data)])


def test_fields_of_an_entry_may_come_in_any_order_but_entries_may_not(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    dates_first = "Ada Example\nada@example.org\nExperience\n2020 – Present Staff Engineer\nLed the internationalization work\n2016 – 2020 Software Engineer"
    result = score(Extraction("pdf", "test", dates_first, ["mailto:ada@example.org"]), _expected(), sources)
    assert (result.passed, result.checked, result.findings) == (10, 10, [])
    swapped = "Ada Example\nada@example.org\nExperience\nSoftware Engineer 2016 – 2020\nStaff Engineer 2020 – Present\nLed the internationalization work"
    result = score(Extraction("pdf", "test", swapped, ["mailto:ada@example.org"]), _expected(), sources)
    assert [(f.kind, f.what.split()[0]) for f in result.findings] == [("order", "title"), ("order", "date")]
    assert str(result.findings[0].where) == "metadata.yaml:5"  # Software Engineer, read before the entry above it


def test_a_word_hyphenated_at_a_line_end_is_found_at_its_source_line(tmp_path: Path) -> None:
    text = "Ada Example ada@example.org\nExperience\nStaff Engineer 2020 – Present\nLed the internationali-\nzation work\nSoftware Engineer 2016 – 2020"
    result = score(Extraction("pdf", "test", text, ["mailto:ada@example.org"]), _expected(), _sources(tmp_path))
    kinds = {(f.kind, str(f.where)) for f in result.findings}
    assert kinds == {("hyphenated", "metadata.yaml:4"), ("missing", "metadata.yaml:4")}
    assert result.percent < 100


def test_the_name_must_be_at_the_top_and_a_contact_needs_its_address(tmp_path: Path) -> None:
    text = "Experience\nStaff Engineer 2020 – Present\nLed the internationalization work\nSoftware Engineer 2016 – 2020\n" + "x" * 500 + "\nAda Example ada@example.org"
    expected = _expected()
    expected.contacts.append(Contact("website", "my blog", "https://ada.example.org/blog"))
    result = score(Extraction("pdf", "test", text + " my blog", []), expected, _sources(tmp_path))
    assert [f.kind for f in result.findings] == ["name", "link"]
    assert score(Extraction("pdf", "test", text + " my blog", ["https://ada.example.org/blog/"]), expected, _sources(tmp_path)).findings[1:] == []
