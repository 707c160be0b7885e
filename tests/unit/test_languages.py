"""Every language has every CV word; dates, numbers and the direction are CLDR's, read through babel."""

from __future__ import annotations

import datetime

import pytest
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from cvfilter.bibliography.session import csl_locale
from cvfilter.labels import LANGUAGES, Labels
from cvfilter.numbers import compact
from cvfilter.words import ENGLISH, WORDS

ISSUE_LANGUAGES = "en de fr es it pt nl pl cs sv da fi nb tr ru uk el ar he fa zh ja ko hi ur".split()


def test_every_issue_language_has_a_table_with_every_word():
    assert set(ISSUE_LANGUAGES) <= set(LANGUAGES)
    for lang, table in WORDS.items():
        assert set(table) == set(ENGLISH), f"{lang}: {set(table) ^ set(ENGLISH)}"
        assert all(word.strip() == word and word for word in table.values()), lang


@pytest.mark.parametrize("lang", [lang for lang in ISSUE_LANGUAGES if lang != "en"])
def test_a_table_is_in_its_own_words(lang):
    """Most words differ from English ("et al." and "citations" may be the same in French)."""
    same = {key for key, word in WORDS[lang].items() if word == ENGLISH[key]}
    assert len(same) <= 3, f"{lang} keeps English for {sorted(same)}"


@pytest.mark.parametrize("lang", ISSUE_LANGUAGES)
def test_dates_are_cldr_long_dates_and_months_with_years(lang):
    """The reference is babel called directly: the long date, and the yMMMM skeleton (in Polish
    "marzec 2024" without a day, "5 marca 2024" with one)."""
    locale = Locale.parse(lang)
    for year, month, day in ((2024, 3, 5), (1999, 12, 31), (2010, 1, 1)):
        when = datetime.date(year, month, day)
        assert Labels(lang).date(year, month, day) == format_date(when, "long", locale=locale)
        assert Labels(lang).date(year, month) == format_skeleton("yMMMM", when.replace(day=1), locale=locale)
    assert Labels(lang).date(2024) == "2024"


def test_some_dates_read_as_each_language_writes_them():
    assert Labels("de").date(2024, 3, 5) == "5. März 2024"
    assert Labels("pl").date(2024, 3) == "marzec 2024" and Labels("pl").date(2024, 3, 5) == "5 marca 2024"
    assert Labels("ja").date(2024, 3, 5) == "2024年3月5日" and Labels("ko").date(2024, 3) == "2024년 3월"
    assert Labels("pt-BR").date(2024, 3, 5) == "5 de março de 2024"


@pytest.mark.parametrize("lang", ISSUE_LANGUAGES)
def test_the_decimal_mark_is_cldrs(lang):
    expected = format_decimal(1.3, locale=Locale.parse(lang), numbering_system="latn")
    assert compact(1300, lang) == expected + "k"


def test_direction_follows_the_script():
    assert {lang for lang in ISSUE_LANGUAGES if Labels(lang).direction == "rtl"} == {"ar", "he", "fa", "ur"}


def test_a_language_without_a_table_is_english_throughout():
    labels = Labels("ro")
    assert labels.base == "en" and labels["present"] == "Present" and labels.date(2024, 3) == "March 2024"


@pytest.mark.parametrize(("tag", "locale"), [
    ("en", "en-US"), ("en-GB", "en-GB"), ("de", "de-DE"), ("de-AT", "de-AT"), ("pt-BR", "pt-BR"), ("nb", "nb-NO"),
    ("zh", "zh-CN"), ("zh-TW", "zh-TW"), ("ar", "ar"), ("he", "he-IL"), ("ja", "ja-JP"), ("ur", "en-US"),
])
def test_the_csl_locale_follows_lang(tag, locale):
    assert csl_locale(tag) == locale


def test_a_per_language_value_picks_the_tag_then_its_language_then_the_fallbacks():
    from cvfilter.data.languages import choose, is_language_map, pick

    texts = {"en": "Scientist", "de": "Wissenschaftlerin", "pt-BR": "Cientista"}
    assert pick(texts, "de-AT", ("en",)) == "Wissenschaftlerin"
    assert pick(texts, "pt", ("en",)) == "Cientista" and pick(texts, "fr", ("en",)) == "Scientist"
    assert pick(texts, "fr", ()) is None
    assert not is_language_map({"title": "x", "url": "y"}) and not is_language_map({"en": ["a"]})
    data, problems = choose({"a": [{"title": texts, "org": "ACME"}]}, "de", ("en",))
    assert data == {"a": [{"title": "Wissenschaftlerin", "org": "ACME"}]} and problems == []
    _, problems = choose({"title": {"en": "x", "english": "y"}}, "en", ())
    assert [(p.path, p.message) for p in problems] == [(("title", "english"), "'english' is not a language tag")]


def test_a_language_without_labels_is_a_warning_at_the_lang_line(tmp_path):
    from cvfilter.check import check
    from tests.conftest import SMALL_CV

    (tmp_path / "metadata.yaml").write_text("name: Ada\npositions:\n  - {title: Analyst, dates: 2019}\n", encoding="utf-8")
    (tmp_path / "cv.md").write_text(SMALL_CV.replace("date: 2023-03-20", "date: 2023-03-20\nlang: ro"), encoding="utf-8")
    line = SMALL_CV.splitlines().index("date: 2023-03-20") + 2
    warned = [p for p in check(tmp_path / "cv.md") if "no labels" in p.message]
    assert [(p.severity, p.location.line) for p in warned] == [("warning", line)] and "de fr" in warned[0].hint
